package stemkn

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

// JSON Schema's "basic" output format (draft 2020-12, section 12.4.2 of the
// core specification; its shape is the official output schema,
// https://json-schema.org/draft/2020-12/output/schema): the findings as a
// validator of the exported schema would report them, so that tools which
// read validator output read ours. Each error points at the keyword of the
// scheme's exported schema (Schema) that says the same thing, or at the
// rule's entry under RulesKeyword.

// BasicOutput is a result in JSON Schema's basic output format: one output
// unit for the document as a whole, holding a flat list of units, one per
// error finding. Warnings are not listed: they leave a document valid.
type BasicOutput struct {
	// Valid is the overall verdict: no finding is an error.
	Valid bool `json:"valid"`
	// KeywordLocation is "", the root of the schema: the unit is the whole
	// schema's verdict.
	KeywordLocation string `json:"keywordLocation"`
	// InstanceLocation is "", the whole document.
	InstanceLocation string `json:"instanceLocation"`
	// Errors are the error findings, in the findings' order.
	Errors []BasicError `json:"errors,omitempty"`
}

// BasicError is one error finding as an output unit.
type BasicError struct {
	// Valid is always false: the unit is an error.
	Valid bool `json:"valid"`
	// KeywordLocation is the JSON Pointer, in the scheme's exported schema,
	// of the keyword behind the finding, along the path a validator takes
	// (through "$ref", as the specification asks): for a name too long,
	// "/properties/network/$ref/properties/name/maxLength". A rule the
	// schema cannot express points at its entry under RulesKeyword
	// ("/x-stemkn-rules/2"), and what no keyword says (malformed JSON, input
	// past a limit, a repeated key or institution id, a reference to an
	// institution the document does not have) at "", the schema as a whole.
	KeywordLocation string `json:"keywordLocation"`
	// AbsoluteKeywordLocation is the same keyword as an absolute URI, the
	// schema's $id and a pointer that needs no "$ref" followed
	// ("https://stemkn.org/schema/stem-kn-2011.json#/$defs/Network/properties/name/maxLength").
	// It is given when KeywordLocation passes through a "$ref".
	AbsoluteKeywordLocation string `json:"absoluteKeywordLocation,omitempty"`
	// InstanceLocation is the JSON Pointer of the value the keyword judges:
	// the finding's path, except for a missing field or a field the
	// document may not have, where it is the object holding it (the
	// keywords "required" and "additionalProperties" judge objects).
	InstanceLocation string `json:"instanceLocation"`
	// Error is the finding's message.
	Error string `json:"error"`
}

// Basic returns the result of validating doc in JSON Schema's basic
// output format, its keyword locations in the exported schema of the
// scheme the result was judged by (Schema; for a scheme the catalogue does
// not know, the base schema, BaseSchema). The document says which keyword a
// finding stands for where the finding alone does not: a field that is
// missing fails its object's "required", one that is empty its "minLength"
// or "minItems". For a form post, doc is the decoded document
// (Form.Document). The messages are the result's.
func (v *Validator) Basic(doc []byte, r *Result) BasicOutput {
	out := BasicOutput{Valid: r.Valid}
	places := v.schemaPlaces(r.Scheme)
	parsed, err := parseOrdered(doc)
	if err != nil {
		parsed = nil
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Severity != Error {
			continue
		}
		out.Errors = append(out.Errors, places.unit(f, parsed, err == nil))
	}
	return out
}

// schemaPlaces returns the index of the exported schema of scheme id,
// made once for each scheme as the catalogue has it.
func (v *Validator) schemaPlaces(id string) *schemaIndex {
	s, known := v.catalogue.Scheme(id)
	v.placesMu.Lock()
	defer v.placesMu.Unlock()
	if v.places == nil {
		v.places = map[string]*schemaIndex{}
	}
	key := id
	if !known {
		s, key = nil, ""
	}
	if p := v.places[key]; p != nil && p.scheme == s {
		return p
	}
	p := newSchemaIndex(s)
	v.places[key] = p
	return p
}

// schemaIndex is an exported schema read for finding its keywords: the
// schema as ordered objects, its $id, and the rules listed under
// RulesKeyword by id.
type schemaIndex struct {
	scheme *Scheme
	root   *object
	id     string
	rules  map[string]int
}

var baseIndex = sync.OnceValue(func() *schemaIndex { return indexSchema(nil, englishBase()) })

func newSchemaIndex(s *Scheme) *schemaIndex {
	if s == nil {
		return baseIndex()
	}
	data, err := Schema(s)
	if err != nil {
		// A scheme the catalogue holds always has a schema (the catalogue
		// tests see to it); should one not, the base schema's keywords
		// still say the structure.
		return &schemaIndex{scheme: s, root: baseIndex().root, id: baseIndex().id, rules: map[string]int{}}
	}
	return indexSchema(s, data)
}

