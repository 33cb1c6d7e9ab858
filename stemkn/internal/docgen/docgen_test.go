package docgen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

func TestTheSameSeedGivesTheSameCorpus(t *testing.T) {
	s := stemkn.NewCatalogue().Schemes()[0]
	a := docgen.New(7).Cases(s, 300)
	b := docgen.New(7).Cases(s, 300)
	c := docgen.New(8).Cases(s, 300)
	require.Equal(t, a, b)
	require.NotEqual(t, a, c)
}

// withSchemeFiles is the built-in catalogue with the example scheme file
// of the Hemel partnership, whose institution rules judge the phase.
func withSchemeFiles(t *testing.T) *stemkn.Catalogue {
	t.Helper()
	c := stemkn.NewCatalogue()
	_, err := c.LoadFile("../../../examples/schemes/hemel-enthuse-2022.json")
	require.NoError(t, err)
	return c
}

// The generator knows what valid documents and boundaries must get; the
// validator must agree, for every scheme in the catalogue and the example
// scheme file.
func TestGeneratedDocumentsGetWhatTheGeneratorExpects(t *testing.T) {
	v := stemkn.NewValidator(withSchemeFiles(t))
	g := docgen.New(1)
	for _, s := range v.Catalogue().Schemes() {
		t.Run(s.ID, func(t *testing.T) {
			judged := 0
			for _, c := range g.Cases(s, 1500) {
				if !c.Judged {
					continue
				}
				judged++
				res := v.Validate(c.JSON, stemkn.Options{Mode: c.Mode})
				if c.Want == "" {
					require.True(t, res.Valid, "%s: %v\n%s", c.Name, res.Findings, c.JSON)
					continue
				}
				require.True(t, slices.ContainsFunc(res.Findings, func(f stemkn.Finding) bool {
					return f.Code == c.Want && f.Severity == stemkn.Error
				}), "%s: want %s, got %v\n%s", c.Name, c.Want, res.Findings, c.JSON)
			}
			require.Greater(t, judged, 200)
		})
	}
}

func TestValidDocumentsPassEveryRule(t *testing.T) {
	v := stemkn.NewValidator(withSchemeFiles(t))
	for _, s := range v.Catalogue().Schemes() {
		for _, doc := range docgen.New(3).Valid(s, 200) {
			res := v.Validate(doc.JSON(), stemkn.Options{})
			require.True(t, res.Valid, "%v\n%s", res.Findings, doc.JSON())
			require.NotNil(t, res.Eligible, "%s", doc.JSON())
			require.True(t, *res.Eligible, "%v\n%s", res.Rules, doc.JSON())
		}
	}
}

// A scheme whose institution rules judge the phase gets valid documents
// whose institutions are of the phases admitted: the Hemel partnership's
// primary schools, never a nursery school, which the primary phase group
// would admit.
func TestValidDocumentsHaveTheAdmittedPhases(t *testing.T) {
	s, ok := withSchemeFiles(t).Scheme("hemel-enthuse-2022")
	require.True(t, ok)
	for _, doc := range docgen.New(3).Valid(s, 50) {
		insts := doc.At("/network/institutions")
		require.NotNil(t, insts)
		require.GreaterOrEqual(t, len(insts.Items), 20)
		for _, inst := range insts.Items {
			require.Equal(t, "primary", inst.Get("phase").Text, "%s", inst.JSON())
		}
	}
}

// Every kind of change the generator knows is made somewhere in a normal
// corpus, so none silently stops applying when the documents change.
func TestTheCorpusHasEveryKindOfChange(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range stemkn.NewCatalogue().Schemes() {
		for _, c := range docgen.New(1).Cases(s, 3000) {
			for _, part := range strings.Split(c.Name, "+") {
				part, _, _ = strings.Cut(part, "@")
				part = strings.TrimPrefix(part, "mutate/")
				seen[part] = true
			}
		}
	}
	for _, name := range docgen.Mutations() {
		require.True(t, seen[name], "no document has mutation %s", name)
	}
	for _, name := range []string{"valid", "text/truncate", "text/invalid-utf8", "text/whitespace", "boundary/text-max-exact", "boundary/text-max-plus-one"} {
		require.True(t, seen[name], "no document is %s", name)
	}
}

func TestParseKeepsOrderRepeatedKeysAndNumberSpelling(t *testing.T) {
	text := `{"b":1.0,"a":[1e3,"x",true,null,{}],"b":{"c":"\u00e9"}}`
	n, err := docgen.Parse([]byte(text))
	require.NoError(t, err)
	require.Equal(t, `{"b":1.0,"a":[1e3,"x",true,null,{}],"b":{"c":"é"}}`, string(n.JSON()))
	_, err = docgen.Parse([]byte(`{} {}`))
	require.Error(t, err)
}
