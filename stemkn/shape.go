package stemkn

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
)

// A shape is the decoder's compiled view of a document type: for each JSON
// field its name, Go offset and kind. Shapes are built once, at package
// initialisation, from the struct declarations in document.go; decoding then
// does no reflection set-up.

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
}

type field struct {
	name   string
	offset uintptr
	kind   kind
	typ    reflect.Type // the field's Go type
	elem   *shape       // for struct kinds: the struct's shape
	tag    string       // the validate tag
	prog   tagProgram   // the tag compiled for the pre-check
	doc    int          // index in the struct, for ordering findings
}

type shape struct {
	typ    reflect.Type
	fields []field
	// makeList allocates a slice of n of this struct at p and returns its
	// first element: one allocation, where reflect.MakeSlice takes two.
	makeList func(p unsafe.Pointer, n int) unsafe.Pointer
}

// listOf is the makeList of a document struct type.
func listOf[T any](p unsafe.Pointer, n int) unsafe.Pointer {
	s := make([]T, n)
	*(*[]T)(p) = s
	return unsafe.Pointer(unsafe.SliceData(s))
}

// listMakers has a makeList for every struct that appears in a list; shapeOf
// panics at start-up if a new list type is missing here.
var listMakers = map[reflect.Type]func(unsafe.Pointer, int) unsafe.Pointer{
	reflect.TypeFor[Institution](): listOf[Institution],
	reflect.TypeFor[Member]():      listOf[Member],
	reflect.TypeFor[Partner]():     listOf[Partner],
	reflect.TypeFor[Activity]():    listOf[Activity],
	reflect.TypeFor[Output]():      listOf[Output],
	reflect.TypeFor[BudgetLine]():  listOf[BudgetLine],
}

// lookup finds a field by JSON name. Structs have at most a dozen fields, so
// a linear scan beats a map.
func (s *shape) lookup(name string) (int, *field) {
	for i := range s.fields {
		if s.fields[i].name == name {
			return i, &s.fields[i]
		}
	}
	return -1, nil
}

var (
	applicationShape = shapeOf(reflect.TypeFor[Application]())
	offerShape       = shapeOf(reflect.TypeFor[OfferDocument]())
	// rootShape orders findings for either document kind.
	rootShape = mergedShape(applicationShape, offerShape)
)

var amountType = reflect.TypeFor[budget.Amount]()

func shapeOf(t reflect.Type) *shape {
	s := &shape{typ: t}
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
		case ft.Kind() == reflect.Struct:
			f.kind, f.elem = kindStruct, shapeOf(ft)
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			f.kind, f.elem = kindStructPtr, shapeOf(ft.Elem())
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			f.kind = kindStringList
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			f.kind, f.elem = kindStructList, shapeOf(ft.Elem())
			if f.elem.makeList = listMakers[ft.Elem()]; f.elem.makeList == nil {
				panic("stemkn: no list maker for " + ft.Elem().Name())
			}
		default:
			panic("stemkn: document field " + t.Name() + "." + sf.Name + " has a type the decoder does not handle")
		}
		s.fields = append(s.fields, f)
	}
	return s
}

func mergedShape(a, b *shape) *shape {
	m := &shape{typ: a.typ, fields: append([]field(nil), a.fields...)}
	for _, f := range b.fields {
		if _, dup := m.lookup(f.name); dup == nil {
			f.doc = len(m.fields)
			m.fields = append(m.fields, f)
		}
	}
	return m
}

// child is the shape a path segment leads to, or nil.
func (s *shape) child(seg string, list bool) (next *shape, inList bool) {
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
