package stemkn_test

import (
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// The ENTHUSE fixtures: five state-funded schools in 2014–16 (lead
// "hartshead"), three state-funded primary schools in 2022 (lead "riverside").
const (
	enthuse2014Fixture = "enthuse-2014.json"
	enthuse2022Fixture = "enthuse-2022.json"
)

func TestEnthuseCapsArePennyExact(t *testing.T) {
	cases := []struct {
		name    string
		fixture string
		total   budget.Amount
		codes   []stemkn.Code
	}{
		{"2014–16: exactly £12,000 is allowed", enthuse2014Fixture, 1200000, nil},
		{"2014–16: £12,000.01 is over the cap", enthuse2014Fixture, 1200001, []stemkn.Code{stemkn.CodeCap}},
		{"2022: exactly £20,000 is allowed", enthuse2022Fixture, 2000000, nil},
		{"2022: £20,000.01 is over the cap", enthuse2022Fixture, 2000001, []stemkn.Code{stemkn.CodeCap}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, tc.fixture, totalling(tc.total), stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
			require.Equal(t, tc.codes == nil, res.Valid)
		})
	}
}

// "work in partnership with at least four other schools" (seed 004): both
// ENTHUSE schemes count the schools besides the lead. An employer,
// university or college in the partnership does not count towards the
// four, and a college lead needs four schools as a school lead does.
func TestEnthuseNeedsTheLeadAndAtLeastFourOtherSchools(t *testing.T) {
	extra := func(kind string) func(*stemkn.Application) {
		return func(a *stemkn.Application) {
			x := a.Network.Institutions[1]
			x.ID, x.Name, x.URN, x.Kind = "ashton", "Ashton "+kind, "999399", kind
			if kind != "school" {
				x.EstablishmentType, x.Phase, x.URN = "further-education", "16-plus", "999398"
			}
			a.Network.Institutions = append(a.Network.Institutions, x)
		}
	}
	both := func(fs ...func(*stemkn.Application)) func(*stemkn.Application) {
		return func(a *stemkn.Application) {
			for _, f := range fs {
				f(a)
			}
		}
	}
	collegeLead := func(a *stemkn.Application) {
		a.Network.Institutions[0].Kind, a.Network.Institutions[0].EstablishmentType = "college", "further-education"
		a.Network.Institutions[0].Phase = "16-plus"
	}
	cases := []struct {
		name   string
		mutate func(*stemkn.Application)
		codes  []stemkn.Code
		count  int
	}{
		{"the lead and five other schools", extra("school"), nil, 5},
		{"the lead and exactly four other schools", nil, nil, 4},
		{"the lead and three other schools", keepInstitutions(4), []stemkn.Code{stemkn.CodeMinInstitutions}, 3},
		{"three other schools and a college: the college does not count", both(keepInstitutions(4), extra("college")),
			[]stemkn.Code{stemkn.CodeMinInstitutions}, 3},
		{"a college lead and four other schools", collegeLead, nil, 4},
		{"a college lead and three other schools", both(collegeLead, keepInstitutions(4)), []stemkn.Code{stemkn.CodeMinInstitutions}, 3},
	}
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		for _, tc := range cases {
			t.Run(fixture+"/"+tc.name, func(t *testing.T) {
				res := judgeMutated(t, builtinValidator, fixture, tc.mutate, stemkn.Options{})
				require.Equal(t, tc.codes, codesOf(res))
				if tc.codes != nil {
					require.Equal(t, "/network/institutions", res.Findings[0].Path)
					require.Equal(t, "Add more schools besides the lead institution: the partnership needs at least 4 and has "+strconv.Itoa(tc.count), res.Findings[0].Message)
					require.Equal(t, stemkn.Failed, outcomeOf(t, res, "minInstitutions"))
					requireEligible(t, no, res)
					return
				}
				require.Equal(t, stemkn.Passed, outcomeOf(t, res, "minInstitutions"))
			})
		}
	}
}

