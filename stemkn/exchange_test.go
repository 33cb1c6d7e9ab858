package stemkn_test

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// The STEM Exchange fixtures: a free CPD workshop for FE colleges and
// private training providers, and a work-experience placement (The STEM
// Experience) for ages 14 to 65, open to schools too.
const (
	cpdOfferFixture            = "exchange-cpd.json"
	workExperienceOfferFixture = "exchange-work-experience.json"
)

func TestCPDOffersAreFree(t *testing.T) {
	cases := []struct {
		name    string
		fixture string
		cost    budget.Amount
		codes   []stemkn.Code
	}{
		{"CPD costing nothing", cpdOfferFixture, 0, nil},
		{"CPD costing 1p", cpdOfferFixture, 1, []stemkn.Code{stemkn.CodeNotFree}},
		{"CPD costing £50", cpdOfferFixture, 5000, []stemkn.Code{stemkn.CodeNotFree}},
		{"work experience may charge", workExperienceOfferFixture, 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutatedOffer(t, tc.fixture, func(o *stemkn.Offer) { o.Cost = tc.cost })
			require.Equal(t, tc.codes, codesOf(res))
			if tc.codes != nil {
				require.Equal(t, "/offer/cost", res.Findings[0].Path)
				require.Equal(t, stemkn.Failed, outcomeOf(t, res, "freeOffer"))
				requireEligible(t, no, res)
			}
		})
	}
}

func TestCPDOffersAreForTheFEAndTrainingSector(t *testing.T) {
	cases := []struct {
		name     string
		fixture  string
		audience []string
		path     string // of the finding; "" when the audience is allowed
	}{
		{"CPD for FE colleges", cpdOfferFixture, []string{"fe-college"}, ""},
		{"CPD for the whole FE and training sector", cpdOfferFixture, []string{"fe-college", "private-training-provider", "education-charity"}, ""},
		{"CPD for schools", cpdOfferFixture, []string{"school"}, "/offer/audience/0"},
		{"CPD for FE colleges and universities", cpdOfferFixture, []string{"fe-college", "university"}, "/offer/audience/1"},
		{"work experience for schools", workExperienceOfferFixture, []string{"school"}, ""},
		{"work experience for universities", workExperienceOfferFixture, []string{"university"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutatedOffer(t, tc.fixture, func(o *stemkn.Offer) { o.Audience = tc.audience })
			if tc.path == "" {
				require.Empty(t, res.Findings)
				return
			}
			require.Equal(t, []stemkn.Code{stemkn.CodeAudience}, codesOf(res))
			require.Equal(t, tc.path, res.Findings[0].Path)
		})
	}
}

func TestWorkExperienceOffersGiveAnAgeRangeYoungestFirst(t *testing.T) {
	cases := []struct {
		name     string
		fixture  string
		ageRange *stemkn.AgeRange
		codes    []stemkn.Code
		eligible *bool
	}{
		{"youngest below oldest", workExperienceOfferFixture, &stemkn.AgeRange{Min: 14, Max: age(65)}, nil, yes},
		{"one age only", workExperienceOfferFixture, &stemkn.AgeRange{Min: 16, Max: age(16)}, nil, yes},
		{"youngest a year above oldest", workExperienceOfferFixture, &stemkn.AgeRange{Min: 17, Max: age(16)}, []stemkn.Code{stemkn.CodeAgeRange}, no},
		{"all ages", workExperienceOfferFixture, &stemkn.AgeRange{Max: age(120)}, nil, yes},
		{"no age range", workExperienceOfferFixture, nil, []stemkn.Code{stemkn.CodeRequired}, nil},
		{"CPD needs no age range", cpdOfferFixture, nil, nil, yes},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := judgeMutatedOffer(t, tc.fixture, func(o *stemkn.Offer) { o.AgeRange = tc.ageRange })
			require.Equal(t, tc.codes, codesOf(res))
			requireEligible(t, tc.eligible, res)
			if tc.codes != nil {
				require.Equal(t, "/offer/ageRange", res.Findings[0].Path)
			}
		})
	}
}

func age(n int64) *int64 { return &n }

