package main

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// copies writes, for top and each struct type it holds that has a slice or a
// pointer somewhere in it, a function copyT(v T) T that copies v deeply:
// every slice and pointer anew, and what they hold. The functions follow
// the type, not the data, so a field added to a scheme's types is copied
// once the file is generated again (its test says when it must be).
func (w *writer) copies(top reflect.Type) error {
	queue, seen := []reflect.Type{top}, map[reflect.Type]bool{top: true}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		name, err := copyName(t)
		if err != nil {
			return err
		}
		fmt.Fprintf(&w.b, "\n// %s returns v with nothing in common with it: each slice and\n// pointer it holds is copied, and what they hold.\n", name)
		fmt.Fprintf(&w.b, "func %s(v %s) %s {\n", name, w.typeName(t), w.typeName(t))
		for i := range t.NumField() {
			f := t.Field(i)
			expr, holds, err := w.fieldCopy(f.Type, "v."+f.Name)
			if err != nil {
				return fmt.Errorf("%s.%s: %w", t, f.Name, err)
			}
			if expr != "" {
				fmt.Fprintf(&w.b, "\tv.%s = %s\n", f.Name, expr)
			}
			if holds != nil && !seen[holds] {
				seen[holds] = true
				queue = append(queue, holds)
			}
		}
		w.b.WriteString("\treturn v\n}\n")
	}
	return nil
}

// fieldCopy is the expression that copies x, of type t, deeply: "" when x
// holds no slice or pointer (assigning it copies it). holds is the struct
// type whose copy function the expression calls, if any.
func (w *writer) fieldCopy(t reflect.Type, x string) (expr string, holds reflect.Type, err error) {
	if !hasReferences(t) {
		return "", nil, nil
	}
	switch t.Kind() {
	case reflect.Struct:
		holds = t
		name, err := copyName(t)
		return name + "(" + x + ")", holds, err
	case reflect.Slice:
		if !hasReferences(t.Elem()) {
			w.imports["slices"] = true
			return "slices.Clone(" + x + ")", nil, nil
		}
		if t.Elem().Kind() == reflect.Struct {
			w.helpers["copyEach"] = true
			name, err := copyName(t.Elem())
			return "copyEach(" + x + ", " + name + ")", t.Elem(), err
		}
	case reflect.Pointer:
		if !hasReferences(t.Elem()) {
			w.helpers["copyPointer"] = true
			return "copyPointer(" + x + ")", nil, nil
		}
		if t.Elem().Kind() == reflect.Struct {
			w.helpers["copyPointerWith"] = true
			name, err := copyName(t.Elem())
			return "copyPointerWith(" + x + ", " + name + ")", t.Elem(), err
		}
	}
	return "", nil, fmt.Errorf("schemegen cannot copy a %s: teach it how (copies.go)", t)
}

// hasReferences says whether a value of type t holds a slice, a pointer or
// anything else that assigning it would share.
func hasReferences(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		for i := range t.NumField() {
			if hasReferences(t.Field(i).Type) {
				return true
			}
		}
		return false
	case reflect.Array:
		return hasReferences(t.Elem())
	case reflect.Slice, reflect.Pointer, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return true
	}
	return false // a number, a bool or a string (which cannot be changed, so sharing one is safe)
}

// copyName names the function that copies a named struct type: copyT for
// stemkn's T, copyPkgT for another package's.
func copyName(t reflect.Type) (string, error) {
	if t.Kind() != reflect.Struct || t.Name() == "" {
		return "", fmt.Errorf("schemegen copies named struct types only, not %s", t)
	}
	if t.PkgPath() == stemknPath {
		return "copy" + t.Name(), nil
	}
	pkg, _, _ := strings.Cut(t.String(), ".")
	first, size := utf8.DecodeRuneInString(pkg)
	return "copy" + string(unicode.ToUpper(first)) + pkg[size:] + t.Name(), nil
}

// helperSource are the helpers and variables the generated data and copy
// functions may use; each is written only when the file uses it.
var helperSource = []struct{ name, source string }{
	{"builtinFalse", "// builtinFalse is what the data's pointers to false point to; a copy\n// points to a false of its own.\nvar builtinFalse = false\n"},
	{"builtinTrue", "// builtinTrue is what the data's pointers to true point to; a copy\n// points to a true of its own.\nvar builtinTrue = true\n"},
	{"copyEach", "// copyEach copies each element of s with copyValue, into a slice of its\n// own; nil stays nil.\n" +
		"func copyEach[S ~[]E, E any](s S, copyValue func(E) E) S {\n\tif s == nil {\n\t\treturn nil\n\t}\n" +
		"\tout := make(S, len(s))\n\tfor i, e := range s {\n\t\tout[i] = copyValue(e)\n\t}\n\treturn out\n}\n"},
	{"copyPointer", "// copyPointer points to a copy of what p points to; nil stays nil.\n" +
		"func copyPointer[T any](p *T) *T {\n\tif p == nil {\n\t\treturn nil\n\t}\n\tv := *p\n\treturn &v\n}\n"},
	{"copyPointerWith", "// copyPointerWith points to a copy, by copyValue, of what p points to;\n// nil stays nil.\n" +
		"func copyPointerWith[T any](p *T, copyValue func(T) T) *T {\n\tif p == nil {\n\t\treturn nil\n\t}\n" +
		"\tv := copyValue(*p)\n\treturn &v\n}\n"},
}

// writeHelpers writes the helpers and variables the file uses.
func (w *writer) writeHelpers() {
	for _, h := range helperSource {
		if w.helpers[h.name] {
			w.b.WriteString("\n" + h.source)
		}
	}
}
