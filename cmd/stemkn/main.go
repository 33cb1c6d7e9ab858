package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Exit codes.
const (
	exitOK       = 0 // no document has errors; every scheme test passed
	exitFindings = 1 // a document has errors, or a scheme test failed
	exitTrouble  = 2 // usage or I/O trouble; the message is on stderr
)

// command is one subcommand: its name, its usage line, what it does, and
// its entry point, which gets the arguments after the name.
type command struct {
	name    string
	usage   string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands are the subcommands, in the order of commandOrder.
var commands []command

// commandOrder is the order the usage text lists the commands in.
var commandOrder = []string{"validate", "schema", "schemes", "stats", "test"}

// addCommand registers a subcommand; each subcommand's file calls it from
// init, so the usage text lists exactly the commands that are built in.
func addCommand(c command) {
	commands = append(commands, c)
	slices.SortStableFunc(commands, func(a, b command) int {
		return slices.Index(commandOrder, a.name) - slices.Index(commandOrder, b.name)
	})
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program: it reads stdin and the named files, writes to
// stdout and stderr, and returns the exit code, so tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitTrouble
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				return c.run([]string{"-h"}, stdin, stdout, stdout)
			}
			fmt.Fprintf(stderr, "stemkn help: unknown command %q\n", args[1])
			return exitTrouble
		}
		usage(stdout)
		return exitOK
	}
	c, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "stemkn: unknown command %q\n\n", name)
		usage(stderr)
		return exitTrouble
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "stemkn checks applications to STEM teacher network schemes against the schemes' rules.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  stemkn %-*s %s", width, c.name, c.usage), " "))
	}
	fmt.Fprintf(w, "  stemkn %-*s %s\n", width, "help", "[COMMAND]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-*s  %s\n", width, "help", "show this text, or a command's flags")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Exit status: 0 when no document has errors, 1 when any has (or a scheme test fails),")
	fmt.Fprintln(w, "2 on usage or I/O trouble.")
}

// flagSet returns a flag set for the named command that reports to stderr.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	c, _ := lookup(name)
	fs := flag.NewFlagSet("stemkn "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: stemkn %s %s\n\n%s\n", c.name, c.usage, c.summary)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses flags wherever they stand among the arguments, so
// "stemkn validate app.json --format json" works as well as the flags-first
// order the flag package expects; everything after "--" is an argument.
// ok is false when the command should stop, with the exit code in code:
// exitOK after -h, exitTrouble after a bad flag.
func parseArgs(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitTrouble, false
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), 0, true
		}
		if len(rest) == 0 {
			return positional, 0, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// openInput opens the named file, or stdin for "" and "-". The name is what
// messages call the input.
func openInput(path string, stdin io.Reader) (r io.Reader, name string, closeFn func(), err error) {
	if path == "" || path == "-" {
		return stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, path, nil, err
	}
	return f, path, func() { f.Close() }, nil
}

// trouble reports usage or I/O trouble on stderr and gives its exit code.
// The message may quote input (a file name, a scheme file's field), so it
// goes through printable.
func trouble(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintln(stderr, "stemkn "+cmd+": "+printable(msg))
	return exitTrouble
}
