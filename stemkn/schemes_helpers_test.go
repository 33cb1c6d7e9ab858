package stemkn_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// builtinValidator judges documents with the built-in catalogue. A
// Validator is safe for concurrent use, so the scheme tests share one.
var builtinValidator = stemkn.NewValidator(nil)

// fixtureApplication reads an application from testdata.
func fixtureApplication(t *testing.T, name string) *stemkn.Application {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	var app stemkn.Application
	require.NoError(t, json.Unmarshal(data, &app))
	return &app
}

// judgeMutated reads an application fixture, changes it, and validates it
// as JSON, the way a funder's portal receives it.
func judgeMutated(t *testing.T, v *stemkn.Validator, fixture string, mutate func(*stemkn.Application), opts stemkn.Options) stemkn.Result {
	t.Helper()
	app := fixtureApplication(t, fixture)
	if mutate != nil {
		mutate(app)
	}
	data, err := json.Marshal(app)
	require.NoError(t, err)
	return v.Validate(data, opts)
}

// judgeMutatedOffer is judgeMutated for STEM Exchange offers.
func judgeMutatedOffer(t *testing.T, fixture string, mutate func(*stemkn.Offer)) stemkn.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", fixture))
	require.NoError(t, err)
	var doc stemkn.OfferDocument
	require.NoError(t, json.Unmarshal(data, &doc))
	if mutate != nil {
		mutate(&doc.Offer)
	}
	data, err = json.Marshal(&doc)
	require.NoError(t, err)
	return builtinValidator.Validate(data, stemkn.Options{})
}

// codesOf lists a result's finding codes in order; nil when there are none,
// so a table can leave an expected-valid case's codes out.
func codesOf(res stemkn.Result) []stemkn.Code {
	if len(res.Findings) == 0 {
		return nil
	}
	return res.Findings.Codes()
}

// outcomeOf is the outcome of one of the scheme's rules.
func outcomeOf(t *testing.T, res stemkn.Result, rule string) stemkn.Outcome {
	t.Helper()
	i := slices.IndexFunc(res.Rules, func(r stemkn.RuleResult) bool { return r.Rule == rule })
	require.GreaterOrEqual(t, i, 0, "the scheme has no rule %q", rule)
	return res.Rules[i].Outcome
}

// requireEligible checks a result's eligibility: true, false, or nil for
// "could not be judged".
func requireEligible(t *testing.T, want *bool, res stemkn.Result) {
	t.Helper()
	if want == nil {
		require.Nil(t, res.Eligible, "eligibility should not be judged")
		return
	}
	require.NotNil(t, res.Eligible, "eligibility should be judged")
	require.Equal(t, *want, *res.Eligible)
}

var (
	yes = ptr(true)
	no  = ptr(false)
)

func ptr[T any](v T) *T { return &v }

// totalling changes the first budget line so that the lines add up to total.
func totalling(total budget.Amount) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		rest := budget.Amount(0)
		for _, l := range a.Funding.Lines[1:] {
			rest += l.Amount
		}
		a.Funding.Lines[0].Amount = total - rest
	}
}

// keepInstitutions keeps the first n institutions and the members of those.
func keepInstitutions(n int) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		net := &a.Network
		net.Institutions = net.Institutions[:n]
		net.Members = slices.DeleteFunc(net.Members, func(m stemkn.Member) bool {
			return !slices.ContainsFunc(net.Institutions, func(i stemkn.Institution) bool { return i.ID == m.Institution })
		})
	}
}

// endingOn moves the plan's end date, dropping activities after it.
func endingOn(date string) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		a.Plan.EndDate = date
		a.Plan.Activities = slices.DeleteFunc(a.Plan.Activities, func(act stemkn.Activity) bool { return act.Date > date })
	}
}

// both applies mutations in turn.
func both(mutations ...func(*stemkn.Application)) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		for _, m := range mutations {
			m(a)
		}
	}
}

// lineAmount sets the amount of the first budget line of a category.
func lineAmount(category string, amount budget.Amount) func(*stemkn.Application) {
	return func(a *stemkn.Application) {
		for i := range a.Funding.Lines {
			if a.Funding.Lines[i].Category == category {
				a.Funding.Lines[i].Amount = amount
				return
			}
		}
		panic("no budget line of category " + category)
	}
}
