package stemkn_test

import (
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

func welsh(t *testing.T) *stemkn.Messages {
	t.Helper()
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	return cy
}

// TestEveryKeyHasAWelshText: the Welsh catalogue words everything the
// English one does, every label and vocabulary word in its soft form too,
// and every word of the built-in schemes.
func TestEveryKeyHasAWelshText(t *testing.T) {
	en, cy := stemkn.DefaultMessages(), welsh(t)
	require.Greater(t, len(en.Keys()), 250)
	for _, key := range en.Keys() {
		text, ok := cy.Template(key)
		require.True(t, ok, "Welsh has no %s", key)
		require.NotEmpty(t, strings.TrimSpace(text), key)
		if strings.HasPrefix(key, "label@") {
			_, ok := cy.Template("label.soft" + strings.TrimPrefix(key, "label"))
			require.True(t, ok, "Welsh has no soft form of %s", key)
		}
	}
	require.NoError(t, cy.Check(builtinValidator.Catalogue().Schemes()...), "every word of the built-in schemes")
	require.Equal(t, []string{"cy", "en"}, stemkn.Languages())
	require.Equal(t, "Cymraeg", cy.Name())
}

// TestWelshLabelsBeginWithTheirNoun: a label that began with the article
// (y, yr) would need "'r" after a vowel ("i'r"), which a template cannot
// know; so every Welsh label begins with its noun and a sentence changes at
// most its first letter (the soft mutation).
func TestWelshLabelsBeginWithTheirNoun(t *testing.T) {
	cy := welsh(t)
	patterns := cy.LabelPatterns()
	require.Greater(t, len(patterns), 80)
	for _, p := range patterns {
		label, _ := cy.Label(p)
		require.NotRegexp(t, `^(y|yr|'r|’r) `, label, p)
		soft, ok := cy.Template("label.soft@" + p)
		require.True(t, ok, p)
		require.NotEqual(t, "", soft)
		// The soft form differs from the plain one in its first letters only.
		require.Equal(t, afterFirstWord(label), afterFirstWord(soft), p)
	}
}

func afterFirstWord(s string) string {
	_, rest, _ := strings.Cut(s, " ")
	return rest
}

// englishOnly and welshOnly are the words (three letters or more) that
// appear in one catalogue's texts and not in the other's: a message with
// one of them has strayed from its language.
func wordsOnlyIn(a, b *stemkn.Messages) map[string]bool {
	inB := map[string]bool{}
	for _, k := range b.Keys() {
		t, _ := b.Template(k)
		for _, w := range catalogueWords(t) {
			inB[w] = true
		}
	}
	out := map[string]bool{}
	for _, k := range a.Keys() {
		t, _ := a.Template(k)
		for _, w := range catalogueWords(t) {
			if !inB[w] {
				out[w] = true
			}
		}
	}
	return out
}

var (
	placeholderText = regexp.MustCompile(`\{[^{}]*\}`)
	quotedText      = regexp.MustCompile(`"[^"]*"|“[^”]*”`)
	wordPattern     = regexp.MustCompile(`[\p{L}’']{3,}`)
)

func catalogueWords(text string) []string {
	var out []string
	for _, w := range wordPattern.FindAllString(placeholderText.ReplaceAllString(text, " "), -1) {
		out = append(out, strings.ToLower(w))
	}
	return out
}

// strayWords are the words of a message, with what came from the document
// (quoted text, the values of its params) taken out, that belong only to
// the other language.
func strayWords(f stemkn.Finding, other map[string]bool) []string {
	var out []string
	for _, w := range catalogueWords(ownWords(f)) {
		if other[w] {
			out = append(out, w)
		}
	}
	return out
}

// ownWords is a message without what came from the document: quoted text,
// the values of its params and its code (the fallback names it).
func ownWords(f stemkn.Finding) string {
	text := strings.ReplaceAll(quotedText.ReplaceAllString(f.Message, " "), string(f.Code), " ")
	for _, v := range f.Params {
		switch x := v.(type) {
		case string:
			if x != "" {
				text = strings.ReplaceAll(text, x, " ")
			}
		case []string:
			for _, s := range x {
				if s != "" {
					text = strings.ReplaceAll(text, s, " ")
				}
			}
		}
	}
	return text
}

// TestEveryWelshTemplateWorksWithEveryLabel fills each Welsh template that
// names a field with every field it could be about: generic templates and
// labels must not make mixed-language text such as "Mae angen the start
// date", nor leave a placeholder.
func TestEveryWelshTemplateWorksWithEveryLabel(t *testing.T) {
	en, cy := stemkn.DefaultMessages(), welsh(t)
	english := wordsOnlyIn(en, cy)
	patterns := cy.LabelPatterns()
	n := 0
	for _, key := range cy.Keys() {
		text, _ := cy.Template(key)
		if !strings.Contains(strings.ToLower(text), "{field") || strings.Contains(key, "@") || strings.HasPrefix(key, "label") {
			continue
		}
		code, variant := splitKey(cy, key)
		for _, p := range patterns {
			path := strings.ReplaceAll(p, "*", "0")
			f := stemkn.Finding{Code: code, Variant: variant, Path: path,
				Params: stemkn.Params{"min": int64(2), "max": int64(9), "expected": "string", "actual": "integer", "missing": []string{"day", "month"}, "id": "x"}}
			msg := cy.Message(&f, nil)
			f.Message = msg
			require.NotContains(t, msg, "{", "%s at %s", key, p)
			require.Empty(t, strayWords(f, english), "%s at %s: %q", key, p, msg)
			n++
		}
	}
	require.Greater(t, n, 1000)
}

// splitKey gives the code and variant a finding needs to get the template
// key: the code is the shortest dotted prefix that is itself a key.
func splitKey(m *stemkn.Messages, key string) (stemkn.Code, string) {
	if key == "fallback" {
		return "no-such-code", ""
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '.' {
			if _, ok := m.Template(key[:i]); ok {
				return stemkn.Code(key[:i]), key[i+1:]
			}
		}
	}
	return stemkn.Code(key), ""
}

func TestWelshWordsAFindingTheGOVUKWay(t *testing.T) {
	cy := welsh(t)
	v := builtinValidator.WithMessages(cy)
	cases := []struct {
		name string
		post url.Values
		path string
		want string
	}{
		{"a missing name", url.Values{"scheme": {"stem-kn-2011"}}, "/network/name", "Rhowch enw'r rhwydwaith"},
		{"a missing start date takes the soft mutation", url.Values{"scheme": {"stem-kn-2011"}}, "/plan/startDate", "Rhowch ddyddiad dechrau'r rhaglen"},
		{"a date input without a month", url.Values{"scheme": {"stem-kn-2011"}, "plan[startDate][day]": {"1"}, "plan[startDate][year]": {"2011"}},
			"/plan/startDate", "Rhaid i ddyddiad dechrau'r rhaglen gynnwys mis"},
		{"a date that is not real", url.Values{"scheme": {"stem-kn-2011"}, "plan[startDate][day]": {"31"}, "plan[startDate][month]": {"4"}, "plan[startDate][year]": {"2011"}},
			"/plan/startDate", "Rhaid i ddyddiad dechrau'r rhaglen fod yn ddyddiad go iawn"},
		{"an email address", url.Values{"scheme": {"stem-kn-2011"}, "contact[email]": {"asha"}},
			"/contact/email", "Rhowch gyfeiriad e-bost y person cyswllt yn y fformat cywir, fel enw@enghraifft.com"},
		{"a choice", url.Values{"scheme": {"stem-kn-2011"}, "network[members][0][name]": {"Asha"}},
			"/network/members/0/role", "Dewiswch rôl aelod 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := v.ValidateForm(tc.post, stemkn.Options{})
			var got []string
			for _, f := range res.Findings {
				if f.Path == tc.path {
					got = append(got, f.Message)
				}
			}
			require.Contains(t, got, tc.want)
		})
	}
	calder, err := os.ReadFile("testdata/calder.json")
	require.NoError(t, err)
	res := v.Validate(calder, stemkn.Options{})
	var messages []string
	for _, f := range res.Findings {
		messages = append(messages, f.Message)
	}
	sort.Strings(messages)
	require.Contains(t, messages, "Ni ddylai adnoddau fod yn fwy na 20% o'r cyfanswm: mae £400.00 o £1,600.00 yn 25%")
}
