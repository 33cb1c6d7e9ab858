//go:build !js

package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

// A data pipeline in Python judges documents with the exported schema and
// Python's jsonschema (Debian's python3-jsonschema; `make deps` installs
// it), which by default does not check formats and whose patterns are
// Python's re, where $ also matches before a final newline. It agrees with
// the Go validator's structural verdict on the schema agreement corpus and
// the generated corpus — all but documents whose only structural error is
// a date that is well-formed (YYYY-MM-DD, month 01–12, day 01–31) but not
// a real day, such as 31 April or 29 February outside a leap year: only a
// format checker, or stemkn, knows the calendar. The test counts those.
// Left out as in TestSchemaAgreesWithTheValidatorOnGeneratedDocuments:
// repeated keys, bytes that are not UTF-8 and input past a limit; and a
// number too small for a double (1e-400), which Python reads as 0.0, a
// whole number, where stemkn reads the number written, which is not.
func TestSchemaAgreesWithPythonsJSONSchema(t *testing.T) {
	python := pythonOrSkip(t)
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	byScheme := map[string][]agreementCase{}
	for _, tc := range agreementCases(t, c) {
		byScheme[tc.scheme] = append(byScheme[tc.scheme], tc)
	}
	left := 0
	for _, gc := range corpus(t) {
		if gc.Tree != nil && hasRepeatedKey(gc.Tree) || !utf8.Valid(gc.JSON) || hasCode(v.Validate(gc.JSON, stemkn.Options{}), stemkn.CodeTooLarge) ||
			underflows(gc.JSON) {
			left++
			continue
		}
		judge := gc.Scheme
		if id := gc.Tree.Get("scheme"); gc.Tree != nil && id != nil && id.Kind == docgen.String {
			if _, known := c.Scheme(id.Text); known {
				judge = id.Text
			}
		}
		byScheme[judge] = append(byScheme[judge], agreementCase{name: gc.Scheme + "/" + gc.Name, scheme: judge, doc: string(gc.JSON)})
	}
	unreal, judged := 0, 0
	var disagreements []string
	for _, s := range c.Schemes() {
		cases := byScheme[s.ID]
		schema, err := stemkn.Schema(s)
		require.NoError(t, err)
		docs := make([]string, len(cases))
		for i, tc := range cases {
			docs[i] = tc.doc
		}
		verdicts := pythonVerdicts(t, python, schema, docs)
		for i, tc := range cases {
			goValid, goWhy := goVerdict(v, tc.doc)
			judged++
			if goValid == verdicts[i].Valid {
				continue
			}
			if !goValid && verdicts[i].Valid && onlyUnrealDates(tc.doc, v.ValidateString(tc.doc, stemkn.Options{})) {
				unreal++
				continue
			}
			file := writeDisagreement(t, tc)
			disagreements = append(disagreements, file)
			if len(disagreements) <= 10 {
				t.Errorf("%s %s (saved as %s): go %v %v; python %v %v", s.ID, tc.name, file, goValid, goWhy, verdicts[i].Valid, verdicts[i].Errors)
			}
		}
	}
	t.Logf("%d documents judged alike by Go and Python's jsonschema (no format checker); %d left out (repeated keys, not UTF-8, past a limit, numbers below a double's range)", judged-unreal-len(disagreements), left)
	t.Logf("%d documents valid to Python whose only structural error in Go is a well-formed date that is not a real day", unreal)
	require.Empty(t, disagreements)
	require.Positive(t, unreal, "the corpora have well-formed dates that are not real: the test can tell")
}

// wellFormedDate is the shape the schema's date pattern allows.
var wellFormedDate = regexp.MustCompile(eligibility.DatePattern)

// onlyUnrealDates reports whether every structural error of a document's
// result is a date format finding on a well-formed date.
func onlyUnrealDates(doc string, res stemkn.Result) bool {
	var v any
	if json.Unmarshal([]byte(doc), &v) != nil {
		return false
	}
	found := false
	for _, f := range res.Findings {
		if f.Severity != stemkn.Error || !f.SchemaExpressible() {
			continue
		}
		date, ok := resolvePlain(v, f.Path).(string)
		if f.Code != stemkn.CodeFormat || f.Variant != "date" || !ok || !wellFormedDate.MatchString(date) {
			return false
		}
		found = true
	}
	return found
}

type pythonVerdict struct {
	Valid  bool     `json:"valid"`
	Errors []string `json:"errors"`
}

func pythonOrSkip(t *testing.T) string {
	t.Helper()
	if !fullSuite() {
		t.Skip("drives Python: runs in the full suite (STEMKN_FULL=1, as `make test` sets)")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("the full suite needs python3 with jsonschema (Debian: apt-get install python3-jsonschema; `make deps` does)")
	}
	if out, err := exec.Command(python, "-c", "import jsonschema").CombinedOutput(); err != nil {
		t.Fatalf("python3 has no jsonschema (Debian: apt-get install python3-jsonschema; `make deps` does): %s", out)
	}
	return python
}

// pythonVerdicts runs testdata/python-check.py on one schema and its documents.
func pythonVerdicts(t *testing.T, python string, schema []byte, docs []string) []pythonVerdict {
	t.Helper()
	if docs == nil {
		docs = []string{}
	}
	input, err := json.Marshal(map[string]any{"schema": json.RawMessage(schema), "documents": docs})
	require.NoError(t, err)
	cmd := exec.Command(python, "testdata/python-check.py")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "python-check.py: %s", stderr.String())
	var res struct {
		SchemaError string          `json:"schemaError"`
		Verdicts    []pythonVerdict `json:"verdicts"`
	}
	require.NoError(t, json.Unmarshal(out, &res))
	require.Empty(t, res.SchemaError, "Python's jsonschema finds the schema not a valid 2020-12 schema")
	require.Len(t, res.Verdicts, len(docs))
	return res.Verdicts
}

// tinyNumber is a JSON number with a negative exponent.
var tinyNumber = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?[eE]-[0-9]+`)

// underflows reports whether doc has a number that is not zero but that a
// double reads as zero.
func underflows(doc []byte) bool {
	for _, m := range tinyNumber.FindAll(doc, -1) {
		f, _ := strconv.ParseFloat(string(m), 64)
		mantissa, _, _ := strings.Cut(strings.ToLower(string(m)), "e")
		if f == 0 && strings.Trim(mantissa, "-0.") != "" {
			return true
		}
	}
	return false
}
