package main

import (
	"bufio"
	"io"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "schemes",
		usage:   "",
		summary: "list the built-in schemes: id and title, tab-separated, one a line",
		run:     runSchemes,
	})
}

func runSchemes(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("schemes", stderr)
	rest, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return trouble(stderr, "schemes", "takes no arguments")
	}
	out := bufio.NewWriter(stdout)
	for _, s := range stemkn.NewCatalogue().Schemes() {
		out.WriteString(printable(s.ID) + "\t" + printable(s.Title) + "\n")
	}
	if err := out.Flush(); err != nil {
		return trouble(stderr, "schemes", err.Error())
	}
	return exitOK
}
