package stemkn

import (
	"errors"
	"reflect"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/internal/jsonreflect"
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
	rules := s.rules()
	index := indexWords(wordsOf(s, rules)) // once, not once per rule's title
	for _, r := range rules {
		if r.schema != nil && r.schema(d) {
			continue
		}
		entry, err := ruleEntry(&r, s, m, index)
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
// language of m; words are the scheme's words, indexed.
func ruleEntry(r *rule, s *Scheme, m *Messages, words *wordIndex) (*object, error) {
	e := newObject()
	e.set("rule", r.id)
	e.set("code", string(r.code))
	e.set("title", m.ruleTitle(r, s, words))
	e.set("reference", r.cite.Reference)
	if r.cite.Note != "" {
		e.set("note", r.cite.Note)
	}
	if r.cite.Source != "" {
		e.set("source", r.cite.Source)
	}
	if r.params != nil {
		data, err := jsonreflect.Append(nil, r.params)
		if err != nil {
			return nil, err
		}
		parsed, err := parseOrdered(data)
		if err != nil {
			return nil, err
		}
		params, _ := parsed.(*object)
		for _, k := range []string{"id", "title", "reference", "note", "source"} {
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
	switch f.Code {
	case CodeDuplicate:
		return f.Variant == "entry"
	case CodeMinInstitutions:
		return f.Variant != "kinds" // counting only some institutions is stemkn's
	}
	return schemaCodes[f.Code]
}
