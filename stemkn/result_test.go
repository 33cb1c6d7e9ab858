package stemkn

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The result contract: modes, order, basic output, JSON.

// manyProblems is the valid fixture with a mistake in almost every part, and
// enough members that list indices past 9 must sort as numbers.
func manyProblems(t testing.TB) []byte {
	changes := []change{
		del("/network/name"), del("/network/theme"), set("/contact/email", "asha at calder"),
		set("/funding/lines/0/category", "equipment"), del("/plan/reflection"), set("/submittedOn", "2011-01-11"),
		set("/network/institutions/1/colour", "green"), del("/network/institutions/0/subdivision"),
		set("/plan/activities/0/date", "2012-01-01"), set("/zebra", 1), set("/aardvark", 1),
	}
	for i := 0; i < 3; i++ {
		changes = append(changes, set(fmt.Sprintf("/network/members/%d/subjects", i), []any{"technology"}))
	}
	for i := 3; i < 12; i++ {
		changes = append(changes, set("/network/members/-", map[string]any{"name": fmt.Sprint("Member ", i+1), "role": "teacher", "institution": "hva"}))
	}
	changes = append(changes, set("/network/members/11/email", "m12"), set("/network/members/2/email", "m3"), del("/network/members/9/role"))
	return loadDoc(t, validFixture).with(t, changes...).bytes(t)
}

func TestFindingsAreInDocumentOrder(t *testing.T) {
	res := validate(t, manyProblems(t), Options{})
	require.Equal(t, []seen{
		e(CodeDeadline, "/submittedOn"), // fields in the order the document type declares them
		e(CodeRequired, "/network/name"),
		e(CodeTheme, "/network/theme"),
		e(CodePlace, "/network/institutions/0/subdivision"),
		e(CodeUnknownField, "/network/institutions/1/colour"), // unknown fields after known ones
		e(CodeSubjectSpread, "/network/members"),              // errors before warnings at one path
		w(CodeMathematics, "/network/members"),
		e(CodeFormat, "/network/members/2/email"), // a parent before its children
		e(CodeRequired, "/network/members/9/role"),
		e(CodeFormat, "/network/members/11/email"), // indices as numbers: 9 before 11
		e(CodeReflection, "/plan/reflection"),
		w(CodeDates, "/plan/activities/0/date"),
		e(CodeCategory, "/funding/lines/0/category"),
		e(CodeFormat, "/contact/email"),
		e(CodeUnknownField, "/aardvark"), // unknown fields by name
		e(CodeUnknownField, "/zebra"),
	}, summary(res))
	require.Equal(t, ineligible, verdictOf(res))
	for i := 0; i < 10; i++ {
		again := testValidator.Validate(manyProblems(t), Options{})
		require.Equal(t, res, again, "the order is stable")
	}
}

func TestSortOrdersByPathThenSeverityThenCodeThenMessage(t *testing.T) {
	fs := Findings{
		{Code: CodeFormat, Severity: Warning, Path: "/plan", Message: "b"},
		{Code: CodeFormat, Severity: Error, Path: "/plan", Message: "b"},
		{Code: CodeFormat, Severity: Error, Path: "/plan", Message: "a"},
		{Code: CodeEnum, Severity: Error, Path: "/plan"},
		{Code: CodeEnum, Severity: Error, Path: "/network/members/10"},
		{Code: CodeEnum, Severity: Error, Path: "/network/members/2/name"},
		{Code: CodeEnum, Severity: Error, Path: "/network/members/2"},
		{Code: CodeEnum, Severity: Error, Path: "/offer/kind"},
		{Code: CodeEnum, Severity: Error, Path: "/offer/employer"},
		{Code: CodeEnum, Severity: Error, Path: "/a~1b"},
		{Code: CodeEnum, Severity: Error, Path: "/scheme"},
		{Code: CodeSyntax, Severity: Error, Path: ""},
	}
	fs.Sort()
	var order []string
	for _, f := range fs {
		order = append(order, string(f.Severity)+" "+string(f.Code)+" "+f.Path+" "+f.Message)
	}
	require.Equal(t, []string{
		"error syntax  ",
		"error enum /scheme ",
		"error enum /network/members/2 ",
		"error enum /network/members/2/name ",
		"error enum /network/members/10 ",
		"error enum /plan ",
		"error format /plan a",
		"error format /plan b",
		"warning format /plan b",
		"error enum /offer/employer ",
		"error enum /offer/kind ",
		"error enum /a~1b ",
	}, order)
	var empty Findings
	empty.Sort()
	require.False(t, empty.HasErrors())
	require.Empty(t, empty.Error())
}