func indexSchema(s *Scheme, data []byte) *schemaIndex {
	parsed, err := parseOrdered(data)
	root, _ := parsed.(*object)
	if err != nil || root == nil {
		root = newObject()
	}
	x := &schemaIndex{scheme: s, root: root, rules: map[string]int{}}
	x.id, _ = root.get("$id").(string)
	entries, _ := root.get(RulesKeyword).([]any)
	for i, e := range entries {
		if o, ok := e.(*object); ok {
			if id, ok := o.get("rule").(string); ok {
				x.rules[id] = i
			}
		}
	}
	return x
}

// place is a subschema found for an instance location: the subschema, its
// pointer along the validator's path (through "$ref") and its pointer from
// the schema's root with every "$ref" followed.
type place struct {
	schema   *object
	path     string
	absolute string
}

// unit is a finding's output unit. doc is the document as parsed, when
// it could be (read).
func (x *schemaIndex) unit(f *Finding, doc any, read bool) BasicError {
	u := BasicError{InstanceLocation: f.Path, Error: f.Message}
	if f.Rule != "" && !f.SchemaExpressible() {
		if i, listed := x.rules[f.Rule]; listed {
			u.KeywordLocation = "/" + RulesKeyword + "/" + strconv.Itoa(i)
			return u
		}
	}
	instance, keywords, child := f.Path, keywordsFor(f), ""
	var value any
	if f.Code == CodeCommitment && len(f.Related) > 0 {
		// The commitments rule is about the group; the schema says each
		// commitment: the first one not agreed stands for the finding.
		instance = f.Related[0]
	}
	switch {
	case f.Code == CodeUnknownField:
		instance = parentPointer(f.Path)
	case f.Code == CodeCategory && f.Variant == "needs":
		// "A line of this category needs …" is a condition on the document.
		instance, keywords = "", []string{"then"}
	case read && instance != "":
		// A value the document does not have fails the "required" of the
		// nearest object it has, which names the missing field on the way.
		v, at, missing, absent := lookup(doc, instance)
		value = v
		switch {
		case absent:
			instance, keywords, child = at, []string{"required"}, missing
		case value == nil && (f.Code == CodeRequired || f.Variant == "missing"):
			keywords = []string{"type"} // null where a value is needed
		case f.Code == CodeRequired:
			keywords = []string{"minLength", "minItems", "minimum", "const"}
		}
	}
	if p, ok := x.find(instance, keywords, fits(f, child, value)); ok {
		u.KeywordLocation, u.InstanceLocation = p.path, instance
		if strings.Contains(p.path, "/$ref/") {
			u.AbsoluteKeywordLocation = x.id + "#" + p.absolute
		}
	}
	return u
}

// keywordsFor are the keywords that say the check behind a finding about a
// value the document has, the likelier first.
func keywordsFor(f *Finding) []string {
	switch f.Code {
	case CodeType:
		return []string{"type"}
	case CodeUnknownField:
		return []string{"additionalProperties"}
	case CodeEnum, CodeTheme, CodeCategory:
		return []string{"oneOf", "enum", "const"}
	case CodeFormat:
		return []string{"format", "pattern"}
	case CodeMinLength:
		return []string{"minLength"}
	case CodeMaxLength:
		return []string{"maxLength"}
	case CodeMinimum:
		return []string{"minimum"}
	case CodeOverflow:
		if v, _ := f.Params["value"].(string); strings.HasPrefix(v, "-") {
			return []string{"minimum"}
		}
		return []string{"maximum"}
	case CodeMaximum, CodeNotFree:
		return []string{"maximum"}
	case CodeMinItems, CodeMinInstitutions, CodeOutputs, CodeEmpty:
		return []string{"minItems"}
	case CodeMaxItems:
		return []string{"maxItems"}
	case CodeDuplicate:
		if f.Variant == "entry" {
			return []string{"uniqueItems"}
		}
	case CodeSchemeUnknown, CodeCurrency:
		return []string{"const"}
	case CodeAreaOfInterest, CodeReflection, CodeLocalIssue:
		return []string{"pattern", "minLength"}
	case CodeCommitment:
		return []string{"const", "required"}
	case CodeActivities:
		return []string{"contains"}
	case CodeAudience:
		return []string{"oneOf", "enum"}
	}
	return nil
}

