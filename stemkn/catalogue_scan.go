package stemkn

import (
	"bytes"
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// catalogueEntry is a key of a catalogue file and its text.
type catalogueEntry struct{ key, text string }

// scanCatalogue reads a well-formed catalogue file in one pass, without
// encoding/json's token reader, which costs the widget tens of
// milliseconds for a catalogue (the Welsh one, or a host's, when a page
// first asks for it; English is built in as generated data). It
// gives the entries in file order and the raw text of _meta, and ok false
// for anything but a JSON object whose keys are each given once and whose
// values are strings, but for _meta's, which is an object. Its answers
// agree with decodeCatalogue's slower path, which reads the files it
// refuses and says what is wrong with them (FuzzScanCatalogueAgrees).
func scanCatalogue(data []byte) (entries []catalogueEntry, meta []byte, ok bool) {
	s := catalogueScanner{data: data}
	s.space()
	if !s.take('{') {
		return nil, nil, false
	}
	entries = make([]catalogueEntry, 0, bytes.Count(data, []byte("\n")))
	seen := make(map[string]bool, cap(entries))
	s.space()
	if s.take('}') {
		return s.end(entries, meta)
	}
	for {
		s.space()
		key, good := s.str()
		if !good || seen[key] {
			return nil, nil, false
		}
		seen[key] = true
		s.space()
		if !s.take(':') {
			return nil, nil, false
		}
		s.space()
		if key == "_meta" {
			start := s.at
			if !s.object() {
				return nil, nil, false
			}
			meta = data[start:s.at]
			if !json.Valid(meta) {
				return nil, nil, false
			}
		} else {
			text, good := s.str()
			if !good {
				return nil, nil, false
			}
			entries = append(entries, catalogueEntry{key, text})
		}
		s.space()
		if s.take('}') {
			return s.end(entries, meta)
		}
		if !s.take(',') {
			return nil, nil, false
		}
	}
}

// catalogueScanner is scanCatalogue's place in the file.
type catalogueScanner struct {
	data []byte
	at   int
}

func (s *catalogueScanner) end(entries []catalogueEntry, meta []byte) ([]catalogueEntry, []byte, bool) {
	s.space()
	if s.at != len(s.data) || meta == nil {
		return nil, nil, false
	}
	if len(entries) == 0 {
		entries = nil // as readCatalogue gives none
	}
	return entries, meta, true
}

func (s *catalogueScanner) space() {
	for s.at < len(s.data) {
		switch s.data[s.at] {
		case ' ', '\t', '\n', '\r':
			s.at++
		default:
			return
		}
	}
}

func (s *catalogueScanner) take(c byte) bool {
	if s.at < len(s.data) && s.data[s.at] == c {
		s.at++
		return true
	}
	return false
}

// str reads a JSON string. It refuses what encoding/json would change as
// it reads (invalid UTF-8, a lone surrogate), as well as what is not JSON.
func (s *catalogueScanner) str() (string, bool) {
	if !s.take('"') {
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
				return "", false
			}
			s.at += size
		}
	}
	return "", false
}

// escaped reads the rest of a string that has an escape, from start.
func (s *catalogueScanner) escaped(start int) (string, bool) {
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
			b = append(b, s.data[s.at:s.at+size]...)
			s.at += size
		}
		if !good {
			return "", false
		}
	}
	return "", false
}

// escape appends what the escape at the scanner's place stands for.
func (s *catalogueScanner) escape(b []byte) ([]byte, bool) {
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
			if !s.take('\\') || !s.take('u') {
				return b, false
			}
			var low rune
			low, good = s.hex4()
			r = utf16.DecodeRune(r, low)
			good = good && r != utf8.RuneError
		}
		return utf8.AppendRune(b, r), good
	}
	return b, false
}

// hex4 reads the four hex digits of a \u escape.
func (s *catalogueScanner) hex4() (rune, bool) {
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

// object steps over a JSON object, strings and all, to the brace that
// closes it; scanCatalogue then has encoding/json check that what it stepped
// over is JSON (json.Valid), so a bracket closed by the wrong kind is
// caught there.
func (s *catalogueScanner) object() bool {
	if s.at >= len(s.data) || s.data[s.at] != '{' {
		return false
	}
	depth := 0
	for s.at < len(s.data) {
		switch s.data[s.at] {
		case '"':
			if _, good := s.str(); !good {
				return false
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				s.at++
				return true
			}
		}
		s.at++
	}
	return false
}
