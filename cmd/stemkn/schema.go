package main

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "schema",
		usage:   "[--scheme ID | --scheme-file FILE] [--lang en|cy]",
		summary: "print the JSON Schema (draft 2020-12) of a scheme's documents; without a scheme, of every document's structure",
		run:     runSchema,
	})
}

func runSchema(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("schema", stderr)
	scheme := flags.String("scheme", "", "the schema of the scheme `ID`: its themes, categories, caps and counts, and the rules a schema cannot express under x-stemkn-rules")
	schemeFile := flags.String("scheme-file", "", "load a scheme `FILE` (it may extend a built-in scheme) and print its schema unless --scheme is given")
	lang := flags.String("lang", "en", "the `language` of the titles and descriptions: en (English) or cy (Welsh)")
	rest, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return trouble(stderr, "schema", "takes no arguments; name the scheme with --scheme")
	}
	messages, err := stemkn.MessagesIn(*lang)
	if err != nil {
		return trouble(stderr, "schema", "--lang: "+strings.TrimPrefix(err.Error(), "stemkn: "))
	}
	catalogue := stemkn.NewCatalogue()
	id := *scheme
	if *schemeFile != "" {
		s, err := catalogue.LoadFile(*schemeFile)
		if err != nil {
			return trouble(stderr, "schema", schemeFileProblem(*schemeFile, err))
		}
		if id == "" {
			id = s.ID
		}
	}
	out := stemkn.BaseSchemaIn(messages)
	if id != "" {
		s, known := catalogue.Scheme(id)
		if !known {
			return trouble(stderr, "schema", "there is no scheme "+strconv.Quote(id)+" (stemkn schemes lists them)")
		}
		if out, err = stemkn.SchemaIn(s, messages); err != nil {
			return trouble(stderr, "schema", id+": "+err.Error())
		}
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	if _, err := stdout.Write(out); err != nil {
		return trouble(stderr, "schema", err.Error())
	}
	return exitOK
}
