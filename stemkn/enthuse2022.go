package stemkn

import "github.com/stemkn/stemkn/eligibility"

// enthuse2022 is an ENTHUSE partnership of the 2022 kind with STEM Learning:
// state-funded schools working together on a two-year plan, with a default
// cap of £20,000 spent on coaching, supply cover, equipment, resources and
// room hire (seed 003). STEM Ambassadors come free, so they have no spend
// category. A partnership awarded more, such as the Hemel Enthuse
// Partnership's £50,000, is a scheme file that extends this one.
func enthuse2022() *Scheme {
	const (
		seed     = "\"ACHIEVE TOGETHER: Hemel Hempstead schools partner with STEM to improve science curriculum\", BreakingYourLocalNews, 24 September 2022, on the Hemel Enthuse Partnership with STEM Learning"
		spending = "All 20 schools will have free access to STEM ambassadors, and now have more funding available for STEM learning coaching, supply cover, equipment, resources, and room hire for training amongst many other things."
		schools  = "The partnership sees a group of 20 schools working together over two years, with aims to reveal a pathway and raise the aspirations for careers in STEM subjects."
		state    = "ENTHUSE partnerships are for state-funded schools (SPEC §3.3), as in the programme of 2014–16: \"The 2014-16 programme provided state funded primary and secondary schools and FE colleges with a maximum of £12,000…\" (seed 004)."
	)
	schoolsAndColleges := []string{"school", "college"}
	return &Scheme{
		ID:        "enthuse-2022",
		Title:     "ENTHUSE Partnerships (2022)",
		Funders:   []string{"STEM Learning"},
		Kind:      KindApplication,
		Currency:  "GBP",
		Reference: seed,
		Categories: []Category{
			{ID: "coaching", Title: "STEM learning coaching"},
			{ID: "supply-cover", Title: "Supply cover"},
			{ID: "equipment", Title: "Equipment"},
			{ID: "resources", Title: "Resources"},
			{ID: "room-hire", Title: "Room hire for training"},
		},
		Rules: Rules{
			Institutions: []InstitutionRule{
				{
					ID: "leadInstitution", Applies: "lead", Kinds: schoolsAndColleges,
					Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true,
					Title: "The lead institution is a state-funded school or college",
					Who:   "state-funded schools and colleges", Does: "lead an ENTHUSE partnership",
					Reference: state,
				},
				{
					ID: "partnerSchools", Applies: "all", Kinds: schoolsAndColleges,
					Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true,
					Title: "Every school and college in the partnership is state-funded",
					Who:   "state-funded schools and colleges", Does: "take part in an ENTHUSE partnership",
					Reference: state,
				},
			},
			Duration: &DurationRule{MaxMonths: 24,
				Reference: schools + " (Two years: 24 months, counted inclusively from the start date to the end date, a started month counting whole.)"},
			FundingRequired: &TextRule{Reference: spending},
			Categories:      &TextRule{Reference: spending + " (STEM Ambassadors are free and cost the partnership nothing, so there is no spend category for them.)"},
			Cap: &CapRule{Amount: 2000000,
				Reference: "In a surprise reveal it was announced that the schools would have access to £50,000 over the two years, as opposed to the £20,000 as first thought. (£20,000 is the default for an ENTHUSE partnership; a partnership awarded more extends this scheme.)"},
		},
	}
}
