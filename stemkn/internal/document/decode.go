package document

import (
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Limits are the hard input limits (stemkn.Limits says what each means).
// Input past them is one too-large problem and is not read further.
type Limits struct {
	Bytes    int // the largest document, in bytes
	Depth    int // the deepest nesting of objects and arrays
	Items    int // the longest array
	Findings int // the most problems reading may make before it stops; 0: no limit
}

// decoder reads a JSON document into one of the document types, guided by
// its shape. It keeps going after a type or field error, so one pass finds
// every structural problem; only malformed JSON (a syntax error) or a hard
// limit stops it.
type decoder struct {
	s      string // the input; decoded strings are substrings of it
	i      int    // read position
	depth  int
	limits Limits
	path   []byte // JSON Pointer of the value being read
	out    *[]Problem
	broken []string // paths whose values could not be decoded
	found  int      // findings made, for the findings limit
	stop   bool     // a syntax error or hard limit ended decoding
	arena  []string // backing for short lists of text (see strings)
}

// fail reports a value that cannot be decoded; it reports false, and stops
// decoding, when the findings limit is reached instead.
func (d *decoder) fail(code Code, params map[string]any) bool {
	if d.limits.Findings > 0 && d.found >= d.limits.Findings {
		d.tooLarge("findings", d.limits.Findings)
		return false
	}
	d.found++
	*d.out = append(*d.out, Problem{Code: code, Path: string(d.path), Params: params})
	d.broken = append(d.broken, string(d.path))
	return true
}

// SyntaxProblems are the ways JSON can be malformed, by the variant of the
// syntax finding that reports one, with the words of its "problem" param.
var SyntaxProblems = map[string]string{
	"not-utf8":       "text that is not UTF-8",
	"after-end":      "more text after the end of the document",
	"no-value":       "the end of the input where a value should be",
	"field-name":     "something other than a field name in quotes",
	"colon":          "a field name without a colon after it",
	"end-in-object":  "the end of the input inside an object",
	"comma-brace":    "a missing comma or closing brace",
	"end-in-list":    "the end of the input inside a list",
	"comma-bracket":  "a missing comma or closing bracket",
	"value-start":    "a character that cannot start a value",
	"bracket":        "a bracket that does not match",
	"word":           "a word that is not true, false or null",
	"control":        "a control character inside text",
	"end-in-text":    "the end of the input inside text",
	"escape":         "an unknown escape after a backslash",
	"unicode-escape": "a \\u escape without four hexadecimal digits",
	"number":         "a number without digits",
	"fraction":       "a number with no digits after the decimal point",
	"exponent":       "a number with no digits in its exponent",
}

// syntaxError reports malformed JSON of a kind (a key of SyntaxProblems)
// at the read position and stops.
func (d *decoder) syntaxError(variant string) {
	if d.stop {
		return
	}
	line, col := position(d.s, d.i)
	*d.out = append(*d.out, Problem{Code: Syntax, Path: "", Variant: variant,
		Params: map[string]any{"problem": SyntaxProblems[variant], "line": int64(line), "column": int64(col)}})
	d.stop = true
}

func (d *decoder) tooLarge(limit string, value int) {
	if d.stop {
		return
	}
	*d.out = append(*d.out, Problem{Code: TooLarge, Path: string(d.path),
		Params: map[string]any{"limit": limit, "max": int64(value)}, Variant: limit})
	d.broken = append(d.broken, string(d.path))
	d.stop = true
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(s string, off int) (line, col int) {
	if off > len(s) {
		off = len(s)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if s[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCountInString(s[start:off]) + 1
}

// Decode reads the JSON document s into the struct of shape sh at ptr,
// appending a Problem to out for each value it cannot read. It keeps going
// after a type or field problem, so one pass finds them all; only malformed
// JSON (a syntax problem) or an input limit (too-large) stops it. broken
// lists the paths whose values could not be read: rules must not judge what
// lies under them.
func Decode(s string, sh *Shape, ptr unsafe.Pointer, limits Limits, out *[]Problem) (broken []string) {
	var pathBuf [128]byte
	d := &decoder{s: s, limits: limits, out: out, path: pathBuf[:0]}
	if len(s) > limits.Bytes {
		d.tooLarge("bytes", limits.Bytes)
		return d.broken
	}
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 {
				d.i = i
				break
			}
			i += n
		}
		d.syntaxError("not-utf8")
		return d.broken
	}
	d.ws()
	if d.i < len(s) && s[d.i] != '{' {
		d.typeMismatch(kindStruct)
	} else {
		d.value(&field{kind: kindStruct, elem: sh}, ptr)
	}
	if !d.stop {
		d.ws()
		if d.i < len(s) {
			d.syntaxError("after-end")
		}
	}
	return d.broken
}

func (d *decoder) ws() {
	s, i := d.s, d.i
	for i < len(s) && s[i] <= ' ' && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	d.i = i
}

// value decodes one JSON value into the field f at p.
func (d *decoder) value(f *field, p unsafe.Pointer) {
	d.ws()
	if d.i >= len(d.s) {
		d.syntaxError("no-value")
		return
	}
	c := d.s[d.i]
	switch f.kind {
	case kindString:
		if c == '"' {
			setString(p, d.str())
			return
		}
	case kindBool, kindBoolPtr:
		if c == 't' || c == 'f' {
			v := d.boolean()
			if f.kind == kindBool {
				setBool(p, v)
			} else {
				b := new(bool)
				*b = v
				*(**bool)(p) = b
			}
			return
		}
	case kindInt, kindMoney, kindIntPtr:
		if c == '-' || (c >= '0' && c <= '9') {
			d.integer(f, p)
			return
		}
	case kindStruct:
		if c == '{' {
			d.object(f.elem, p)
			return
		}
	case kindStructPtr:
		if c == '{' {
			v := reflect.New(f.elem.typ)
			d.object(f.elem, v.UnsafePointer())
			*(*unsafe.Pointer)(p) = v.UnsafePointer()
			return
		}
	case kindStringList, kindStructList:
		if c == '[' {
			d.array(f, p)
			return
		}
	}
	d.typeMismatch(f.kind)
}

// typeMismatch reports a value of the wrong JSON type and skips it.
func (d *decoder) typeMismatch(want kind) {
	got := "number"
	switch d.s[d.i] {
	case '"':
		got = "string"
	case '{':
		got = "object"
	case '[':
		got = "array"
	case 't', 'f':
		got = "boolean"
	case 'n':
		got = "null"
	}
	d.skip()
	if !d.stop {
		d.fail(Type, map[string]any{"expected": jsonTypeName[want], "actual": got})
	}
}

func (d *decoder) enter() bool {
	d.depth++
	if d.depth > d.limits.Depth {
		d.tooLarge("depth", d.limits.Depth)
		return false
	}
	return true
}

// object decodes a JSON object into the struct at base.
func (d *decoder) object(sh *Shape, base unsafe.Pointer) {
	if !d.enter() {
		return
	}
	defer func() { d.depth-- }()
	d.i++ // '{'
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		return
	}
	var seen uint64
	for !d.stop {
		d.ws()
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			d.syntaxError("field-name")
			return
		}
		key := d.str()
		d.ws()
		if d.stop || d.i >= len(d.s) || d.s[d.i] != ':' {
			d.syntaxError("colon")
			return
		}
		d.i++
		mark := len(d.path)
		d.path = appendPointerKey(append(d.path, '/'), key)
		if n, f := sh.lookup(key); f != nil && seen&(1<<n) == 0 {
			seen |= 1 << n
			d.value(f, unsafe.Add(base, f.offset))
		} else {
			d.skipMember(key, f == nil)
		}
		d.path = d.path[:mark]
		if d.stop {
			return
		}
		d.ws()
		if d.i >= len(d.s) {
			d.syntaxError("end-in-object")
			return
		}
		switch d.s[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return
		default:
			d.syntaxError("comma-brace")
			return
		}
	}
}

