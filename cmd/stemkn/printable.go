package main

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// printable makes text taken from input safe to print for people: it can
// neither start a line of its own (forging a "FILE:2: valid" verdict) nor
// reach the terminal as a control sequence. Control characters (C0, DEL,
// C1), bytes that are not UTF-8, the Unicode line and paragraph separators
// and the bidirectional embedding, override and isolate controls (which
// reorder what a line shows) are written as Go-style escapes: \n, \t, \x1b,
// \xff, \u202e. A backslash is doubled, so an escape in the output always
// means the character, never the same text typed in.
func printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case escapedRune(r):
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)) + h)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// needsEscape says whether printable has anything to do, without
// allocating: almost all text has nothing.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == '\\' || c >= 0x80 {
			if c < 0x80 {
				return true
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || escapedRune(r) {
				return true
			}
			i += n - 1
		}
	}
	return false
}

// escapedRune is a non-ASCII character printable escapes: C1 controls, the
// line and paragraph separators, and the bidirectional formatting
// characters that can make a line read differently from what it holds.
func escapedRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI (U+009B) among them
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // the bidirectional marks
		return true
	case r >= 0x202a && r <= 0x202e: // embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // isolates
		return true
	}
	return false
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