// An employer or university is not a school or college: as an institution
// of an ENTHUSE partnership it fails the partnership rule (the independent
// school whose kind was "other" no longer escapes the state-funded check),
// and it belongs among the partners instead.
func TestEnthuseInstitutionsAreSchoolsAndColleges(t *testing.T) {
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		for _, kind := range []string{"employer", "university", "other", "charity"} {
			t.Run(fixture+"/"+kind, func(t *testing.T) {
				res := judgeMutated(t, builtinValidator, fixture, func(a *stemkn.Application) {
					partnerType(kind, "other-independent-school")(a)
				}, stemkn.Options{})
				require.Equal(t, []stemkn.Code{stemkn.CodeInstitutionClass}, codesOf(res))
				require.Equal(t, "/network/institutions/5/kind", res.Findings[0].Path)
				require.Equal(t, stemkn.Failed, outcomeOf(t, res, "partnerSchools"))
				requireEligible(t, no, res)
			})
		}
		t.Run(fixture+"/an employer among the partners", func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, fixture, func(a *stemkn.Application) {
				a.Network.Partners = append(a.Network.Partners, stemkn.Partner{Name: "Hemel Engineering Ltd", Kind: "employer", Contribution: "Site visits"})
			}, stemkn.Options{})
			require.Empty(t, res.Findings)
			requireEligible(t, yes, res)
		})
	}
}

func TestEnthuseLastsAtMostTwoYears(t *testing.T) {
	cases := []struct {
		name    string
		fixture string
		end     string
		codes   []stemkn.Code
	}{
		{"2014–16: 24 months", enthuse2014Fixture, "2016-08-31", nil},
		{"2014–16: 25 months", enthuse2014Fixture, "2016-09-01", []stemkn.Code{stemkn.CodeDuration}},
		{"2022: 24 months", enthuse2022Fixture, "2024-08-31", nil},
		{"2022: 25 months", enthuse2022Fixture, "2024-09-01", []stemkn.Code{stemkn.CodeDuration}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, tc.fixture, endingOn(tc.end), stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
			if tc.codes != nil {
				require.Equal(t, "The programme must last no more than 24 months: it lasts 25, counting a month it runs into as a whole one", res.Findings[0].Message)
			}
		})
	}
}

// partnerType makes institution 1, a partner school, of another GIAS type.
// partnerType adds a sixth institution to the partnership, of the kind and
// type given, beside the lead and its four other schools.
func partnerType(kind, establishmentType string) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		extra := a.Network.Institutions[1]
		extra.ID, extra.Name, extra.URN = "extra", "Extra "+kind, "999999"
		extra.Kind, extra.EstablishmentType = kind, establishmentType
		a.Network.Institutions = append(a.Network.Institutions, extra)
	}
}

func TestEnthuseAdmitsStateFundedSchoolsAndCollegesOnly(t *testing.T) {
	cases := []struct {
		kind, establishmentType string
		admitted                bool
	}{
		{"school", "community-school", true},
		{"school", "voluntary-aided-school", true},
		{"school", "foundation-special-school", true},
		{"school", "academy-converter", true},
		{"school", "academy-sponsor-led", true},
		{"school", "free-schools", true},
		{"school", "university-technical-college", true},
		{"school", "city-technology-college", true},
		{"college", "further-education", true},
		{"college", "sixth-form-centres", true},
		{"school", "other-independent-school", false},
		{"school", "other-independent-special-school", false},
		{"school", "non-maintained-special-school", false},
		{"school", "secure-units", false},
	}
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		for _, tc := range cases {
			t.Run(fixture+"/"+tc.establishmentType, func(t *testing.T) {
				res := judgeMutated(t, builtinValidator, fixture, partnerType(tc.kind, tc.establishmentType), stemkn.Options{})
				if tc.admitted {
					require.Empty(t, res.Findings)
					require.Equal(t, stemkn.Passed, outcomeOf(t, res, "partnerSchools"))
					requireEligible(t, yes, res)
					return
				}
				require.Equal(t, []stemkn.Code{stemkn.CodeInstitutionClass}, codesOf(res))
				require.Equal(t, "/network/institutions/5/establishmentType", res.Findings[0].Path)
				require.Equal(t, stemkn.Failed, outcomeOf(t, res, "partnerSchools"))
				require.Equal(t, stemkn.Passed, outcomeOf(t, res, "leadInstitution"))
				requireEligible(t, no, res)
			})
		}
	}
}