// skipMember skips the value of a member the struct has no field for
// (unknown) or has read already, with a problem.
func (d *decoder) skipMember(key string, unknown bool) {
	d.skip()
	switch {
	case d.stop:
	case unknown:
		d.fail(UnknownField, map[string]any{"name": key})
	case d.fail(Duplicate, map[string]any{"name": key}):
		(*d.out)[len(*d.out)-1].Variant = "key"
	}
}

// array decodes a JSON array into the slice at p. It counts the elements
// first, so the slice is allocated once at its final size and an array past
// the item limit is rejected before anything is decoded.
func (d *decoder) array(f *field, p unsafe.Pointer) {
	start := d.i
	n := d.count()
	if d.stop {
		return
	}
	if n > d.limits.Items {
		d.i = start
		d.tooLarge("items", d.limits.Items)
		return
	}
	d.i = start
	if !d.enter() {
		return
	}
	defer func() { d.depth-- }()
	d.i++ // '['
	if n == 0 {
		d.ws()
		d.i++ // ']'
		// An empty list is there, unlike a missing one: too short, not required.
		reflect.NewAt(f.typ, p).Elem().Set(reflect.MakeSlice(f.typ, 0, 0))
		return
	}
	var elem field
	var first unsafe.Pointer
	var size uintptr
	if f.kind == kindStringList {
		list := d.strings(n)
		*(*[]string)(p) = list
		elem, first, size = field{kind: kindString}, unsafe.Pointer(unsafe.SliceData(list)), unsafe.Sizeof("")
	} else {
		elem, first, size = field{kind: kindStruct, elem: f.elem}, f.elem.makeList(p, n), f.elem.typ.Size()
	}
	for k := 0; k < n && !d.stop; k++ {
		mark := len(d.path)
		d.path = strconv.AppendInt(append(d.path, '/'), int64(k), 10)
		d.value(&elem, unsafe.Add(first, uintptr(k)*size))
		d.path = d.path[:mark]
		d.ws()
		d.i++ // ',' or ']' (checked by count)
	}
}

