package stemkn

import (
	"slices"
	"strings"
)

// TestOutcome is what running one of a scheme's own test cases gave.
type TestOutcome struct {
	// Name is the test case's name.
	Name string `json:"name"`
	// Passed is true when the result met every part of the expectation.
	Passed bool `json:"passed"`
	// Mismatches say each way the result differed from the expectation, as
	// "expected valid, got not valid"; empty when the test passed.
	Mismatches []string `json:"mismatches,omitempty"`
	// Result is what the validator said of the test's document.
	Result Result `json:"result"`
}

// RunTests runs the test cases a scheme file carries (s.Tests), so a funder
// who edits a cap can prove the scheme still behaves. Each document is
// judged against the scheme whatever its own scheme field says, in the
// case's mode, and compared with the case's expectation (see
// Expectation.Mismatches). The scheme is looked up by its id in the
// validator's catalogue: load a scheme file into the catalogue before
// making the validator. A case whose mode is neither submit nor draft fails.
func (v *Validator) RunTests(s *Scheme) []TestOutcome {
	outcomes := make([]TestOutcome, len(s.Tests))
	for i, tc := range s.Tests {
		o := &outcomes[i]
		o.Name = tc.Name
		switch tc.Mode {
		case "", Submit, Draft:
			o.Result = v.Validate(tc.Document, Options{Scheme: s.ID, Mode: tc.Mode})
			o.Mismatches = tc.Expect.Mismatches(&o.Result)
		default:
			o.Mismatches = []string{"expected mode submit or draft, got " + string(tc.Mode)}
		}
		o.Passed = len(o.Mismatches) == 0
	}
	return outcomes
}

// Mismatches compares a result with the expectation. It returns nothing
// when the result meets it, and otherwise one "expected …, got …" for each
// part that differs: the verdict (valid or not valid); the eligibility
// (eligible, not eligible or not judged) when Eligible is set; and the
// finding codes, in order, when Codes is set (an empty list expects no
// findings at all).
func (e *Expectation) Mismatches(r *Result) []string {
	var diffs []string
	if e.Valid != r.Valid {
		diffs = append(diffs, "expected "+verdictWord(e.Valid)+", got "+verdictWord(r.Valid))
	}
	if e.Eligible != nil && (r.Eligible == nil || *e.Eligible != *r.Eligible) {
		diffs = append(diffs, "expected "+eligibilityWord(e.Eligible)+", got "+eligibilityWord(r.Eligible))
	}
	if e.Codes != nil {
		got := r.Findings.Codes()
		if !slices.Equal(e.Codes, got) {
			diffs = append(diffs, "expected codes "+codeListText(e.Codes)+", got "+codeListText(got))
		}
	}
	return diffs
}

func verdictWord(valid bool) string {
	if valid {
		return "valid"
	}
	return "not valid"
}

func eligibilityWord(e *bool) string {
	switch {
	case e == nil:
		return "eligibility not judged"
	case *e:
		return "eligible"
	}
	return "not eligible"
}

func codeListText(codes []Code) string {
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = string(c)
	}
	return "[" + strings.Join(s, " ") + "]"
}
