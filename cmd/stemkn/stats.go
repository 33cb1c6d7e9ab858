package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "stats",
		usage:   "[FILE.ndjson|-]",
		summary: "programme statistics over NDJSON applications: networks, distinct institutions by phase and region, money requested",
		run:     runStats,
	})
}

func runStats(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("stats", stderr)
	paths, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if len(paths) > 1 {
		return trouble(stderr, "stats", "give one file (or - for stdin), not "+strconv.Itoa(len(paths)))
	}
	path := ""
	if len(paths) == 1 {
		path = paths[0]
	}
	in, name, closeIn, err := openInput(path, stdin)
	if err != nil {
		return trouble(stderr, "stats", err.Error())
	}
	defer closeIn()

	stats, err := stemkn.ReadStatistics(in)
	var overflow *stemkn.RequestedOverflowError
	switch {
	case errors.As(err, &overflow):
		// The input is readable but its sum cannot be given exactly: a
		// problem with the data, not with the command.
		fmt.Fprintf(stderr, "stemkn stats: %s: %s\n", printable(name), printable(err.Error()))
		return exitFindings
	case err != nil:
		return trouble(stderr, "stats", name+": "+err.Error())
	}
	if stats.Skipped > 0 {
		what := "lines that are not applications"
		if stats.Skipped == 1 {
			what = "line that is not an application"
		}
		fmt.Fprintf(stderr, "stemkn stats: %s: skipped %d %s\n", printable(name), stats.Skipped, what)
	}
	out, err := json.MarshalIndent(stats, "", "  ")
	if err != nil {
		return trouble(stderr, "stats", err.Error())
	}
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		return trouble(stderr, "stats", err.Error())
	}
	return exitOK
}