// strings returns a slice of n strings carved from a shared block, so the
// many short lists of a document (members' subjects) cost one allocation.
// Each slice's capacity is its length: appending to one never touches another.
func (d *decoder) strings(n int) []string {
	if n > 64 {
		return make([]string, n)
	}
	if len(d.arena)+n > cap(d.arena) {
		d.arena = make([]string, 0, 64)
	}
	start := len(d.arena)
	d.arena = d.arena[:start+n]
	return d.arena[start : start+n : start+n]
}

// count returns the number of elements of the array at the read position,
// checking its syntax, and leaves the position after the array.
func (d *decoder) count() int {
	d.i++ // '['
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		return 0
	}
	n := 0
	for !d.stop {
		d.skip()
		n++
		d.ws()
		if d.i >= len(d.s) {
			d.syntaxError("end-in-list")
			return n
		}
		switch d.s[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return n
		default:
			d.syntaxError("comma-bracket")
			return n
		}
	}
	return n
}

// skip reads past one JSON value of any kind, checking its syntax. It keeps
// its own stack of open brackets rather than recursing, so deep nesting costs
// no Go stack; the depth limit still applies.
func (d *decoder) skip() {
	open, expectValue := make([]byte, 0, 32), true // the open brackets, innermost last
	for !d.stop {
		d.ws()
		if d.i >= len(d.s) {
			d.syntaxError("no-value")
			return
		}
		c := d.s[d.i]
		if !expectValue { // after a value: a comma, or a closing bracket
			if len(open) == 0 {
				return
			}
			switch c {
			case ',':
				d.i++
				if open[len(open)-1] == '{' && !d.key() {
					return
				}
				expectValue = true
				continue
			case '}', ']':
				if !d.closes(open[len(open)-1], c) {
					return
				}
				open = open[:len(open)-1]
			default:
				d.syntaxError("comma-bracket")
				return
			}
		} else if c == '{' || c == '[' {
			if d.depth+len(open)+1 > d.limits.Depth {
				d.tooLarge("depth", d.limits.Depth)
				return
			}
			open = append(open, c)
			d.i++
			d.ws()
			if d.i >= len(d.s) || (d.s[d.i] != '}' && d.s[d.i] != ']') {
				if c == '{' && !d.key() {
					return
				}
				continue
			}
			if !d.closes(c, d.s[d.i]) { // an empty object or array
				return
			}
			open = open[:len(open)-1]
		} else if c == '"' {
			d.str()
		} else if !d.scalar(c) {
			return
		}
		expectValue = false
		if len(open) == 0 {
			return
		}
	}
}

// scalar skips a string, literal or number starting with c; false when no
// value starts with c.
func (d *decoder) scalar(c byte) bool {
	switch {
	case c == '"':
		d.str()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		d.number()
	default:
		d.syntaxError("value-start")
		return false
	}
	return true
}

