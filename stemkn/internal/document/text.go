package document

import (
	"strings"
	"unicode/utf8"
)

// IsBlank reports whether text has nothing but white space in it: the
// characters ECMAScript's \s matches, so the schema's NonBlankPattern agrees.
func IsBlank(s string) bool {
	for _, r := range s {
		if !isSpaceRune(r) {
			return false
		}
	}
	return true
}

// blankRunes are ECMAScript's white space and line terminators.
const blankRunes = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

// NonBlankPattern matches text with at least one character that is not
// white space; the schema uses it for text a rule needs.
const NonBlankPattern = "[^" + blankRunes + "]"

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return true
		}
		return false
	}
	return strings.ContainsRune(blankRunes[6:], r)
}
