package stemkn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// seedTexts are the source documents of the built-in schemes, copied into
// testdata/seeds (see its README), with runs of white space made one space.
func seedTexts(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	require.NoError(t, err)
	require.Len(t, files, 5)
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts[filepath.Base(f)] = strings.Join(strings.Fields(string(data)), " ")
	}
	return texts
}

// quoted reports whether reference is a quotation from text: each part
// between the "…" that mark where it is shortened is found in text, in
// order.
func quoted(reference, text string) bool {
	rest := text
	for _, part := range strings.Split(strings.Join(strings.Fields(reference), " "), "…") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		i := strings.Index(rest, part)
		if i < 0 {
			return false
		}
		rest = rest[i+len(part):]
	}
	return true
}

// notInTheSeeds are the sources references may name that the project does
// not have, so their words cannot be checked: the Erasmus+ rules name the
// Programme Guide's part rather than quote it.
var notInTheSeeds = map[string]bool{"Erasmus+ Programme Guide 2016": true}

// Every rule of the built-in schemes and the example scheme files quotes
// its source: its reference is found, word for word, in a seed text
// (allowing for a marked "…"), unless it names a source the project does
// not have; and a rule with no reference is stemkn's own, saying why.
func TestReferencesQuoteTheirSources(t *testing.T) {
	texts := seedTexts(t)
	c := NewCatalogue()
	_, err := c.LoadFile(filepath.Join("..", "examples", "schemes", "hemel-enthuse-2022.json"))
	require.NoError(t, err)
	checked := 0
	for _, s := range c.Schemes() {
		for _, r := range s.rules() {
			where := s.ID + " rule " + r.id
			switch {
			case r.own:
				require.Empty(t, r.cite.Reference, where)
				require.Contains(t, r.cite.Note, "stemkn's own check", where)
			case notInTheSeeds[r.cite.Source]:
				require.Contains(t, r.cite.Reference, r.cite.Source, "%s names where in %s it comes from", where, r.cite.Source)
				require.NotEmpty(t, r.cite.Note, "%s says the rule in words of ours", where)
				t.Logf("%s: from the %s, which is not among the seeds: not checked", where, r.cite.Source)
			default:
				found := false
				for _, text := range texts {
					found = found || quoted(r.cite.Reference, text)
				}
				require.True(t, found, "%s: the reference is not a quotation of any seed text: %q", where, r.cite.Reference)
				require.NotContains(t, r.cite.Reference, "SPEC", where)
				checked++
			}
		}
	}
	require.Greater(t, checked, 30)
}

func TestQuotedAllowsAMarkedEllipsisOnly(t *testing.T) {
	text := "If you apply for funding you must be prepared, collectively, to do the following: submit a report of your activity; share your report online."
	for _, tc := range []struct {
		reference string
		want      bool
	}{
		{"submit a report of your activity", true},
		{"If you apply for funding … submit a report of your activity", true},
		{"If you apply for funding … share your report online.", true},
		{"If you apply for funding submit a report", false},       // shortened without "…"
		{"share your report … funding", false},                    // out of order
		{"submit a report of their activity", false},              // words changed
		{"If  you apply for funding\nyou must be prepared", true}, // white space is white space
	} {
		require.Equal(t, tc.want, quoted(tc.reference, text), tc.reference)
	}
}

// The copies in testdata/seeds are the project's source documents, byte
// for byte, when those are at hand (a clone has only the copies).
func TestSeedCopiesAreTheSourceDocuments(t *testing.T) {
	for _, dir := range []string{filepath.Join("..", "..", "shared", "seeds")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			continue
		}
		for _, f := range files {
			want, err := os.ReadFile(f)
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join("testdata", "seeds", filepath.Base(f)))
			require.NoError(t, err, "testdata/seeds lacks %s", filepath.Base(f))
			require.Equal(t, string(want), string(got), filepath.Base(f))
		}
		return
	}
	t.Skip("the source documents (shared/seeds) are not on this machine; the copies stand alone")
}
