// Command demo is the stemkn demo site: a STEM Knowledge Networks
// application form that validates live in the browser with the WebAssembly
// widget, and again on the server with the same Go rules when it is posted,
// so it works with JavaScript off too. A scheme picker lists the other
// schemes, each with a form of its kind.
//
// Its pages are GOV.UK Frontend pages (the components' markup, govuk-frontend's
// CSS and JavaScript from the installed npm package, initAll), served with
// the widget's release files from wasm/dist (build them with `make widget`
// and install govuk-frontend with `npm ci`; `make demo` does both), every
// response under a strict Content-Security-Policy, every file compressed as
// the browser accepts and revalidated by ETag.
//
//	go run ./examples/demo [-addr 127.0.0.1:8080] [-dist wasm/dist] [-govuk node_modules/govuk-frontend/dist/govuk] [-schemes examples/schemes]
package main
