package stemkn_test

import (
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// pdNetFixture is an Erasmus+ strategic partnership of eleven organisations
// (PD centres, a university and two schools in DE, NL, IE, GB, FI, CZ, AT,
// NO, CH, IT, PT), 1 Sep 2016 – 31 Aug 2019 (36 months), asking for €130,000
// of which €30,000 is project management: within the caps even at 11 months.
const pdNetFixture = "stem-pd-net-2016.json"

func TestPDNetGrantIsCappedPerMonthAndInAll(t *testing.T) {
	cases := []struct {
		name  string
		end   string
		total budget.Amount
		codes []stemkn.Code
	}{
		{"36 months: exactly €450,000", "2019-08-31", 45000000, nil},
		{"36 months: €450,000.01", "2019-08-31", 45000001, []stemkn.Code{stemkn.CodeCap}},
		{"20 months: exactly €250,000", "2018-04-30", 25000000, nil},
		{"20 months: €250,000.01", "2018-04-30", 25000001, []stemkn.Code{stemkn.CodeCap}},
		{"12 months: exactly €150,000", "2017-08-31", 15000000, nil},
		{"12 months: €150,000.01", "2017-08-31", 15000001, []stemkn.Code{stemkn.CodeCap}},
		// A per-month cap counts started months: a day into a 21st month
		// is paid as a 21st month.
		{"20 months and a day: exactly €262,500", "2018-05-01", 26250000, nil},
		{"20 months and a day: €262,500.01", "2018-05-01", 26250001, []stemkn.Code{stemkn.CodeCap}},
		{"21 months: exactly €262,500", "2018-05-31", 26250000, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The intellectual outputs line takes up the difference, so the
			// project management unit cost stays within its allowance.
			res := judgeMutated(t, builtinValidator, pdNetFixture, both(endingOn(tc.end), func(a *stemkn.Application) {
				a.Funding.Lines[0], a.Funding.Lines[2] = a.Funding.Lines[2], a.Funding.Lines[0]
			}, totalling(tc.total)), stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
			if tc.codes != nil {
				require.Equal(t, stemkn.Failed, outcomeOf(t, res, "monthlyCap"))
				require.Equal(t, tc.total-1, budget.Amount(res.Findings[0].Params["cap"].(int64)))
			}
		})
	}
	t.Run("the message explains the cap", func(t *testing.T) {
		res := judgeMutated(t, builtinValidator, pdNetFixture, both(endingOn("2018-04-30"), lineAmount("intellectual-outputs", 18000001)), stemkn.Options{})
		require.Equal(t, "The total must be €250,000.00 or less for a programme of 20 months (€12,500.00 a month, and €450,000.00 in all): it is €250,000.01",
			res.Findings[0].Message)
	})
}

// The minimum of 12 months is met only by 12 whole months from the start
// date; the maximum of 36 is passed by any day beyond it.
func TestPDNetLastsTwelveToThirtySixMonths(t *testing.T) {
	cases := []struct {
		end     string
		param   string // the finding's count, when it fails
		months  int64
		allowed bool
	}{
		{"2017-07-31", "wholeMonths", 11, false},
		{"2017-08-30", "wholeMonths", 11, false}, // 11 months and 30 days: into a 12th month, not 12 whole ones
		{"2017-08-31", "", 12, true},
		{"2019-08-31", "", 36, true},
		{"2019-09-01", "months", 37, false}, // one day into a 37th month
		{"2019-09-30", "months", 37, false},
	}
	for _, tc := range cases {
		t.Run(tc.end, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, pdNetFixture, endingOn(tc.end), stemkn.Options{})
			if tc.allowed {
				require.Empty(t, res.Findings)
				require.Equal(t, stemkn.Passed, outcomeOf(t, res, "duration"))
				return
			}
			require.Equal(t, []stemkn.Code{stemkn.CodeDuration}, codesOf(res))
			require.Equal(t, tc.months, res.Findings[0].Params[tc.param])
		})
	}
}

