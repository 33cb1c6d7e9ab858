package stemkn_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// schemeWithCase is a scheme file extending enthuse-2022 with one test case
// whose document is the enthuse-2022 fixture.
func schemeWithCase(t *testing.T, mode string, expect string) []byte {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("testdata", enthuse2022Fixture))
	require.NoError(t, err)
	tc := map[string]any{"name": "the fixture", "document": json.RawMessage(doc), "expect": json.RawMessage(expect)}
	if mode != "" {
		tc["mode"] = mode
	}
	file, err := json.Marshal(map[string]any{"id": "enthuse-2022-tested", "extends": "enthuse-2022", "title": "Tested", "tests": []any{tc}})
	require.NoError(t, err)
	return file
}

func TestRunTestsComparesEachCaseWithItsExpectation(t *testing.T) {
	cases := []struct {
		name       string
		mode       string
		expect     string
		mismatches []string
	}{
		{"everything as expected", "", `{"valid": true, "eligible": true, "codes": []}`, nil},
		{"only the verdict checked", "", `{"valid": true}`, nil},
		{"wrong verdict", "", `{"valid": false}`, []string{"expected valid to be false, got true"}},
		{"wrong eligibility", "", `{"valid": true, "eligible": false}`, []string{"expected eligible to be false, got true"}},
		{"wrong codes", "", `{"valid": true, "codes": ["budget.cap"]}`, []string{"expected finding codes [budget.cap], got []"}},
		{"every part wrong", "", `{"valid": false, "eligible": false, "codes": ["budget.cap", "required"]}`, []string{
			"expected valid to be false, got true",
			"expected eligible to be false, got true",
			"expected finding codes [budget.cap, required], got []",
		}},
		{"a draft case", "draft", `{"valid": true, "eligible": true, "codes": []}`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := stemkn.NewCatalogue()
			schemes, err := c.Load(schemeWithCase(t, tc.mode, tc.expect))
			require.NoError(t, err)
			outcomes := stemkn.NewValidator(c).RunTests(schemes[0])
			require.Len(t, outcomes, 1)
			require.Equal(t, "the fixture", outcomes[0].Name)
			require.Equal(t, tc.mismatches, outcomes[0].Mismatches)
			require.Equal(t, tc.mismatches == nil, outcomes[0].Passed)
			require.Equal(t, "enthuse-2022-tested", outcomes[0].Result.Scheme)
		})
	}
}

func TestRunTestsUsesTheCaseMode(t *testing.T) {
	// Without funding, a submitted application is missing a required part;
	// a draft is only warned.
	doc, err := os.ReadFile(filepath.Join("testdata", enthuse2022Fixture))
	require.NoError(t, err)
	var app map[string]any
	require.NoError(t, json.Unmarshal(doc, &app))
	delete(app, "funding")
	unfunded, err := json.Marshal(app)
	require.NoError(t, err)

	s := &stemkn.Scheme{ID: "enthuse-2022", Title: "ENTHUSE", Tests: []stemkn.SchemeTest{
		{Name: "submitted", Document: unfunded, Expect: stemkn.Expectation{Valid: false, Codes: []stemkn.Code{stemkn.CodeRequired}}},
		{Name: "draft", Mode: stemkn.Draft, Document: unfunded, Expect: stemkn.Expectation{Valid: true, Codes: []stemkn.Code{stemkn.CodeRequired}}},
	}}
	base, _ := stemkn.NewCatalogue().Scheme("enthuse-2022")
	s.Rules, s.Categories, s.Currency = base.Rules, base.Categories, base.Currency
	for _, o := range builtinValidator.RunTests(s) {
		require.True(t, o.Passed, "%s: %v", o.Name, o.Mismatches)
	}
}

func TestRunTestsJudgesWithTheSchemeAsWritten(t *testing.T) {
	// An edited copy of a built-in scheme, with its cap lowered and the
	// same id, is tested with the edit — not with the catalogue's scheme of
	// that id, which the validator has already prepared.
	edited := *stemkn.NewCatalogue().Schemes()[2]
	require.Equal(t, "enthuse-2022", edited.ID)
	// £8,000 is below the total and above every line, so the cap is the one finding.
	edited.Rules.Cap = &stemkn.CapRule{Amount: 800000, Citation: stemkn.Citation{Reference: "An edited cap of £8,000."}}
	doc, err := os.ReadFile(filepath.Join("testdata", enthuse2022Fixture))
	require.NoError(t, err)
	edited.Tests = []stemkn.SchemeTest{{Name: "over £8,000", Document: doc,
		Expect: stemkn.Expectation{Valid: false, Codes: []stemkn.Code{stemkn.CodeCap}}}}

	outcomes := builtinValidator.RunTests(&edited)
	require.True(t, outcomes[0].Passed, "%v", outcomes[0].Mismatches)
	require.Equal(t, "The total must be £8,000.00 or less: it is £19,000.00", outcomes[0].Result.Findings[0].Message)

	// The validator's own enthuse-2022 is untouched.
	res := builtinValidator.Validate(doc, stemkn.Options{})
	require.True(t, res.Valid)
}

func TestRunTestsReportsADocumentThatIsNotJSON(t *testing.T) {
	s := &stemkn.Scheme{ID: "s", Title: "S", Tests: []stemkn.SchemeTest{
		{Name: "broken", Document: json.RawMessage(`{"scheme": `), Expect: stemkn.Expectation{Valid: true}},
	}}
	outcomes := builtinValidator.RunTests(s)
	require.False(t, outcomes[0].Passed)
	require.Equal(t, []stemkn.Code{stemkn.CodeSyntax}, outcomes[0].Result.Findings.Codes())
}
