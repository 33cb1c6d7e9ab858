package stemkn

import "github.com/stemkn/stemkn/eligibility"

// enthuse2014 is the ENTHUSE Partnership programme of 2014–16, run by STEM
// Learning: groups of at least five state-funded schools and colleges
// working together for up to two years, with up to £12,000, on a local issue
// of underachievement in STEM (seed 004).
func enthuse2014() *Scheme {
	const (
		seed = "ENTHUSE Partnership programme 2014–16, STEM Learning: \"First cohort of ENTHUSE Partnerships now complete\""
		// programme is the seed's one sentence of eligibility rules; several
		// rules come from it.
		programme = "The 2014-16 programme provided state funded primary and secondary schools and FE colleges with a maximum of £12,000 to work in partnership with at least four other schools wishing to work together to address local issues of underachievement in STEM subjects."
	)
	schoolsAndColleges := []string{"school", "college"}
	return &Scheme{
		ID:        "enthuse-2014",
		Title:     "ENTHUSE Partnerships 2014–16",
		Funders:   []string{"STEM Learning"},
		Kind:      KindApplication,
		Currency:  "GBP",
		Reference: seed,
		Categories: []Category{
			{ID: "cpd", Title: "CPD for teachers"},
			{ID: "supply-cover", Title: "Supply cover"},
			{ID: "resources", Title: "Resources"},
			{ID: "travel", Title: "Travel"},
			{ID: "student-activities", Title: "STEM learning activities with students"},
			{ID: "other", Title: "Other"},
		},
		Rules: Rules{
			LocalIssue: &TextRule{Reference: programme},
			Institutions: []InstitutionRule{
				{
					ID: "leadInstitution", Applies: "lead", Kinds: schoolsAndColleges,
					Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true,
					Title: "The lead institution is a state-funded primary or secondary school or FE college",
					Who:   "state-funded schools and FE colleges", Does: "lead an ENTHUSE Partnership",
					Reference: programme,
				},
				{
					ID: "partnerSchools", Applies: "all", Kinds: schoolsAndColleges,
					Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true,
					Title: "Every school and college in the partnership is state-funded",
					Who:   "state-funded schools and FE colleges", Does: "take part in an ENTHUSE Partnership",
					Reference: programme,
				},
			},
			MinInstitutions: &CountRule{Min: 5,
				Reference: programme + " (The lead and at least four other schools: at least 5 institutions.)"},
			Duration: &DurationRule{MaxMonths: 24,
				Reference: programme + " (The 2014–16 programme runs over at most two years: 24 months, counted inclusively from the start date to the end date, a started month counting whole.)"},
			Activities: &ActivitiesRule{
				Needs: []ActivityNeed{
					{Name: "teacher CPD", Kinds: []string{"cpd", "lesson-study", "practitioner-research"}},
					{Name: "STEM learning activities with students", Kinds: []string{"student-activity"}},
				},
				Reference: "ENTHUSE Partnerships enable sustained support through continuing professional development for teachers and STEM based learning activities with students.",
			},
			FundingRequired: &TextRule{Reference: "The ENTHUSE Partnership programme provides groups of schools with funding for collaborative activities to improve teaching and learning in STEM subjects."},
			Categories:      &TextRule{Reference: "Spend categories for ENTHUSE Partnerships 2014–16 budgets: CPD for teachers, supply cover, resources, travel, STEM learning activities with students and other (stemkn, SPEC §5), after \"ENTHUSE Partnerships enable sustained support through continuing professional development for teachers and STEM based learning activities with students.\""},
			Cap:             &CapRule{Amount: 1200000, Reference: programme},
		},
	}
}
