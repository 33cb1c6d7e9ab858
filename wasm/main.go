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
//	schema(id) → JSON Schema (draft 2020-12); schema("") the base schema
//	loadScheme(json) → {id} or {error}
//	messages(options) → {lang, name, words}: the page's words in a language
//
// — and calls the object's onready once the validator is prepared and warm,
// so the first keystroke costs no more than any other. A function that
// cannot do its job returns {"error": "…"}; a Go panic inside one is caught
// and returned the same way, because an uncaught panic would end the Go
// program and every later call would fail.
package main

import (
	"os"
	"syscall/js"
)

func main() {
	name := "__stemkn"
	if len(os.Args) > 1 && os.Args[1] != "" {
		name = os.Args[1]
	}
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
		"schema":       func(a []string) string { return k.schema(a[0]) },
		"loadScheme":   func(a []string) string { return k.loadScheme(a[0]) },
		"messages":     func(a []string) string { return k.messages(a[0]) },
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
