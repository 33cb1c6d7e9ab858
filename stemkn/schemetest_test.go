package stemkn_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

func schemeTestTruth(b bool) *bool { return &b }

func TestExpectationMismatchSaysWhatDiffers(t *testing.T) {
	eligible, notEligible := schemeTestTruth(true), schemeTestTruth(false)
	result := stemkn.Result{Valid: false, Eligible: notEligible, Findings: stemkn.Findings{
		{Code: stemkn.CodeCap, Severity: stemkn.Error}, {Code: stemkn.CodeMathematics, Severity: stemkn.Warning},
	}}
	for _, tc := range []struct {
		name   string
		expect stemkn.Expectation
		want   string
	}{
		{"verdict only, met", stemkn.Expectation{Valid: false}, ""},
		{"verdict differs", stemkn.Expectation{Valid: true}, "expected valid, got not valid"},
		{"eligibility met", stemkn.Expectation{Eligible: notEligible}, ""},
		{"eligibility differs", stemkn.Expectation{Eligible: eligible}, "expected eligible, got not eligible"},
		{"codes met in order", stemkn.Expectation{Codes: []stemkn.Code{stemkn.CodeCap, stemkn.CodeMathematics}}, ""},
		{"codes in another order", stemkn.Expectation{Codes: []stemkn.Code{stemkn.CodeMathematics, stemkn.CodeCap}},
			"expected codes [advice.mathematics budget.cap], got [budget.cap advice.mathematics]"},
		{"one code short", stemkn.Expectation{Codes: []stemkn.Code{stemkn.CodeCap}},
			"expected codes [budget.cap], got [budget.cap advice.mathematics]"},
		{"an empty list expects no findings", stemkn.Expectation{Codes: []stemkn.Code{}},
			"expected codes [], got [budget.cap advice.mathematics]"},
		{"every difference", stemkn.Expectation{Valid: true, Eligible: eligible, Codes: []stemkn.Code{}},
			"expected valid, got not valid | expected eligible, got not eligible | expected codes [], got [budget.cap advice.mathematics]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, strings.Join(tc.expect.Mismatches(&result), " | "))
		})
	}
}

func TestExpectationOfEligibilityIsNotMetWhenNotJudged(t *testing.T) {
	e := stemkn.Expectation{Valid: false, Eligible: schemeTestTruth(false)}
	require.Equal(t, []string{"expected not eligible, got eligibility not judged"}, e.Mismatches(&stemkn.Result{}))
}

// schemeTestFile is a scheme file extending stem-kn-2011 with a lower cap
// and test cases built on the Calder application.
func schemeTestFile(t *testing.T, cases string) []byte {
	calder, err := os.ReadFile("testdata/calder.json")
	require.NoError(t, err)
	return []byte(`{"id": "calder-tests", "title": "Calder", "extends": "stem-kn-2011",
		"rules": {"cap": {"amount": 150000, "reference": "a lower cap for the test"}},
		"tests": [` + strings.ReplaceAll(cases, "CALDER", string(calder)) + `]}`)
}

func TestRunTestsComparesEachCaseWithItsExpectation(t *testing.T) {
	file := schemeTestFile(t, `
		{"name": "over the lowered cap and the resources share", "document": CALDER, "expect": {"valid": false, "eligible": false, "codes": ["budget.cap", "budget.category-share"]}},
		{"name": "wrongly expected valid", "document": CALDER, "expect": {"valid": true}},
		{"name": "draft of nothing", "mode": "draft", "document": {"scheme": "stem-kn-2011"}, "expect": {"valid": true}},
		{"name": "mode misspelt", "mode": "drafts", "document": CALDER, "expect": {"valid": false}}`)
	c := stemkn.NewCatalogue()
	schemes, err := c.Load(file)
	require.NoError(t, err)

	outcomes := stemkn.NewValidator(c).RunTests(schemes[0])
	require.Len(t, outcomes, 4)
	summary := make([]string, len(outcomes))
	for i, o := range outcomes {
		summary[i] = o.Name + ": " + strings.Join(o.Mismatches, "; ")
		require.Equal(t, len(o.Mismatches) == 0, o.Passed)
	}
	require.Equal(t, []string{
		"over the lowered cap and the resources share: ",
		"wrongly expected valid: expected valid, got not valid",
		"draft of nothing: ",
		"mode misspelt: expected mode submit or draft, got drafts",
	}, summary)
	require.Equal(t, "calder-tests", outcomes[0].Result.Scheme, "judged against the file's scheme, not the document's")
}

func TestRunTestsOfASchemeWithoutCasesFindsNothing(t *testing.T) {
	s, ok := stemkn.NewCatalogue().Scheme("stem-kn-2011")
	require.True(t, ok)
	require.Empty(t, stemkn.NewValidator(nil).RunTests(s), "the built-in scheme carries no test cases")
}