// closes consumes the closing bracket c, which must match the opener top.
func (d *decoder) closes(top, c byte) bool {
	if (top == '{') != (c == '}') {
		d.syntaxError("bracket")
		return false
	}
	d.i++
	return true
}

// key reads an object key and its colon while skipping.
func (d *decoder) key() bool {
	d.ws()
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		d.syntaxError("field-name")
		return false
	}
	d.str()
	d.ws()
	if d.stop || d.i >= len(d.s) || d.s[d.i] != ':' {
		d.syntaxError("colon")
		return false
	}
	d.i++
	return true
}

func (d *decoder) literal(word string) {
	if len(d.s)-d.i >= len(word) && d.s[d.i:d.i+len(word)] == word {
		d.i += len(word)
		return
	}
	d.syntaxError("word")
}

func (d *decoder) boolean() bool {
	if d.s[d.i] == 't' {
		d.literal("true")
		return true
	}
	d.literal("false")
	return false
}

// str reads a JSON string. Without escapes the result is a substring of the
// input and costs no allocation.
func (d *decoder) str() string {
	s := d.s
	start := d.i + 1 // after the opening quote
	for i := start; i < len(s); i++ {
		if c := s[i]; plainText[c] {
			continue
		} else if c == '"' {
			d.i = i + 1
			return s[start:i]
		} else if c == '\\' {
			d.i = i
			return d.escapedString(start)
		}
		d.i = i
		d.syntaxError("control")
		return ""
	}
	d.i = len(s)
	d.syntaxError("end-in-text")
	return ""
}

// plainText marks the bytes that stand for themselves inside a JSON string.
var plainText = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (d *decoder) escapedString(start int) string {
	buf := make([]byte, 0, d.i-start+16)
	buf = append(buf, d.s[start:d.i]...)
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return string(buf)
		case c < 0x20:
			d.syntaxError("control")
			return ""
		case c != '\\':
			buf = append(buf, c)
			d.i++
			continue
		}
		if d.i+1 >= len(d.s) {
			break
		}
		e := d.s[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := d.unicodeEscape()
			if !ok {
				return ""
			}
			buf = utf8.AppendRune(buf, r)
		default:
			d.i -= 2
			d.syntaxError("escape")
			return ""
		}
	}
	d.syntaxError("end-in-text")
	return ""
}

// unicodeEscape reads the four hexadecimal digits after `\u`, and for a
// surrogate the `\u` escape of its other half: a lone or unpaired
// surrogate reads as U+FFFD, as encoding/json reads it.
func (d *decoder) unicodeEscape() (rune, bool) {
	r, ok := d.hex4()
	if !ok || !utf16.IsSurrogate(r) {
		return r, ok
	}
	if d.i+1 >= len(d.s) || d.s[d.i] != '\\' || d.s[d.i+1] != 'u' {
		return utf8.RuneError, true
	}
	save := d.i
	d.i += 2
	lo, ok := d.hex4()
	if !ok {
		return 0, false
	}
	if pair := utf16.DecodeRune(r, lo); pair != utf8.RuneError {
		return pair, true
	}
	d.i = save // the next escape is not this one's other half: read it afresh
	return utf8.RuneError, true
}

func (d *decoder) hex4() (rune, bool) {
	if len(d.s)-d.i < 4 {
		d.syntaxError("unicode-escape")
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[d.i : d.i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			d.syntaxError("unicode-escape")
			return 0, false
		}
	}
	d.i += 4
	return r, true
}

// number reads a JSON number's text, checking its grammar.
func (d *decoder) number() (text string) {
	start := d.i
	if d.s[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.s) && d.s[d.i] == '0':
		d.i++
	case d.i < len(d.s) && d.s[d.i] >= '1' && d.s[d.i] <= '9':
		d.digits()
	default:
		d.syntaxError("number")
		return ""
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			d.syntaxError("fraction")
			return ""
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			d.syntaxError("exponent")
			return ""
		}
	}
	return d.s[start:d.i]
}

func (d *decoder) digits() int {
	n := 0
	for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}

