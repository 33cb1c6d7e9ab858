package stemkn

import (
	"errors"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

// What a rule's schema part writes with: a scheme's schema being written
// (schemaDoc), found by the same JSON Pointers as the rule's findings, and
// the ordered JSON object it is made of. Schema (schema.go) puts the parts
// together.

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
	case jsonscan.Number:
		return x.Int64()
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

// AppendJSON writes the object as compact JSON, its keys in order (a
// jsonscan.Appender, so that lists and values in it are written by
// jsonscan.AppendValue).
func (o *object) AppendJSON(b []byte, html bool) ([]byte, error) {
	if o == nil {
		return append(b, "null"...), nil
	}
	var err error
	b = append(b, '{')
	for i, k := range o.keys {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = jsonscan.AppendValue(b, k, html); err != nil {
			return nil, err
		}
		b = append(b, ':')
		if b, err = jsonscan.AppendValue(b, o.vals[k], html); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// parseOrdered reads JSON into objects, []any, strings, jsonscan.Numbers,
// bools and nil. A key given twice keeps its first place and its last
// value.
func parseOrdered(data []byte) (any, error) {
	v, err := jsonscan.Parse(data, jsonscan.MaxDepth)
	if err != nil {
		return nil, err
	}
	return schemaValue(v), nil
}

// schemaValue turns a value jsonscan.Parse read into a schema value.
func schemaValue(v any) any {
	switch v := v.(type) {
	case *jsonscan.Object:
		o := &object{keys: make([]string, 0, len(v.Keys)), vals: make(map[string]any, len(v.Keys))}
		for i, k := range v.Keys {
			o.set(k, schemaValue(v.Values[i]))
		}
		return o
	case []any:
		for i, x := range v {
			v[i] = schemaValue(x)
		}
	}
	return v
}

// stringList is a list of text as JSON values.
func stringList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// encodeSchema writes a schema indented by two spaces, with a final
// newline, as a json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes it.
func encodeSchema(root *object) ([]byte, error) {
	compact, err := jsonscan.AppendValue(nil, root, false)
	if err != nil {
		return nil, err
	}
	return append(jsonscan.Indent(make([]byte, 0, len(compact)*3/2), compact), '\n'), nil
}

// maxRefDepth bounds the "$ref"s followed from one subschema: stemkn's
// schemas refer to definitions that do not refer back, so this is only a
// guard.
const maxRefDepth = 16

// escapePointer escapes a key for a JSON Pointer (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
