package docgen

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
)

// Field is what the document types declare about one value: its JSON type
// and its validate tag, read from the struct declarations in stemkn, so the
// mutations follow the documents as they change.
type Field struct {
	// Pattern is the value's JSON Pointer with list indices written "*".
	Pattern string
	// Type is the JSON type: "string", "integer", "money", "boolean",
	// "object" or "array".
	Type string
	// Required, Min, Max, OneOf, Unique and Format come from the validate tag.
	Required bool
	Min, Max *int64
	OneOf    []string
	Unique   bool
	Format   string // a custom tag: date, email, urn, ukprn, pic, postcode, company-number, country, …
	// Elem is the field's list element, for lists.
	Elem *Field
	// Children are an object's fields in declaration order.
	Children []*Field
}

var (
	applicationFields = fieldsOf(reflect.TypeFor[stemkn.Application](), "")
	offerFields       = fieldsOf(reflect.TypeFor[stemkn.OfferDocument](), "")
)

// Fields returns the fields of a document kind keyed by pattern.
func Fields(kind stemkn.DocumentKind) map[string]*Field {
	root := applicationFields
	if kind == stemkn.KindOffer {
		root = offerFields
	}
	m := map[string]*Field{}
	var walk func(f *Field)
	walk = func(f *Field) {
		m[f.Pattern] = f
		for _, c := range f.Children {
			walk(c)
		}
		if f.Elem != nil {
			walk(f.Elem)
		}
	}
	walk(root)
	return m
}

// Root returns the root field of a document kind.
func Root(kind stemkn.DocumentKind) *Field {
	if kind == stemkn.KindOffer {
		return offerFields
	}
	return applicationFields
}

// Child finds a child field by JSON name.
func (f *Field) Child(name string) *Field {
	for _, c := range f.Children {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

// Name is the field's JSON name (the last segment of its pattern).
func (f *Field) Name() string {
	return f.Pattern[strings.LastIndexByte(f.Pattern, '/')+1:]
}

var amountType = reflect.TypeFor[budget.Amount]()

func fieldsOf(t reflect.Type, pattern string) *Field {
	f := &Field{Pattern: pattern, Type: "object"}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		f.Children = append(f.Children, typed(sf.Type, pattern+"/"+name, sf.Tag.Get("validate")))
	}
	return f
}

func typed(t reflect.Type, pattern, tag string) *Field {
	var f *Field
	switch {
	case t == amountType:
		f = &Field{Pattern: pattern, Type: "money"}
	case t.Kind() == reflect.String:
		f = &Field{Pattern: pattern, Type: "string"}
	case t.Kind() == reflect.Int64 || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Int64:
		f = &Field{Pattern: pattern, Type: "integer"}
	case t.Kind() == reflect.Bool || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Bool:
		f = &Field{Pattern: pattern, Type: "boolean"}
	case t.Kind() == reflect.Struct:
		f = fieldsOf(t, pattern)
	case t.Kind() == reflect.Pointer:
		f = fieldsOf(t.Elem(), pattern)
	case t.Kind() == reflect.Slice:
		f = &Field{Pattern: pattern, Type: "array"}
		listTag, elemTag, _ := strings.Cut(tag, ",dive")
		tag = listTag
		elemTag = strings.TrimPrefix(elemTag, ",")
		f.Elem = typed(t.Elem(), pattern+"/*", elemTag)
	default:
		panic("docgen: no JSON type for " + t.String())
	}
	applyTag(f, tag)
	return f
}

func applyTag(f *Field, tag string) {
	if tag == "" {
		return
	}
	for _, part := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(part, "=")
		switch name {
		case "required":
			f.Required = true
		case "omitempty", "dive":
		case "min", "max":
			n, _ := strconv.ParseInt(param, 10, 64)
			if name == "min" {
				f.Min = &n
			} else {
				f.Max = &n
			}
		case "oneof":
			f.OneOf = strings.Fields(param)
		case "unique":
			f.Unique = true
		default:
			f.Format = name
		}
	}
}
