package stemkn

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The pre-check runs the validate tags of document.go over a decoded
// document without allocating. validator/v10 reflects over every field and
// boxes each value (to look for its Valuer interface), which costs an
// allocation per field; on a form re-validated at every keystroke that is
// most of the time spent. So the tags are compiled once into a small program
// per field, and validator/v10 runs only when the pre-check finds
// something: it then makes the findings, as always. A differential test
// holds the two to the same verdict on thousands of generated documents.

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
		switch name {
		case "required":
			prog = append(prog, tagOp{kind: opRequired})
		case "omitempty":
			prog = append(prog, tagOp{kind: opOmitEmpty})
		case "min", "max":
			n, err := strconv.ParseInt(param, 10, 64)
			if err != nil {
				panic("stemkn: bad " + name + " in validate tag " + tag)
			}
			k := opMin
			if name == "max" {
				k = opMax
			}
			prog = append(prog, tagOp{kind: k, n: n})
		case "oneof":
			prog = append(prog, tagOp{kind: opOneOf, set: strings.Fields(param)})
		case "unique":
			prog = append(prog, tagOp{kind: opUnique})
		case "dive":
			prog = append(prog, tagOp{kind: opDive})
		default:
			t, ok := customCheck(name)
			if !ok {
				panic("stemkn: the pre-check does not know validate tag " + name)
			}
			prog = append(prog, tagOp{kind: opCustom, check: t})
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

// clean reports whether the struct of shape sh at p passes every tag.
func (sh *shape) clean(p unsafe.Pointer) bool {
	for i := range sh.fields {
		f := &sh.fields[i]
		if !f.clean(unsafe.Add(p, f.offset)) {
			return false
		}
	}
	return true
}

func (f *field) clean(p unsafe.Pointer) bool {
	if !f.prog.run(f, p) {
		return false
	}
	switch f.kind {
	case kindStruct:
		return f.elem.clean(p)
	case kindStructPtr:
		if q := *(*unsafe.Pointer)(p); q != nil {
			return f.elem.clean(q)
		}
	}
	return true
}

// run applies the program to the field's value at p. Ops after dive apply
// to each element of a list; struct elements are always checked in full,
// as validator does.
func (prog tagProgram) run(f *field, p unsafe.Pointer) bool {
	for k, op := range prog {
		switch op.kind {
		case opOmitEmpty:
			if !hasValue(f.kind, p) {
				return true
			}
		case opRequired:
			if !hasValue(f.kind, p) {
				return false
			}
		case opMin, opMax:
			n := size(f.kind, p)
			if op.kind == opMin && n < op.n || op.kind == opMax && n > op.n {
				return false
			}
		case opOneOf:
			if !oneOf(op.set, valueText(f.kind, p)) {
				return false
			}
		case opCustom:
			if !op.check(*(*string)(p)) {
				return false
			}
		case opUnique:
			list := *(*[]string)(p)
			for i := range list {
				for j := 0; j < i; j++ {
					if list[i] == list[j] {
						return false
					}
				}
			}
		case opDive:
			return diveClean(f, p, prog[k+1:])
		}
	}
	if f.kind == kindStructList {
		return diveClean(f, p, nil)
	}
	return true
}

func diveClean(f *field, p unsafe.Pointer, rest tagProgram) bool {
	if f.kind == kindStringList {
		elem := field{kind: kindString}
		list := *(*[]string)(p)
		for i := range list {
			if !rest.run(&elem, unsafe.Pointer(&list[i])) {
				return false
			}
		}
		return true
	}
	// A list of structs: each element in full.
	hdr := (*struct {
		data unsafe.Pointer
		n    int
	})(p)
	size := f.elem.typ.Size()
	for i := 0; i < hdr.n; i++ {
		if !f.elem.clean(unsafe.Add(hdr.data, uintptr(i)*size)) {
			return false
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
	case kindBoolPtr, kindStructPtr:
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
