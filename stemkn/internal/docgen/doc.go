// Package docgen makes documents for the agreement tests: realistic
// applications and offers for every scheme of a catalogue, built from each
// scheme's own data (themes, categories, currency, caps, counts, durations,
// countries), and hostile variations of them — a required field dropped, a
// wrong JSON type, a number out of range, a bad date, a duplicate key, an
// integer written 1e3, a string one code point too long, broken UTF-8.
//
// Documents are JSON text built from a small tree (Node) that, unlike a Go
// struct, can hold duplicate keys, numbers written any way JSON allows, and
// values of the wrong type. A Generator is seeded (math/rand/v2 PCG), so a
// run is reproducible: the same seed gives the same corpus.
//
// Its files: generate.go is the generator (New, Cases) and its writer, the
// draft document and the pickers everything else uses; boundary.go makes a
// draft sit on a rule's edge and mutate.go makes it hostile; node.go is the
// JSON tree, fields.go the document's fields, form.go the form posts,
// words.go the names and phrases. The three first files use each other:
// boundary.go and mutate.go are parts of the generator, written with its
// writer and pickers (generate.go), and the generator calls them for each
// case (boundary, mutate, breakText, countedKind), so uses run both ways
// between generate.go and the other two, and from mutate.go to
// boundary.go (textOf). Moving the writer, the draft and the pickers to a
// file below all three would leave only downward uses; it has not been
// done, as a test tool's change for order alone.
//
// Documents flow out of it, not through it: Cases makes the JSON (and
// Form the form posts) that the agreement tests hand to stemkn natively,
// to the WebAssembly build in Node and Chromium, and to JSON Schema tools,
// comparing their answers. It is used only by tests; nothing outside the
// module can import it.
//
//	g := docgen.New(1)
//	for _, c := range g.Cases(scheme, 5000) {
//		res := v.Validate(c.JSON, stemkn.Options{Mode: c.Mode})
//		…
//	}
package docgen
