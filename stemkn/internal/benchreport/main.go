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

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "inputs":
		err = runInputs(os.Args[2:])
	case "bulk":
		err = runBulk(os.Args[2:])
	case "process":
		err = runProcess(os.Args[2:])
	case "santhosh":
		err = runSanthosh(os.Args[2:])
	case "report":
		err = runReport(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchreport inputs DIR | bulk -bin STEMKN -dir DIR [-count N] [-docs N,N…] | report -in DIR -out FILE -plot FILE")
	os.Exit(2)
}
