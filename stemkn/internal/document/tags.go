package document

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The validate tags of the document types are compiled once, per field, into small
// programs, and this file runs them over a decoded document without
// allocating on the way. They serve twice:
//
//   - As a pre-check on every build. validator/v10 reflects over every field
//     and boxes each value (looking for its Valuer interface), an allocation
//     per field; on a form re-validated at every keystroke that was most of
//     the time spent. When the programs find nothing, validator/v10 would
//     find nothing either, and is not run.
//   - As the engine of the WebAssembly build (engine_js.go), which leaves
//     validator/v10 and its dependencies (net, crypto, MIME sniffing, x/text)
//     out of the browser download. There the programs make the findings.
//
// Native builds keep validator/v10 as the engine that makes the problems
// (engine_validator.go). Tests hold the two engines to the same verdict
// and the same findings on thousands of mutated documents (tags_test.go),
// and the differential tests hold native Go and WebAssembly to byte-identical
// results.

type opKind uint8

const (
	opRequired opKind = iota
	opOmitEmpty
	opMin
	opMax
	opOneOf
	opUnique
	opDive
	opCustom
)

type tagOp struct {
	kind  opKind
	name  string // the tag's name, as validator reports it
	param string // the tag's parameter, as validator reports it
	n     int64
	set   []string
	check func(string) bool
}

// tagProgram is a field's compiled validate tag.
type tagProgram []tagOp

func compileTag(tag string) tagProgram {
	if tag == "" {
		return nil
	}
	var prog tagProgram
	for _, part := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(part, "=")
		base := tagOp{name: name, param: param}
		switch name {
		case "required":
			base.kind = opRequired
			prog = append(prog, base)
		case "omitempty":
			base.kind = opOmitEmpty
			prog = append(prog, base)
		case "min", "max":
			n, err := strconv.ParseInt(param, 10, 64)
			if err != nil {
				panic("document: bad " + name + " in validate tag " + tag)
			}
			base.kind, base.n = opMin, n
			if name == "max" {
				base.kind = opMax
			}
			prog = append(prog, base)
		case "oneof":
			base.kind, base.set = opOneOf, strings.Fields(param)
			prog = append(prog, base)
		case "unique":
			base.kind = opUnique
			prog = append(prog, base)
		case "dive":
			base.kind = opDive
			prog = append(prog, base)
		default:
			t, ok := customCheck(name)
			if !ok {
				panic("document: the tag programs do not know validate tag " + name)
			}
			base.kind, base.check = opCustom, t
			prog = append(prog, base)
		}
	}
	return prog
}

// customCheck returns the check of one of our custom tags.
func customCheck(name string) (func(string) bool, bool) {
	for _, t := range customTags {
		if t.name != name {
			continue
		}
		if t.enum == nil {
			return t.check, true
		}
		values := t.enum()
		set := make(map[string]struct{}, len(values))
		for _, v := range values {
			set[v] = struct{}{}
		}
		return func(s string) bool { _, ok := set[s]; return ok }, true
	}
	return nil, false
}

// tagFailure is one field that failed a tag: what validator/v10 reports as
// a FieldError, in our terms.
type tagFailure struct {
	path  string // JSON Pointer
	tag   string // the tag that failed
	param string // its parameter
	value kind   // the kind of the value that failed (see coarse)
}

// tagWalk runs the programs over a document. With out nil it stops at the
// first failure and builds no paths (the allocation-free verdict); with out
// set it collects every failure, as validator/v10 does: the first failing
// tag of each field, then into structs, and into list elements after dive.
type tagWalk struct {
	out  *[]tagFailure
	path []byte
}

// clean reports whether the document of shape sh at p passes every tag.
func (sh *Shape) clean(p unsafe.Pointer) bool {
	var w tagWalk
	return w.structure(sh, p)
}

// failures lists every tag failure in the document of shape sh at p.
func (sh *Shape) failures(p unsafe.Pointer) []tagFailure {
	var out []tagFailure
	w := tagWalk{out: &out}
	w.structure(sh, p)
	return out
}

// structure walks a struct's fields; false means stop (verdict mode only).
func (w *tagWalk) structure(sh *Shape, p unsafe.Pointer) bool {
	for i := range sh.fields {
		f := &sh.fields[i]
		mark := len(w.path)
		if w.out != nil {
			w.path = append(append(w.path, '/'), f.name...)
		}
		ok := w.field(f, f.prog, f.kind, unsafe.Add(p, f.offset))
		w.path = w.path[:mark]
		if !ok {
			return false
		}
	}
	return true
}