// integer reads a number into an int64 field exactly, with no floating point.
// JSON Schema counts 1.0 and 1e3 as integers, so they are read as 1 and 1000;
// 1.5 is not an integer, and a value past int64 is reported, never wrapped.
func (d *decoder) integer(f *field, p unsafe.Pointer) {
	text := d.number()
	if d.stop {
		return
	}
	v, status := exactInteger(text)
	switch status {
	case integerOK:
		if f.kind == kindIntPtr {
			n := new(int64)
			*n = v
			*(**int64)(p) = n
			return
		}
		setInt(p, v)
	case integerFraction:
		d.fail(Type, map[string]any{"expected": "integer", "actual": "number"})
	case integerOverflow:
		switch {
		case f.kind == kindMoney:
			d.fail(Overflow, map[string]any{"value": text})
		case text[0] == '-':
			d.fail(Minimum, map[string]any{"min": int64(minInt64)})
		default:
			d.fail(Maximum, map[string]any{"max": int64(maxInt64)})
		}
	}
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

type integerStatus uint8

const (
	integerOK integerStatus = iota
	integerFraction
	integerOverflow
)

// exactInteger converts JSON number text that has passed the grammar check.
func exactInteger(text string) (int64, integerStatus) {
	neg := text[0] == '-'
	if neg {
		text = text[1:]
	}
	mant, exp := splitExponent(text)
	intPart, frac := mant, ""
	for i := 0; i < len(mant); i++ {
		if mant[i] == '.' {
			intPart, frac = mant[:i], mant[i+1:]
			break
		}
	}
	// The value is digits × 10^(exp − len(frac)); strip zeros to normalise.
	digits := intPart + frac
	exp -= int64(len(frac))
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if digits == "0" {
		return 0, integerOK
	}
	if exp < 0 {
		return 0, integerFraction
	}
	if int64(len(digits))+exp > 19 {
		return 0, integerOverflow
	}
	var u uint64
	for _, c := range []byte(digits) {
		u = u*10 + uint64(c-'0')
	}
	for ; exp > 0; exp-- {
		u *= 10
	}
	switch {
	case !neg && u <= maxInt64:
		return int64(u), integerOK
	case neg && u <= maxInt64+1:
		return int64(-u), integerOK // -u wraps to MinInt64 exactly when u = 2^63
	}
	return 0, integerOverflow
}

// splitExponent splits number text (without its sign) into its mantissa
// and the value of its exponent. The exponent is capped far beyond the
// digits any input can hold, so capping it never changes whether the
// value is whole or too large.
func splitExponent(text string) (mant string, exp int64) {
	for i := 0; i < len(text); i++ {
		if text[i] != 'e' && text[i] != 'E' {
			continue
		}
		e := text[i+1:]
		neg := e[0] == '-'
		if e[0] == '+' || e[0] == '-' {
			e = e[1:]
		}
		for _, c := range []byte(e) {
			if exp < 1e15 {
				exp = exp*10 + int64(c-'0')
			}
		}
		if neg {
			exp = -exp
		}
		return text[:i], exp
	}
	return text, 0
}

// appendPointerKey appends a key escaped as an RFC 6901 reference token.
func appendPointerKey(b []byte, key string) []byte {
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, key[i])
		}
	}
	return b
}

// Peek finds the top-level string field key ("scheme") without decoding
// the document, so that the right document type can be chosen before it
// is read. It gives "" when the document has no such string or is
// malformed (Decode then says why).
func Peek(doc, key string, limits Limits) string {
	d := decoder{s: doc, limits: limits, out: new([]Problem)}
	d.ws()
	if d.i >= len(doc) || doc[d.i] != '{' {
		return ""
	}
	d.i++
	for !d.stop {
		d.ws()
		if d.i >= len(doc) || doc[d.i] != '"' {
			return ""
		}
		k := d.str()
		d.ws()
		if d.stop || d.i >= len(doc) || doc[d.i] != ':' {
			return ""
		}
		d.i++
		d.ws()
		if k == key {
			// The first key counts, as it does when the document is read
			// (a repeat is a duplicate finding): a first value that is not
			// text names no scheme, whatever a repeat says.
			if d.i < len(doc) && doc[d.i] == '"' {
				return d.str()
			}
			return ""
		}
		d.skip()
		d.ws()
		if d.i >= len(doc) || doc[d.i] != ',' {
			return ""
		}
		d.i++
	}
	return ""
}
