package stemkn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedTexts are the source documents of the built-in schemes, copied into
// testdata/seeds (see its README), with each run of white space made one
// character: a line break where the run holds one (a line, heading or
// list item ends there), a space otherwise.
func seedTexts(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	require.NoError(t, err)
	require.Len(t, files, 5)
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		texts[filepath.Base(f)] = squeezeSpace(string(data))
	}
	return texts
}

// squeezeSpace makes each run of white space in s one character: "\n"
// when the run holds a line break, " " otherwise.
func squeezeSpace(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if words := strings.Fields(line); len(words) > 0 {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Join(words, " "))
		}
	}
	return b.String()
}

// quoted reports whether reference is a quotation from text: each part
// between the "…" that mark where it is shortened is found in text, in
// order, and an end not marked "…" is an end in text too — where a
// sentence, clause, list item or line begins or ends. A quotation may leave
// out the mark that ends the sentence or list item it quotes ("have a
// specific area of interest" for "have a specific area of interest;").
func quoted(reference, text string) bool {
	flat := strings.ReplaceAll(text, "\n", " ") // where the reference is looked for: a line break is a space
	var parts []string
	for _, part := range strings.Split(strings.Join(strings.Fields(reference), " "), "…") {
		parts = append(parts, strings.TrimSpace(part))
	}
	return quotedFrom(parts, text, flat, 0)
}

// quotedFrom reports whether parts are found in order in flat from index
// from, the first at a beginning in text and the last at an end, unless
// they are empty (a reference that begins or ends "…"). It tries each place
// a part is found, so a phrase that comes twice is found where it is a
// quotation.
func quotedFrom(parts []string, text, flat string, from int) bool {
	part, first, last := parts[0], from == 0, len(parts) == 1
	if part == "" {
		return last || quotedFrom(parts[1:], text, flat, max(from, 1))
	}
	for i := from; i <= len(flat); {
		k := strings.Index(flat[i:], part)
		if k < 0 {
			return false
		}
		i += k
		j := i + len(part)
		if (!first || begins(text, i)) && (!last || ends(text, j)) && (last || quotedFrom(parts[1:], text, flat, max(j, 1))) {
			return true
		}
		i++
	}
	return false
}

// begins reports whether a sentence, clause, list item or line of text
// begins at i.
func begins(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	for _, mark := range []string{"\n", ".", "!", "?", ":", ";", "•"} {
		if strings.HasSuffix(before, mark) {
			return true
		}
	}
	return before == ""
}

// ends reports whether a sentence, clause, list item or line of text ends
// at j, or would but for the one mark that ends it.
func ends(text string, j int) bool {
	const marks = ".!?:;"
	if j > 0 && strings.IndexByte(marks, text[j-1]) >= 0 {
		return true
	}
	k := j
	if k < len(text) && strings.IndexByte(marks, text[k]) >= 0 {
		k++ // the mark that ends it, left out
	}
	return k == len(text) || text[k] == '\n' || (k > j && text[k] == ' ')
}

// projectWords are words of the project, not of its sources: a reference
// that holds them mixes our reading into the quotation.
var projectWords = []string{"SPEC", "Taken as", "taken as", "stemkn", "Advice only", "(seed", "seed 0"}

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
				assert.True(t, found, "%s: the reference is not a quotation of any seed text: %q", where, r.cite.Reference)
				for _, ours := range projectWords {
					assert.NotContains(t, r.cite.Reference, ours, "%s: the reference holds the project's words; they belong in its note", where)
				}
				checked++
			}
		}
	}
	require.Greater(t, checked, 30)
}

func TestQuotedAllowsAMarkedEllipsisOnly(t *testing.T) {
	text := squeezeSpace("If you apply for funding you must be prepared, collectively, to do the following:\n\n" +
		"  • submit a report of your activity;\n  • share your report and any resources developed during the project online.\n\n" +
		"Please note that no more than 20% of the funding should be spent on resources.")
	for _, tc := range []struct {
		reference string
		want      bool
	}{
		{"submit a report of your activity;", true},                           // a list item
		{"submit a report of your activity", true},                            // less the mark that ends it
		{"If you apply for funding … submit a report of your activity", true}, // shortened in the middle, marked
		{"If you apply for funding … share your report … online.", true},
		{"Please note that no more than 20% of the funding should be spent on resources.", true},
		{"Please note that no more than 20% of the funding should be spent on resources", true},
		{"… no more than 20% of the funding …", true},
		{"no more than 20% of the funding should be spent on resources.", false}, // its start cut, not marked
		{"Please note that no more than 20% of the funding", false},              // its end cut, not marked
		{"your report … online", false},                                          // its start cut, not marked
		{"… share your report … online", true},
		{"If you apply for funding submit a report", false},                                           // shortened without "…"
		{"share your report … funding", false},                                                        // out of order
		{"submit a report of their activity", false},                                                  // words changed
		{"If  you apply for funding\nyou must be prepared, collectively, to do the following:", true}, // white space is white space
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
