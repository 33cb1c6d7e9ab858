package stemkn_test

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

const (
	hemelSchemeFile = "../examples/schemes/hemel-enthuse-2022.json"
	hemelExample    = "../examples/applications/hemel-2022.json"
)

// hemel loads the Hemel Enthuse Partnership scheme file into a fresh catalogue.
func hemel(t *testing.T) (*stemkn.Scheme, *stemkn.Validator) {
	t.Helper()
	c := stemkn.NewCatalogue()
	s, err := c.LoadFile(hemelSchemeFile)
	require.NoError(t, err)
	return s, stemkn.NewValidator(c)
}

func TestHemelApplicationNeedsTheHemelCap(t *testing.T) {
	_, v := hemel(t)
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)

	res := v.Validate(doc, stemkn.Options{})
	require.Equal(t, "hemel-enthuse-2022", res.Scheme)
	require.Empty(t, res.Findings)
	requireEligible(t, yes, res)

	base := v.Validate(doc, stemkn.Options{Scheme: "enthuse-2022"})
	require.Len(t, base.Findings, 1)
	f := base.Findings[0]
	require.Equal(t, stemkn.CodeCap, f.Code)
	require.Equal(t, stemkn.Error, f.Severity)
	require.Equal(t, "/funding/lines", f.Path)
	require.Equal(t, stemkn.Params{"cap": int64(2000000), "total": int64(4790000), "currency": "GBP"}, f.Params)
	requireEligible(t, no, base)
}

func TestHemelExampleIsTwentyPrimarySchoolsAskingForMoreThanTheDefault(t *testing.T) {
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)
	var app stemkn.Application
	require.NoError(t, json.Unmarshal(doc, &app))

	require.Len(t, app.Network.Institutions, 20)
	require.Equal(t, "jupiter", app.Network.Lead)
	require.Equal(t, "Jupiter Primary School", app.Network.Institutions[0].Name)
	for _, inst := range app.Network.Institutions {
		require.Equal(t, "primary", inst.Phase, inst.Name)
		require.Equal(t, "east-of-england", inst.Region, inst.Name)
	}
	categories := map[string]bool{}
	total := budget.Amount(0)
	for _, l := range app.Funding.Lines {
		categories[l.Category] = true
		total += l.Amount
	}
	require.Equal(t, map[string]bool{"coaching": true, "supply-cover": true, "equipment": true, "resources": true, "room-hire": true}, categories)
	require.Greater(t, total, budget.Amount(2000000))
	require.LessOrEqual(t, total, budget.Amount(5000000))
}

// The Hemel file raises the cap, makes the partnership its 20 schools and
// admits primary schools only; everything else is enthuse-2022's.
func TestHemelSchemeRaisesTheCapAndIsTwentyPrimarySchools(t *testing.T) {
	s, v := hemel(t)
	base, ok := v.Catalogue().Scheme("enthuse-2022")
	require.True(t, ok)

	require.Equal(t, "Hemel Enthuse Partnership", s.Title)
	require.Equal(t, "enthuse-2022", s.Extends)
	require.Equal(t, budget.Amount(5000000), s.Rules.Cap.Amount)
	require.Contains(t, s.Rules.Cap.Reference, "access to £50,000 over the two years")

	// The 20 primary schools are the partnership: the lead and 19 more.
	require.Equal(t, 19, s.Rules.MinInstitutions.Min)
	require.True(t, s.Rules.MinInstitutions.OtherThanLead)
	require.Contains(t, s.Rules.MinInstitutions.Reference, "a group of 20 schools")
	require.Empty(t, s.Rules.MinInstitutions.Source, "the file's reference is its own seed's, not the base scheme's")

	// The base scheme's institution rules, restated (a list replaces its
	// base's list whole), and primary schools only.
	require.Len(t, s.Rules.Institutions, 3)
	require.Equal(t, base.Rules.Institutions, s.Rules.Institutions[:2])
	primary := s.Rules.Institutions[2]
	require.Equal(t, "primarySchools", primary.ID)
	require.Equal(t, "all", primary.Applies)
	require.Equal(t, []string{"primary"}, primary.Phases, "the GIAS phase primary, exactly")
	require.Empty(t, primary.PhaseGroups, "the primary phase group would admit nursery schools")
	require.Equal(t, []string{"school"}, primary.Kinds)
	require.Contains(t, primary.Reference, "Primary schools across the Hemel Hempstead area")

	// Everything else is the base scheme's.
	require.Equal(t, base.Categories, s.Categories)
	require.Equal(t, base.Currency, s.Currency)
	rules, baseRules := s.Rules, base.Rules
	rules.Cap, baseRules.Cap = nil, nil
	rules.MinInstitutions, baseRules.MinInstitutions = nil, nil
	rules.Institutions, baseRules.Institutions = nil, nil
	require.Equal(t, baseRules, rules)
	require.Equal(t, budget.Amount(2000000), base.Rules.Cap.Amount, "loading a file must not change the base scheme")
}