// "Any participating organisation established in a Programme Country can
// be the applicant": the coordinator, the network's lead, must be in one;
// organisations of Partner Countries may take part.
func TestPDNetCoordinatorIsEstablishedInAProgrammeCountry(t *testing.T) {
	lead := func(country, subdivision string) func(*stemkn.Application) {
		return func(a *stemkn.Application) {
			a.Network.Institutions[0].Country, a.Network.Institutions[0].Subdivision = country, subdivision
		}
	}
	cases := []struct {
		name   string
		mutate func(*stemkn.Application)
		codes  []stemkn.Code
	}{
		{"a coordinator in Germany", nil, nil},
		{"a coordinator in Norway, a Programme Country outside the EU", lead("NO", ""), nil},
		{"a coordinator in the UK, a Programme Country in 2016, its nation not stated", lead("GB", ""), nil},
		{"a coordinator in the United States", lead("US", ""), []stemkn.Code{stemkn.CodePlace}},
		{"a coordinator in Switzerland, a Partner Country in 2016", lead("CH", ""), []stemkn.Code{stemkn.CodePlace}},
		{"a partner in the United States", func(a *stemkn.Application) { a.Network.Institutions[4].Country = "US" }, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, pdNetFixture, tc.mutate, stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
			if tc.codes == nil {
				require.Equal(t, stemkn.Passed, outcomeOf(t, res, "coordinator"))
				return
			}
			require.Equal(t, "/network/institutions/0/country", res.Findings[0].Path)
			require.Equal(t, stemkn.Failed, outcomeOf(t, res, "coordinator"))
			requireEligible(t, no, res)
		})
	}
}

// inCountries puts the organisations in the countries given, in turn.
func inCountries(countries ...string) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		for i := range a.Network.Institutions {
			inst := &a.Network.Institutions[i]
			inst.Country, inst.Subdivision = countries[i%len(countries)], ""
			if inst.Country == "GB" {
				inst.Subdivision = "GB-ENG"
			}
		}
	}
}

func TestPDNetNeedsThreeProgrammeCountries(t *testing.T) {
	cases := []struct {
		name      string
		countries []string
		count     int64 // Programme Countries counted; 0 when the rule passes
	}{
		{"three Programme Countries", []string{"DE", "NL", "IE"}, 0},
		{"two Programme Countries", []string{"DE", "NL"}, 2},
		{"a Partner Country does not count", []string{"DE", "NL", "CH"}, 2},
		{"non-EU Programme Countries count", []string{"DE", "NO", "TR"}, 0},
		{"the United Kingdom counted in 2016", []string{"DE", "NL", "GB"}, 0},
		{"the EU's code for Greece is not a country", []string{"DE", "NL", "EL"}, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, pdNetFixture, inCountries(tc.countries...), stemkn.Options{})
			switch tc.count {
			case 0:
				require.Empty(t, res.Findings)
			case -1: // a structural error: the rule cannot judge
				require.False(t, res.Valid)
				require.Equal(t, stemkn.NotJudged, outcomeOf(t, res, "countries"))
			default:
				require.Equal(t, []stemkn.Code{stemkn.CodeMinCountries}, codesOf(res))
				require.Equal(t, tc.count, res.Findings[0].Params["count"])
			}
		})
	}
}

func TestPDNetNeedsThreeOrganisations(t *testing.T) {
	// Project management is kept within a two-organisation allowance
	// (36 × €750) so only the partnership's size is judged.
	small := lineAmount("project-management", 2700000)
	res := judgeMutated(t, builtinValidator, pdNetFixture, both(small, keepInstitutions(3)), stemkn.Options{})
	require.Empty(t, res.Findings)

	res = judgeMutated(t, builtinValidator, pdNetFixture, both(small, keepInstitutions(2)), stemkn.Options{})
	require.Equal(t, []stemkn.Code{stemkn.CodeMinCountries, stemkn.CodeMinInstitutions}, codesOf(res))
}

