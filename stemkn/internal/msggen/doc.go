// Command msggen writes stemkn's English catalogue, messages/en.json, as Go
// data (messages.gen.go): its language, forms, list forms and entries in
// file order. The library builds its default messages from that data, so
// that a start-up (the WebAssembly widget's above all) neither scans the
// file nor decodes its _meta with encoding/json nor checks every key and
// placeholder again: the stemkn tests check that the data is the file as
// the checking reader reads it, and this package's test that it is up to
// date.
//
//	go generate ./stemkn    (run in the stemkn directory: go run ./internal/msggen)
package main
