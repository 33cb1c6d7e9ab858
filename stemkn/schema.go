package stemkn

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/budget"
)

// SchemaBaseURL is where scheme schemas are published: a scheme's schema has
// the $id SchemaBaseURL + id + ".json".
const SchemaBaseURL = "https://stemkn.org/schema/"

// RulesKeyword is the schema keyword that lists, for a scheme, the rules a
// JSON Schema cannot express (sums, shares, subject spread, dates, deadline,
// institution classes, unit cost, month caps, references between ids). Its
// value is an array of {rule, code, title, reference, params} objects (and
// "advice": true for a rule that only advises), taken from the scheme's rule
// list: rule is the rule's id in validation results, code the finding code
// it reports with, params its numbers from the scheme. It is an annotation:
// validators ignore it, and strict ones must be told of it, as in ajv's
// ajv.addKeyword("x-stemkn-rules"). Validate with stemkn to apply them.
const RulesKeyword = "x-stemkn-rules"

// BaseSchema returns the JSON Schema (draft 2020-12) of stemkn's documents
// with the structural rules only: an application or an offer, as document.go
// declares them, generated from the Go declarations (go generate), with
// English titles and descriptions (BaseSchemaIn gives another language's).
func BaseSchema() []byte { return slices.Clone(BaseSchemaIn(DefaultMessages())) }

// Schema returns the JSON Schema (draft 2020-12) of the documents scheme s
// judges: an application, or for an offer scheme an offer document. It is
// the base schema (see BaseSchema) with the scheme's id as the only allowed
// "scheme", the scheme's title, and its enums and bounds (themes, spend
// categories, currency, counts, a cap as the most one budget line may be,
// required text and identifiers). Rules a JSON Schema cannot express are
// listed under RulesKeyword. Every property has a title and a description
// for the person filling a form, and every vocabulary is a list of
// labelled choices (oneOf of const and title), in English; SchemaIn gives
// them in another language. The output is indented and stable: the same
// scheme always gives the same bytes.
//
// Schema is a function of the scheme's data, so it serves built-in schemes
// and schemes loaded from files alike (look one up with Catalogue.Scheme).
func Schema(s *Scheme) ([]byte, error) { return SchemaIn(s, DefaultMessages()) }

// SchemaIn is Schema with its words — titles, descriptions, the titles of
// choices, themes and spend categories, and the rules' titles under
// RulesKeyword — in the language of m (MessagesIn("cy") for Welsh). Words
// a scheme file does not give in the language are its English.
func SchemaIn(s *Scheme, m *Messages) ([]byte, error) {
	if s == nil {
		return nil, errors.New("stemkn: no scheme to make a schema for")
	}
	if m == nil {
		m = DefaultMessages()
	}
	parsed, err := parseOrdered(baseSchema)
	if err != nil {
		return nil, err
	}
	base, _ := parsed.(*object)
	defs, _ := base.get("$defs").(*object)
	rootName, words := reflect.TypeFor[Application]().Name(), "schema.application"
	if s.Kind == KindOffer {
		rootName, words = reflect.TypeFor[OfferDocument]().Name(), "schema.offer"
	}
	rootDef, _ := defs.get(rootName).(*object)
	if rootDef == nil {
		return nil, errors.New("stemkn: the base schema has no " + rootName)
	}
	defs.del(rootName)
	root := newObject()
	root.set("$schema", base.get("$schema"))
	root.set("$id", SchemaBaseURL+s.ID+".json")
	root.set("title", m.SchemeTitle(s))
	root.set("description", m.text[words+".description"])
	root.set("$comment", schemeComment(s))
	for _, k := range rootDef.keys {
		if k != "title" && k != "description" {
			root.set(k, rootDef.vals[k])
		}
	}
	d := &schemaDoc{root: root, defs: defs}
	d.at("/scheme").set("const", s.ID)
	pending := []any{}
	for _, r := range s.ruleList() {
		if r.express != nil && r.express(d) {
			continue
		}
		entry, err := ruleEntry(&r, s, m)
		if err != nil {
			return nil, err
		}
		pending = append(pending, entry)
	}
	if d.err != nil {
		return nil, d.err
	}
	root.set(RulesKeyword, pending)
	root.set("$defs", reachable(root, defs))
	(&schemaWords{m: m, s: s, defs: defs}).document(root)
	return encodeSchema(root)
}

