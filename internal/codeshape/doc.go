// Package codeshape holds the repository's checks on the shape of its own
// code, run by go test ./... like any other test: no function (or function
// literal) outside tests and generated code is over MaxLines lines.
//
// It has no code of its own for a document to flow through: its test reads
// the module's Go files (every .go file but _test.go files, those that say
// they are generated, and what node_modules, testdata and dot folders
// hold) with go/parser and measures each function from its first line to
// its last.
package codeshape

// MaxLines is the most lines a function may take, from the line of its
// func keyword to the line of its closing brace.
const MaxLines = 60
