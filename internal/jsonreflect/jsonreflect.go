// Package jsonreflect reads and writes the Go types stemkn keeps as JSON
// — a scheme file, a catalogue's _meta, the schemes and outputs the widget
// hands out — by reflection over the struct tags encoding/json reads, for
// the kinds of field those types have: strings, whole numbers, bools,
// pointers, slices, string-keyed maps, structs (embedded ones flattened),
// interfaces and json.RawMessage. It keeps encoding/json out of the
// widget — with the fmt it brings, 96 KB of the module's 843 KB brotli,
// where this package and jsonscan's parser take back about 30 — and gives
// Go and WebAssembly one reading of every file.
//
// Decode reads as encoding/json reads (with DisallowUnknownFields when
// strict), except that keys match field names exactly where encoding/json
// also takes "Title" for "title". Append writes what json.Marshal writes.
// The tests hold both to encoding/json, on every built-in scheme and on
// generated values.
package jsonreflect

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

// field is one JSON field of a struct type.
type field struct {
	name      string
	index     []int // the field's place, through embedded structs
	omitEmpty bool
}

// fieldCache holds each struct type's JSON fields.
var fieldCache sync.Map // reflect.Type -> []field

// fieldsOf lists t's JSON fields in declaration order, those of embedded
// structs without a json name in their place, as encoding/json does.
func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if embedded := structOf(f.Type); f.Anonymous && name == "" && embedded != nil {
			for _, inner := range fieldsOf(embedded) {
				inner.index = append([]int{i}, inner.index...)
				out = append(out, inner)
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, field{name: name, index: []int{i}, omitEmpty: opts == "omitempty"})
	}
	out = dominant(out)
	fieldCache.Store(t, out)
	return out
}

// structOf is t, or what t points to, when that is a struct type.
func structOf(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		return t
	}
	return nil
}

// dominant drops each field hidden by a shallower one of the same name,
// keeping the rest in order, as encoding/json does. (stemkn's types have
// no two fields of one name at one depth, which encoding/json drops both of.)
func dominant(fields []field) []field {
	shallowest := make(map[string]int, len(fields))
	for _, f := range fields {
		if d, ok := shallowest[f.name]; !ok || len(f.index) < d {
			shallowest[f.name] = len(f.index)
		}
	}
	return slices.DeleteFunc(fields, func(f field) bool { return len(f.index) > shallowest[f.name] })
}

// isRawMessage says whether t is encoding/json's RawMessage, JSON kept as
// its text (a scheme's test documents), named rather than imported.
func isRawMessage(t reflect.Type) bool {
	return t.Name() == "RawMessage" && t.PkgPath() == "encoding/json"
}

// Decode reads v, a value jsonscan.Parse read, into the value dst points
// to. A key no field has is an error when strict, as with encoding/json's
// DisallowUnknownFields; a value of the wrong kind always is, worded as
// encoding/json words it. Null leaves a value as it is and empties a
// pointer, slice or map.
func Decode(v any, dst any, strict bool) error {
	d := decoder{strict: strict}
	d.value(v, reflect.ValueOf(dst).Elem(), "", "")
	if d.err != nil {
		return d.err
	}
	return nil
}

// Error is what Decode says of a value it cannot read.
type Error struct{ text string }

func (e *Error) Error() string { return e.text }

// decoder is one Decode; it stops at the first error.
type decoder struct {
	strict bool
	err    *Error
}

// mismatch says that what (a JSON kind, or "number 2.5") cannot go into
// the field at path (dotted JSON names) of the struct type owner, of type t.
func (d *decoder) mismatch(what string, t reflect.Type, owner, path string) {
	if d.err != nil {
		return
	}
	into := "Go value"
	switch {
	case owner != "":
		into = "Go struct field " + owner + "." + path
	case path != "": // a field of an unnamed struct type
		into = "Go struct field " + path
	}
	d.err = &Error{"json: cannot unmarshal " + what + " into " + into + " of type " + t.String()}
}

