package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "validate",
		usage:   "[--scheme ID | --scheme-file FILE] [--format text|json|basic] [--mode submit|draft] [--lang en|cy] [FILE|-]",
		summary: "validate one JSON document, or NDJSON (one document per line), from FILE or stdin",
		run:     runValidate,
	})
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("validate", stderr)
	scheme := flags.String("scheme", "", "judge every document against the scheme `ID`, whatever its own scheme field says")
	schemeFile := flags.String("scheme-file", "", "load a scheme `FILE` (it may extend a built-in scheme) and judge against it unless --scheme is given")
	format := flags.String("format", "text", "output `format`: text; json, one result per line; or basic, JSON Schema's basic output format (2020-12) per line, its keyword locations in the scheme's exported schema")
	mode := flags.String("mode", "submit", "`mode`: submit (missing values are errors) or draft (missing values are warnings)")
	lang := flags.String("lang", "en", "the `language` of the findings' messages and the rules' titles: en (English) or cy (Welsh)")
	paths, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	messages, err := stemkn.MessagesIn(*lang)
	if err != nil {
		return trouble(stderr, "validate", "--lang: "+strings.TrimPrefix(err.Error(), "stemkn: "))
	}
	switch {
	case len(paths) > 1:
		return trouble(stderr, "validate", "give one file (or - for stdin), not "+strconv.Itoa(len(paths)))
	case *format != "text" && *format != "json" && *format != "basic":
		return trouble(stderr, "validate", "--format must be text, json or basic, not "+strconv.Quote(*format))
	case *mode != string(stemkn.Submit) && *mode != string(stemkn.Draft):
		return trouble(stderr, "validate", "--mode must be submit or draft, not "+strconv.Quote(*mode))
	}

	catalogue, opts, problem := validateCatalogue(*schemeFile, *scheme, stemkn.Mode(*mode))
	if problem != "" {
		return trouble(stderr, "validate", problem)
	}

	path := ""
	if len(paths) == 1 {
		path = paths[0]
	}
	in, name, closeIn, err := openInput(path, stdin)
	if err != nil {
		return trouble(stderr, "validate", err.Error())
	}
	defer closeIn()

	v := stemkn.NewValidator(catalogue).WithMessages(messages)
	judge := judgeIn(v, opts, *format, name)
	// bufio.Writer keeps its first error, so a long run stops as soon as
	// its output cannot be written.
	out := bufio.NewWriter(stdout)
	invalid, readErr, writeErr := validateInput(newLineReader(in, v.Limits().Bytes), v.Limits().Bytes, judge, out)
	if err := out.Flush(); writeErr == nil {
		writeErr = err
	}
	switch {
	case readErr != nil:
		return trouble(stderr, "validate", name+": "+readErr.Error())
	case writeErr != nil:
		return trouble(stderr, "validate", writeErr.Error())
	case invalid:
		return exitFindings
	}
	return exitOK
}

// validateCatalogue is the catalogue validate judges with — the built-in
// schemes and the scheme file, if one is given — and the options: the
// scheme named, or else the file's, and the mode. problem says why it
// cannot judge, when it cannot.
func validateCatalogue(schemeFile, scheme string, mode stemkn.Mode) (catalogue *stemkn.Catalogue, opts stemkn.Options, problem string) {
	catalogue = stemkn.NewCatalogue()
	opts = stemkn.Options{Scheme: scheme, Mode: mode}
	if schemeFile != "" {
		s, err := catalogue.LoadFile(schemeFile)
		if err != nil {
			return nil, opts, schemeFileProblem(schemeFile, err)
		}
		if opts.Scheme == "" {
			opts.Scheme = s.ID
		}
	}
	if opts.Scheme != "" {
		if _, known := catalogue.Scheme(opts.Scheme); !known {
			return nil, opts, "there is no scheme " + strconv.Quote(opts.Scheme) + " (stemkn schemes lists them)"
		}
	}
	return catalogue, opts, ""
}

// judgeIn judges a document with v and writes its verdict in format —
// json, basic or text, which names the input (and the line of NDJSON).
func judgeIn(v *stemkn.Validator, opts stemkn.Options, format, name string) judgeFunc {
	return func(d document, out *bytes.Buffer) (invalid bool) {
		r := v.Validate(d.text, opts)
		switch format {
		case "json":
			// Written directly, not by reflection (encoding/json took a
			// quarter of a line's time): the bytes json.Marshal writes,
			// as the widget answers. It fails only on a finding's
			// parameter that encoding/json cannot write either (no rule
			// makes one), and then, as a json.Encoder would, writes
			// nothing.
			if line, err := r.AppendJSON(out.AvailableBuffer()); err == nil {
				out.Write(line)
				out.WriteByte('\n')
			}
		case "basic":
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			basic := v.Basic(d.text, &r)
			_ = enc.Encode(&basic)
		default:
			label := name
			if d.line > 0 {
				label += ":" + strconv.Itoa(d.line)
			}
			writeText(out, label, &r)
		}
		return !r.Valid
	}
}

// schemeFileProblem words a scheme file that would not load; an I/O error
// already names the file.
func schemeFileProblem(path string, err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return err.Error()
	}
	return path + ": " + err.Error()
}

// writeText prints a result for people: the verdict, each finding, and for
// an ineligible document the rules it fails with their references. Paths,
// messages and rule texts come from the document and the scheme file, so
// each goes through printable: every line the output has is one this
// function starts.
func writeText(w io.Writer, label string, r *stemkn.Result) {
	verdict := "valid"
	if !r.Valid {
		verdict = "not valid"
	}
	fmt.Fprintf(w, "%s: %s\n", printable(label), verdict)
	for _, f := range r.Findings {
		path := ""
		if f.Path != "" {
			path = " " + printable(f.Path)
		}
		fmt.Fprintf(w, "  %s%s: %s (%s)\n", f.Severity, path, printable(f.Message), printable(string(f.Code)))
	}
	if r.Eligible == nil || *r.Eligible {
		return
	}
	fmt.Fprintln(w, "  not eligible, because it fails:")
	for _, rule := range r.Rules {
		if rule.Outcome != stemkn.Failed || rule.Advice {
			continue
		}
		fmt.Fprintf(w, "    %s: %s (%s)\n", printable(rule.Rule), printable(rule.Title), printable(string(rule.Code)))
		if rule.Reference != "" {
			fmt.Fprintf(w, "      reference: %s\n", printable(rule.Reference))
		}
	}
}
