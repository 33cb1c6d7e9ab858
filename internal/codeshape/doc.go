// Package codeshape holds the repository's checks on the shape of its own
// code, and what they are made with.
//
//   - Its test holds every function (and function literal) of the module,
//     outside tests and generated code, to MaxLines lines: it reads the
//     module's Go files (every .go file but _test.go files, those that say
//     they are generated, and what node_modules, testdata and dot folders
//     hold) with go/parser and measures each function from its first line
//     to its last.
//   - FileEdges and Upward are for a package's own test of the order of its
//     files (stemkn's house, internal/document's): FileEdges reads which
//     file uses a name another declares, with go/types, and Upward says
//     which of those uses run back up the order the package gives.
//
// No document flows through it; it is used by tests only.
package codeshape

// MaxLines is the most lines a function may take, from the line of its
// func keyword to the line of its closing brace.
const MaxLines = 60
