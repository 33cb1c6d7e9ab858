//go:build !js

// These tests run Node (ajv and ECMAScript regular expressions) as a
// separate process, which a js/wasm test binary cannot start.

package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// The agreement tests hold three judges to one verdict on every document:
// the Go validator's structural verdict (no error finding that
// Finding.SchemaExpressible accepts), santhosh-tekuri/jsonschema with
// format assertions, and ajv in strict mode. Documents are the fixtures in
// testdata and a few hundred mutations of them.

// ajvVerdicts runs testdata/ajv-check.mjs on one schema and its documents.
// Outside the full suite (see fullSuite) ajv is not asked and the verdicts
// are nil: the fast loop holds Go and santhosh-tekuri/jsonschema to one
// verdict, the full suite adds ajv.
func ajvVerdicts(t *testing.T, schema []byte, docs []string) []ajvVerdict {
	t.Helper()
	if !fullSuite() {
		return nil
	}
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "node_modules", "ajv", "package.json")); err != nil {
		t.Fatalf("ajv is not installed in %s: run `npm ci` in the repository root (package.json lists ajv and ajv-formats)", root)
	}
	node := nodeOrSkip(t)
	if docs == nil {
		docs = []string{}
	}
	input, err := json.Marshal(map[string]any{"schema": json.RawMessage(schema), "documents": docs})
	require.NoError(t, err)
	cmd := exec.Command(node, "testdata/ajv-check.mjs")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "ajv-check.mjs: %s", stderr.String())
	var res struct {
		CompileError string       `json:"compileError"`
		Verdicts     []ajvVerdict `json:"verdicts"`
	}
	require.NoError(t, json.Unmarshal(out, &res))
	require.Empty(t, res.CompileError, "ajv (strict mode) does not compile the schema")
	require.Len(t, res.Verdicts, len(docs))
	return res.Verdicts
}

type ajvVerdict struct {
	Valid  bool     `json:"valid"`
	Errors []string `json:"errors"`
}

// ajvAgrees reports whether ajv gave the verdict valid for document i, or
// was not asked.
func ajvAgrees(verdicts []ajvVerdict, i int, valid bool) bool {
	return verdicts == nil || verdicts[i].Valid == valid
}

// ajvSaid is ajv's verdict on document i for a report.
func ajvSaid(verdicts []ajvVerdict, i int) any {
	if verdicts == nil {
		return "not asked (fast loop)"
	}
	return verdicts[i]
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "no go.mod above the package")
		dir = parent
	}
}

// compileSanthosh compiles a schema with format assertions on.
func compileSanthosh(t *testing.T, id string, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := stemkn.SchemaBaseURL + id + ".json"
	require.NoError(t, c.AddResource(url, doc))
	s, err := c.Compile(url)
	require.NoError(t, err, "santhosh-tekuri/jsonschema does not compile the schema of %s", id)
	return s
}

func santhoshValid(t *testing.T, s *jsonschema.Schema, doc string) (bool, string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		return false, "not JSON: " + err.Error()
	}
	if err := s.Validate(inst); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// goVerdict is the Go validator's structural verdict on a document, judged
// against the scheme the document names.
func goVerdict(v *stemkn.Validator, doc string) (bool, []string) {
	res := v.ValidateString(doc, stemkn.Options{})
	valid := true
	var why []string
	for _, f := range res.Findings {
		if f.Severity == stemkn.Error && f.SchemaExpressible() {
			valid = false
			why = append(why, f.Path+" "+string(f.Code)+": "+f.Message)
		}
	}
	return valid, why
}

func TestEverySchemeSchemaCompilesStrictly(t *testing.T) {
	c := agreementCatalogue(t)
	for _, s := range c.Schemes() {
		t.Run(s.ID, func(t *testing.T) {
			schema, err := stemkn.Schema(s)
			require.NoError(t, err)
			compileSanthosh(t, s.ID, schema)
			ajvVerdicts(t, schema, nil) // fails unless ajv compiles it in strict mode
		})
	}
	t.Run("base", func(t *testing.T) {
		compileSanthosh(t, "base", stemkn.BaseSchema())
		ajvVerdicts(t, stemkn.BaseSchema(), nil)
	})
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	t.Run("in Welsh", func(t *testing.T) {
		for _, s := range c.Schemes() {
			schema, err := stemkn.SchemaIn(s, cy)
			require.NoError(t, err)
			compileSanthosh(t, s.ID, schema)
			ajvVerdicts(t, schema, nil)
		}
		compileSanthosh(t, "base", stemkn.BaseSchemaIn(cy))
		ajvVerdicts(t, stemkn.BaseSchemaIn(cy), nil)
	})
}

func TestSchemaAgreesWithTheValidator(t *testing.T) {
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	cases := agreementCases(t, c)
	require.GreaterOrEqual(t, len(cases), 300)
	t.Logf("%d documents", len(cases))

	byScheme := map[string][]int{}
	var order []string
	for i, tc := range cases {
		if _, seen := byScheme[tc.scheme]; !seen {
			order = append(order, tc.scheme)
		}
		byScheme[tc.scheme] = append(byScheme[tc.scheme], i)
	}
	disagreements := 0
	for _, id := range order {
		s, ok := c.Scheme(id)
		require.True(t, ok, id)
		schema, err := stemkn.Schema(s)
		require.NoError(t, err)
		compiled := compileSanthosh(t, id, schema)
		idx := byScheme[id]
		docs := make([]string, len(idx))
		for k, i := range idx {
			docs[k] = cases[i].doc
		}
		ajv := ajvVerdicts(t, schema, docs)
		for k, i := range idx {
			tc := cases[i]
			goValid, goWhy := goVerdict(v, tc.doc)
			sValid, sWhy := santhoshValid(t, compiled, tc.doc)
			agree := goValid == sValid && ajvAgrees(ajv, k, sValid)
			if agree && (tc.expect == nil || *tc.expect == goValid) {
				continue
			}
			disagreements++
			file := writeDisagreement(t, tc)
			t.Errorf("%s (scheme %s, saved as %s):\n  expected: %v\n  go: %v %v\n  santhosh: %v %s\n  ajv: %v",
				tc.name, id, file, describeExpect(tc.expect), goValid, goWhy, sValid, firstLine(sWhy), ajvSaid(ajv, k))
		}
	}
	require.Zero(t, disagreements)
}

func describeExpect(b *bool) string {
	if b == nil {
		return "agreement"
	}
	if *b {
		return "valid"
	}
	return "invalid"
}

func firstLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " | ")
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

func writeDisagreement(t *testing.T, tc agreementCase) string {
	t.Helper()
	dir := filepath.Join("testdata", "disagreements")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, tc.name)
	if len(name) > 120 {
		name = name[:120]
	}
	file := filepath.Join(dir, name+".json")
	require.NoError(t, os.WriteFile(file, []byte(tc.doc), 0o644))
	return file
}