// value reads v into dst, the field at path of the struct type owner.
func (d *decoder) value(v any, dst reflect.Value, owner, path string) {
	if d.err != nil {
		return
	}
	t := dst.Type()
	switch {
	case v == nil:
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			dst.SetZero()
		}
	case isRawMessage(t):
		d.raw(v, dst, owner, path)
	case t.Kind() == reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		d.value(v, dst.Elem(), owner, path)
	case t.Kind() == reflect.Interface && t.NumMethod() == 0:
		dst.Set(reflect.ValueOf(v)) // as jsonscan.Parse read it
	case !d.scalar(v, dst) && !d.composite(v, dst, owner, path):
		if n, ok := v.(jsonscan.Number); ok && isInt(t.Kind()) {
			d.mismatch("number "+string(n), t, owner, path)
			return
		}
		d.mismatch(jsonscan.KindOf(v), t, owner, path)
	}
}

// raw keeps v's text in dst, a json.RawMessage: an object's as it was
// written, anything else (or an object a merge made) written anew.
func (d *decoder) raw(v any, dst reflect.Value, owner, path string) {
	if o, ok := v.(*jsonscan.Object); ok && o.Raw != nil {
		dst.SetBytes(slices.Clone(o.Raw))
		return
	}
	text, err := jsonscan.AppendValue(nil, v, false)
	if err != nil {
		d.mismatch(jsonscan.KindOf(v), dst.Type(), owner, path)
		return
	}
	dst.SetBytes(text)
}

// scalar reads a string, bool or whole number into dst, and says whether
// v was one that fits.
func (d *decoder) scalar(v any, dst reflect.Value) bool {
	switch x := v.(type) {
	case string:
		if dst.Kind() == reflect.String {
			dst.SetString(x)
			return true
		}
	case bool:
		if dst.Kind() == reflect.Bool {
			dst.SetBool(x)
			return true
		}
	case jsonscan.Number:
		if i, whole := x.Int64(); whole && isInt(dst.Kind()) && !dst.OverflowInt(i) {
			dst.SetInt(i)
			return true
		}
	}
	return false
}

func isInt(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Int64 }

// composite reads a list into a slice, or an object into a struct or a
// string-keyed map, and says whether v was one that fits.
func (d *decoder) composite(v any, dst reflect.Value, owner, path string) bool {
	t := dst.Type()
	switch x := v.(type) {
	case []any:
		if t.Kind() != reflect.Slice {
			return false
		}
		out := reflect.MakeSlice(t, len(x), len(x))
		for i, e := range x {
			d.value(e, out.Index(i), owner, path)
		}
		dst.Set(out)
		return true
	case *jsonscan.Object:
		switch {
		case t.Kind() == reflect.Struct:
			d.object(x, dst, path)
			return true
		case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
			if dst.IsNil() {
				dst.Set(reflect.MakeMapWithSize(t, len(x.Keys)))
			}
			for i, k := range x.Keys {
				elem := reflect.New(t.Elem()).Elem()
				d.value(x.Values[i], elem, owner, path)
				dst.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), elem)
			}
			return true
		}
	}
	return false
}

// object reads o's members into the struct dst, at path.
func (d *decoder) object(o *jsonscan.Object, dst reflect.Value, path string) {
	fields := fieldsOf(dst.Type())
	owner := dst.Type().Name()
	for i, key := range o.Keys {
		at := slices.IndexFunc(fields, func(f field) bool { return f.name == key })
		if at < 0 {
			if d.strict && d.err == nil {
				d.err = &Error{"json: unknown field " + strconv.Quote(key)}
			}
			continue
		}
		fieldPath := key
		if path != "" {
			fieldPath = path + "." + key
		}
		d.value(o.Values[i], settable(dst, fields[at].index), owner, fieldPath)
	}
}

