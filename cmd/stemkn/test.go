package main

import (
	"bufio"
	"fmt"
	"io"

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
	// extend a scheme an earlier file defines.
	catalogue := stemkn.NewCatalogue()
	ids := make([]string, len(paths))
	for i, path := range paths {
		s, err := catalogue.LoadFile(path)
		if err != nil {
			return trouble(stderr, "test", schemeFileProblem(path, err))
		}
		ids[i] = s.ID
	}

	v := stemkn.NewValidator(catalogue)
	out := bufio.NewWriter(stdout)
	failed := false
	for i, id := range ids {
		outcomes, _ := v.RunTests(id)
		if len(outcomes) == 0 {
			fmt.Fprintf(out, "?   %s: scheme %s has no tests\n", paths[i], id)
		}
		for _, o := range outcomes {
			if o.Passed {
				fmt.Fprintf(out, "ok  %s\n", o.Name)
				continue
			}
			failed = true
			fmt.Fprintf(out, "FAIL %s: %s\n", o.Name, o.Mismatch)
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
