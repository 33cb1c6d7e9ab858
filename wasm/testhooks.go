//go:build js && wasm && stemkntest

package main

// A build for the widget's tests (go build -tags stemkntest ./wasm) has
// one function more, panic, which panics with its first argument: the
// tests see a panic inside a call come back as an error answer, both ways
// the ES module calls Go (wasm/test/node.test.mjs).
func init() {
	testFunctions = append(testFunctions, kitFunction{"panic", func(a []string) string { panic(a[0]) }})
}
