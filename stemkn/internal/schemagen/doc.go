// Command schemagen writes stemkn/schema.gen.json, the base JSON Schema
// (draft 2020-12) of stemkn's documents. It is run by `go generate` in the
// stemkn directory (see stemkn/generate.go).
//
// The schema is derived from the same declarations as the Go validator:
// invopop/jsonschema reflects Application and OfferDocument, and the
// constraints are read from each field's `validate` tag, so the schema and
// the validator cannot say different things. It is generated and embedded
// rather than reflected at run time so that the WebAssembly widget carries
// neither the reflector nor its work. Titles and descriptions are not in it:
// stemkn adds them at run time from its message catalogue, in the language
// asked for.
//
// Usage, from the stemkn directory:
//
//	go run ./internal/schemagen [-o schema.gen.json]
package main
