// Package document is the machinery under stemkn's documents: it reads
// them and checks their shape, knowing nothing of schemes or rules.
//
//   - A Shape is the compiled view of a document struct type (Compile):
//     for each JSON field its name, Go offset, kind and validate tag,
//     built once from the declarations, so that reading and checking do no
//     reflection set-up.
//   - Decode is the strict JSON decoder: it writes through a Shape straight
//     into the Go value, keeps going after a wrong type or an unknown field,
//     and stops only at malformed JSON or an input limit (Limits).
//   - DecodeForm turns an HTML form post with bracket names
//     (network[members][0][email]) into the JSON of a document, for Decode
//     to read; FieldFor maps a JSON Pointer back to the form field's name.
//   - Check runs the validate tags: an allocation-free pre-check compiled
//     from the tags, then the build's engine for the problems —
//     go-playground/validator/v10 natively (engine_validator.go), the same
//     compiled tag programs in WebAssembly (engine_js.go), which keeps
//     validator/v10 out of the browser download. Tests hold the two
//     engines to the same answers. The custom tags (date, email, urn, …)
//     are declared once, with their JSON Schema forms (CustomTagSchema),
//     in structural.go.
//   - Every problem is a Problem: a Code (the same strings as stemkn's
//     structural finding codes), a JSON Pointer, params and a variant.
//     stemkn turns problems into findings (severity, words, order);
//     ComparePaths is the document order it sorts them in.
//
// A document flows through it like this (stemkn's Validator does the
// calls):
//
//	sh := document.Compile(reflect.TypeFor[stemkn.Application](), lists, groups) // once
//	var app stemkn.Application
//	var problems []document.Problem
//	broken := document.Decode(text, sh, unsafe.Pointer(&app), limits, &problems) // read
//	problems = append(problems, document.Check(sh, &app)...)                       // structure
//
// The files are in one order, from where stemkn comes in (formfield.go,
// form.go, decode.go, order.go, structural.go and its engines) down to
// what they are made of (tags.go, shape.go, customtags.go, problem.go,
// text.go); a file uses what files below it declare, and house_test.go
// holds them to it. One use runs back up: shape.go -> tags.go, because
// Compile compiles each field's validate tag into its tag program as it
// builds the Shape, while the tag programs walk Shapes — the two are one
// structure, kept in two files so that each reads on its own.
//
// The package imports budget (money typed into forms), eligibility (dates,
// identifiers and the vocabularies of the custom tags), the standard
// library and, natively, validator/v10; never stemkn.
package document
