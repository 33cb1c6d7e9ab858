package stemkn

import (
	"reflect"
	"strings"
	"sync"

	"github.com/stemkn/stemkn/eligibility"
)

// The words of an exported schema, for people and form builders: every
// property has a title and a description from the message catalogue
// (title@PATTERN and description@PATTERN, PATTERN the JSON Pointer of the
// values it judges with "*" for a list index), in the catalogue's language,
// and every vocabulary is a list of labelled choices, a oneOf of const and
// title, which form builders draw as a select or radios with the labels.
// The words are declared once, in the catalogue, beside the messages that
// use the same fields' labels; a field's vocabulary is named by its `words`
// tag in document.go.

// vocabularies maps the pattern of every field with a `words` tag to the
// vocabulary it names.
var vocabularies = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	var walk func(t reflect.Type, pattern string)
	walk = func(t reflect.Type, pattern string) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			p := pattern + "/" + name
			if w := sf.Tag.Get("words"); w != "" {
				out[p] = w
			}
			ft := sf.Type
			if ft.Kind() == reflect.Slice {
				ft, p = ft.Elem(), p+"/*"
			}
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				walk(ft, p)
			}
		}
	}
	walk(reflect.TypeFor[Application](), "")
	walk(reflect.TypeFor[OfferDocument](), "")
	return out
})

// schemaWords writes the words of a schema in one language.
type schemaWords struct {
	m    *Messages
	s    *Scheme // nil for the base schema
	defs *object
}

// document writes the words of the schema o of a whole document and of
// everything in it.
func (w *schemaWords) document(o *object) { w.inside(o, "", 0) }

// inside writes the words of the properties and items of the schema o,
// which judges the values at pattern.
func (w *schemaWords) inside(o *object, pattern string, depth int) {
	if depth > maxRefDepth {
		return
	}
	if props, ok := o.get("properties").(*object); ok {
		for _, name := range props.keys {
			if p, ok := props.get(name).(*object); ok {
				w.field(p, pattern+"/"+escapePointer(name), depth)
			}
		}
	}
	if items, ok := o.get("items").(*object); ok {
		w.field(items, pattern+"/*", depth)
	}
}

// field writes the title, description and choices of the schema p of the
// values at pattern, then the words inside it.
func (w *schemaWords) field(p *object, pattern string, depth int) {
	first := []any{}
	if t, ok := w.m.text["title@"+pattern]; ok {
		first = append(first, "title", t)
	}
	if d, ok := w.m.text["description@"+pattern]; ok {
		first = append(first, "description", d)
	}
	p.setFirst(first...)
	if set := vocabularies()[pattern]; set != "" {
		for _, o := range []*object{p, objectAt(p, "else"), objectAt(p, "items"), objectAt(objectAt(p, "items"), "else")} {
			w.choices(o, set)
		}
	}
	target := p
	if ref, ok := p.get("$ref").(string); ok {
		target, _ = w.defs.get(strings.TrimPrefix(ref, "#/$defs/")).(*object)
	}
	if target != nil {
		w.inside(target, pattern, depth+1)
	}
}

func objectAt(o *object, k string) *object {
	v, _ := o.get(k).(*object)
	return v
}

// choices turns the schema o's enum into labelled choices: a oneOf of
// const and title, each title the word of its value in the vocabulary set.
func (w *schemaWords) choices(o *object, set string) {
	enum, ok := o.get("enum").([]any)
	if o == nil || !ok {
		return
	}
	list := make([]any, 0, len(enum))
	for _, v := range enum {
		id, _ := v.(string)
		list = append(list, newObject().set("const", v).set("title", w.choiceTitle(set, id)))
	}
	o.replace("enum", "oneOf", list)
}

// choiceTitle is the title of the choice id of a vocabulary.
func (w *schemaWords) choiceTitle(set, id string) string {
	switch set {
	case "theme":
		return w.m.themeWord(w.s, id)
	case "category":
		return w.m.CategoryTitle(w.s, id)
	case "establishment-type":
		// GIAS, a register of England's schools, names its types in English only.
		if t, ok := eligibility.EstablishmentTypeBySlug(id); ok {
			return t.Name
		}
		return id
	}
	return capitalise(w.m.word(set, "", id))
}

// BaseSchemaIn is BaseSchema with its words — titles, descriptions and the
// titles of choices — in the language of m.
func BaseSchemaIn(m *Messages) []byte {
	if m == DefaultMessages() {
		return englishBase()
	}
	return baseSchemaIn(m)
}

var englishBase = sync.OnceValue(func() []byte { return baseSchemaIn(DefaultMessages()) })

func baseSchemaIn(m *Messages) []byte {
	parsed, err := parseOrdered(baseSchema)
	root, _ := parsed.(*object)
	if err != nil || root == nil {
		panic("stemkn: the embedded base schema is not JSON: " + errorText(err))
	}
	defs, _ := root.get("$defs").(*object)
	w := &schemaWords{m: m, defs: defs}
	root.setFirst("$schema", root.get("$schema"), "$id", root.get("$id"),
		"title", m.text["schema.document.title"], "description", m.text["schema.document.description"])
	for _, kind := range []struct{ def, words string }{
		{reflect.TypeFor[Application]().Name(), "schema.application"},
		{reflect.TypeFor[OfferDocument]().Name(), "schema.offer"},
	} {
		if def, ok := defs.get(kind.def).(*object); ok {
			def.setFirst("title", m.text[kind.words+".title"], "description", m.text[kind.words+".description"])
			w.document(def)
		}
	}
	out, err := encodeSchema(root)
	if err != nil {
		panic("stemkn: the base schema cannot be written: " + err.Error())
	}
	return out
}

func errorText(err error) string {
	if err == nil {
		return "not an object"
	}
	return err.Error()
}