// encodeSchema writes a schema indented, with a final newline.
func encodeSchema(root *object) ([]byte, error) {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// schemeComment is the schema's note for developers ($comment): the
// scheme, its funders and source, the unit of amounts and how to read
// RulesKeyword.
func schemeComment(s *Scheme) string {
	var b strings.Builder
	b.WriteString("The schema of the documents of the scheme " + s.ID + ": " + s.Title)
	if len(s.Funders) > 0 {
		b.WriteString(", run by " + joinAnd(s.Funders))
	}
	b.WriteString(".")
	if s.Reference != "" {
		b.WriteString(" Source: " + strings.TrimRight(s.Reference, ". ") + ".")
	}
	if s.Currency != "" && s.Kind != KindOffer {
		b.WriteString(" Amounts are integers in minor units of " + s.Currency + ".")
	}
	b.WriteString(" Rules a JSON Schema cannot express are listed under the annotation keyword " + RulesKeyword +
		" ({rule, code, title, reference, params}); declare it to a strict validator, as in ajv.addKeyword(\"" + RulesKeyword +
		"\"), and validate with stemkn to apply them.")
	return b.String()
}

// ruleEntry is a rule's entry under RulesKeyword, its title in the
// language of m.
func ruleEntry(r *ruleSpec, s *Scheme, m *Messages) (*object, error) {
	e := newObject()
	e.set("rule", r.id)
	e.set("code", string(r.code))
	e.set("title", m.ruleTitle(r, s))
	e.set("reference", r.reference)
	if r.params != nil {
		data, err := json.Marshal(r.params)
		if err != nil {
			return nil, err
		}
		parsed, err := parseOrdered(data)
		if err != nil {
			return nil, err
		}
		params, _ := parsed.(*object)
		for _, k := range []string{"id", "title", "reference"} {
			params.del(k) // already in the entry
		}
		if len(params.keys) > 0 {
			e.set("params", params)
		}
	}
	if r.advice {
		e.set("advice", true)
	}
	return e, nil
}

// reachable returns the definitions root refers to, directly or through
// other definitions, in the base schema's order.
func reachable(root, defs *object) *object {
	used := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case *object:
			for _, k := range x.keys {
				if ref, ok := x.vals[k].(string); ok && k == "$ref" {
					name := strings.TrimPrefix(ref, "#/$defs/")
					if !used[name] {
						used[name] = true
						walk(defs.get(name))
					}
					continue
				}
				walk(x.vals[k])
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(root)
	out := newObject()
	for _, k := range defs.keys {
		if used[k] {
			out.set(k, defs.vals[k])
		}
	}
	return out
}

// schemaDoc is a scheme's schema being written: the document type's schema
// and the definitions it uses. Rules write into it through paths like the
// JSON Pointers of their findings, with "*" for every element of a list.
type schemaDoc struct {
	root *object
	defs *object
	err  error
}

func (d *schemaDoc) fail(problem string) {
	if d.err == nil {
		d.err = errors.New("stemkn: scheme schema: " + problem)
	}
}

// at returns the schema of the value at path, following $refs into the
// definitions. Definitions are used once each, so changing one changes only
// the place path names.
func (d *schemaDoc) at(path string) *object {
	o := d.root
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if seg == "*" {
			o, _ = o.get("items").(*object)
		} else {
			props, _ := o.get("properties").(*object)
			o, _ = props.get(seg).(*object)
		}
		if o == nil {
			d.fail("the base schema has no " + path)
			return newObject()
		}
		if ref, ok := o.get("$ref").(string); ok {
			if o, _ = d.defs.get(strings.TrimPrefix(ref, "#/$defs/")).(*object); o == nil {
				d.fail("the base schema has no definition " + ref)
				return newObject()
			}
		}
	}
	return o
}

// require makes the value at path required in its object.
func (d *schemaDoc) require(path string) {
	i := strings.LastIndexByte(path, '/')
	parent := d.root
	if i > 0 {
		parent = d.at(path[:i])
	}
	appendRequired(parent, path[i+1:])
}

func appendRequired(o *object, name string) {
	req, _ := o.get("required").([]any)
	if !slices.Contains(req, any(name)) {
		o.set("required", append(req, name))
	}
}

// atLeast raises a lower bound (minimum, minLength, minItems) to n.
func atLeast(o *object, keyword string, n int64) {
	if cur, ok := number(o.get(keyword)); !ok || cur < n {
		o.set(keyword, n)
	}
}

// atMost lowers an upper bound (maximum, maxLength, maxItems) to n.
func atMost(o *object, keyword string, n int64) {
	if cur, ok := number(o.get(keyword)); !ok || cur > n {
		o.set(keyword, n)
	}
}

func number(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case json.Number:
		n, err := x.Int64()
		return n, err == nil
	}
	return 0, false
}

// addPattern adds a pattern the value must also match.
func addPattern(o *object, pattern string) {
	if o.get("pattern") == nil {
		o.set("pattern", pattern)
		return
	}
	all, _ := o.get("allOf").([]any)
	o.set("allOf", append(all, newObject().set("type", "string").set("pattern", pattern)))
}

