package stemkn_test

import (
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
