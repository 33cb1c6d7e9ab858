// Command wasm is the agreement tests' WebAssembly program: built with
// GOOS=js GOARCH=wasm and run in Node, it answers the request lines of one
// file into another (see package agree).
//
//	node wasm_exec_node.js agree.wasm requests.ndjson answers.ndjson
package main