// when adds a condition to the document: if it matches cond, it must match then.
func (d *schemaDoc) when(cond, then *object) {
	all, _ := d.root.get("allOf").([]any)
	d.root.set("allOf", append(all, newObject().set("if", cond).set("then", then)))
}

// nest wraps leaf in the objects path passes through, each required, so
// that it can stand in a condition on the whole document. The leaf itself
// is required when requireLeaf is true. Types and properties are spelt out
// so that strict validators (ajv) know what each keyword applies to.
func nest(path string, leaf *object, requireLeaf bool) *object {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	o := leaf
	for i := len(segs) - 1; i >= 0; i-- {
		parent := newObject().set("type", "object").set("properties", newObject().set(segs[i], o))
		if i < len(segs)-1 || requireLeaf {
			parent.set("required", []any{segs[i]})
		}
		o = parent
	}
	return o
}

func stringList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// The express functions below give each rule's JSON Schema form. Each
// returns true when the schema says all of the rule, so that it is not
// listed under RulesKeyword; the findings the schema's part stands for must
// have codes that SchemaExpressible accepts.

func expressTheme(themes []Theme) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		ids := make([]string, len(themes))
		for i, t := range themes {
			ids[i] = t.ID
		}
		d.at("/network/theme").set("enum", stringList(ids))
		d.require("/network/theme")
		return true
	}
}

// expressText is a text rule: the value is there and not only white space.
func expressText(path string) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		p := d.at(path)
		atLeast(p, "minLength", 1)
		addPattern(p, NonBlankPattern)
		d.require(path)
		return true
	}
}

func expressMinInstitutions(min int) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		atLeast(d.at("/network/institutions"), "minItems", int64(min))
		return true
	}
}

func expressIdentifiers(ids []string) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		for _, id := range ids {
			path := "/network/institutions/*/" + id
			atLeast(d.at(path), "minLength", 1) // "" is no identifier
			d.require(path)
		}
		return true
	}
}

func expressCommitments(cr *CommitmentRule) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		if !cr.WhenFunded {
			for _, name := range cr.Required {
				d.at("/plan/commitments/"+name).set("const", true)
				d.require("/plan/commitments/" + name)
			}
			d.require("/plan/commitments")
			return true
		}
		agreed := newObject().set("type", "object")
		props := newObject()
		for _, name := range cr.Required {
			props.set(name, newObject().set("const", true))
		}
		agreed.set("properties", props).set("required", stringList(cr.Required))
		d.when(nest("/funding", newObject(), true), nest("/plan/commitments", agreed, true))
		return true
	}
}

// expressDeadline says the part of the deadline rule a schema can: the
// date must be given. Whether it is on time is left to stemkn.
func expressDeadline(d *schemaDoc) bool {
	atLeast(d.at("/submittedOn"), "minLength", 1)
	d.require("/submittedOn")
	return false
}

func expressActivities(ar *ActivitiesRule) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		p := d.at("/plan/activities")
		all, _ := p.get("allOf").([]any)
		for _, need := range ar.Needs {
			kind := newObject().set("type", "object").
				set("properties", newObject().set("kind", newObject().set("enum", stringList(need.Kinds)))).
				set("required", []any{"kind"})
			all = append(all, newObject().set("type", "array").set("contains", kind))
		}
		p.set("allOf", all)
		d.require("/plan/activities")
		return true
	}
}

func expressOutputs(min int) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		if min > 0 {
			atLeast(d.at("/plan/outputs"), "minItems", int64(min))
			d.require("/plan/outputs")
		}
		return true
	}
}

func expressFundingRequired(d *schemaDoc) bool {
	d.require("/funding")
	return true
}

func expressCurrency(currency string) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		d.at("/funding/currency").set("const", currency)
		return true
	}
}

func expressBudgetLines(d *schemaDoc) bool {
	atLeast(d.at("/funding/lines"), "minItems", 1)
	d.require("/funding/lines")
	return true
}

func expressCategories(categories []Category) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		ids := make([]string, len(categories))
		for i, c := range categories {
			ids[i] = c.ID
		}
		d.at("/funding/lines/*/category").set("enum", stringList(ids))
		return true
	}
}

func expressCategoryNeed(cn *CategoryNeedRule) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		if cn.Needs != "outputs" {
			return false
		}
		line := newObject().set("type", "object").
			set("properties", newObject().set("category", newObject().set("const", cn.Category))).
			set("required", []any{"category"})
		uses := nest("/funding/lines", newObject().set("type", "array").set("contains", line), true)
		d.when(uses, nest("/plan/outputs", newObject().set("type", "array").set("minItems", int64(1)), true))
		return true
	}
}

// expressCap says the part of a cap a schema can: no one line may pass it.
// The total is left to stemkn.
func expressCap(limit budget.Amount) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		atMost(d.at("/funding/lines/*/amount"), "maximum", int64(limit))
		return false
	}
}

