package document

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
)

// A Shape is the compiled view of a document type: for each JSON field its
// name, Go offset, kind and validate tag (compiled into a tag program).
// Shapes are built once, when a program starts, from the struct
// declarations of the document types; decoding and checking then do no
// reflection set-up.

type kind uint8

const (
	kindString kind = iota
	kindBool
	kindInt
	kindMoney
	kindBoolPtr
	kindStruct
	kindStructPtr
	kindStringList
	kindStructList
	kindIntPtr // a whole number that may be absent, told apart from 0
)

// jsonTypeName is how each kind is spelled in JSON Schema, for type findings.
var jsonTypeName = [...]string{
	kindString:     "string",
	kindBool:       "boolean",
	kindInt:        "integer",
	kindMoney:      "integer",
	kindBoolPtr:    "boolean",
	kindStruct:     "object",
	kindStructPtr:  "object",
	kindStringList: "array",
	kindStructList: "array",
	kindIntPtr:     "integer",
}

type field struct {
	name   string
	offset uintptr
	kind   kind
	typ    reflect.Type // the field's Go type
	elem   *Shape       // for struct kinds: the struct's shape
	tag    string       // the validate tag
	prog   tagProgram   // the tag compiled for the pre-check
	doc    int          // index in the struct, for ordering findings
}

// Shape is a document struct type compiled for decoding and checking.
type Shape struct {
	typ    reflect.Type
	fields []field
	// makeList allocates a slice of n of this struct at p and returns its
	// first element: one allocation, where reflect.MakeSlice takes two.
	makeList func(p unsafe.Pointer, n int) unsafe.Pointer
	// presentWith names, for an optional group, the fields one of which
	// must have a value in a form for the group to be present (see
	// DecodeForm); empty means any field.
	presentWith []string
}

// List is how to make a list of one struct type of a document, as a
// document's list fields need: see ListOf.
type List struct {
	typ  reflect.Type
	make func(p unsafe.Pointer, n int) unsafe.Pointer
}

// ListOf is the List of the struct type T: a slice of n Ts made in one
// allocation.
func ListOf[T any]() List {
	return List{typ: reflect.TypeFor[T](), make: func(p unsafe.Pointer, n int) unsafe.Pointer {
		s := make([]T, n)
		*(*[]T)(p) = s
		return unsafe.Pointer(unsafe.SliceData(s))
	}}
}

// Compile compiles the document struct type t. lists has a List for every
// struct type that appears in a list in t, and presentWith names, by the
// JSON name of an optional group (a pointer to a struct) anywhere in t,
// the fields that make it present in a form. Compile panics when t has a
// field of a kind the decoder does not handle or a list of a struct
// without its List: a mistake in the declarations, found at start-up.
func Compile(t reflect.Type, lists []List, presentWith map[string][]string) *Shape {
	makers := map[reflect.Type]func(unsafe.Pointer, int) unsafe.Pointer{}
	for _, l := range lists {
		makers[l.typ] = l.make
	}
	return shapeOf(t, makers, presentWith)
}

// lookup finds a field by JSON name. Structs have at most a dozen fields, so
// a linear scan beats a map.
func (s *Shape) lookup(name string) (int, *field) {
	for i := range s.fields {
		if s.fields[i].name == name {
			return i, &s.fields[i]
		}
	}
	return -1, nil
}

var amountType = reflect.TypeFor[budget.Amount]()

func shapeOf(t reflect.Type, makers map[reflect.Type]func(unsafe.Pointer, int) unsafe.Pointer, presentWith map[string][]string) *Shape {
	s := &Shape{typ: t}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		f := field{name: name, offset: sf.Offset, typ: sf.Type, tag: sf.Tag.Get("validate"), doc: i}
		f.prog = compileTag(f.tag)
		switch ft := sf.Type; {
		case ft == amountType:
			f.kind = kindMoney
		case ft.Kind() == reflect.String:
			f.kind = kindString
		case ft.Kind() == reflect.Bool:
			f.kind = kindBool
		case ft.Kind() == reflect.Int64:
			f.kind = kindInt
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Bool:
			f.kind = kindBoolPtr
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Int64:
			f.kind = kindIntPtr
		case ft.Kind() == reflect.Struct:
			f.kind, f.elem = kindStruct, shapeOf(ft, makers, presentWith)
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			f.kind, f.elem = kindStructPtr, shapeOf(ft.Elem(), makers, presentWith)
			f.elem.presentWith = presentWith[name]
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			f.kind = kindStringList
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			f.kind, f.elem = kindStructList, shapeOf(ft.Elem(), makers, presentWith)
			if f.elem.makeList = makers[ft.Elem()]; f.elem.makeList == nil {
				panic("document: no List for " + ft.Elem().Name())
			}
		default:
			panic("document: field " + t.Name() + "." + sf.Name + " has a type the decoder does not handle")
		}
		s.fields = append(s.fields, f)
	}
	return s
}

// Merge is a shape with the fields of a and then those of b that a does
// not have: the order of findings about either kind of document.
func Merge(a, b *Shape) *Shape {
	m := &Shape{typ: a.typ, fields: append([]field(nil), a.fields...)}
	for _, f := range b.fields {
		if _, dup := m.lookup(f.name); dup == nil {
			f.doc = len(m.fields)
			m.fields = append(m.fields, f)
		}
	}
	return m
}

// child is the shape a path segment leads to, or nil.
func (s *Shape) child(seg string, list bool) (next *Shape, inList bool) {
	if s == nil {
		return nil, false
	}
	if list {
		return s, false // an index into a list of s
	}
	_, f := s.lookup(seg)
	if f == nil {
		return nil, false
	}
	return f.elem, f.kind == kindStructList || f.kind == kindStringList
}

func setString(p unsafe.Pointer, v string) { *(*string)(p) = v }
func setBool(p unsafe.Pointer, v bool)     { *(*bool)(p) = v }
func setInt(p unsafe.Pointer, v int64)     { *(*int64)(p) = v }
