package stemkn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words for rule titles and messages.

// capitalise writes the first letter of s as a capital, as a sentence
// starts: the first character, not the first byte ("école" is "École").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if up := unicode.ToTitle(r); up != r && r != utf8.RuneError {
		return string(up) + s[n:]
	}
	return s
}

// joinWith joins items as a list in a sentence: "a, b or c".
func joinWith(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

func joinAnd(items []string) string { return joinWith(items, "and") }
func joinOr(items []string) string  { return joinWith(items, "or") }

// categoryTitle is a spend category's title in a sentence ("supply cover"),
// or its id when the scheme does not have it.
func (s *Scheme) categoryTitle(id string) string {
	for _, c := range s.Categories {
		if c.ID == id {
			return strings.ToLower(c.Title)
		}
	}
	return id
}