// TestDraftModeTurnsOnlyMissingValuesIntoWarnings saves a half-filled
// application: what is missing becomes a warning, everything that is there
// and wrong stays an error.
func TestDraftModeTurnsOnlyMissingValuesIntoWarnings(t *testing.T) {
	submit := validate(t, manyProblems(t), Options{Mode: Submit})
	draft := validate(t, manyProblems(t), Options{Mode: Draft})
	require.Equal(t, []seen{
		e(CodeDeadline, "/submittedOn"),
		w(CodeRequired, "/network/name"),
		w(CodeTheme, "/network/theme"),
		w(CodePlace, "/network/institutions/0/subdivision"),
		e(CodeUnknownField, "/network/institutions/1/colour"),
		e(CodeSubjectSpread, "/network/members"),
		w(CodeMathematics, "/network/members"),
		e(CodeFormat, "/network/members/2/email"),
		w(CodeRequired, "/network/members/9/role"),
		e(CodeFormat, "/network/members/11/email"),
		w(CodeReflection, "/plan/reflection"),
		w(CodeDates, "/plan/activities/0/date"),
		e(CodeCategory, "/funding/lines/0/category"),
		e(CodeFormat, "/contact/email"),
		e(CodeUnknownField, "/aardvark"),
		e(CodeUnknownField, "/zebra"),
	}, summary(draft))
	require.Len(t, draft.Findings, len(submit.Findings))
	for i, f := range submit.Findings {
		d := draft.Findings[i]
		require.Equal(t, f.Message, d.Message, "the same words in either mode")
		missing := f.Code == CodeRequired || f.Variant == "missing"
		switch {
		case missing:
			require.Equal(t, Warning, d.Severity, "%s at %s", f.Code, f.Path)
		default:
			require.Equal(t, f.Severity, d.Severity, "%s at %s", f.Code, f.Path)
		}
	}
	require.False(t, draft.Valid, "present mistakes still block")

	// A draft with only gaps in it is valid.
	gaps := loadDoc(t, validFixture).with(t, del("/network/name"), del("/plan/reflection"), del("/contact"), del("/submittedOn"))
	res := validate(t, gaps.bytes(t), Options{Mode: Draft})
	require.True(t, res.Valid)
	require.Equal(t, []seen{w(CodeRequired, "/submittedOn"), w(CodeRequired, "/network/name"), w(CodeReflection, "/plan/reflection"),
		w(CodeRequired, "/contact/name"), w(CodeRequired, "/contact/email")}, summary(res))
	require.Equal(t, unjudged, verdictOf(res), "a draft with gaps cannot be judged yet")
	res = validate(t, gaps.bytes(t), Options{})
	require.False(t, res.Valid)
	require.Equal(t, []seen{e(CodeRequired, "/submittedOn"), e(CodeRequired, "/network/name"), e(CodeReflection, "/plan/reflection"),
		e(CodeRequired, "/contact/name"), e(CodeRequired, "/contact/email")}, summary(res))
	res = validate(t, gaps.bytes(t), Options{Mode: "whatever"})
	require.False(t, res.Valid, "an unknown mode is submit")
}

func TestEmptyDraft(t *testing.T) {
	res := validate(t, []byte(`{"scheme": "stem-kn-2011"}`), Options{Mode: Draft})
	require.True(t, res.Valid, "nothing filled in is nothing wrong")
	for _, f := range res.Findings {
		require.Equal(t, Warning, f.Severity, "%s at %s", f.Code, f.Path)
	}
	require.Equal(t, unjudged, verdictOf(res))
	require.NotContains(t, res.Findings.Codes(), CodeMathematics, "no advice about members before there are any")
}

