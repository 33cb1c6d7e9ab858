// Command benchreport is the part of `make bench` that is not a benchmark:
// it writes the inputs that the peers outside Go read, times the stemkn
// command on bulk NDJSON, and turns every harness's output into
// BENCHMARKS.md and its scaling plot.
//
//	benchreport inputs DIR
//	benchreport bulk -bin STEMKN -dir DIR [-count 5] [-docs 1,100,10000,100000]
//	benchreport report -in DIR -out BENCHMARKS.md -plot docs/bench-scaling.png
//
// inputs writes DIR/inputs.json (the fixtures with their exported schemas,
// for the ajv peer) and the schemas beside it. bulk writes NDJSON inputs to
// DIR and prints, in Go's benchmark format, the wall time, documents per
// second and cores used of `STEMKN validate --format json` on each. report
// reads every *.txt in DIR (benchmark-format lines from go test, the ajv
// peer, bulk and the browser harness) and DIR/machine.txt, and writes the
// report with medians and ratios.
package main