// compareNumbers compares two JSON numbers exactly, by their digits: -1, 0
// or +1 as a is below, equal to or above b, and false when either is not a
// number or has an exponent past ±10^15 (no document under the byte limit
// can write out so many digits, so only such an exponent could make one).
// It answers as math/big's exact rationals do (a test holds it to them),
// without putting math/big's code (some 150 KB of the WebAssembly) in the
// widget for this one call.
func compareNumbers(a, b jsonscan.Number) (int, bool) {
	x, okA := parseDecimal(string(a))
	y, okB := parseDecimal(string(b))
	if !okA || !okB {
		return 0, false
	}
	return x.cmp(y), true
}

// decimal is a number as 0.DIGITS × 10^exp, negative when neg: digits has
// no leading or trailing zeros, and zero has none at all.
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

// maxExponent bounds the exponent a number may write.
const maxExponent = 1_000_000_000_000_000

// parseDecimal reads a JSON number ([-]int[.frac][(e|E)[±]exp]).
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		d.neg = s[i] == '-'
		i++
	}
	intPart, i := digitRun(s, i)
	fracPart := ""
	if i < len(s) && s[i] == '.' {
		fracPart, i = digitRun(s, i+1)
	}
	if intPart == "" && fracPart == "" {
		return d, false
	}
	exp, ok := parseExponent(s[i:])
	if !ok {
		return d, false
	}
	d.digits, d.exp = significant(intPart, fracPart)
	if d.digits == "" {
		return decimal{}, true // zero, of either sign
	}
	d.exp += exp
	return d, true
}

// digitRun is the run of digits in s from i, and where it ends.
func digitRun(s string, i int) (string, int) {
	start := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return s[start:i], i
}

// parseExponent reads what follows a number's digits: nothing, or
// (e|E)[±]digits up to maxExponent.
func parseExponent(s string) (int64, bool) {
	if s == "" {
		return 0, true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return 0, false
	}
	s = s[1:]
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var exp int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		if exp = exp*10 + int64(s[i]-'0'); exp > maxExponent {
			return 0, false
		}
	}
	if neg {
		exp = -exp
	}
	return exp, true
}

// significant is intPart.fracPart as 0.DIGITS × 10^exp: the digits from
// the first that is not zero to the last that is not, "" for zero.
func significant(intPart, fracPart string) (string, int64) {
	all := intPart + fracPart
	lead := 0
	for lead < len(all) && all[lead] == '0' {
		lead++
	}
	return strings.TrimRight(all[lead:], "0"), int64(len(intPart) - lead)
}

// cmp is -1, 0 or +1 as d is below, equal to or above e.
func (d decimal) cmp(e decimal) int {
	sign := func(x decimal) int {
		switch {
		case x.digits == "":
			return 0
		case x.neg:
			return -1
		}
		return 1
	}
	sd, se := sign(d), sign(e)
	if sd != se || sd == 0 {
		return cmp.Compare(sd, se)
	}
	// Same sign, neither zero: the magnitudes, by exponent, then digits
	// (as strings: with no leading zeros, the first difference decides,
	// and a prefix is the smaller).
	m := cmp.Compare(d.exp, e.exp)
	if m == 0 {
		m = strings.Compare(d.digits, e.digits)
	}
	return sd * m
}

// lookup finds the value at ptr in doc. When doc does not have it, at is
// the nearest object above it that doc has and missing the name of that
// object's field on the way, and ok is true; ok is false when the value is
// there, or the way to it is not through objects.
func lookup(doc any, ptr string) (value any, at, missing string, ok bool) {
	cur := doc
	segs := strings.Split(ptr[1:], "/")
	for i, seg := range segs {
		name := strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch x := cur.(type) {
		case *object:
			v, has := x.vals[name]
			if !has {
				if i == 0 {
					return nil, "", name, true
				}
				return nil, "/" + strings.Join(segs[:i], "/"), name, true
			}
			cur = v
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n < 0 || n >= len(x) {
				return nil, "", "", false
			}
			cur = x[n]
		default:
			return nil, "", "", false
		}
	}
	return cur, "", "", false
}