func TestMissingSchemeIsReportedOnce(t *testing.T) {
	for input, want := range map[string][]seen{
		`{}`:                         {e(CodeRequired, "/scheme")},
		`{"scheme": ""}`:             {e(CodeRequired, "/scheme")},
		`{"scheme": 2011}`:           {e(CodeType, "/scheme")},
		`{"scheme": "stem-kn-1999"}`: {e(CodeSchemeUnknown, "/scheme")},
		`{"scheme": "STEM-KN-2011"}`: {e(CodeSchemeUnknown, "/scheme")},
		`{"scheme": "` + strings.Repeat("x", 101) + `"}`: {e(CodeMaxLength, "/scheme")},
	} {
		res := validate(t, []byte(input), Options{})
		var atScheme []seen
		for _, f := range summary(res) {
			if f.Path == "/scheme" {
				atScheme = append(atScheme, f)
			}
		}
		require.Equal(t, want, atScheme, input)
		require.Empty(t, res.Rules, "no scheme, no rules")
		require.Nil(t, res.Eligible)
	}
	res := validate(t, []byte(`{}`), Options{Mode: Draft})
	require.Contains(t, summary(res), w(CodeRequired, "/scheme"))
	require.Equal(t, "Select the scheme", res.Findings[0].Message)
	res = validate(t, []byte(`{"scheme": "stem-kn-1999"}`), Options{})
	require.Equal(t, `Select a scheme from the list: there is no scheme called "stem-kn-1999"`, res.Findings[0].Message)
	require.Equal(t, "stem-kn-1999", res.Scheme)
}

func TestOptionsSchemeOverridesTheDocument(t *testing.T) {
	doc := loadDoc(t, validFixture).with(t, set("/scheme", "something-else")).bytes(t)
	res := validate(t, doc, Options{Scheme: "stem-kn-2011"})
	require.Equal(t, "stem-kn-2011", res.Scheme)
	require.True(t, res.Valid)
	require.Equal(t, eligible, verdictOf(res))
	res = validate(t, readFixture(t, validFixture), Options{Scheme: "nope"})
	require.Equal(t, []seen{e(CodeSchemeUnknown, "/scheme")}, summary(res))
}

func TestBasicOutputListsErrorsOnly(t *testing.T) {
	v := NewValidator(nil)
	res := validate(t, manyProblems(t), Options{})
	basic := v.Basic(manyProblems(t), &res)
	require.False(t, basic.Valid)
	var want []string
	for _, f := range res.Findings {
		if f.Severity == Error {
			want = append(want, f.Message)
		}
	}
	var got []string
	for _, u := range basic.Errors {
		require.False(t, u.Valid)
		got = append(got, u.Error)
	}
	require.Equal(t, want, got)
	require.Equal(t, BasicError{KeywordLocation: "/x-stemkn-rules/4", InstanceLocation: "/submittedOn",
		Error: "The date submitted must be on or before 10 January 2011, the closing date"}, basic.Errors[0])

	adviceDoc := loadDoc(t, validFixture).with(t, set("/network/members/0/subjects", []any{"technology"})).bytes(t)
	advice := validate(t, adviceDoc, Options{})
	require.Len(t, advice.Findings, 1)
	out, err := json.Marshal(v.Basic(adviceDoc, &advice))
	require.NoError(t, err)
	require.JSONEq(t, `{"valid": true, "keywordLocation": "", "instanceLocation": ""}`, string(out), "warnings are not errors")
}

