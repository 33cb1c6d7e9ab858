package stemkn

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// encodingJSON is what json.Marshal writes for r.
func encodingJSON(t *testing.T, r Result) string {
	t.Helper()
	out, err := json.Marshal(r)
	require.NoError(t, err)
	return string(out)
}

func TestResultAppendJSONIsWhatEncodingJSONWrites(t *testing.T) {
	yes, no := true, false
	odd := "quote \" backslash \\ <b>&amp;</b> tab\t newline\n bell\a \b \f \r nul\x00 del\x7f é 日本 \u2028 \u2029 bad\xff\xfe utf8 \xe2\x82 end"
	results := []Result{
		{},
		{Scheme: "x", Valid: true, Eligible: &yes, Findings: Findings{}},
		{Scheme: odd, Eligible: &no, Findings: Findings{{Code: CodeEnum, Severity: Error, Path: "/a~1b/0", Message: odd, Rule: "r",
			Params: Params{"allowed": []string{"a", odd}, "none": []string(nil), "n": int64(-1 << 63), "i": 7, "b": true, "f": 1.5,
				"s": odd, odd: "key", "m": map[string]int{"z": 1, "a": 2}, "nil": nil}}}},
		{Scheme: "y", Findings: Findings{{Code: CodeRequired, Severity: Warning, Path: ""}}, Rules: []RuleResult{
			{Rule: "a", Code: CodeCap, Title: odd, Outcome: Failed, Reference: odd, Advice: true},
			{Rule: "b", Code: CodeTheme, Outcome: NotJudged}}},
	}
	// And every result the fixtures give, valid or not, in both modes.
	for _, file := range []string{"reference-12-members.json", "calder.json", "enthuse-2014.json", "enthuse-2022.json",
		"stem-pd-net-2016.json", "exchange-cpd.json", "exchange-work-experience.json"} {
		data := readFixture(t, file)
		for _, mode := range []Mode{Submit, Draft} {
			results = append(results, testValidator.Validate(data, Options{Mode: mode}))
			results = append(results, testValidator.Validate(data[:len(data)/2], Options{Mode: mode}))
			results = append(results, testValidator.Validate(bytes.ReplaceAll(data, []byte(`"`), []byte(`"<&>\u2028`)), Options{Mode: mode}))
			results = append(results, testValidator.Validate(data, Options{Mode: mode, Scheme: "stem-exchange"}))
		}
	}
	for i, r := range results {
		own, err := r.AppendJSON([]byte("prefix "))
		require.NoError(t, err)
		require.Equal(t, "prefix "+encodingJSON(t, r), string(own), "result %d", i)
	}
}

func TestResultAppendJSONFailsOnParamsEncodingJSONCannotWrite(t *testing.T) {
	r := Result{Findings: Findings{{Params: Params{"c": make(chan int)}}}}
	_, err := r.AppendJSON(nil)
	require.Error(t, err)
}