// An oldest age typed as 0 was entered, so it is judged — below the least
// oldest age, 1 — not taken for one left out.
func TestAnOldestAgeOfZeroIsJudged(t *testing.T) {
	cases := []struct {
		name    string
		doc     string
		code    stemkn.Code
		path    string
		message string
	}{
		{"0 is below the least", `{"min": 0, "max": 0}`, stemkn.CodeMinimum, "/offer/ageRange/max", "The oldest age must be 1 or more"},
		{"1 is the least", `{"min": 0, "max": 1}`, "", "", ""},
		{"120 is the most", `{"min": 0, "max": 120}`, "", "", ""},
		{"121 is over the most", `{"min": 0, "max": 121}`, stemkn.CodeMaximum, "/offer/ageRange/max", "The oldest age must be 120 or less"},
		{"left out is required", `{"min": 14}`, stemkn.CodeRequired, "/offer/ageRange/max", "Enter the oldest age the offer is open to"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", workExperienceOfferFixture))
			require.NoError(t, err)
			doc := regexp.MustCompile(`"ageRange": \{[^}]*\}`).ReplaceAllLiteralString(string(data), `"ageRange": `+tc.doc)
			require.Contains(t, doc, tc.doc)
			res := builtinValidator.ValidateString(doc, stemkn.Options{})
			if tc.code == "" {
				require.Empty(t, res.Findings)
				return
			}
			require.Equal(t, []stemkn.Code{tc.code}, codesOf(res))
			require.Equal(t, tc.path, res.Findings[0].Path)
			require.Equal(t, tc.message, res.Findings[0].Message)
		})
	}
}

// A form post, as the widget sends it through the same Go decoder: an
// oldest age typed as 0 is a number entered, judged against the least; a
// box left empty is an age not given.
func TestAnOldestAgeOfZeroTypedInAFormIsJudged(t *testing.T) {
	cases := []struct {
		typed   string
		code    stemkn.Code
		message string
	}{
		{"0", stemkn.CodeMinimum, "The oldest age must be 1 or more"},
		{" 0 ", stemkn.CodeMinimum, "The oldest age must be 1 or more"},
		{"00", stemkn.CodeMinimum, "The oldest age must be 1 or more"},
		{"1", "", ""},
		{"120", "", ""},
		{"121", stemkn.CodeMaximum, "The oldest age must be 120 or less"},
		{"", stemkn.CodeRequired, "Enter the oldest age the offer is open to"},
		{"  ", stemkn.CodeRequired, "Enter the oldest age the offer is open to"},
	}
	for _, tc := range cases {
		t.Run(strconv.Quote(tc.typed), func(t *testing.T) {
			form := url.Values{"scheme": {"stem-exchange"}, "offer[kind]": {"work-experience"}, "offer[format]": {"placement"},
				"offer[employer][name]": {"Example Water Services Ltd"}, "offer[title]": {"A week in the lab"}, "offer[audience][]": {"school"},
				"offer[ageRange][min]": {"0"}, "offer[ageRange][max]": {tc.typed}}
			res, _ := builtinValidator.ValidateForm(form, stemkn.Options{})
			if tc.code == "" {
				require.Empty(t, res.Findings)
				return
			}
			require.Equal(t, []stemkn.Code{tc.code}, codesOf(res))
			require.Equal(t, "/offer/ageRange/max", res.Findings[0].Path)
			require.Equal(t, tc.message, res.Findings[0].Message)
		})
	}
}

// An offer runs from its start date to its end date: it may end on the day
// it starts, not before; without both dates there is nothing to judge.
func TestOfferEndsOnOrAfterItStarts(t *testing.T) {
	cases := []struct {
		name       string
		start, end string
		outcome    stemkn.Outcome
	}{
		{"ends a day after it starts", "2017-02-01", "2017-02-02", stemkn.Passed},
		{"ends on the day it starts", "2017-02-01", "2017-02-01", stemkn.Passed},
		{"ends the day before it starts", "2017-02-01", "2017-01-31", stemkn.Failed},
		{"no end date", "2017-02-01", "", stemkn.NotApplicable},
		{"no start date", "", "2017-02-01", stemkn.NotApplicable},
	}
	for _, fixture := range []string{cpdOfferFixture, workExperienceOfferFixture} {
		for _, tc := range cases {
			t.Run(fixture+"/"+tc.name, func(t *testing.T) {
				res := judgeMutatedOffer(t, fixture, func(o *stemkn.Offer) { o.StartDate, o.EndDate = tc.start, tc.end })
				require.Equal(t, tc.outcome, outcomeOf(t, res, "dates"))
				if tc.outcome != stemkn.Failed {
					require.Empty(t, res.Findings)
					requireEligible(t, yes, res)
					return
				}
				require.Equal(t, []stemkn.Code{stemkn.CodeDates}, codesOf(res))
				require.Equal(t, "/offer/endDate", res.Findings[0].Path)
				require.Equal(t, "The date the offer ends must be the same as or after the date it starts", res.Findings[0].Message)
				requireEligible(t, no, res)
			})
		}
	}
}
