// Package jsonscan reads and writes JSON text without reflection and
// without encoding/json, which the widget's WebAssembly does without.
//
// A Scanner reads a token at a time, in one pass, for the small, fixed
// shapes (a catalogue file, the widget's options and form entries) that
// stemkn reads by hand. By default it accepts only what encoding/json reads
// unchanged: a string with invalid UTF-8 or a lone surrogate is refused. A
// Repairing scanner reads such a string as encoding/json does, each bad
// byte and each lone surrogate becoming U+FFFD.
//
// Parse reads a whole JSON text into Go values (objects in order, numbers
// as their text), with a bound on nesting, and Scanner.Value one value
// within a text; AppendValue writes them back and
// Indent lays compact text out as json.Indent does. AppendString,
// AppendText and AppendHTMLSafe write strings and raw JSON byte for byte as
// json.Marshal (or an Encoder without HTML escaping) does, for the answers
// stemkn writes by hand. The tests and fuzzers hold every one of them to
// encoding/json.
package jsonscan

import (
	"unicode/utf16"
	"unicode/utf8"
)

// Scanner is a place in JSON text.
type Scanner struct {
	data   []byte
	at     int
	repair bool
}

// New starts a Scanner at the beginning of data.
func New(data []byte) *Scanner { return &Scanner{data: data} }

// Repairing starts a Scanner at the beginning of data that reads invalid
// UTF-8 and lone surrogates in strings as U+FFFD, as encoding/json does.
func Repairing(data []byte) *Scanner { return &Scanner{data: data, repair: true} }

// Null steps over the literal null if it comes next, and says whether it did.
func (s *Scanner) Null() bool { return s.word("null") }

// word steps over w if it comes next, and says whether it did.
func (s *Scanner) word(w string) bool {
	if len(s.data)-s.at >= len(w) && string(s.data[s.at:s.at+len(w)]) == w {
		s.at += len(w)
		return true
	}
	return false
}

// Pos is the offset of the scanner's place in the text.
func (s *Scanner) Pos() int { return s.at }

// Done says whether the scanner has reached the end of the text.
func (s *Scanner) Done() bool { return s.at == len(s.data) }

// Space steps over JSON whitespace.
func (s *Scanner) Space() {
	for s.at < len(s.data) {
		switch s.data[s.at] {
		case ' ', '\t', '\n', '\r':
			s.at++
		default:
			return
		}
	}
}

// Take steps over c if it comes next, and says whether it did.
func (s *Scanner) Take(c byte) bool {
	if s.at < len(s.data) && s.data[s.at] == c {
		s.at++
		return true
	}
	return false
}

// Str reads a JSON string. It refuses what encoding/json would change as
// it reads (invalid UTF-8, a lone surrogate), as well as what is not JSON.
func (s *Scanner) Str() (string, bool) {
	if !s.Take('"') {
		return "", false
	}
	start := s.at
	for s.at < len(s.data) {
		c := s.data[s.at]
		switch {
		case c == '"':
			text := string(s.data[start:s.at])
			s.at++
			return text, true
		case c == '\\':
			return s.escaped(start)
		case c < 0x20:
			return "", false
		case c < utf8.RuneSelf:
			s.at++
		default:
			r, size := utf8.DecodeRune(s.data[s.at:])
			if r == utf8.RuneError && size == 1 {
				if s.repair {
					return s.escaped(start)
				}
				return "", false
			}
			s.at += size
		}
	}
	return "", false
}

// escaped reads the rest of a string that has an escape, from start.
func (s *Scanner) escaped(start int) (string, bool) {
	b := append(make([]byte, 0, 2*(s.at-start)+16), s.data[start:s.at]...)
	for s.at < len(s.data) {
		c := s.data[s.at]
		var good bool
		switch {
		case c == '"':
			s.at++
			return string(b), true
		case c == '\\':
			b, good = s.escape(b)
		case c < 0x20:
			return "", false
		case c < utf8.RuneSelf:
			b, good = append(b, c), true
			s.at++
		default:
			r, size := utf8.DecodeRune(s.data[s.at:])
			good = r != utf8.RuneError || size > 1
			if !good && s.repair {
				b, good = utf8.AppendRune(b, utf8.RuneError), true
			} else {
				b = append(b, s.data[s.at:s.at+size]...)
			}
			s.at += size
		}
		if !good {
			return "", false
		}
	}
	return "", false
}

// escape appends what the escape at the scanner's place stands for.
func (s *Scanner) escape(b []byte) ([]byte, bool) {
	if s.at+1 >= len(s.data) {
		return b, false
	}
	e := s.data[s.at+1]
	s.at += 2
	switch e {
	case '"', '\\', '/':
		return append(b, e), true
	case 'b':
		return append(b, '\b'), true
	case 'f':
		return append(b, '\f'), true
	case 'n':
		return append(b, '\n'), true
	case 'r':
		return append(b, '\r'), true
	case 't':
		return append(b, '\t'), true
	case 'u':
		r, good := s.hex4()
		if good && utf16.IsSurrogate(r) {
			back := s.at
			var low rune
			if s.Take('\\') && s.Take('u') {
				low, good = s.hex4()
			} else {
				good = false
			}
			if r = utf16.DecodeRune(r, low); r == utf8.RuneError || !good {
				if !s.repair {
					return b, false
				}
				// encoding/json reads a lone surrogate as U+FFFD and
				// whatever follows it as itself.
				r, good, s.at = utf8.RuneError, true, back
			}
		}
		return utf8.AppendRune(b, r), good
	}
	return b, false
}

// hex4 reads the four hex digits of a \u escape.
func (s *Scanner) hex4() (rune, bool) {
	if s.at+4 > len(s.data) {
		return 0, false
	}
	var r rune
	for _, c := range s.data[s.at : s.at+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	s.at += 4
	return r, true
}
