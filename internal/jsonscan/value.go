package jsonscan

import (
	"strconv"
)

// Number is a JSON number as its text, so that no number is rounded
// through float64 on the way in or out (encoding/json's Number).
type Number string

// Int64 is the number as an int64, when it is a whole number that fits.
func (n Number) Int64() (int64, bool) {
	i, err := strconv.ParseInt(string(n), 10, 64)
	return i, err == nil
}

// Object is a JSON object as Parse reads it: its members in the order they
// come, a key given twice kept twice, and the text it was read from.
type Object struct {
	// Keys are the members' keys, in order.
	Keys []string
	// Values are the members' values, Values[i] Keys[i]'s.
	Values []any
	// Raw is the object's text in the input, as it was written.
	Raw []byte
}

// Get is the value of the last member called key, and whether there is one
// (encoding/json reads a key given twice as the last).
func (o *Object) Get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	for i := len(o.Keys) - 1; i >= 0; i-- {
		if o.Keys[i] == key {
			return o.Values[i], true
		}
	}
	return nil, false
}

// SyntaxError is what Parse says of text that is not JSON.
type SyntaxError struct {
	// Offset is the byte where the text stops being JSON.
	Offset int
	// Problem says what is wrong there.
	Problem string
}

func (e *SyntaxError) Error() string {
	return "invalid JSON at byte " + strconv.Itoa(e.Offset) + ": " + e.Problem
}

// Parse reads data, one JSON value with white space around it, into Go
// values: nil, bool, Number, string, []any and *Object. Strings are read
// as encoding/json reads them, invalid UTF-8 and lone surrogates becoming
// U+FFFD. Nesting deeper than maxDepth is an error, so that the depth of
// the recursion is bounded by the caller's limit, not by the text.
func Parse(data []byte, maxDepth int) (any, error) {
	p := parser{s: Repairing(data), maxDepth: maxDepth}
	p.s.Space()
	v := p.value(0)
	if p.err == nil {
		if p.s.Space(); !p.s.Done() {
			p.fail(Trailing)
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return v, nil
}

// Trailing is the Problem of a SyntaxError for text that goes on after its value.
const Trailing = "more after the value"

// parser is one Parse.
type parser struct {
	s        *Scanner
	maxDepth int
	err      *SyntaxError
}

func (p *parser) fail(problem string) {
	if p.err == nil {
		p.err = &SyntaxError{Offset: p.s.at, Problem: problem}
	}
}

// value reads the value at the scanner's place (white space skipped), at
// nesting depth.
func (p *parser) value(depth int) any {
	s := p.s
	if s.Done() {
		p.fail("the text ends where a value should be")
		return nil
	}
	switch c := s.data[s.at]; {
	case c == '{' || c == '[':
		if depth >= p.maxDepth {
			p.fail("nested more than " + strconv.Itoa(p.maxDepth) + " deep")
			return nil
		}
		if c == '{' {
			return p.object(depth + 1)
		}
		return p.array(depth + 1)
	case c == '"':
		start := s.at
		str, ok := s.Str()
		if !ok {
			s.at = start
			p.fail("a string that is not JSON")
		}
		return str
	case c == '-' || ('0' <= c && c <= '9'):
		n, ok := s.Number()
		if !ok {
			p.fail("a number that is not JSON")
		}
		return n
	case p.literal("true"):
		return true
	case p.literal("false"):
		return false
	case s.Null():
		return nil
	}
	p.fail("invalid character " + strconv.QuoteRune(rune(s.data[s.at])) + " where a value should be")
	return nil
}

// literal steps over word if it comes next.
func (p *parser) literal(word string) bool {
	s := p.s
	if len(s.data)-s.at >= len(word) && string(s.data[s.at:s.at+len(word)]) == word {
		s.at += len(word)
		return true
	}
	return false
}

func (p *parser) object(depth int) *Object {
	s := p.s
	start := s.at
	s.at++ // {
	o := &Object{}
	s.Space()
	if s.Take('}') {
		o.Raw = s.data[start:s.at]
		return o
	}
	for p.err == nil {
		keyAt := s.at
		key, ok := s.Str()
		if !ok {
			s.at = keyAt
			p.fail("an object key that is not a JSON string")
			return nil
		}
		s.Space()
		if !s.Take(':') {
			p.fail("no colon after an object key")
			return nil
		}
		s.Space()
		v := p.value(depth)
		o.Keys, o.Values = append(o.Keys, key), append(o.Values, v)
		s.Space()
		if s.Take('}') {
			o.Raw = s.data[start:s.at]
			return o
		}
		if !s.Take(',') {
			p.fail("no comma or closing brace after an object member")
			return nil
		}
		s.Space()
	}
	return nil
}

func (p *parser) array(depth int) []any {
	s := p.s
	s.at++ // [
	list := []any{}
	s.Space()
	if s.Take(']') {
		return list
	}
	for p.err == nil {
		list = append(list, p.value(depth))
		s.Space()
		if s.Take(']') {
			return list
		}
		if !s.Take(',') {
			p.fail("no comma or closing bracket after an array element")
			return nil
		}
		s.Space()
	}
	return nil
}

// Number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *Scanner) Number() (Number, bool) {
	start := s.at
	s.Take('-')
	if s.Take('0') {
		// a leading zero stands alone
	} else if !s.digits() {
		return "", false
	}
	if s.Take('.') && !s.digits() {
		return "", false
	}
	if s.Take('e') || s.Take('E') {
		if !s.Take('+') {
			s.Take('-')
		}
		if !s.digits() {
			return "", false
		}
	}
	return Number(s.data[start:s.at]), true
}

// digits steps over one or more decimal digits, and says whether there were any.
func (s *Scanner) digits() bool {
	start := s.at
	for s.at < len(s.data) && '0' <= s.data[s.at] && s.data[s.at] <= '9' {
		s.at++
	}
	return s.at > start
}
