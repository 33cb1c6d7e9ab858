//go:build !js

package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

// A host that builds its forms from the exported schema with
// react-jsonschema-form validates them with the form builder's own
// validator (@rjsf/validator-ajv8, precompiled for the strict CSP, in
// Chromium: wasm/test/form-builder-agree.mjs). On the schema agreement
// corpus and the generated corpus that validator agrees with the Go
// validator's structural verdict on every document, with the same documents
// left out as for ajv (TestSchemaAgreesWithTheValidatorOnGeneratedDocuments):
// repeated keys, bytes that are not UTF-8, input past a limit, and numbers a
// JavaScript number cannot hold exactly. The form builder asserts formats
// (ajv-formats), so a date that is not a real day is refused as in Go.
func TestFormBuilderAgreesWithTheValidator(t *testing.T) {
	node := nodeOrSkip(t)
	root := repoRoot(t)
	for _, dep := range []string{"@rjsf/core", "@rjsf/validator-ajv8", "esbuild", "playwright-core"} {
		if _, err := os.Stat(filepath.Join(root, "node_modules", dep, "package.json")); err != nil {
			t.Fatalf("%s is not installed: run `npm ci` in the repository root", dep)
		}
	}
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	type job struct {
		agreementCase
		tree *docgen.Node
	}
	var jobs []job
	for _, tc := range agreementCases(t, c) {
		jobs = append(jobs, job{agreementCase: tc})
	}
	left := 0
	for _, gc := range corpus(t) {
		if gc.Tree != nil && hasRepeatedKey(gc.Tree) || !utf8.Valid(gc.JSON) || hasCode(v.Validate(gc.JSON, stemkn.Options{}), stemkn.CodeTooLarge) {
			left++
			continue
		}
		judge := gc.Scheme
		if id := gc.Tree.Get("scheme"); gc.Tree != nil && id != nil && id.Kind == docgen.String {
			if _, known := c.Scheme(id.Text); known {
				judge = id.Text
			}
		}
		jobs = append(jobs, job{agreementCase{name: gc.Scheme + "/" + gc.Name, scheme: judge, doc: string(gc.JSON)}, gc.Tree})
	}
	forms := map[string]json.RawMessage{}
	type formDoc struct {
		Form string `json:"form"`
		Doc  string `json:"doc"`
	}
	docs := make([]formDoc, len(jobs))
	for i, j := range jobs {
		if _, ok := forms[j.scheme]; !ok {
			s, known := c.Scheme(j.scheme)
			require.True(t, known, j.scheme)
			schema, err := stemkn.Schema(s)
			require.NoError(t, err)
			forms[j.scheme] = schema
		}
		docs[i] = formDoc{j.scheme, j.doc}
	}
	input, err := json.Marshal(map[string]any{"forms": forms, "documents": docs})
	require.NoError(t, err)
	cmd := exec.Command(node, filepath.Join(root, "wasm", "test", "form-builder-agree.mjs"))
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "form-builder-agree.mjs: %s", stderr.String())
	var res struct {
		Verdicts []bool `json:"verdicts"`
	}
	require.NoError(t, json.Unmarshal(out, &res))
	require.Len(t, res.Verdicts, len(jobs))

	inexact := 0
	var disagreements []string
	for i, j := range jobs {
		goValid, goWhy := goVerdict(v, j.doc)
		if goValid == res.Verdicts[i] {
			continue
		}
		if j.tree != nil && !exactInJavaScript(j.tree) {
			inexact++
			continue
		}
		file := writeDisagreement(t, j.agreementCase)
		disagreements = append(disagreements, file)
		if len(disagreements) <= 10 {
			t.Errorf("%s %s (saved as %s): go %v %v; form builder %v", j.scheme, j.name, file, goValid, goWhy, res.Verdicts[i])
		}
	}
	t.Logf("%d documents judged alike by Go and the form builder's validator in Chromium; %d left out (repeated keys, not UTF-8, past a limit), %d where only numbers JavaScript cannot hold exactly differ",
		len(jobs)-inexact-len(disagreements), left, inexact)
	require.Empty(t, disagreements)
}
