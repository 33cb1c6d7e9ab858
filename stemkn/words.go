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