// settable is the field at index, making embedded pointers on the way.
func settable(v reflect.Value, index []int) reflect.Value {
	for _, i := range index {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v
}

// Append appends v as json.Marshal writes it, for the kinds of value
// Decode reads, floats (which stemkn itself never makes: money and counts
// are whole numbers), interfaces holding them and the values
// jsonscan.AppendValue writes. Any other kind (a channel, a function) is
// an error, as it is for json.Marshal.
func Append(b []byte, v any) ([]byte, error) {
	return appendValue(b, reflect.ValueOf(v))
}

// UnwritableError is Append's error for a kind of value it does not write.
type UnwritableError struct{ Type reflect.Type }

func (e *UnwritableError) Error() string {
	return "stemkn: cannot write a value of type " + e.Type.String() + " as JSON"
}

func appendValue(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() {
		return append(b, "null"...), nil
	}
	t := v.Type()
	switch k := t.Kind(); {
	case isRawMessage(t):
		return appendRaw(b, v.Bytes())
	case k == reflect.String:
		return jsonscan.AppendString(b, v.String()), nil
	case k == reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case isInt(k):
		return strconv.AppendInt(b, v.Int(), 10), nil
	case k >= reflect.Uint && k <= reflect.Uint64:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case k == reflect.Float32 || k == reflect.Float64:
		return appendFloat(b, v.Float(), t.Bits())
	case k == reflect.Interface || k == reflect.Pointer:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		if k == reflect.Interface {
			switch x := v.Elem().Interface().(type) {
			case jsonscan.Number, *jsonscan.Object, []any:
				return jsonscan.AppendValue(b, x, true)
			}
		}
		return appendValue(b, v.Elem())
	case k == reflect.Slice:
		return appendSlice(b, v)
	case k == reflect.Map && t.Key().Kind() == reflect.String:
		return appendMap(b, v)
	case k == reflect.Struct:
		return appendStruct(b, v)
	}
	return nil, &UnwritableError{t}
}

// appendRaw writes a json.RawMessage as json.Marshal does: compact, with
// <, > and & escaped (and its strings' escapes written anew).
func appendRaw(b, raw []byte) ([]byte, error) {
	if raw == nil {
		return append(b, "null"...), nil
	}
	parsed, err := jsonscan.Parse(raw, jsonscan.MaxDepth)
	if err != nil {
		return nil, err
	}
	return jsonscan.AppendValue(b, parsed, true)
}

func appendSlice(b []byte, v reflect.Value) ([]byte, error) {
	if v.IsNil() {
		return append(b, "null"...), nil
	}
	var err error
	b = append(b, '[')
	for i := range v.Len() {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendValue(b, v.Index(i)); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// appendMap writes a string-keyed map, its keys in order as json.Marshal
// writes them.
func appendMap(b []byte, v reflect.Value) ([]byte, error) {
	if v.IsNil() {
		return append(b, "null"...), nil
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
	var err error
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(jsonscan.AppendString(b, k.String()), ':')
		if b, err = appendValue(b, v.MapIndex(k)); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

func appendStruct(b []byte, v reflect.Value) ([]byte, error) {
	var err error
	b = append(b, '{')
	first := true
	for _, f := range fieldsOf(v.Type()) {
		fv, ok := fieldOrNil(v, f.index)
		if !ok || (f.omitEmpty && isEmpty(fv)) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(jsonscan.AppendString(b, f.name), ':')
		if b, err = appendValue(b, fv); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendFloat writes a float as json.Marshal does. stemkn makes no floats;
// this is for a finding's Params that a program using the library filled.
func appendFloat(b []byte, f float64, bits int) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errors.New("stemkn: cannot write " + strconv.FormatFloat(f, 'g', -1, bits) + " as JSON")
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' { // e-09 as e-9, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// fieldOrNil is the field at index, or false when it sits under a nil
// embedded pointer (encoding/json leaves such fields out).
func fieldOrNil(v reflect.Value, index []int) (reflect.Value, bool) {
	for _, i := range index {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return v, false
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v, true
}

// isEmpty is what omitempty leaves out, as in encoding/json.
func isEmpty(v reflect.Value) bool {
	switch k := v.Kind(); {
	case k == reflect.String || k == reflect.Slice || k == reflect.Map || k == reflect.Array:
		return v.Len() == 0
	case k == reflect.Bool:
		return !v.Bool()
	case isInt(k):
		return v.Int() == 0
	case k >= reflect.Uint && k <= reflect.Uint64:
		return v.Uint() == 0
	case k == reflect.Float32 || k == reflect.Float64:
		return v.Float() == 0
	case k == reflect.Interface || k == reflect.Pointer:
		return v.IsNil()
	}
	return false
}
