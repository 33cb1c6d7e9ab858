package stemkn

import (
	"sort"
	"strings"
	"sync"
)

// A scheme's own words — its title, its themes and spend categories, an
// institution rule's title and who may do what, the names of the activities
// a plan needs, who a minimum of institutions counts, the strands of a
// project's work — are written in English in the scheme data. A catalogue
// gives them in its language under "scheme@SCHEME/PLACE" keys, PLACE being
// where the word is in the scheme:
//
//	scheme@stem-kn-2011/title
//	scheme@stem-kn-2011/themes/maths-skills
//	scheme@stem-kn-2011/categories/resources
//	scheme@stem-kn-2011/institutions/fundedInstitutions/who   (also title, does)
//	scheme@enthuse-2014/activities/0/name
//	scheme@enthuse-2014/minInstitutions/who
//	scheme@stem-pd-net-2016/strands/dissemination
//
// Each rule's block says which of its parameters are words of the scheme,
// and where (rule.words). A scheme file that extends another keeps the
// other's words where its English is the other's. Where a catalogue has no
// word, the scheme's English is used: Messages.Check (language.go) lists
// what a language lacks for a scheme, and Messages.schemeWord
// (messages.go) finds a word. This file is the inventory: the words a
// scheme has, and the built-in schemes'.

// schemeWords lists a scheme's words in the order of the scheme data (a
// compiled scheme has them as its words).
func schemeWords(s *Scheme) []schemeWord { return wordsOf(s, s.rules()) }

// builtinSchemes are the built-in schemes, made once.
var builtinSchemes = sync.OnceValue(func() []*Scheme { return NewCatalogue().Schemes() })

// builtinWord is a word of a built-in scheme, by its catalogue key.
type builtinWord struct{ key, english string }

// builtinSchemeWords are the words of the built-in schemes, which every
// language but English must give.
var builtinSchemeWords = sync.OnceValue(func() []builtinWord {
	var out []builtinWord
	for _, s := range builtinSchemes() {
		for _, w := range schemeWords(s) {
			out = append(out, builtinWord{"scheme@" + s.ID + "/" + w.place, w.english})
		}
	}
	return out
})

// builtinWordIndex maps "SCHEME/PLACE" to a built-in scheme's English word.
var builtinWordIndex = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, w := range builtinSchemeWords() {
		out[strings.TrimPrefix(w.key, "scheme@")] = w.english
	}
	return out
})

// builtinScheme reports whether id is a built-in scheme's.
func builtinScheme(id string) bool {
	_, ok := builtinWordIndex()[id+"/title"]
	return ok
}

// builtinPlaces are the places of a built-in scheme's words, sorted.
func builtinPlaces(id string) []string {
	var out []string
	for k := range builtinWordIndex() {
		if p, ok := strings.CutPrefix(k, id+"/"); ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
