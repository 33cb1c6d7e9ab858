package document

import (
	"reflect"
	"strconv"
	"strings"
)

// Check runs the validate tags of the document of shape sh that doc points
// to, and gives a Problem for each failure: none, and no allocation, for a
// document that passes them all. The allocation-free pre-check goes first;
// the build's engine (validator/v10 natively, the compiled tag programs in
// WebAssembly) makes the problems.
func Check(sh *Shape, doc any) []Problem {
	p := reflect.ValueOf(doc).UnsafePointer()
	if sh.clean(p) {
		return nil
	}
	failures := structuralFailures(doc, sh, p)
	out := make([]Problem, len(failures))
	for i, tf := range failures {
		out[i] = problemFor(tf)
	}
	return out
}

// problemFor turns a failed tag into a problem.
func problemFor(tf tagFailure) Problem {
	f := Problem{Path: tf.path}
	isList := tf.value == kindStringList || tf.value == kindStructList
	isText := tf.value == kindString
	limit, _ := strconv.ParseInt(tf.param, 10, 64)
	switch tf.tag {
	case "required":
		f.Code = Required
	case "min":
		f.Code, f.Params = boundCode(isText, isList, MinLength, MinItems, Minimum), map[string]any{"min": limit}
	case "max":
		f.Code, f.Params = boundCode(isText, isList, MaxLength, MaxItems, Maximum), map[string]any{"max": limit}
	case "oneof":
		f.Code, f.Params = Enum, map[string]any{"allowed": strings.Fields(tf.param)}
	case "unique":
		// "entry" tells a repeated list entry, which a JSON Schema's
		// uniqueItems can see, from a repeated key or id, which it cannot.
		f.Code, f.Variant = Duplicate, "entry"
	default:
		f.Code = tagCodes[tf.tag]
		if f.Code == Format {
			f.Params, f.Variant = map[string]any{"format": tf.tag}, tf.tag
		}
	}
	return f
}

// boundCode is the code of a min or max tag: it bounds the length of text,
// the entries of a list, or the value of a number.
func boundCode(isText, isList bool, text, list, number Code) Code {
	switch {
	case isText:
		return text
	case isList:
		return list
	}
	return number
}