func TestPDNetProjectManagementIsAUnitCostForAtMostTenOrganisations(t *testing.T) {
	cases := []struct {
		name          string
		organisations int
		amount        budget.Amount
		allowed       bool
	}{
		// 36 × (€500 + 9 × €250) = €99,000 for ten organisations or more.
		{"11 organisations, exactly the allowance", 11, 9900000, true},
		{"11 organisations, a cent more", 11, 9900001, false},
		{"10 organisations, exactly the allowance", 10, 9900000, true},
		{"10 organisations, a cent more", 10, 9900001, false},
		// 36 × (€500 + 8 × €250) = €90,000 for nine.
		{"9 organisations, exactly the allowance", 9, 9000000, true},
		{"9 organisations, a cent more", 9, 9000001, false},
		{"9 organisations, the allowance for ten", 9, 9900000, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, pdNetFixture,
				both(keepInstitutions(tc.organisations), lineAmount("project-management", tc.amount)), stemkn.Options{})
			if tc.allowed {
				require.Empty(t, res.Findings)
				return
			}
			require.Equal(t, []stemkn.Code{stemkn.CodeUnitCost}, codesOf(res))
			require.Equal(t, int64(min(tc.organisations, 10)), res.Findings[0].Params["organisations"])
		})
	}
	t.Run("the message gives the allowance", func(t *testing.T) {
		res := judgeMutated(t, builtinValidator, pdNetFixture, lineAmount("project-management", 9900001), stemkn.Options{})
		require.Equal(t, "Project management and implementation must be €99,000.00 or less, the unit cost for 10 organisations over 36 months: it is €99,000.01",
			res.Findings[0].Message)
	})
}

func TestPDNetMultiplierEventsNeedIntellectualOutputs(t *testing.T) {
	noOutputs := func(a *stemkn.Application) { a.Plan.Outputs = nil }
	noMultiplierEvents := func(a *stemkn.Application) { a.Funding.Lines = a.Funding.Lines[:3] }
	cases := []struct {
		name   string
		mutate func(*stemkn.Application)
		codes  []stemkn.Code
	}{
		{"outputs and multiplier events", nil, nil},
		{"outputs without multiplier events", noMultiplierEvents, nil},
		{"multiplier events without outputs", noOutputs, []stemkn.Code{stemkn.CodeOutputs, stemkn.CodeCategory}},
		{"neither outputs nor multiplier events", both(noOutputs, noMultiplierEvents), []stemkn.Code{stemkn.CodeOutputs}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutated(t, builtinValidator, pdNetFixture, tc.mutate, stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
			if len(tc.codes) == 2 {
				require.Equal(t, "/funding/lines/3/category", res.Findings[1].Path)
				require.Equal(t, "Remove budget line 4 or add intellectual outputs to the plan: multiplier events are funded only for projects with intellectual outputs",
					res.Findings[1].Message)
				require.Equal(t, stemkn.Failed, outcomeOf(t, res, "categoryNeeds.multiplier-events"))
			}
		})
	}
}

func TestPDNetEveryOrganisationGivesItsPIC(t *testing.T) {
	noPIC := func(a *stemkn.Application) { a.Network.Institutions[3].PIC = "" }
	res := judgeMutated(t, builtinValidator, pdNetFixture, noPIC, stemkn.Options{})
	require.Equal(t, []stemkn.Code{stemkn.CodeRequired}, codesOf(res))
	require.Equal(t, "/network/institutions/3/pic", res.Findings[0].Path)
	require.Equal(t, stemkn.NotJudged, outcomeOf(t, res, "identifiers"))
	requireEligible(t, nil, res)

	draft := judgeMutated(t, builtinValidator, pdNetFixture, noPIC, stemkn.Options{Mode: stemkn.Draft})
	require.True(t, draft.Valid)
	require.Equal(t, stemkn.Warning, draft.Findings[0].Severity)

	wrong := judgeMutated(t, builtinValidator, pdNetFixture, func(a *stemkn.Application) { a.Network.Institutions[3].PIC = "99900000" }, stemkn.Options{})
	require.Equal(t, []stemkn.Code{stemkn.CodeFormat}, codesOf(wrong))
}

func TestPDNetHasNoEnglishSchoolRule(t *testing.T) {
	// A German school states nothing about GIAS; an English independent
	// school may take part in a European project.
	res := judgeMutated(t, builtinValidator, pdNetFixture, func(a *stemkn.Application) {
		york := &a.Network.Institutions[3]
		york.Kind, york.EstablishmentType = "school", "other-independent-school"
	}, stemkn.Options{})
	require.Empty(t, res.Findings)
}
