// Command schemagen writes stemkn/schema.gen.json, the base JSON Schema
// (draft 2020-12) of stemkn's documents. It is run by `go generate` in the
// stemkn directory (see stemkn/generate.go).
//
// The schema is derived from the same declarations as the Go validator:
// invopop/jsonschema reflects Application and OfferDocument, taking titles
// and descriptions from their Go doc comments, and the constraints are then
// read from each field's `validate` tag, so the schema and the validator
// cannot say different things. The doc comments are only available where
// the source is, which is why the schema is generated and embedded rather
// than reflected at run time (the WebAssembly widget has no source).
//
// Usage, from the stemkn directory:
//
//	go run ./internal/schemagen [-o schema.gen.json]
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "schema.gen.json", "file to write the schema to")
	flag.Parse()
	data, err := generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}
