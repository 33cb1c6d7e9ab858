//go:build js && wasm

// Command stemkn is stemkn compiled to WebAssembly for web pages: the same
// validator, form decoder and messages as the Go library, behind a few
// functions that take and return JSON text. The ES module stemkn.js loads it
// and wraps those functions in the widget's API; pages never call them
// directly.
//
// The module is started with one argument, the name of a global object the
// loader has made. It puts its functions on that object —
//
//	validate(json, options) → result JSON
//	validateForm(entries, options) → {result, document, fields, targets, budget}
//	schemes() → [scheme, …]
//	schema(id, options) → JSON Schema (draft 2020-12) in the options' lang; schema("") the base schema
//	loadScheme(json) → {id} or {error}
//	messages(options) → {lang, name, words}: the page's words in a language
//	limits() → {bytes, depth, items, findings}: the input limits
//	refuse(call, options) → the answer call gives input past the byte limit
//
// — and calls the object's onready once the validator is prepared and warm,
// so the first keystroke costs no more than any other. A function that
// cannot do its job returns {"error": "…"}; a Go panic inside one is caught
// and returned the same way, because an uncaught panic would end the Go
// program and every later call would fail.
//
// The ES module measures each document, form and scheme file before it
// hands it over and, past the byte limit, asks refuse for the answer
// instead, so no input can exhaust Go's memory; the heap also has a soft
// limit (memoryLimit) so the collector works to keep it small.
package main

import (
	"os"
	"runtime/debug"
	"syscall/js"
)

// memoryLimit is the Go heap's soft limit (debug.SetMemoryLimit). A page's
// validator holds some 30 MB; the costliest calls the input limits allow
// briefly take more (a form of nearly 8 MiB takes WebAssembly memory to
// about 400 MiB). Near the limit the collector runs harder rather than
// letting WebAssembly memory, which never shrinks, grow to twice the live
// heap.
const memoryLimit = 256 << 20

func main() {
	name := "__stemkn"
	if len(os.Args) > 1 && os.Args[1] != "" {
		name = os.Args[1]
	}
	debug.SetMemoryLimit(memoryLimit)
	k := newKit()
	k.warmUp()

	surface := js.Global().Get(name)
	if surface.Type() != js.TypeObject {
		surface = js.Global().Get("Object").New()
		js.Global().Set(name, surface)
	}
	for fname, fn := range k.functions() {
		surface.Set(fname, js.FuncOf(guard(fn)))
	}
	if ready := surface.Get("onready"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // the functions live as long as the page
}

// functions are the kit's functions by their JavaScript names, each taking
// its arguments as strings.
func (k *kit) functions() map[string]func(args []string) string {
	return map[string]func(args []string) string{
		"validate":     func(a []string) string { return k.validate(a[0], a[1]) },
		"validateForm": func(a []string) string { return k.validateForm(a[0], a[1]) },
		"schemes":      func([]string) string { return k.schemes() },
		"schema":       func(a []string) string { return k.schema(a[0], a[1]) },
		"loadScheme":   func(a []string) string { return k.loadScheme(a[0]) },
		"messages":     func(a []string) string { return k.messages(a[0]) },
		"limits":       func([]string) string { return k.limits() },
		"refuse":       func(a []string) string { return k.refuse(a[0], a[1]) },
	}
}

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