func TestEnthuseLeadMustBeAStateFundedSchoolOrCollege(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*stemkn.Application)
		codes  []stemkn.Code
	}{
		{"an academy", func(a *stemkn.Application) { a.Network.Institutions[0].EstablishmentType = "academy-converter" }, nil},
		{"an independent school, which no rule admits", func(a *stemkn.Application) {
			a.Network.Institutions[0].EstablishmentType = "other-independent-school"
		}, []stemkn.Code{stemkn.CodeInstitutionClass}},
		{"a university, which is not a school or college", func(a *stemkn.Application) {
			a.Network.Institutions[0].Kind = "university"
			a.Network.Institutions[0].EstablishmentType = "higher-education-institutions"
		}, []stemkn.Code{stemkn.CodeInstitutionClass}},
	}
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		for _, tc := range cases {
			t.Run(fixture+"/"+tc.name, func(t *testing.T) {
				res := judgeMutated(t, builtinValidator, fixture, tc.mutate, stemkn.Options{})
				require.Equal(t, tc.codes, codesOf(res))
				if tc.codes != nil {
					require.Equal(t, stemkn.Failed, outcomeOf(t, res, "leadInstitution"))
				}
			})
		}
	}
}

func TestCityTechnologyCollegeIsStateFundedButNotMaintained(t *testing.T) {
	cityTechnologyCollegeLead := func(a *stemkn.Application) {
		a.Network.Institutions[0].EstablishmentType = "city-technology-college"
	}
	t.Run("it may lead an ENTHUSE partnership", func(t *testing.T) {
		for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
			res := judgeMutated(t, builtinValidator, fixture, cityTechnologyCollegeLead, stemkn.Options{})
			require.Empty(t, res.Findings, fixture)
			requireEligible(t, yes, res)
		}
	})
	t.Run("it may not receive STEM Knowledge Networks funding", func(t *testing.T) {
		res := judgeMutated(t, builtinValidator, "stem-kn-2011.json", cityTechnologyCollegeLead, stemkn.Options{})
		require.Equal(t, []stemkn.Code{stemkn.CodeInstitutionClass}, codesOf(res))
		require.Equal(t, "/network/institutions/0/establishmentType", res.Findings[0].Path)
		require.Equal(t, "Moorside High School cannot receive STEM Knowledge Networks funding: only maintained schools and colleges in England can",
			res.Findings[0].Message)
		requireEligible(t, no, res)
	})
	t.Run("an academy is likewise state-funded but not maintained", func(t *testing.T) {
		academy := func(a *stemkn.Application) { a.Network.Institutions[0].EstablishmentType = "academy-converter" }
		require.Empty(t, judgeMutated(t, builtinValidator, enthuse2014Fixture, academy, stemkn.Options{}).Findings)
		res := judgeMutated(t, builtinValidator, "stem-kn-2011.json", academy, stemkn.Options{})
		require.Equal(t, []stemkn.Code{stemkn.CodeInstitutionClass}, codesOf(res))
	})
}

// inScotland moves partner school 1 to Scotland, where GIAS types do not
// apply and the document states whether it is state-funded.
func inScotland(stateFunded *bool) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		inst := &a.Network.Institutions[1]
		inst.Subdivision, inst.StateFunded = "GB-SCT", stateFunded
		inst.EstablishmentType, inst.URN, inst.Region = "", "", ""
	}
}

func TestEnthuseJudgesSchoolsOutsideEnglandByStateFunding(t *testing.T) {
	cases := []struct {
		name        string
		stateFunded *bool
		codes       []stemkn.Code
		eligible    *bool
		outcome     stemkn.Outcome
	}{
		{"state-funded", yes, nil, yes, stemkn.Passed},
		{"not state-funded", no, []stemkn.Code{stemkn.CodeInstitutionClass}, no, stemkn.Failed},
		{"not saying", nil, []stemkn.Code{stemkn.CodeInstitutionClass}, nil, stemkn.NotJudged},
	}
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		for _, tc := range cases {
			t.Run(fixture+"/"+tc.name, func(t *testing.T) {
				res := judgeMutated(t, builtinValidator, fixture, inScotland(tc.stateFunded), stemkn.Options{})
				require.Equal(t, tc.codes, codesOf(res))
				requireEligible(t, tc.eligible, res)
				require.Equal(t, tc.outcome, outcomeOf(t, res, "partnerSchools"))
				if tc.codes != nil {
					require.Equal(t, "/network/institutions/1/stateFunded", res.Findings[0].Path)
				}
			})
		}
	}
	t.Run("not saying is only a warning in a draft", func(t *testing.T) {
		res := judgeMutated(t, builtinValidator, enthuse2014Fixture, inScotland(nil), stemkn.Options{Mode: stemkn.Draft})
		require.True(t, res.Valid)
		require.Equal(t, stemkn.Warning, res.Findings[0].Severity)
		require.Equal(t, "Say whether Oakfield Primary School is state-funded", res.Findings[0].Message)
	})
}

