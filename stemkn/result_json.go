package stemkn

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Every result leaves as JSON — a line of `stemkn validate --format json`,
// an answer of the widget on every keystroke — and encoding/json finds its
// way through a Result by reflection: in the widget's WebAssembly that cost
// a quarter of a validation. AppendJSON writes the same bytes directly.
// (It is not a MarshalJSON: encoding/json re-scans whatever a Marshaler
// returns, which costs more than the reflection it would save.)

// AppendJSON appends the result's JSON to b and returns the extended
// slice: exactly what json.Marshal writes for the result (<, > and &
// escaped, as json.Marshal does by default). It fails only when a
// finding's Params hold a value encoding/json cannot write either.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	return r.appendJSON(slices.Grow(b, r.sizeHint()))
}

// sizeHint guesses the length of the JSON, so that it is written into one
// allocation.
func (r *Result) sizeHint() int {
	n := 64 + len(r.Scheme)
	for i := range r.Findings {
		f := &r.Findings[i]
		n += 96 + len(f.Path) + len(f.Message) + len(f.Rule) + len(f.Variant) + 48*len(f.Params) + 32*len(f.Related)
	}
	for i := range r.Rules {
		rr := &r.Rules[i]
		n += 80 + len(rr.Rule) + len(rr.Code) + len(rr.Title) + len(rr.Reference) + len(rr.Source)
	}
	return n
}

func (r *Result) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"scheme":`...)
	b = appendJSONQuoted(b, r.Scheme)
	b = append(b, `,"valid":`...)
	b = strconv.AppendBool(b, r.Valid)
	if r.Eligible != nil {
		b = append(b, `,"eligible":`...)
		b = strconv.AppendBool(b, *r.Eligible)
	}
	b = append(b, `,"findings":`...)
	if r.Findings == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = r.Findings[i].appendJSON(b); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	}
	if len(r.Rules) > 0 {
		b = append(b, `,"rules":[`...)
		for i := range r.Rules {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Rules[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

func (f *Finding) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"code":`...)
	b = appendJSONQuoted(b, string(f.Code))
	b = append(b, `,"severity":`...)
	b = appendJSONQuoted(b, string(f.Severity))
	b = append(b, `,"path":`...)
	b = appendJSONQuoted(b, f.Path)
	if len(f.Related) > 0 {
		b = append(b, `,"related":[`...)
		for i, r := range f.Related {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONQuoted(b, r)
		}
		b = append(b, ']')
	}
	b = append(b, `,"message":`...)
	b = appendJSONQuoted(b, f.Message)
	if len(f.Params) > 0 {
		b = append(b, `,"params":{`...)
		keys := make([]string, 0, len(f.Params))
		for k := range f.Params {
			keys = append(keys, k)
		}
		slices.Sort(keys) // encoding/json writes map keys in order
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONQuoted(b, k)
			b = append(b, ':')
			var err error
			if b, err = appendParam(b, f.Params[k]); err != nil {
				return nil, err
			}
		}
		b = append(b, '}')
	}
	if f.Rule != "" {
		b = append(b, `,"rule":`...)
		b = appendJSONQuoted(b, f.Rule)
	}
	if f.Variant != "" {
		b = append(b, `,"variant":`...)
		b = appendJSONQuoted(b, f.Variant)
	}
	return append(b, '}'), nil
}

// appendParam writes a parameter value: the kinds Params hold directly,
// anything else through encoding/json.
func appendParam(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case string:
		return appendJSONQuoted(b, v), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case []string:
		if v == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONQuoted(b, s)
		}
		return append(b, ']'), nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, data...), nil
}

func (rr *RuleResult) appendJSON(b []byte) []byte {
	b = append(b, `{"rule":`...)
	b = appendJSONQuoted(b, rr.Rule)
	b = append(b, `,"code":`...)
	b = appendJSONQuoted(b, string(rr.Code))
	b = append(b, `,"title":`...)
	b = appendJSONQuoted(b, rr.Title)
	b = append(b, `,"outcome":`...)
	b = appendJSONQuoted(b, string(rr.Outcome))
	b = append(b, `,"reference":`...)
	b = appendJSONQuoted(b, rr.Reference)
	if rr.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONQuoted(b, rr.Source)
	}
	if rr.Advice {
		b = append(b, `,"advice":true`...)
	}
	return append(b, '}')
}

// appendJSONQuoted writes s as a JSON string the way json.Marshal does:
// quotes, backslashes and control characters escaped (\b, \f, \n, \r and
// \t by name), <, > and & escaped so the JSON can sit in HTML, invalid UTF-8
// as U+FFFD, and U+2028 and U+2029 escaped, since JavaScript once read them
// as line ends.
func appendJSONQuoted(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plainJSON[c] {
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