func parentPointer(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// find returns the first of keywords found in a subschema that judges the
// value at instance: along properties and items from the root, through
// "$ref", and into the subschemas that judge the same value (allOf, anyOf,
// oneOf, then, else), so that a scheme's conditions ("if the document asks
// for funding, then …") are found too. Keywords are tried in order, each in
// every subschema, nearest the root first, and a keyword counts when its
// value fits the finding.
func (x *schemaIndex) find(instance string, keywords []string, fit func(keyword string, s *object) bool) (place, bool) {
	places := x.placesAt(instance)
	for _, k := range keywords {
		for _, p := range places {
			if _, ok := p.schema.vals[k]; ok && fit(k, p.schema) {
				return place{p.schema, p.path + "/" + k, p.absolute + "/" + k}, true
			}
		}
	}
	return place{}, false
}

// fits says which keywords' values stand for the finding where a
// subschema may have several of a kind: a "required" that lists the
// missing field (child; any, for ""), and for a plan that lacks a kind of
// activity the "contains" of those kinds, for a line of a category that
// needs something of the plan the condition on that category, and a
// vocabulary (enum, const) that does not hold the document's value (a
// scheme narrows the base schema's).
func fits(f *Finding, child string, docValue any) func(keyword string, s *object) bool {
	text, isText := docValue.(string)
	return func(keyword string, s *object) bool {
		value := s.get(keyword)
		switch keyword {
		case "enum":
			list, _ := value.([]any)
			return !isText || !slices.Contains(list, any(text))
		case "const":
			return !isText || value != any(text)
		case "maximum", "minimum":
			n, isNumber := docValue.(jsonscan.Number)
			limit, isLimit := value.(jsonscan.Number)
			if !isNumber || !isLimit {
				return true
			}
			c, ok := compareNumbers(n, limit)
			return !ok || keyword == "maximum" && c > 0 || keyword == "minimum" && c < 0
		case "oneOf":
			list, _ := value.([]any)
			for _, e := range list {
				if c, ok := e.(*object); ok && isText && c.get("const") == any(text) {
					return false
				}
			}
			return true
		case "required":
			list, _ := value.([]any)
			for _, e := range list {
				if e == child || child == "" {
					return true
				}
			}
			return false
		case "contains":
			kinds, ok := f.Params["kinds"].([]string)
			if !ok {
				return true
			}
			c, _ := value.(*object)
			props, _ := c.get("properties").(*object)
			kind, _ := props.get("kind").(*object)
			enum, _ := kind.get("enum").([]any)
			return slices.Equal(enum, stringList(kinds))
		case "then":
			category, _ := f.Params["category"].(string)
			cond, err := jsonscan.AppendValue(nil, s.get("if"), false)
			return err == nil && bytes.Contains(cond, []byte(`"category":{"const":`+strconv.Quote(category)+`}`))
		}
		return true
	}
}

// placesAt lists the subschemas that judge the value at instance.
func (x *schemaIndex) placesAt(instance string) []place {
	cur := x.sameValue(place{x.root, "", ""}, 0)
	if instance == "" {
		return cur
	}
	for _, seg := range strings.Split(instance[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		var next []place
		for _, p := range cur {
			if props, ok := p.schema.get("properties").(*object); ok {
				if s, ok := props.get(seg).(*object); ok {
					esc := escapePointer(seg)
					next = append(next, x.sameValue(place{s, p.path + "/properties/" + esc, p.absolute + "/properties/" + esc}, 0)...)
				}
			}
			if isIndex(seg) {
				if s, ok := p.schema.get("items").(*object); ok {
					next = append(next, x.sameValue(place{s, p.path + "/items", p.absolute + "/items"}, 0)...)
				}
			}
		}
		if len(next) == 0 {
			return nil
		}
		cur = next
	}
	return cur
}

// sameValue is p and every subschema under it that judges the same value.
func (x *schemaIndex) sameValue(p place, depth int) []place {
	if depth > maxRefDepth {
		return nil
	}
	out := []place{p}
	if ref, ok := p.schema.get("$ref").(string); ok {
		if target, abs, ok := x.resolve(ref); ok {
			out = append(out, x.sameValue(place{target, p.path + "/$ref", abs}, depth+1)...)
		}
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		list, _ := p.schema.get(k).([]any)
		for i, e := range list {
			if s, ok := e.(*object); ok {
				n := "/" + k + "/" + strconv.Itoa(i)
				out = append(out, x.sameValue(place{s, p.path + n, p.absolute + n}, depth)...)
			}
		}
	}
	for _, k := range []string{"then", "else"} {
		if s, ok := p.schema.get(k).(*object); ok {
			out = append(out, x.sameValue(place{s, p.path + "/" + k, p.absolute + "/" + k}, depth)...)
		}
	}
	return out
}

// resolve finds a "$ref" of the form "#/$defs/Name" (the only form stemkn's
// schemas use) from the root.
func (x *schemaIndex) resolve(ref string) (*object, string, bool) {
	ptr, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, "", false
	}
	var cur any = x.root
	for _, seg := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		o, ok := cur.(*object)
		if !ok {
			return nil, "", false
		}
		cur = o.get(strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~"))
	}
	o, ok := cur.(*object)
	return o, ptr, ok
}