// fail records a failure; it returns false when the walk should stop.
func (w *tagWalk) fail(op *tagOp, k kind) bool {
	if w.out == nil {
		return false
	}
	*w.out = append(*w.out, tagFailure{path: string(w.path), tag: op.name, param: op.param, value: coarse(k)})
	return true
}

// coarse is the kind a finding needs to know (text, list, number or true or
// false): as much as validator/v10 reports.
func coarse(k kind) kind {
	switch k {
	case kindStructList:
		return kindStringList
	case kindMoney:
		return kindInt
	case kindBoolPtr:
		return kindBool
	case kindIntPtr:
		return kindInt
	}
	return k
}

// field runs prog on the value at p of kind k, then walks into structs.
func (w *tagWalk) field(f *field, prog tagProgram, k kind, p unsafe.Pointer) bool {
	for i := range prog {
		op := &prog[i]
		failed := false
		switch op.kind {
		case opOmitEmpty:
			if !hasValue(k, p) {
				return true
			}
		case opRequired:
			failed = !hasValue(k, p)
		case opMin:
			failed = size(k, p) < op.n
		case opMax:
			failed = size(k, p) > op.n
		case opOneOf:
			failed = !oneOf(op.set, valueText(k, p))
		case opCustom:
			failed = !op.check(*(*string)(p))
		case opUnique:
			failed = !unique(*(*[]string)(p))
		case opDive:
			return w.dive(f, prog[i+1:], k, p)
		}
		if failed {
			return w.fail(op, k)
		}
	}
	switch k {
	case kindStruct:
		return w.structure(f.elem, p)
	case kindStructPtr:
		if q := *(*unsafe.Pointer)(p); q != nil {
			return w.structure(f.elem, q)
		}
	}
	return true
}

// dive applies the rest of a program to each element of a list; struct
// elements are walked in full.
func (w *tagWalk) dive(f *field, rest tagProgram, k kind, p unsafe.Pointer) bool {
	hdr := (*struct {
		data unsafe.Pointer
		n    int
	})(p)
	elemKind, stride := kindString, unsafe.Sizeof("")
	if k == kindStructList {
		elemKind, stride = kindStruct, f.elem.typ.Size()
	}
	for i := 0; i < hdr.n; i++ {
		mark := len(w.path)
		if w.out != nil {
			w.path = strconv.AppendInt(append(w.path, '/'), int64(i), 10)
		}
		ok := w.field(f, rest, elemKind, unsafe.Add(hdr.data, uintptr(i)*stride))
		w.path = w.path[:mark]
		if !ok {
			return false
		}
	}
	return true
}

func unique(list []string) bool {
	for i := range list {
		for j := 0; j < i; j++ {
			if list[i] == list[j] {
				return false
			}
		}
	}
	return true
}

// hasValue is validator's notion of a value being present: not the zero
// value, with lists and pointers present when not nil.
func hasValue(k kind, p unsafe.Pointer) bool {
	switch k {
	case kindString:
		return *(*string)(p) != ""
	case kindBool:
		return *(*bool)(p)
	case kindInt, kindMoney:
		return *(*int64)(p) != 0
	case kindBoolPtr, kindStructPtr, kindIntPtr:
		return *(*unsafe.Pointer)(p) != nil
	case kindStringList, kindStructList:
		return (*struct{ data unsafe.Pointer })(p).data != nil
	}
	return true
}

// size is what min and max compare: characters of text, entries of a list,
// the value of a number.
func size(k kind, p unsafe.Pointer) int64 {
	switch k {
	case kindString:
		return int64(utf8.RuneCountInString(*(*string)(p)))
	case kindInt, kindMoney:
		return *(*int64)(p)
	case kindIntPtr:
		if q := *(**int64)(p); q != nil {
			return *q
		}
	case kindStringList, kindStructList:
		return int64((*struct {
			data unsafe.Pointer
			n    int
		})(p).n)
	}
	return 0
}

func valueText(k kind, p unsafe.Pointer) string {
	if k == kindString {
		return *(*string)(p)
	}
	return strconv.FormatInt(*(*int64)(p), 10)
}

func oneOf(set []string, s string) bool {
	for _, v := range set {
		if v == s {
			return true
		}
	}
	return false
}