// TestResultRoundTripsThroughJSON: a result read back from its JSON is the
// same value (numbers in params as int64 again, lists of text as []string),
// so a host can store results and word them again later.
func TestResultRoundTripsThroughJSON(t *testing.T) {
	docs := [][]byte{manyProblems(t), readFixture(t, "calder.json"), readFixture(t, validFixture), []byte(`{"x": [`),
		[]byte(strings.Replace(string(readFixture(t, validFixture)), `"amount": 30000`, `"amount": 1e400`, 1))}
	v := offerValidator(t)
	offers := []string{
		`{"scheme": "test-offers", "offer": {"kind": "cpd", "format": "talk", "audience": ["fe-college"], "ageRange": {"min": -1e19, "max": 9e18}}}`,
	}
	var results []Result
	for _, d := range docs {
		results = append(results, testValidator.Validate(d, Options{}), testValidator.Validate(d, Options{Mode: Draft}))
	}
	for _, o := range offers {
		results = append(results, v.ValidateString(o, Options{}))
	}
	for _, res := range results {
		data, err := json.Marshal(res)
		require.NoError(t, err)
		var back Result
		require.NoError(t, json.Unmarshal(data, &back))
		require.Equal(t, asWritten(res), back, "equal JSON means equal values: no field is left out")
		for i := range back.Findings {
			scheme, _ := testValidator.Catalogue().Scheme(res.Scheme)
			require.Equal(t, res.Findings[i].Message, DefaultMessages().Message(&back.Findings[i], scheme),
				"a finding read back from JSON is worded the same")
		}
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(data), string(again))
	}
	var empty Result
	require.NoError(t, json.Unmarshal([]byte(`{"scheme": "x", "valid": true, "findings": []}`), &empty))
	require.Equal(t, Result{Scheme: "x", Valid: true, Findings: Findings{}}, empty)
}

// TestDecodedFindingsCanBeWordedAgain: a host that reads findings from JSON
// (from the command-line tool, say) can word them with its own messages.
func TestDecodedFindingsCanBeWordedAgain(t *testing.T) {
	res := validate(t, readFixture(t, "calder.json"), Options{})
	data, err := json.Marshal(res)
	require.NoError(t, err)
	var back Result
	require.NoError(t, json.Unmarshal(data, &back))
	scheme, _ := testValidator.Catalogue().Scheme("stem-kn-2011")
	reworded, err := DefaultMessages().With(map[string]string{
		"budget.category-share": "No more than {limit}% may go on {category:category}: {amount:money} of {total:money} does",
	})
	require.NoError(t, err)
	require.Equal(t, "No more than 20% may go on resources: £400.00 of £1,600.00 does", reworded.Message(&back.Findings[0], scheme))
}

// asWritten is the result as its JSON says it: no rules is no "rules".
func asWritten(res Result) Result {
	out := res
	if len(out.Rules) == 0 {
		out.Rules = nil // "rules" is left out of the JSON when there are none
	}
	return out
}

// TestTwoRulesNeedingOneValueAskForItOnce: two institution rules that both
// need to know whether an institution is state-funded ask once.
func TestTwoRulesNeedingOneValueAskForItOnce(t *testing.T) {
	c := NewCatalogue()
	_, err := c.Load([]byte(`{"id": "two-rules", "title": "Two rules", "currency": "GBP", "rules": {"institutions": [
	  {"id": "lead", "applies": "lead", "classes": ["la-maintained"], "stateFundedOutsideEngland": true, "who": "state schools", "does": "lead", "title": "Lead", "reference": "x"},
	  {"id": "all", "applies": "all", "classes": ["la-maintained"], "stateFundedOutsideEngland": true, "who": "state schools", "does": "join", "title": "All", "reference": "x"}]}}`))
	require.NoError(t, err)
	doc := loadDoc(t, validFixture).with(t, set("/network/institutions/0/subdivision", "GB-WLS"), del("/network/institutions/0/establishmentType"))
	res := NewValidator(c).Validate(doc.bytes(t), Options{Scheme: "two-rules"})
	checkContract(t, res)
	require.Equal(t, []seen{e(CodeInstitutionClass, "/network/institutions/0/stateFunded"),
		e(CodeInstitutionClass, "/network/institutions/1/establishmentType")}, summary(res))
	require.Equal(t, "Say whether Calder Community School is state-funded", res.Findings[0].Message)
}
