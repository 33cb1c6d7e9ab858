//go:build !js

package stemkn_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

// TestWelshFindingsHaveNoEnglishAndEnglishNoWelsh validates the generated
// corpus — every scheme, valid documents, boundaries and hostile variations,
// as JSON and as form posts — in both languages: no Welsh message has an
// English word, no English message a Welsh one, and none has a placeholder
// left unfilled. Rule titles and budget category titles likewise.
func TestWelshFindingsHaveNoEnglishAndEnglishNoWelsh(t *testing.T) {
	en, cy := stemkn.DefaultMessages(), welsh(t)
	english, welshWords := wordsOnlyIn(en, cy), wordsOnlyIn(cy, en)
	// A proper name the Welsh keeps in English ("National STEM Centre") is
	// English in the schemes' own words, which English takes from the
	// scheme data rather than its catalogue.
	for _, w := range catalogueWords(schemesEnglish()) {
		delete(welshWords, w)
	}
	require.True(t, english["enter"] && english["select"] && welshWords["rhowch"] && welshWords["dewiswch"])
	validators := map[string]*stemkn.Validator{"en": builtinValidator, "cy": builtinValidator.WithMessages(cy)}
	other := map[string]map[string]bool{"en": welshWords, "cy": english}
	seen := map[string]map[string]bool{"en": {}, "cy": {}}
	check := func(lang string, res stemkn.Result, what string) {
		for _, f := range res.Findings {
			require.NotContains(t, ownWords(f), "{", "%s %s: %s", lang, what, f.Message)
			require.Empty(t, strayWords(f, other[lang]), "%s %s: %s %s: %q", lang, what, f.Code, f.Path, f.Message)
			seen[lang][string(f.Code)+"."+f.Variant] = true
		}
		for _, r := range res.Rules {
			require.Empty(t, strayWords(stemkn.Finding{Message: r.Title}, other[lang]), "%s rule %s: %q", lang, r.Rule, r.Title)
		}
	}
	for i, c := range corpus(t) {
		if i%2 != 0 {
			continue
		}
		for lang, v := range validators {
			check(lang, v.Validate(c.JSON, stemkn.Options{Mode: c.Mode}), c.Name)
			if c.Tree == nil || i%6 != 0 {
				continue
			}
			if post, _, ok := formOf(c, uint64(i)); ok {
				res, _ := v.ValidateForm(post, stemkn.Options{Mode: c.Mode})
				check(lang, res, c.Name+" as a form")
			}
		}
	}
	// The corpus reaches most of what can be said.
	require.Greater(t, len(seen["cy"]), 50, "kinds of finding worded in Welsh")
	require.Equal(t, seen["en"], seen["cy"])
}

// schemesEnglish is the built-in schemes' own words, in English.
func schemesEnglish() string {
	var b strings.Builder
	for _, s := range builtinValidator.Catalogue().Schemes() {
		words := []string{s.Title}
		for _, t := range s.Themes {
			words = append(words, t.Title)
		}
		for _, c := range s.Categories {
			words = append(words, c.Title)
		}
		for _, r := range s.Rules.Institutions {
			words = append(words, r.Title, r.Who, r.Does)
		}
		if r := s.Rules.MinInstitutions; r != nil {
			words = append(words, r.Who)
		}
		if r := s.Rules.Strands; r != nil {
			for _, st := range r.Strands {
				words = append(words, st.Title)
			}
		}
		if r := s.Rules.Activities; r != nil {
			for _, n := range r.Needs {
				words = append(words, n.Name)
			}
		}
		b.WriteString(strings.Join(words, " ") + " ")
	}
	return b.String()
}
