//go:build js && wasm

package main

import (
	"os"
	"runtime/debug"
	"syscall/js"
)

// memoryLimit is the Go heap's soft limit (debug.SetMemoryLimit). A page's
// validator lives in some 10 MiB of WebAssembly memory; the costliest calls
// the input limits allow briefly take more (a form of nearly 8 MiB takes
// WebAssembly memory to about 400 MiB). Near the limit the collector runs
// harder rather than letting WebAssembly memory, which never shrinks, grow
// to twice the live heap.
const memoryLimit = 256 << 20

// gcPercent is the collector's GOGC (debug.SetGCPercent): the heap may grow
// to five times what is live before the next collection, not twice. In
// WebAssembly a collection runs inside whichever call meets it, on the
// page's one thread, for 1–2 ms; the live heap is a few MiB, so the
// collector's floor of 4 MiB × GOGC/100 sets how often. At 400 a
// keystroke's validation meets one about every 600 calls of the reference
// document instead of every 150, and the module's memory after 4,000 calls
// is 21.5 MiB instead of 9.4 (node, the instance's memory.buffer).
const gcPercent = 400

func main() {
	name := "__stemkn"
	if len(os.Args) > 1 && os.Args[1] != "" {
		name = os.Args[1]
	}
	debug.SetMemoryLimit(memoryLimit)
	debug.SetGCPercent(gcPercent)
	k := newKit()
	k.warmUp()

	surface := js.Global().Get(name)
	if surface.Type() != js.TypeObject {
		surface = js.Global().Get("Object").New()
		js.Global().Set(name, surface)
	}
	fns := k.functions()
	names := make([]any, len(fns))
	for i, f := range fns {
		surface.Set(f.name, js.FuncOf(guard(f.fn)))
		names[i] = f.name
	}
	serve(fns, k.validator.Limits().Bytes)
	if ready := surface.Get("onready"); ready.Type() == js.TypeFunction {
		ready.Invoke(k.limits(), names)
	}
	select {} // the functions live as long as the page
}

// kitFunction is one of the kit's functions, by its JavaScript name, taking
// its arguments as strings (two of them: a missing one is "").
type kitFunction struct {
	name string
	fn   func(args []string) string
}

// functions are the kit's functions in a fixed order: a function's place
// in the list is its number for stemkn_call (exports.go), and main tells
// the ES module the names in this order.
func (k *kit) functions() []kitFunction {
	return append([]kitFunction{
		{"validate", func(a []string) string { return k.validate(a[0], a[1]) }},
		{"validateForm", func(a []string) string { return k.validateForm(a[0], a[1]) }},
		{"schemes", func([]string) string { return k.schemes() }},
		{"schema", func(a []string) string { return k.schema(a[0], a[1]) }},
		{"loadScheme", func(a []string) string { return k.loadScheme(a[0]) }},
		{"messages", func(a []string) string { return k.messages(a[0]) }},
		{"refuse", func(a []string) string { return k.refuse(a[0], a[1]) }},
		{"warmUp", func([]string) string { k.warmUpForm(); return "" }},
	}, testFunctions...)
}

// testFunctions come after the kit's own in a build for the widget's tests
// (testhooks.go); in the release there are none.
var testFunctions []kitFunction

// guard adapts a function to JavaScript: missing arguments are "", an
// argument that is not a string is an error, and a panic becomes an error
// answer instead of the end of the program.
func guard(fn func(args []string) string) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) (answer any) {
		defer func() {
			if p := recover(); p != nil {
				answer = errorJSON("stemkn: internal error: " + panicText(p))
			}
		}()
		strs := make([]string, 2)
		for i, a := range args {
			if i >= len(strs) {
				break
			}
			switch a.Type() {
			case js.TypeString:
				strs[i] = a.String()
			case js.TypeUndefined, js.TypeNull:
			default:
				return errorJSON("stemkn: argument " + itoa(i+1) + " must be a string of JSON, not a " + a.Type().String())
			}
		}
		return call(fn, strs)
	}
}