func TestHemelCapIsPennyExact(t *testing.T) {
	_, v := hemel(t)
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)
	var app stemkn.Application
	require.NoError(t, json.Unmarshal(doc, &app))

	cases := []struct {
		total budget.Amount
		codes []stemkn.Code
	}{
		{5000000, nil},
		{5000001, []stemkn.Code{stemkn.CodeCap}},
	}
	for _, tc := range cases {
		t.Run(budget.Format(tc.total, "GBP"), func(t *testing.T) {
			a := app
			a.Funding = &stemkn.Funding{Currency: "GBP", Lines: append([]stemkn.BudgetLine(nil), app.Funding.Lines...)}
			totalling(tc.total)(&a)
			res := v.ValidateApplication(&a, stemkn.Options{})
			require.Equal(t, tc.codes, codesOf(res))
		})
	}
}

func TestHemelSchemeFileCasesPass(t *testing.T) {
	s, v := hemel(t)
	outcomes := v.RunTests(s)
	require.Len(t, outcomes, 8)
	for _, o := range outcomes {
		require.True(t, o.Passed, "%s: %v", o.Name, o.Mismatches)
	}

	// The file's first case is the example application itself, so the two
	// cannot drift apart.
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)
	require.JSONEq(t, string(doc), string(s.Tests[0].Document))
}

// "Primary schools across the Hemel Hempstead area have united": every
// institution of the partnership, the lead too, is a primary school — one
// whose GIAS phase is primary. A nursery school and a middle school deemed
// primary are not, though programme statistics count them in the primary
// group; a school whose phase is not given cannot be judged.
func TestHemelPartnershipIsPrimarySchoolsOnly(t *testing.T) {
	_, v := hemel(t)
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)
	cases := []struct {
		name    string
		at      int
		phase   string
		code    stemkn.Code
		outcome stemkn.Outcome
		message string
	}{
		{"a primary school", 7, "primary", "", stemkn.Passed, ""},
		{"a nursery school", 7, "nursery", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Grovehill Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"a middle school deemed primary", 7, "middle-deemed-primary", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Grovehill Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"a nursery lead", 0, "nursery", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Jupiter Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"a secondary school", 7, "secondary", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Grovehill Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"a middle school deemed secondary", 7, "middle-deemed-secondary", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Grovehill Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"an all-through lead", 0, "all-through", stemkn.CodeInstitutionClass, stemkn.Failed,
			"Jupiter Primary School cannot take part in the Hemel Enthuse Partnership: only primary schools can"},
		{"no phase given", 7, "", stemkn.CodeInstitutionClass, stemkn.NotJudged, "Select the phase of education of Grovehill Primary School"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var app stemkn.Application
			require.NoError(t, json.Unmarshal(doc, &app))
			app.Network.Institutions[tc.at].Phase = tc.phase
			res := v.ValidateApplication(&app, stemkn.Options{})
			require.Equal(t, tc.outcome, outcomeOf(t, res, "primarySchools"))
			if tc.code == "" {
				require.Empty(t, res.Findings)
				requireEligible(t, yes, res)
				return
			}
			require.Equal(t, []stemkn.Code{tc.code}, codesOf(res))
			require.Equal(t, "/network/institutions/"+strconv.Itoa(tc.at)+"/phase", res.Findings[0].Path)
			require.Equal(t, tc.message, res.Findings[0].Message)
			require.Equal(t, "primarySchools", res.Findings[0].Rule)
			if tc.outcome == stemkn.Failed {
				require.Equal(t, tc.phase, res.Findings[0].Params["phase"])
				requireEligible(t, no, res)
			}
		})
	}
}
