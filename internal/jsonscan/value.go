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

// KindOf names the kind of a value Parse read as encoding/json's errors
// name it: "null", "bool", "number", "string", "array" or "object".
func KindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "bool"
	case Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
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
	s := Repairing(data)
	s.Space()
	v, err := s.Value(maxDepth)
	if err == nil {
		if s.Space(); !s.Done() {
			err = &SyntaxError{Offset: s.at, Problem: Trailing}
		}
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Value reads the JSON value at the scanner's place, as Parse reads a
// whole text (a plain scanner refusing the strings a Repairing one
// repairs), and leaves the scanner just past it.
func (s *Scanner) Value(maxDepth int) (any, error) {
	p := parser{s: s, maxDepth: maxDepth}
	v := p.value(0)
	if p.err != nil {
		return nil, p.err
	}
	return v, nil
}

// MaxDepth is the nesting encoding/json reads, which stemkn's files and
// schemas are read to: theirs is a few levels, but a scheme's test case
// may be about a document nested past the validator's depth limit.
const MaxDepth = 10000

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
	case s.word("true"):
		return true
	case s.word("false"):
		return false
	case s.Null():
		return nil
	}
	p.fail("invalid character " + strconv.QuoteRune(rune(s.data[s.at])) + " where a value should be")
	return nil
}

func (p *parser) object(depth int) *Object {
	s := p.s
	start := s.at
	o := &Object{}
	for more := p.open('}'); more; more = p.next('}', "no comma or closing brace after an object member") {
		keyAt := s.at
		key, ok := s.Str()
		if !ok {
			s.at = keyAt
			p.fail("an object key that is not a JSON string")
			return nil
		}
		if s.Space(); !s.Take(':') {
			p.fail("no colon after an object key")
			return nil
		}
		s.Space()
		o.Keys, o.Values = append(o.Keys, key), append(o.Values, p.value(depth))
	}
	if p.err != nil {
		return nil
	}
	o.Raw = s.data[start:s.at]
	return o
}

func (p *parser) array(depth int) []any {
	list := []any{}
	for more := p.open(']'); more; more = p.next(']', "no comma or closing bracket after an array element") {
		list = append(list, p.value(depth))
	}
	if p.err != nil {
		return nil
	}
	return list
}

// open steps over the bracket at the scanner's place and the space after
// it, and says whether a member or element follows rather than close.
func (p *parser) open(close byte) bool {
	s := p.s
	s.at++
	s.Space()
	return !s.Take(close)
}

// next steps over what follows a member or element: a comma and space
// (true: another follows) or close (false). Anything else, or a failure
// inside the value just read, ends the object or array (false).
func (p *parser) next(close byte, problem string) bool {
	s := p.s
	if p.err != nil {
		return false
	}
	if s.Space(); s.Take(close) {
		return false
	}
	if !s.Take(',') {
		p.fail(problem)
		return false
	}
	s.Space()
	return true
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
