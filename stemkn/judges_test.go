//go:build !js

package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

// What the tests that judge documents by the exported schema in another
// program (ajv, Python's jsonschema, the form builder in Chromium) share.

// judgeCase is a document for another program to judge: an agreement case,
// with its tree when it comes from the generated corpus.
type judgeCase struct {
	agreementCase
	tree *docgen.Node
}

// judgeCases are the schema agreement corpus and the generated corpus, each
// document with the scheme whose schema judges it, less the generated
// documents outside the promise (left): a key repeated in an object, bytes
// that are not UTF-8, input past a limit.
func judgeCases(t *testing.T, c *stemkn.Catalogue, v *stemkn.Validator) (cases []judgeCase, left int) {
	t.Helper()
	for _, tc := range agreementCases(t, c) {
		cases = append(cases, judgeCase{agreementCase: tc})
	}
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
		cases = append(cases, judgeCase{agreementCase{name: gc.Scheme + "/" + gc.Name, scheme: judge, doc: string(gc.JSON)}, gc.Tree})
	}
	return cases, left
}

// runJudge runs a program with input as JSON on its standard input and
// reads its standard output as JSON into out.
func runJudge(t *testing.T, cmd *exec.Cmd, input, out any) {
	t.Helper()
	data, err := json.Marshal(input)
	require.NoError(t, err)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "%s: %s", cmd.Args, stderr.String())
	require.NoError(t, json.Unmarshal(stdout, out), "%s", cmd.Args)
}
