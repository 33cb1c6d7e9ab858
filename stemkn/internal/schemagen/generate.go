package main

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"
	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// BaseID is the $id of the base schema.
const BaseID = "https://stemkn.org/schema/stemkn.json"

// roots are the document types, each a definition the base schema accepts.
var roots = []reflect.Type{reflect.TypeFor[stemkn.Application](), reflect.TypeFor[stemkn.OfferDocument]()}

var amountType = reflect.TypeFor[budget.Amount]()

// generate returns the base schema, indented, with a final newline. It
// holds the structure only: titles and descriptions are words for people,
// which stemkn adds at run time from its message catalogue in the language
// asked for (stemkn.SchemaIn), so that the Go doc comments stay Go's.
func generate() ([]byte, error) {
	r := &jsonschema.Reflector{
		Anonymous: true,
		// Required fields come from the validate tags, not from omitempty.
		RequiredFromJSONSchemaTags: true,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if t == amountType {
				// Money is an integer number of minor units (pence, cents).
				return &jsonschema.Schema{Type: "integer"}
			}
			return nil
		},
	}
	defs := jsonschema.Definitions{}
	root := &jsonschema.Schema{
		Version: jsonschema.Version,
		ID:      BaseID,
	}
	for _, t := range roots {
		s := r.ReflectFromType(t)
		for name, def := range s.Definitions {
			defs[name] = def
		}
		root.AnyOf = append(root.AnyOf, &jsonschema.Schema{Ref: "#/$defs/" + t.Name()})
	}
	for _, t := range roots {
		if err := constrainStruct(defs, t, map[reflect.Type]bool{}); err != nil {
			return nil, err
		}
	}
	root.Definitions = defs
	data, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// constrainStruct applies the validate tags of struct type t, and of the
// structs it holds, to their definitions.
func constrainStruct(defs jsonschema.Definitions, t reflect.Type, done map[reflect.Type]bool) error {
	if done[t] {
		return nil
	}
	done[t] = true
	def, ok := defs[t.Name()]
	if !ok {
		return errors.New("no definition for " + t.Name())
	}
	def.AdditionalProperties = jsonschema.FalseSchema
	def.Required = nil
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		prop, ok := def.Properties.Get(name)
		if !ok {
			return errors.New(t.Name() + "." + sf.Name + " has no property " + name)
		}
		required, err := constrainField(prop, sf.Type, sf.Tag.Get("validate"))
		if err != nil {
			return errors.New(t.Name() + "." + sf.Name + ": " + err.Error())
		}
		if required {
			def.Required = append(def.Required, name)
		}
		if elem := structType(sf.Type); elem != nil {
			if err := constrainStruct(defs, elem, done); err != nil {
				return err
			}
		}
	}
	return nil
}

// structType is the struct a field holds directly, through a pointer or as
// the elements of a slice, or nil.
func structType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		return t
	}
	return nil
}

// tagRules are the validate tag's rules for one value: the field itself, or
// (after "dive") each element of a list.
type tagRules struct {
	required, omitempty, unique bool
	min, max                    *uint64
	oneof                       []string
	custom                      []document.TagSchema
}

func parseTag(tag string) (field, items tagRules, err error) {
	if tag == "" {
		return field, items, nil
	}
	cur := &field
	for _, part := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(part, "=")
		switch name {
		case "dive":
			if cur == &items {
				return field, items, errors.New("dive twice")
			}
			cur = &items
		case "required":
			cur.required = true
		case "omitempty":
			cur.omitempty = true
		case "unique":
			cur.unique = true
		case "min", "max":
			n, perr := strconv.ParseUint(param, 10, 64)
			if perr != nil {
				return field, items, errors.New("tag " + part + " needs a whole number")
			}
			if name == "min" {
				cur.min = &n
			} else {
				cur.max = &n
			}
		case "oneof":
			cur.oneof = strings.Fields(param)
		default:
			ts, ok := document.CustomTagSchema(name)
			if !ok {
				// A tag the schema cannot say would let the schema and the Go
				// validator disagree: refuse it rather than drop it.
				return field, items, errors.New("validate tag " + name + " has no JSON Schema form")
			}
			cur.custom = append(cur.custom, ts)
		}
	}
	return field, items, nil
}