func TestEnthuse2014StatesTheLocalIssueOfUnderachievement(t *testing.T) {
	cases := []struct {
		name  string
		issue string
		codes []stemkn.Code
	}{
		{"stated", "Low key stage 2 science attainment", nil},
		{"blank", "  \n", []stemkn.Code{stemkn.CodeLocalIssue}},
		{"absent", "", []stemkn.Code{stemkn.CodeLocalIssue}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, enthuse2014Fixture, func(a *stemkn.Application) { a.Network.LocalIssue = tc.issue }, stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
		})
	}
}

func TestEnthuse2014PlansTeacherCPDAndActivitiesWithStudents(t *testing.T) {
	only := func(kinds ...string) func(*stemkn.Application) {
		return func(a *stemkn.Application) {
			a.Plan.Activities = nil
			for _, k := range kinds {
				a.Plan.Activities = append(a.Plan.Activities, stemkn.Activity{Title: "A " + k, Kind: k, Date: "2015-01-14"})
			}
		}
	}
	cases := []struct {
		name   string
		mutate func(*stemkn.Application)
		needs  []string
	}{
		{"CPD and student activity", only("cpd", "student-activity"), nil},
		{"lesson study counts as CPD", only("lesson-study", "student-activity"), nil},
		{"practitioner research counts as CPD", only("practitioner-research", "student-activity"), nil},
		{"no CPD", only("meeting", "student-activity"), []string{"teacher CPD"}},
		{"no activity with students", only("cpd", "visit"), []string{"STEM learning activities with students"}},
		// Findings at one path are in message order: "Add STEM…" before "Add teacher…".
		{"neither", only("meeting"), []string{"STEM learning activities with students", "teacher CPD"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, enthuse2014Fixture, tc.mutate, stemkn.Options{})
			var needs []string
			for _, f := range res.Findings {
				require.Equal(t, stemkn.CodeActivities, f.Code)
				needs = append(needs, f.Params["need"].(string))
			}
			require.Equal(t, tc.needs, needs)
		})
	}
}

func TestEnthuseSchemesAskForFunding(t *testing.T) {
	for _, fixture := range []string{enthuse2014Fixture, enthuse2022Fixture} {
		t.Run(fixture, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, fixture, func(a *stemkn.Application) { a.Funding = nil }, stemkn.Options{})
			require.Equal(t, []stemkn.Code{stemkn.CodeRequired}, codesOf(res))
			require.Equal(t, "/funding", res.Findings[0].Path)
			require.Equal(t, stemkn.NotJudged, outcomeOf(t, res, "fundingRequired"))
		})
	}
}

func TestEnthuseSpendCategories(t *testing.T) {
	cases := []struct {
		fixture, category string
		allowed           bool
	}{
		{enthuse2014Fixture, "cpd", true},
		{enthuse2014Fixture, "student-activities", true},
		{enthuse2014Fixture, "other", true},
		{enthuse2014Fixture, "coaching", false},
		{enthuse2014Fixture, "room-hire", false},
		{enthuse2022Fixture, "coaching", true},
		{enthuse2022Fixture, "equipment", true},
		{enthuse2022Fixture, "room-hire", true},
		{enthuse2022Fixture, "cpd", false},
		{enthuse2022Fixture, "stem-ambassadors", false}, // STEM Ambassadors are free
		{enthuse2022Fixture, "travel", false},
	}
	for _, tc := range cases {
		t.Run(tc.fixture+"/"+tc.category, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, tc.fixture, func(a *stemkn.Application) { a.Funding.Lines[0].Category = tc.category }, stemkn.Options{})
			if tc.allowed {
				require.Empty(t, res.Findings)
				return
			}
			require.Equal(t, []stemkn.Code{stemkn.CodeCategory}, codesOf(res))
			require.Equal(t, "/funding/lines/0/category", res.Findings[0].Path)
		})
	}
}
