//go:build js && wasm

// Command stemkn is stemkn compiled to WebAssembly for web pages: the same
// validator, form decoder and messages as the Go library, behind a few
// functions that take and return JSON text. The ES module stemkn.js loads it
// and wraps those functions in the widget's API; pages never call them
// directly.
//
// The module is started with one argument, the name of a global object the
// loader has made. It puts its functions on that object, as js.Func
// functions —
//
//	validate(json, options) → result JSON
//	validateForm(entries, options) → {result, document, fields, targets, budget}
//	schemes() → [scheme, …]
//	schema(id, options) → JSON Schema (draft 2020-12) in the options' lang; schema("") the base schema
//	loadScheme(json) → {id} or {error}
//	messages(options) → {lang, name, words}: the page's words in a language
//	refuse(call, options) → the answer call gives input past the byte limit
//	warmUp() → "": runs the form decoder once, so its first real use costs no more than later ones
//
// — and calls the object's onready(limits, names), with the input limits as
// JSON ({bytes, depth, items, findings}, which the ES module applies to a
// document's or form's length before it hands it over) and the functions'
// names in the order the module's exports number them, once the validator
// is prepared and warm, so the first call costs no more than any other and
// nothing need call into Go before the page is told it is ready. The ES
// module calls the same functions through the module's WebAssembly exports,
// stemkn_buffer and stemkn_call (exports.go), which cost a fraction of a
// js.Func call; a js.Func takes what the exports do not (an argument that
// is not a string, which it answers with an error, and input larger than
// the exports' buffer). The ES module calls warmUp at the page's next turn
// after ready, before a form's first keystroke. A function that cannot do
// its job returns {"error": "…"}; a Go panic inside one is caught and
// returned the same way, either way it is called, because an uncaught panic
// would end the Go program and every later call would fail.
//
// The ES module measures each document, form and scheme file before it
// hands it over and, past the byte limit, asks refuse for the answer
// instead, so no input can exhaust Go's memory; the heap also has a soft
// limit (memoryLimit) so the collector works to keep it small.
package main
