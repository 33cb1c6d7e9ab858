package stemkn

import (
	"slices"
	"strconv"
	"strings"
)

// TestOutcome is what running one of a scheme's own test cases gave: whether
// the scheme judged the case's document as the case expects, and if not, how
// it differed.
type TestOutcome struct {
	// Name is the test case's name.
	Name string `json:"name"`
	// Passed is true when the result matched every part of the expectation.
	Passed bool `json:"passed"`
	// Mismatches say, in plain English, each way the result differed from
	// the expectation; empty when the case passed.
	Mismatches []string `json:"mismatches,omitempty"`
	// Result is the validation result of the case's document.
	Result Result `json:"result"`
}

// RunTests validates each of the scheme's test cases (s.Tests) with the
// scheme itself, whatever scheme the case's document names, in the case's
// mode, and compares the result with what the case expects: the verdict
// always, eligibility when the case gives it, and the finding codes in order
// when the case lists them. The outcomes are in the order of the cases.
//
// The scheme is prepared afresh for the run rather than looked up by id, so
// a funder can test an edited scheme file before adding it to a catalogue,
// and a scheme that reuses a built-in id is tested as written. This is what
// `stemkn test SCHEME-FILE` runs.
func (v *Validator) RunTests(s *Scheme) []TestOutcome {
	c := compile(s)
	out := make([]TestOutcome, len(s.Tests))
	for i := range s.Tests {
		t := &s.Tests[i]
		res := v.validateWith(c, s.ID, true, string(t.Document), Options{Scheme: s.ID, Mode: t.Mode}, nil, nil)
		mismatches := t.Expect.mismatches(&res)
		out[i] = TestOutcome{Name: t.Name, Passed: len(mismatches) == 0, Mismatches: mismatches, Result: res}
	}
	return out
}

// mismatches lists how a result differs from the expectation.
func (e *Expectation) mismatches(r *Result) []string {
	var out []string
	if r.Valid != e.Valid {
		out = append(out, "expected valid to be "+strconv.FormatBool(e.Valid)+", got "+strconv.FormatBool(r.Valid))
	}
	if e.Eligible != nil && (r.Eligible == nil || *r.Eligible != *e.Eligible) {
		out = append(out, "expected eligible to be "+eligibilityWord(e.Eligible)+", got "+eligibilityWord(r.Eligible))
	}
	if e.Codes != nil {
		got := r.Findings.Codes()
		if !slices.Equal(got, e.Codes) {
			out = append(out, "expected finding codes "+codeList(e.Codes)+", got "+codeList(got))
		}
	}
	return out
}

func eligibilityWord(b *bool) string {
	if b == nil {
		return "not judged"
	}
	return strconv.FormatBool(*b)
}

// codeList writes codes as a bracketed, comma-separated list: [budget.cap, required].
func codeList(codes []Code) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
