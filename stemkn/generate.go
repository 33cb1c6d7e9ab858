package stemkn

import _ "embed" // for baseSchema

//go:generate go run ./internal/schemagen

// baseSchema is the JSON Schema of the document types, generated from
// document.go by internal/schemagen: descriptions from the doc comments,
// constraints from the validate tags. It is embedded because the doc
// comments are not available at run time (in the WebAssembly widget there is
// no source). Schema builds each scheme's schema from it.
//
//go:embed schema.gen.json
var baseSchema []byte
