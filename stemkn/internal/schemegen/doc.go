// Command schemegen writes stemkn's built-in schemes, schemes/*.json, as Go
// data (schemes.gen.go): one composite literal per scheme, of exactly what
// the strict loader (Catalogue.Load: no unknown field, no key given twice,
// extends resolved, every scheme checked) makes of the files. The compiler
// lays the literals out as static data, so nothing runs to make them. A
// catalogue starts from copies of that data, so that a start-up (the
// WebAssembly widget's above all) decodes no JSON for its schemes: the
// stemkn tests check that the data is what the loader reads and that a
// catalogue's copies share nothing, and this package's test that the file
// is up to date.
//
// It is built without the generated file (the stemkn_noschemes build tag),
// so that a change to the Scheme type which leaves schemes.gen.go behind
// does not stop the generator from writing it afresh.
//
//	go generate ./stemkn    (run in the stemkn directory: go run -tags stemkn_noschemes ./internal/schemegen)
package main