// constrainField applies a field's validate tag to its schema and reports
// whether the field is required in its object.
func constrainField(s *jsonschema.Schema, t reflect.Type, tag string) (required bool, err error) {
	field, items, err := parseTag(tag)
	if err != nil {
		return false, err
	}
	switch {
	case t == amountType || t.Kind() == reflect.Int64 || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Int64:
		// A pointer to a whole number tells absent from 0: required means
		// present, as for validator.
		return field.required, constrainInteger(s, field)
	case t.Kind() == reflect.String:
		return field.required, constrainString(s, field)
	case t.Kind() == reflect.Slice:
		if err := constrainList(s, field); err != nil {
			return false, err
		}
		if t.Elem().Kind() == reflect.String {
			return field.required, constrainString(s.Items, items)
		}
		if !items.empty() {
			return false, errors.New("rules after dive on a list of structs")
		}
		return field.required, nil
	case t.Kind() == reflect.Bool || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Bool:
		if !field.empty() {
			return false, errors.New("rules on a boolean")
		}
		return false, nil
	case t.Kind() == reflect.Struct:
		// Validator looks inside nested structs by itself. An object is
		// required when anything in it is: leaving it out leaves that out.
		if !field.empty() {
			return false, errors.New("rules on a struct field")
		}
		return hasRequired(t), nil
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		// A pointer is optional: nil is a value validator accepts.
		if !field.empty() {
			return false, errors.New("rules on a struct pointer")
		}
		return false, nil
	}
	return false, errors.New("type " + t.String() + " has no schema form")
}

func (r tagRules) empty() bool {
	return !r.required && !r.omitempty && !r.unique && r.min == nil && r.max == nil && r.oneof == nil && r.custom == nil
}

// hasRequired reports whether struct t has a required field, looking into
// the structs it holds by value.
func hasRequired(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		field, _, _ := parseTag(sf.Tag.Get("validate"))
		if field.required || sf.Type.Kind() == reflect.Struct && hasRequired(sf.Type) {
			return true
		}
	}
	return false
}

func constrainString(s *jsonschema.Schema, r tagRules) error {
	if r.unique {
		return errors.New("unique on text")
	}
	// value holds what a non-empty value must be. With omitempty the
	// validator accepts "" as absent, so those rules apply to other text
	// only: they go in the "else" of "if": {"const": ""}. That is the
	// condition form builders read (an anyOf would make them draw a choice
	// between "" and the rest).
	value := s
	if r.omitempty {
		value = &jsonschema.Schema{}
	}
	if r.max != nil {
		s.MaxLength = r.max // "" is never too long
	}
	minLen := r.min
	if r.required && (minLen == nil || *minLen < 1) {
		one := uint64(1)
		minLen = &one
	}
	value.MinLength = minLen
	if r.oneof != nil {
		value.Enum = anys(r.oneof)
	}
	for _, c := range r.custom {
		value.Pattern = c.Pattern
		value.Format = c.Format
		if c.Enum != nil {
			value.Enum = anys(c.Enum)
		}
		if c.Length > 0 {
			n := uint64(c.Length)
			value.MinLength, value.MaxLength = &n, &n
		}
		if c.OneLine {
			value.Not = &jsonschema.Schema{Pattern: `\n`}
		}
	}
	if value != s && !reflect.DeepEqual(*value, jsonschema.Schema{}) {
		s.If = &jsonschema.Schema{Const: ""}
		s.Else = value
	}
	return nil
}

func constrainInteger(s *jsonschema.Schema, r tagRules) error {
	if r.omitempty || r.unique || r.oneof != nil || r.custom != nil {
		return errors.New("integers take required, min and max only")
	}
	min := r.min
	if r.required && (min == nil || *min < 1) {
		// Validator's required means not zero; amounts and ages are never negative.
		one := uint64(1)
		min = &one
	}
	if min != nil {
		s.Minimum = json.Number(strconv.FormatUint(*min, 10))
	}
	if r.max != nil {
		s.Maximum = json.Number(strconv.FormatUint(*r.max, 10))
	}
	return nil
}

func constrainList(s *jsonschema.Schema, r tagRules) error {
	if r.omitempty || r.oneof != nil || r.custom != nil {
		return errors.New("lists take required, min, max and unique only")
	}
	min := r.min
	if r.required && (min == nil || *min < 1) {
		one := uint64(1)
		min = &one
	}
	s.MinItems = min
	s.MaxItems = r.max
	s.UniqueItems = r.unique
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