// offerKindIn is the condition that the offer is of one of kinds.
func offerKindIn(kinds []string) *object {
	return nest("/offer/kind", newObject().set("enum", stringList(kinds)), true)
}

func expressFreeOffer(kinds []string) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		free := newObject().set("type", "integer").set("maximum", int64(0))
		d.when(offerKindIn(kinds), nest("/offer/cost", free, false))
		return true
	}
}

func expressAudience(ar *AudienceRule) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		items := newObject().set("type", "string").set("enum", stringList(ar.Allowed))
		d.when(offerKindIn(ar.Kinds), nest("/offer/audience", newObject().set("type", "array").set("items", items), false))
		return true
	}
}

// expressAgeRange says the part of the age-range rule a schema can: the
// range must be given. That the youngest age comes first is left to stemkn.
func expressAgeRange(kinds []string) func(*schemaDoc) bool {
	return func(d *schemaDoc) bool {
		d.when(offerKindIn(kinds), nest("/offer/ageRange", newObject().set("type", "object"), true))
		return false
	}
}

// schemaCodes are the finding codes whose checks the scheme schemas express
// exactly (see SchemaExpressible).
var schemaCodes = map[Code]bool{
	// Structural: the base schema, generated from the validate tags and the
	// document types. A syntax error is one no JSON tool accepts either.
	CodeSyntax: true, CodeType: true, CodeRequired: true, CodeUnknownField: true, CodeEnum: true,
	CodeFormat: true, CodeMinLength: true, CodeMaxLength: true, CodeMinimum: true, CodeMaximum: true,
	CodeMinItems: true, CodeMaxItems: true,
	// An amount past what 64 bits hold is past every amount's maximum.
	CodeOverflow: true,
	// Rules: the "scheme" const and each rule whose express function
	// returns true. The required values of partial rules (the deadline's
	// date, a work-experience offer's age range) use CodeRequired, and a
	// line over the cap CodeMaximum.
	CodeSchemeUnknown: true, CodeTheme: true, CodeAreaOfInterest: true, CodeReflection: true,
	CodeLocalIssue: true, CodeMinInstitutions: true, CodeCommitment: true, CodeActivities: true,
	CodeOutputs: true, CodeCurrency: true, CodeEmpty: true, CodeCategory: true,
	CodeNotFree: true, CodeAudience: true,
}

// SchemaExpressible reports whether the check behind a finding is one the
// schemas of Schema say exactly: for a document that names scheme S (or no
// known scheme), S's schema rejects the document if and only if Validate
// reports an error finding for which SchemaExpressible is true. This is the
// one place that set is kept, and the agreement tests hold Schema and the
// validator to it. Outside it are the rules listed under RulesKeyword
// (sums, shares, subject spread, dates, deadline, institution classes and
// places, unit cost, caps on totals, references between ids, duplicate
// ids), repeated keys in an object (JSON tools keep one of them silently)
// and the input limits (too-large), which a schema does not have. A
// repeated entry in a list (uniqueItems) is inside it.
func (f *Finding) SchemaExpressible() bool {
	if f.Code == CodeDuplicate {
		return f.Variant == "entry"
	}
	return schemaCodes[f.Code]
}

// object is a JSON object that keeps its keys in order, so that a scheme's
// schema lists properties in the order the document types declare them and
// comes out the same every time.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

func (o *object) get(k string) any {
	if o == nil {
		return nil
	}
	return o.vals[k]
}

func (o *object) set(k string, v any) *object {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

// setFirst puts the pairs (key, value, key, value …) first, in order, and
// the object's other keys after them.
func (o *object) setFirst(pairs ...any) *object {
	var front []string
	for i := 0; i+1 < len(pairs); i += 2 {
		k := pairs[i].(string)
		o.del(k)
		front = append(front, k)
		o.vals[k] = pairs[i+1]
	}
	o.keys = append(front, o.keys...)
	return o
}

// replace puts the key k in the place of old, with the value v.
func (o *object) replace(old, k string, v any) {
	i := slices.Index(o.keys, old)
	if i < 0 {
		o.set(k, v)
		return
	}
	delete(o.vals, old)
	o.keys[i] = k
	o.vals[k] = v
}

func (o *object) del(k string) {
	if _, ok := o.vals[k]; ok {
		delete(o.vals, k)
		o.keys = slices.DeleteFunc(o.keys, func(x string) bool { return x == k })
	}
}

// MarshalJSON writes the object with its keys in order.
func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := enc.Encode(o.vals[k]); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// parseOrdered reads JSON into objects, []any, strings, json.Numbers, bools and nil.
func parseOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return readOrdered(dec)
}

func readOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := newObject()
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			o.set(key.(string), v)
		}
		_, err := dec.Token() // '}'
		return o, err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token() // ']'
		return list, err
	}
	return tok, nil
}
