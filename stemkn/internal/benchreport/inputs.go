package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
)

// manifest tells the peers outside Go what to validate: each fixture with
// the exported schema of its scheme, by absolute path.
type manifest struct {
	Fixtures []manifestFixture `json:"fixtures"`
}

type manifestFixture struct {
	Scheme   string `json:"scheme"`
	Schema   string `json:"schema"`
	Document string `json:"document"`
}

// runInputs writes DIR/inputs.json and DIR/schema-ID.json for each
// fixture's scheme. It runs from the repository root (make bench does).
func runInputs(args []string) error {
	fs := flag.NewFlagSet("inputs", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("inputs takes one directory")
	}
	dir, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	testdata, err := filepath.Abs(filepath.Join("stemkn", "testdata"))
	if err != nil {
		return err
	}
	catalogue := stemkn.NewCatalogue()
	var m manifest
	for _, f := range benchdata.Fixtures {
		s, ok := catalogue.Scheme(f.Scheme)
		if !ok {
			return errors.New("no built-in scheme " + f.Scheme)
		}
		schema, err := stemkn.Schema(s)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, "schema-"+f.Scheme+".json")
		if err := os.WriteFile(path, schema, 0o644); err != nil {
			return err
		}
		doc := filepath.Join(testdata, f.File)
		if _, err := os.Stat(doc); err != nil {
			return err
		}
		m.Fixtures = append(m.Fixtures, manifestFixture{Scheme: f.Scheme, Schema: path, Document: doc})
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "inputs.json"), append(out, '\n'), 0o644)
}
