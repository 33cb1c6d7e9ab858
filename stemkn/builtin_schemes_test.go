package stemkn_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

func TestBuiltinCatalogueHasOneSchemePerSeedInOrder(t *testing.T) {
	var ids []string
	for _, s := range stemkn.NewCatalogue().Schemes() {
		ids = append(ids, s.ID)
		require.NoError(t, s.Check(), s.ID)
		require.NotEmpty(t, s.Reference, s.ID)
		require.NotEmpty(t, s.Funders, s.ID)
	}
	require.Equal(t, []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange"}, ids)
}

func TestBuiltinCataloguesDoNotShareSchemes(t *testing.T) {
	a, b := stemkn.NewCatalogue(), stemkn.NewCatalogue()
	sa, _ := a.Scheme("enthuse-2014")
	sb, _ := b.Scheme("enthuse-2014")
	sa.Rules.Cap.Amount = 1
	require.EqualValues(t, 1200000, sb.Rules.Cap.Amount)
}

// The Erasmus+ rules come from the Programme Guide 2016, which is not among
// the project's sources: their results say so (Source). The outputs and
// strands come from the project's own description (seed 002), which is the
// scheme's source.
func TestErasmusRulesCiteTheProgrammeGuide(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("testdata", pdNetFixture))
	require.NoError(t, err)
	res := builtinValidator.Validate(doc, stemkn.Options{})
	fromSeed := map[string]bool{"outputs": true, "strands": true}
	for _, r := range res.Rules {
		switch {
		case r.Reference == "" || fromSeed[r.Rule]:
			require.Empty(t, r.Source, r.Rule)
		default:
			require.Equal(t, "Erasmus+ Programme Guide 2016", r.Source, r.Rule)
			require.Contains(t, r.Reference, "Erasmus+ Programme Guide 2016", r.Rule)
		}
	}
}

func TestOfferSchemeJudgesOffersOnly(t *testing.T) {
	s, ok := stemkn.NewCatalogue().Scheme("stem-exchange")
	require.True(t, ok)
	require.Equal(t, stemkn.KindOffer, s.Kind)

	doc, err := os.ReadFile(filepath.Join("testdata", cpdOfferFixture))
	require.NoError(t, err)
	res := builtinValidator.Validate(doc, stemkn.Options{})
	var rules []string
	for _, r := range res.Rules {
		rules = append(rules, r.Rule)
	}
	require.Equal(t, []string{"freeOffer", "audience", "ageRange", "dates"}, rules)
}

func TestExampleApplicationsAreValid(t *testing.T) {
	c := stemkn.NewCatalogue()
	_, err := c.LoadFile(hemelSchemeFile)
	require.NoError(t, err)
	v := stemkn.NewValidator(c)

	files, err := filepath.Glob("../examples/applications/*.json")
	require.NoError(t, err)
	schemes := map[string]bool{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := os.ReadFile(file)
			require.NoError(t, err)
			res := v.Validate(doc, stemkn.Options{})
			require.Empty(t, res.Findings)
			requireEligible(t, yes, res)
			// An example for a scheme file also shows the scheme it extends.
			for id := res.Scheme; id != ""; {
				schemes[id] = true
				s, _ := c.Scheme(id)
				id = s.Extends
			}
		})
	}
	for _, s := range c.Schemes() {
		require.True(t, schemes[s.ID], "no example application for %s", s.ID)
	}
}

// Every built-in scheme is a data file with its own test cases, as a
// funder's file is (stemkn test stemkn/schemes/*.json runs the same).
func TestBuiltinSchemesPassTheirOwnTests(t *testing.T) {
	for _, s := range builtinValidator.Catalogue().Schemes() {
		t.Run(s.ID, func(t *testing.T) {
			require.GreaterOrEqual(t, len(s.Tests), 2, "a passing case and a failing one at least")
			failing := 0
			for _, o := range builtinValidator.RunTests(s) {
				require.True(t, o.Passed, "%s: %v", o.Name, o.Mismatches)
				if !o.Result.Valid {
					failing++
				}
			}
			require.Positive(t, failing, "some case fails a rule")
		})
	}
}
