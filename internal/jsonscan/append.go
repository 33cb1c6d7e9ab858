package jsonscan

import "unicode/utf8"

// AppendString appends s as a JSON string the way json.Marshal does:
// quotes, backslashes and control characters escaped (\b, \f, \n, \r and
// \t by name), <, > and & escaped so the JSON can sit in HTML, invalid UTF-8
// as U+FFFD, and U+2028 and U+2029 escaped, since JavaScript once read them
// as line ends.
func AppendString(b []byte, s string) []byte { return appendString(b, s, &plainJSON) }

// AppendText appends s as a JSON string as AppendString does, but with <,
// > and & as they are, as a json.Encoder with SetEscapeHTML(false) writes
// them.
func AppendText(b []byte, s string) []byte { return appendString(b, s, &plainText) }

// appendString appends s as a JSON string, the bytes plain marks as they are.
func appendString(b []byte, s string, plain *[256]bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainJSON marks the bytes a JSON string holds as they are: printable
// ASCII other than the quote, the backslash and <, > and &. The rest take
// the slow way.
var plainJSON = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// plainText marks the bytes AppendText writes as they are: plainJSON's
// and <, > and &.
var plainText = func() (t [256]bool) {
	t = plainJSON
	t['<'], t['>'], t['&'] = true, true, true
	return t
}()

// AppendStrings appends list as json.Marshal writes a []string: nil as
// null.
func AppendStrings(b []byte, list []string) []byte { return appendStrings(b, list, &plainJSON) }

func appendStrings(b []byte, list []string, plain *[256]bool) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s, plain)
	}
	return append(b, ']')
}

// AppendHTMLSafe appends raw, compact JSON text as json.Marshal writes a
// json.RawMessage: <, > and & escaped as \u003c, \u003e and \u0026, and
// U+2028 and U+2029 as \u2028 and \u2029. (In valid JSON these occur only
// inside strings.) raw must already be compact: AppendHTMLSafe keeps
// whitespace, which json.Marshal would take out.
func AppendHTMLSafe(b []byte, raw []byte) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '<' || c == '>' || c == '&':
			b = append(b, raw[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2]&^1 == 0xA8:
			b = append(b, raw[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[raw[i+2]&0xF])
			i += 2
			start = i + 1
		}
	}
	return append(b, raw[start:]...)
}
