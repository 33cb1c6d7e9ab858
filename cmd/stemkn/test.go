package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "test",
		usage:   "SCHEME-FILE...",
		summary: "run the test cases scheme files carry; a file may extend a built-in scheme or an earlier file's",
		run:     runTest,
	})
}

func runTest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("test", stderr)
	paths, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		flags.Usage()
		return exitTrouble
	}
	// One catalogue for all the files, loaded in order, so a file can
	// extend a scheme an earlier file defines. Each file's cases run as
	// soon as it is loaded, against the scheme as that file defines it,
	// even if a later file reuses its id; nothing is printed unless every
	// file loads.
	catalogue := stemkn.NewCatalogue()
	outcomes := make([][]stemkn.TestOutcome, len(paths))
	schemes := make([]*stemkn.Scheme, len(paths))
	for i, path := range paths {
		s, err := catalogue.LoadFile(path)
		if err != nil {
			return trouble(stderr, "test", schemeFileProblem(path, err))
		}
		schemes[i] = s
		outcomes[i] = stemkn.NewValidator(catalogue).RunTests(s)
	}

	out := bufio.NewWriter(stdout)
	failed := false
	for i, s := range schemes {
		if len(outcomes[i]) == 0 {
			fmt.Fprintf(out, "?   %s: scheme %s has no tests\n", printable(paths[i]), printable(s.ID))
		}
		for _, o := range outcomes[i] {
			if o.Passed {
				fmt.Fprintf(out, "ok  %s\n", printable(o.Name))
				continue
			}
			failed = true
			fmt.Fprintf(out, "FAIL %s: %s\n", printable(o.Name), printable(strings.Join(o.Mismatches, "; ")))
		}
	}
	if err := out.Flush(); err != nil {
		return trouble(stderr, "test", err.Error())
	}
	if failed {
		return exitFindings
	}
	return exitOK
}
