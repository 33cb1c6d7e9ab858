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
