package stemkn

import (
	"sync"
	"unsafe"
)

// DecodeApplication reads an application document with the strict decoder
// the validator uses, without judging it: no structural rules, no scheme
// rules. It is for tools that only need the data, such as programme
// statistics over applications that were validated when they came in.
//
// The findings are the decoder's own (syntax, type, unknown-field,
// duplicate, too-large…), worded in English. The application is nil when
// nothing could be read: the input is not well-formed JSON, passes the
// default input limits, or is not a JSON object. Otherwise it holds every
// value that decoded; values with a finding are left at their zero value.
func DecodeApplication(data []byte) (*Application, Findings) {
	var (
		app Application
		out Findings
	)
	broken := read(string(data), applicationShape, unsafe.Pointer(&app), DefaultLimits, &out)
	decodeMessages().apply(out, nil)
	out.Sort()
	if hasCode(out, CodeSyntax) || hasCode(out, CodeTooLarge) || rootBroken(broken) {
		return nil, out
	}
	return &app, out
}

// decodeMessages words DecodeApplication's findings; built once, because
// statistics decode one application per line.
var decodeMessages = sync.OnceValue(DefaultMessages)
