package stemkn

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A scheme's own words — its title, its themes and spend categories, an
// institution rule's title and who may do what, the names of the activities
// a plan needs — are written in English in the scheme data. A catalogue
// gives them in its language under "scheme@SCHEME/PLACE" keys, PLACE being
// where the word is in the scheme:
//
//	scheme@stem-kn-2011/title
//	scheme@stem-kn-2011/themes/maths-skills
//	scheme@stem-kn-2011/categories/resources
//	scheme@stem-kn-2011/institutions/fundedInstitutions/who   (also title, does)
//	scheme@enthuse-2014/activities/0/name
//
// A scheme file that extends another keeps the other's words where its
// English is the other's. Where a catalogue has no word, the scheme's
// English is used: Check lists what a language lacks for a scheme.

// schemeWordEntry is one of a scheme's words: where it is, and its English.
type schemeWordEntry struct{ place, english string }

// schemeWords lists a scheme's words in the order of the scheme data.
func schemeWords(s *Scheme) []schemeWordEntry {
	out := []schemeWordEntry{{"title", s.Title}}
	for _, t := range s.Themes {
		out = append(out, schemeWordEntry{"themes/" + t.ID, t.Title})
	}
	for _, c := range s.Categories {
		out = append(out, schemeWordEntry{"categories/" + c.ID, c.Title})
	}
	for _, ir := range s.Rules.Institutions {
		for _, w := range []schemeWordEntry{{"title", ir.Title}, {"who", ir.Who}, {"does", ir.Does}} {
			if w.english != "" {
				out = append(out, schemeWordEntry{"institutions/" + ir.ID + "/" + w.place, w.english})
			}
		}
	}
	if a := s.Rules.Activities; a != nil {
		for i, n := range a.Needs {
			out = append(out, schemeWordEntry{"activities/" + strconv.Itoa(i) + "/name", n.Name})
		}
	}
	return out
}

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

// schemeWord is the language's word for the scheme's word at place, whose
// English is english.
func (m *Messages) schemeWord(s *Scheme, place, english string) string {
	if s == nil {
		return english
	}
	if w, ok := m.text["scheme@"+s.ID+"/"+place]; ok {
		return w
	}
	if s.Extends != "" {
		if parent, ok := builtinWordIndex()[s.Extends+"/"+place]; ok && parent == english {
			if w, ok := m.text["scheme@"+s.Extends+"/"+place]; ok {
				return w
			}
		}
	}
	return english
}

// schemeText is the language's words for a text taken from the scheme data
// (a finding's "who" or "need"), found by its English.
func (m *Messages) schemeText(s *Scheme, english string) string {
	if s == nil {
		return english
	}
	for _, w := range schemeWords(s) {
		if w.english == english {
			return m.schemeWord(s, w.place, english)
		}
	}
	return english
}

// SchemeTitle is a scheme's title in the messages' language.
func (m *Messages) SchemeTitle(s *Scheme) string { return m.schemeWord(s, "title", s.Title) }

// Check reports the words of the schemes that the messages do not give in
// their language, as a *MessagesError: a host that loads a scheme file and
// shows a language other than English adds the file's words (With, or a
// catalogue file) and checks them here. English messages lack nothing, the
// scheme data being English.
func (m *Messages) Check(schemes ...*Scheme) error {
	if strings.EqualFold(m.lang, "en") {
		return nil
	}
	c := checker{m: m}
	for _, s := range schemes {
		for _, w := range schemeWords(s) {
			if got := m.schemeWord(s, w.place, w.english); got == w.english {
				if _, own := m.text["scheme@"+s.ID+"/"+w.place]; !own {
					c.problem("scheme@"+s.ID+"/"+w.place, "is missing: the scheme's English is "+strconv.Quote(w.english))
				}
			}
		}
	}
	return c.err()
}

// schemePlace says what is wrong with the SCHEME/PLACE of a scheme word's
// key, or "". A built-in scheme's words are known; another scheme's (a
// scheme file's) may be any place a scheme can have a word.
func (c *checker) schemePlace(sp string) string {
	id, place, ok := strings.Cut(sp, "/")
	if !ok || id == "" {
		return "a scheme word's key is scheme@SCHEME/PLACE, such as scheme@stem-kn-2011/categories/resources"
	}
	if builtinScheme(id) {
		if _, ok := builtinWordIndex()[sp]; !ok {
			return "is not a word of the scheme " + strconv.Quote(id) + ": its words are at " + strings.Join(builtinPlaces(id), ", ")
		}
		return ""
	}
	parts := strings.Split(place, "/")
	switch {
	case len(parts) == 1 && parts[0] == "title",
		len(parts) == 2 && (parts[0] == "themes" || parts[0] == "categories") && parts[1] != "",
		len(parts) == 3 && parts[0] == "institutions" && parts[1] != "" && (parts[2] == "title" || parts[2] == "who" || parts[2] == "does"),
		len(parts) == 3 && parts[0] == "activities" && isIndex(parts[1]) && parts[2] == "name":
		return ""
	}
	return "is not a place a scheme has words: title, themes/ID, categories/ID, institutions/ID/title (or who, does) or activities/N/name"
}

func isIndex(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && strconv.Itoa(n) == s
}

func builtinScheme(id string) bool {
	_, ok := builtinWordIndex()[id+"/title"]
	return ok
}

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
