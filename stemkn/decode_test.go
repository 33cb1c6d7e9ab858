package stemkn

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// The strict decoder (decode.go) against malformed, mistyped and hostile
// input. Every case runs through the whole validator, so a panic anywhere
// fails the test, and asserts the exact findings.

// decodeApplication runs only the decoder, for cases about the values it reads.
func decodeApplication(t testing.TB, input string) (Application, []seen) {
	t.Helper()
	var app Application
	var out Findings
	read(input, applicationShape, unsafe.Pointer(&app), DefaultLimits, &out)
	got := []seen{}
	for _, f := range out {
		got = append(got, seen{f.Code, f.Severity, f.Path})
	}
	return app, got
}

type syntaxCase struct {
	name         string
	input        string
	problem      string
	line, column int64
	// also are findings the decoder made before the syntax error stopped it.
	also []seen
}

func TestMalformedJSONIsASyntaxErrorWithItsLineAndColumn(t *testing.T) {
	cases := []syntaxCase{
		{"empty input", "", "the end of the input where a value should be", 1, 1, nil},
		{"only white space", " \n\t\r\n ", "the end of the input where a value should be", 3, 2, nil},
		{"an open brace", "{", "something other than a field name in quotes", 1, 2, nil},
		{"a missing colon", `{"scheme" "stem-kn-2011"}`, "a field name without a colon after it", 1, 11, nil},
		{"a trailing comma", `{"scheme": "stem-kn-2011",}`, "something other than a field name in quotes", 1, 27, nil},
		{"a key without quotes", `{scheme: "stem-kn-2011"}`, "something other than a field name in quotes", 1, 2, nil},
		{"single quotes", `{"scheme": 'stem-kn-2011'}`, "a character that cannot start a value", 1, 12, nil},
		{"a misspelt literal on line 3", "{\n  \"scheme\": \"stem-kn-2011\",\n  \"network\": {\"name\": tru}\n}",
			"a word that is not true, false or null", 3, 23, nil},
		{"columns count characters, not bytes", `{"network": {"name": "é€😀" x}}`, "a missing comma or closing brace", 1, 28, nil},
		{"an unterminated string", `{"scheme": "stem-kn`, "the end of the input inside text", 1, 20, nil},
		{"a raw new line inside text", "{\"scheme\": \"stem\nkn\"}", "a control character inside text", 1, 17, nil},
		{"a raw tab inside text", "{\"scheme\": \"stem\tkn\"}", "a control character inside text", 1, 17, nil},
		{"a raw NUL inside text", "{\"scheme\": \"stem\x00kn\"}", "a control character inside text", 1, 17, nil},
		{"a NUL between values", "{\"scheme\": \"stem-kn-2011\"\x00}", "a missing comma or closing brace", 1, 26, nil},
		{"a raw NUL inside escaped text", "{\"scheme\": \"\\n\x00\"}", "a control character inside text", 1, 15, nil},
		{"an unknown escape", `{"scheme": "stem\x"}`, "an unknown escape after a backslash", 1, 17, nil},
		{"a short \\u escape", `{"scheme": "\u12"}`, "a \\u escape without four hexadecimal digits", 1, 15, nil},
		{"a \\u escape at the end", `{"scheme": "\u12`, "a \\u escape without four hexadecimal digits", 1, 15, nil},
		{"a backslash at the end", `{"scheme": "a\`, "the end of the input inside text", 1, 14, nil},
		{"a bad low surrogate escape", `{"scheme": "\ud800\u12x4"}`, "a \\u escape without four hexadecimal digits", 1, 21, nil},
		{"a leading zero", `{"funding": {"currency": "GBP", "lines": [{"amount": 01}]}}`, "a missing comma or closing bracket", 1, 55, nil},
		{"a lone minus", `{"funding": {"lines": [{"amount": -}]}}`, "a number without digits", 1, 36, nil},
		{"a plus sign", `{"funding": {"lines": [{"amount": +1}]}}`, "a character that cannot start a value", 1, 35, nil},
		{"a bare decimal point", `{"funding": {"lines": [{"amount": .5}]}}`, "a character that cannot start a value", 1, 35, nil},
		{"no digits after the point", `{"funding": {"lines": [{"amount": 1.}]}}`, "a number with no digits after the decimal point", 1, 37, nil},
		{"no digits in the exponent", `{"funding": {"lines": [{"amount": 1e+}]}}`, "a number with no digits in its exponent", 1, 38, nil},
		{"NaN", `{"funding": {"lines": [{"amount": NaN}]}}`, "a character that cannot start a value", 1, 35, nil},
		{"Infinity", `{"funding": {"lines": [{"amount": Infinity}]}}`, "a character that cannot start a value", 1, 35, nil},
		{"a comment", "{// the scheme\n\"scheme\": \"stem-kn-2011\"}", "something other than a field name in quotes", 1, 2, nil},
		{"a bracket that does not match", `{"x": [1, 2}`, "a bracket that does not match", 1, 12, nil},
		{"a list left open", `{"network": {"members": [}}`, "a character that cannot start a value", 1, 26, nil},
		{"a missing comma in a list", `{"network": {"members": [{} {}]}}`, "a missing comma or closing bracket", 1, 29, nil},
		{"trailing garbage", `{"scheme": "stem-kn-2011"} x`, "more text after the end of the document", 1, 28, nil},
		{"a second document", `{} {}`, "more text after the end of the document", 1, 4, nil},
		{"an extra closing brace", `{}}`, "more text after the end of the document", 1, 3, nil},
		{"a byte order mark", "\ufeff{}", "a character that cannot start a value", 1, 1, nil},
		{"invalid UTF-8 in text", "{\"network\": {\"name\": \"Calder \xff\"}}", "text that is not UTF-8", 1, 30, nil},
		{"invalid UTF-8 in a key", "{\"sch\xc3\": 1}", "text that is not UTF-8", 1, 6, nil},
		{"an overlong encoding", "{\"scheme\": \"\xc0\xaf\"}", "text that is not UTF-8", 1, 13, nil},
		{"a UTF-8 encoded surrogate", "{\"scheme\": \"\xed\xa0\x80\"}", "text that is not UTF-8", 1, 13, nil},
		{"invalid UTF-8 on a later line", "{\n\"scheme\": \"é\",\n\"x\": \"\x80\"}", "text that is not UTF-8", 3, 7, nil},
		{"findings before the syntax error are kept", `{"colour": "red", "scheme": }`, "a character that cannot start a value", 1, 29,
			[]seen{e(CodeUnknownField, "/colour")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []Mode{Submit, Draft} {
				res := validate(t, []byte(tc.input), Options{Mode: mode})
				want := append([]seen{e(CodeSyntax, "")}, tc.also...)
				require.Equal(t, want, summary(res))
				require.Equal(t, Params{"problem": tc.problem, "line": tc.line, "column": tc.column}, res.Findings[0].Params)
				require.False(t, res.Valid)
				require.Nil(t, res.Eligible, "a document that cannot be read cannot be judged")
				require.Empty(t, res.Rules)
				require.True(t, strings.HasPrefix(res.Findings[0].Message, "The document cannot be read as JSON: there is "+tc.problem), res.Findings[0].Message)
			}
		})
	}
}

// TestTruncatedDocumentsAreSyntaxErrors cuts the fixtures at every byte:
// each cut is a syntax error, and nothing else, in both modes.
func TestTruncatedDocumentsAreSyntaxErrors(t *testing.T) {
	for _, name := range []string{validFixture, "calder.json"} {
		full := bytes.TrimRight(readFixture(t, name), " \n")
		for cut := 0; cut < len(full); cut++ {
			for _, mode := range []Mode{Submit, Draft} {
				res := testValidator.Validate(full[:cut], Options{Mode: mode})
				checkContract(t, res)
				require.Equal(t, []seen{e(CodeSyntax, "")}, summary(res), "%s cut at %d", name, cut)
				require.Nil(t, res.Eligible)
			}
		}
		require.False(t, hasCode(testValidator.Validate(full, Options{}).Findings, CodeSyntax), "%s uncut", name)
	}
}

func TestWrongJSONTypesAreTypeErrorsAtTheirField(t *testing.T) {
	values := map[string]any{"string": "text", "integer": 7, "boolean": true, "object": map[string]any{}, "array": []any{}, "null": nil}
	actual := func(v string) string {
		if v == "integer" {
			return "number"
		}
		return v
	}
	type field struct {
		path     string
		expected string
		rules    []string // rules that cannot be judged when the field cannot be read
	}
	fields := []field{
		{"/scheme", "string", nil},
		{"/submittedOn", "string", []string{"deadline"}},
		{"/network", "object", []string{"theme", "areaOfInterest", "subjectSpread", "fundedInstitutions", "mathematics"}},
		{"/network/name", "string", nil},
		{"/network/institutions", "array", []string{"fundedInstitutions"}},
		{"/network/institutions/0", "object", []string{"fundedInstitutions"}},
		{"/network/institutions/0/stateFunded", "boolean", []string{"fundedInstitutions"}},
		{"/network/members/0/subjects", "array", []string{"subjectSpread", "mathematics"}},
		{"/network/members/0/subjects/0", "string", []string{"subjectSpread", "mathematics"}},
		{"/plan/commitments", "object", []string{"commitments"}},
		{"/plan/commitments/shareOnline", "boolean", []string{"commitments"}},
		{"/funding", "object", []string{"fundedInstitutions", "commitments", "duration", "currency", "budgetLines", "categories", "cap",
			"categoryShares.resources"}},
		{"/funding/lines/0/amount", "integer", []string{"budgetLines", "cap", "categoryShares.resources"}},
		{"/contact", "object", nil},
	}
	base := loadDoc(t, validFixture)
	for _, f := range fields {
		for kind, v := range values {
			if kind == f.expected {
				continue
			}
			t.Run(f.path+" given "+kind, func(t *testing.T) {
				res := validate(t, base.with(t, set(f.path, v)).bytes(t), Options{})
				require.Equal(t, []seen{e(CodeType, f.path)}, summary(res), "no other finding follows from a value that cannot be read")
				require.Equal(t, Params{"expected": f.expected, "actual": actual(kind)}, res.Findings[0].Params)
				if f.path == "/scheme" {
					require.Empty(t, res.Rules, "no scheme, no rules")
					require.Equal(t, unjudged, verdictOf(res))
					return
				}
				want := map[string]Outcome{}
				for _, id := range stemKN2011Rules {
					want[id] = Passed
				}
				for _, id := range f.rules {
					want[id] = NotJudged
				}
				require.Equal(t, want, outcomes(res), "only the rules that read the field are not judged")
				if len(f.rules) == 0 {
					require.Equal(t, eligible, verdictOf(res))
				} else {
					require.Equal(t, unjudged, verdictOf(res))
				}
			})
		}
	}
}

func TestTypeMessagesSayWhatIsExpected(t *testing.T) {
	base := loadDoc(t, validFixture)
	cases := map[string]string{
		"/network/name":                       "The network's name must be text, not a number",
		"/funding/lines/0/amount":             "The amount of budget line 1 must be a whole number, not text",
		"/plan/commitments/submitReport":      "The commitment to submit a report must be true or false, not text",
		"/network/institutions/0/stateFunded": "Whether institution 1 is state-funded must be true or false, not text",
	}
	for path, want := range cases {
		value := any("7")
		if path == "/network/name" {
			value = 7
		}
		res := validate(t, base.with(t, set(path, value)).bytes(t), Options{})
		require.Len(t, res.Findings, 1)
		require.Equal(t, want, res.Findings[0].Message)
	}
	res := validate(t, []byte(`[]`), Options{})
	require.Equal(t, []seen{e(CodeType, "")}, summary(res))
	require.Equal(t, "The document must be a group of fields, not a list", res.Findings[0].Message)
}

func TestDocumentMustBeAnObject(t *testing.T) {
	for input, actual := range map[string]string{"null": "null", "[]": "array", `"stem-kn-2011"`: "string", "42": "number",
		"true": "boolean", " [1, {\"a\": 2}] ": "array"} {
		res := validate(t, []byte(input), Options{})
		require.Equal(t, []seen{e(CodeType, "")}, summary(res), input)
		require.Equal(t, Params{"expected": "object", "actual": actual}, res.Findings[0].Params)
		require.Nil(t, res.Eligible)
		require.Empty(t, res.Rules)
	}
	res := validate(t, []byte(`[1, 2`), Options{})
	require.Equal(t, []seen{e(CodeSyntax, "")}, summary(res), "a malformed document is a syntax error, not a type error")
}

func TestUnknownFieldsAreReportedAtTheirJSONPointer(t *testing.T) {
	base := loadDoc(t, validFixture)
	cases := []struct{ name, parent, key, path string }{
		{"at the top", "", "colour", "/colour"},
		{"in the network", "/network", "colour", "/network/colour"},
		{"in an institution", "/network/institutions/1", "colour", "/network/institutions/1/colour"},
		{"in a member", "/network/members/2", "colour", "/network/members/2/colour"},
		{"in a partner", "/network/partners/0", "colour", "/network/partners/0/colour"},
		{"in the plan", "/plan", "colour", "/plan/colour"},
		{"in an activity", "/plan/activities/2", "colour", "/plan/activities/2/colour"},
		{"in the commitments", "/plan/commitments", "payAttention", "/plan/commitments/payAttention"},
		{"in the funding", "/funding", "colour", "/funding/colour"},
		{"in a budget line", "/funding/lines/1", "colour", "/funding/lines/1/colour"},
		{"in the contact", "/contact", "colour", "/contact/colour"},
		{"a key with a slash", "", "a/b", "/a~1b"},
		{"a key with a tilde", "/network", "a~b", "/network/a~0b"},
		{"a key that looks escaped", "", "~1", "/~01"},
		{"a key with both", "/plan", "~/~", "/plan/~0~1~0"},
		{"the empty key", "", "", "/"},
		{"a key differing only in case", "", "Scheme", "/Scheme"},
		{"a key with a space", "/network", "name ", "/network/name "},
		{"a key in another script", "", "схема", "/схема"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := base.with(t, set(tc.parent+"/"+escapeKey(tc.key), map[string]any{"nested": []any{1, "two", nil}}))
			res := validate(t, doc.bytes(t), Options{})
			require.Equal(t, []seen{e(CodeUnknownField, tc.path)}, summary(res))
			require.Equal(t, Params{"name": tc.key}, res.Findings[0].Params)
			require.Equal(t, eligible, verdictOf(res), "an unknown field changes no rule")
			require.False(t, res.Valid)
		})
	}
	_, got := decodeApplication(t, `{"scheme": "stem-kn-2011", "a\u002fb": 1, "x": 1, "x": 2}`)
	require.Equal(t, []seen{e(CodeUnknownField, "/a~1b"), e(CodeUnknownField, "/x"), e(CodeUnknownField, "/x")}, got,
		"escaped keys are read before they are escaped again; a repeated unknown field is reported each time")
	res := validate(t, loadDoc(t, validFixture).with(t, set("/a~1b", 1)).bytes(t), Options{})
	require.Equal(t, `Remove "a/b": it is not a field this document can have`, res.Findings[0].Message)
}

func escapeKey(k string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
}

func TestRepeatedKeysAreDuplicates(t *testing.T) {
	valid := string(readFixture(t, validFixture))
	// A repeated key is ambiguous (other readers keep the last value), so
	// the rules that read it are not judged.
	cases := []struct {
		name, from, to, path string
		rules                []string
	}{
		{"at the top", `"submittedOn": "2011-01-07",`, `"submittedOn": "2011-01-07", "submittedOn": "2011-01-08",`, "/submittedOn",
			[]string{"deadline"}},
		{"in the network", `"theme": "maths-skills",`, `"theme": "maths-skills", "theme": "cooking",`, "/network/theme", []string{"theme"}},
		{"in a budget line", `"amount": 30000}`, `"amount": 30000, "amount": 99999999}`, "/funding/lines/1/amount",
			[]string{"budgetLines", "cap", "categoryShares.resources"}},
		{"in the commitments", `"shareOnline": true}`, `"shareOnline": true, "shareOnline": false}`, "/plan/commitments/shareOnline",
			[]string{"commitments"}},
		{"a whole object", `"contact": {`, `"contact": {"name": "X", "email": "x@example.org"}, "contact": {`, "/contact", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(valid, tc.from))
			res := validate(t, []byte(strings.Replace(valid, tc.from, tc.to, 1)), Options{})
			require.Equal(t, []seen{e(CodeDuplicate, tc.path)}, summary(res))
			require.Equal(t, Params{"name": tc.path[strings.LastIndexByte(tc.path, '/')+1:]}, res.Findings[0].Params)
			want := map[string]Outcome{}
			for _, id := range stemKN2011Rules {
				want[id] = Passed
			}
			for _, id := range tc.rules {
				want[id] = NotJudged
			}
			require.Equal(t, want, outcomes(res))
		})
	}
	app, _ := decodeApplication(t, `{"network": {"theme": "maths-skills", "theme": "cooking"}}`)
	require.Equal(t, "maths-skills", app.Network.Theme, "the first value is kept")
	res := validate(t, []byte(strings.Replace(valid, `"theme": "maths-skills",`, `"theme": "maths-skills", "theme": "cooking",`, 1)), Options{})
	require.Equal(t, "The network's theme appears more than once: remove the repeat", res.Findings[0].Message)
}

func TestNumbersAreReadAsExactIntegers(t *testing.T) {
	cases := []struct {
		text string
		want int64
	}{
		{"100", 100}, {"1e3", 1000}, {"1E3", 1000}, {"1e+3", 1000}, {"1.0", 1}, {"100E-2", 1}, {"1.5e1", 15},
		{"0.0001e4", 1}, {"120050", 120050}, {"1.2005e5", 120050}, {"9223372036854775807", 1<<63 - 1},
		{"922337203685477580.7e1", 1<<63 - 1}, {"0", 0}, {"-0", 0}, {"0e999999999999", 0}, {"-0.0e-5", 0},
		{"-1", -1}, {"-9223372036854775808", -1 << 63},
	}
	for _, tc := range cases {
		app, got := decodeApplication(t, `{"funding": {"lines": [{"amount": `+tc.text+`}]}}`)
		require.Equal(t, []seen{}, got, tc.text)
		require.Equal(t, tc.want, int64(app.Funding.Lines[0].Amount), tc.text)
	}
	for _, text := range []string{"1.5", "1e-1", "0.1", "100E-3", "-0.5", "1.0000000000000000000001", "5e-324", "1e-400",
		"12345678901234567890e-2",
		// An exponent with more digits than the parser keeps must still be
		// weighed against every digit of the mantissa.
		"1" + strings.Repeat("0", 3_000_000) + "e-30000000"} {
		_, got := decodeApplication(t, `{"funding": {"lines": [{"amount": `+text+`}]}}`)
		require.Equal(t, []seen{e(CodeType, "/funding/lines/0/amount")}, got, text[:min(len(text), 30)])
	}
	huge := "0." + strings.Repeat("0", 2_000_000) + "1e1000000000" // 10^(1e9 − 2,000,001)
	_, got := decodeApplication(t, `{"funding": {"lines": [{"amount": `+huge+`}]}}`)
	require.Equal(t, []seen{e(CodeOverflow, "/funding/lines/0/amount")}, got)
	app, got := decodeApplication(t, `{"funding": {"lines": [{"amount": 1`+strings.Repeat("0", 2_000_000)+`e-2000000}]}}`)
	require.Equal(t, []seen{}, got)
	require.Equal(t, int64(1), int64(app.Funding.Lines[0].Amount))
}

func TestMoneyPastInt64IsAnOverflow(t *testing.T) {
	base := string(readFixture(t, validFixture))
	for _, text := range []string{"9223372036854775808", "-9223372036854775809", "1e400", "1e19", "99999999999999999999999",
		"9.3e18", "1" + strings.Repeat("0", 5000)} {
		t.Run(text[:min(len(text), 30)], func(t *testing.T) {
			doc := strings.Replace(base, `"amount": 30000`, `"amount": `+text, 1)
			res := validate(t, []byte(doc), Options{})
			require.Equal(t, []seen{e(CodeOverflow, "/funding/lines/1/amount")}, summary(res))
			// A finding repeats at most 200 characters of what it is about.
			echo := text
			if len(text) > 200 {
				echo = text[:200] + "…"
			}
			require.Equal(t, Params{"value": echo}, res.Findings[0].Params)
			require.Equal(t, "The amount of budget line 2 is too large: check it is in pence or cents", res.Findings[0].Message)
			require.Equal(t, unjudged, verdictOf(res))
			require.Equal(t, NotJudged, outcomes(res)["cap"])
		})
	}
	for text, want := range map[string][]seen{
		"9223372036854775807":  {e(CodeMaximum, "/funding/lines/1/amount")},
		"1000000000000":        {e(CodeCap, "/funding/lines"), e(CodeCategoryShare, "/funding/lines"), e(CodeMaximum, "/funding/lines/1/amount")},
		"1000000000001":        {e(CodeMaximum, "/funding/lines/1/amount")},
		"-9223372036854775808": {e(CodeMinimum, "/funding/lines/1/amount")},
		"-1":                   {e(CodeMinimum, "/funding/lines/1/amount")},
		"1":                    {},
	} {
		doc := strings.Replace(base, `"amount": 30000`, `"amount": `+text, 1)
		require.Equal(t, want, summary(validate(t, []byte(doc), Options{})), text)
	}
	res := validate(t, []byte(strings.Replace(base, `"amount": 30000`, `"amount": -1`, 1)), Options{})
	require.Equal(t, "The amount of budget line 2 must be £0.01 or more", res.Findings[0].Message)
	res = validate(t, []byte(strings.Replace(base, `"amount": 30000`, `"amount": 1000000000001`, 1)), Options{})
	require.Equal(t, "The amount of budget line 2 must be £10,000,000,000.00 or less", res.Findings[0].Message)
}

// offerScheme is a scheme for offer documents with no rules, so that tests
// can reach the offer's integer fields whatever schemes are built in.
const offerScheme = `{"id": "test-offers", "title": "Test offers", "kind": "offer", "rules": {}}`

func offerValidator(t testing.TB) *Validator {
	t.Helper()
	c := NewCatalogue()
	_, err := c.Load([]byte(offerScheme))
	require.NoError(t, err)
	return NewValidator(c)
}

func TestIntegersPastInt64AreTooLarge(t *testing.T) {
	v := offerValidator(t)
	offer := func(ageRange string) string {
		return `{"scheme": "test-offers", "offer": {"employer": {"name": "Acme Ltd"}, "kind": "work-experience", "format": "placement",
			"title": "A week in the lab", "audience": ["fe-college"], "ageRange": ` + ageRange + `}}`
	}
	cases := []struct {
		ageRange string
		want     []seen
		params   Params
	}{
		{`{"min": 14, "max": 19}`, []seen{}, nil},
		{`{"min": 0, "max": 120}`, []seen{}, nil},
		{`{"max": 1.9e1}`, []seen{}, nil},
		{`{"min": 14, "max": 121}`, []seen{e(CodeMaximum, "/offer/ageRange/max")}, Params{"max": int64(120)}},
		{`{"min": -1, "max": 19}`, []seen{e(CodeMinimum, "/offer/ageRange/min")}, Params{"min": int64(0)}},
		{`{"min": 14, "max": 9223372036854775808}`, []seen{e(CodeMaximum, "/offer/ageRange/max")}, Params{"max": int64(1<<63 - 1)}},
		{`{"min": -9223372036854775809, "max": 19}`, []seen{e(CodeMinimum, "/offer/ageRange/min")}, Params{"min": int64(-1 << 63)}},
		{`{"min": -1e19, "max": 19}`, []seen{e(CodeMinimum, "/offer/ageRange/min")}, Params{"min": int64(-1 << 63)}},
		{`{"min": 1e400, "max": 19}`, []seen{e(CodeMaximum, "/offer/ageRange/min")}, Params{"max": int64(1<<63 - 1)}},
		{`{"min": 14.5, "max": 19}`, []seen{e(CodeType, "/offer/ageRange/min")}, Params{"expected": "integer", "actual": "number"}},
		{`{"min": "14", "max": 19}`, []seen{e(CodeType, "/offer/ageRange/min")}, Params{"expected": "integer", "actual": "string"}},
		{`{"min": 14}`, []seen{e(CodeRequired, "/offer/ageRange/max")}, nil},
		{`[14, 19]`, []seen{e(CodeType, "/offer/ageRange")}, Params{"expected": "object", "actual": "array"}},
	}
	for _, tc := range cases {
		res := v.ValidateString(offer(tc.ageRange), Options{})
		checkContract(t, res)
		checkWording(t, res)
		require.Equal(t, tc.want, summary(res), tc.ageRange)
		if tc.params != nil {
			require.Equal(t, tc.params, res.Findings[0].Params, tc.ageRange)
		}
	}
}

func TestImpossibleDatesAreFormatErrors(t *testing.T) {
	base := loadDoc(t, validFixture)
	for _, date := range []string{"2011-02-29", "2011-13-01", "2011-04-31", "2011-00-10", "2011-01-00", "2011-1-10",
		"10/01/2011", "2011-01-10T00:00:00Z", " 2011-01-10", "２０１１-01-10", ""} {
		for _, path := range []string{"/submittedOn", "/plan/startDate", "/plan/endDate", "/plan/activities/1/date"} {
			res := validate(t, base.with(t, set(path, date)).bytes(t), Options{})
			got := summary(res)
			if date == "" && path != "/plan/startDate" && path != "/plan/endDate" {
				// An empty optional date is no date at all.
				if path == "/submittedOn" {
					require.Equal(t, []seen{e(CodeRequired, "/submittedOn")}, got, "the deadline rule needs it")
				} else {
					require.Equal(t, []seen{}, got)
				}
				continue
			}
			if date == "" {
				require.Equal(t, []seen{e(CodeRequired, path)}, got)
				continue
			}
			require.Equal(t, []seen{e(CodeFormat, path)}, got, "%s at %s", date, path)
			require.Equal(t, Params{"format": "date"}, res.Findings[0].Params)
		}
	}
	res := validate(t, base.with(t, set("/submittedOn", "2012-02-29")).bytes(t), Options{})
	require.Equal(t, []seen{e(CodeDeadline, "/submittedOn")}, summary(res), "29 February 2012 is a real date")
}

func TestTextIsReadExactly(t *testing.T) {
	cases := []struct{ json, want string }{
		{`"Calder \u0000 School"`, "Calder \x00 School"},
		{`"\ud800"`, "\ufffd"},
		{`"\udc00"`, "\ufffd"},
		{`"\ud800\u0041"`, "\ufffdA"},
		{`"\ud800\ud800"`, "\ufffd\ufffd"},
		{`"\udc00\ud800"`, "\ufffd\ufffd"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\uD83D\uDE00x"`, "😀x"},
		{`"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t"},
		{`"é\u00e9"`, "éé"},
		{`"e\u0301 \u202eRTL\u202c \u200b\u200d 👩‍🔬"`, "e\u0301 \u202eRTL\u202c \u200b\u200d 👩‍🔬"},
		{`"\ufeff"`, "\ufeff"},
	}
	for _, tc := range cases {
		app, got := decodeApplication(t, `{"network": {"name": `+tc.json+`}}`)
		require.Equal(t, []seen{}, got, tc.json)
		require.Equal(t, tc.want, app.Network.Name, tc.json)
		var viaStd struct{ Network struct{ Name string } }
		require.NoError(t, json.Unmarshal([]byte(`{"network": {"name": `+tc.json+`}}`), &viaStd))
		require.Equal(t, viaStd.Network.Name, app.Network.Name, "encoding/json reads %s alike", tc.json)
	}
}

// TestLengthsCountCharacters checks that max-length counts Unicode code
// points, whatever their size in bytes or how they are drawn.
func TestLengthsCountCharacters(t *testing.T) {
	base := loadDoc(t, validFixture)
	for _, unit := range []string{"a", "é", "😀", "\u200b", "\u202e", "e\u0301"[1:], "中"} {
		for n, want := range map[int][]seen{200: {}, 201: {e(CodeMaxLength, "/network/name")}} {
			name := strings.Repeat(unit, n)
			require.Equal(t, n, utf8.RuneCountInString(name))
			res := validate(t, base.with(t, set("/network/name", name)).bytes(t), Options{})
			require.Equal(t, want, summary(res), "%d × %q", n, unit)
			if n == 201 {
				require.Equal(t, "The network's name must be 200 characters or fewer", res.Findings[0].Message)
				require.Equal(t, Params{"max": int64(200)}, res.Findings[0].Params)
			}
		}
	}
	// A name of 100 letters each with a combining accent is 200 code points.
	res := validate(t, base.with(t, set("/network/name", strings.Repeat("e\u0301", 100))).bytes(t), Options{})
	require.Equal(t, []seen{}, summary(res))
	res = validate(t, base.with(t, set("/network/name", strings.Repeat("e\u0301", 100)+"x")).bytes(t), Options{})
	require.Equal(t, []seen{e(CodeMaxLength, "/network/name")}, summary(res))
}

func TestInputLimits(t *testing.T) {
	valid := string(readFixture(t, validFixture))
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	withUnknown := func(value string) string { return strings.Replace(valid, `{`, `{"x": `+value+`, `, 1) }
	withName := func(value string) string {
		return strings.Replace(valid, `"name": "Calder Valley Maths in STEM Network"`, `"name": `+value, 1)
	}
	members := func(n int, element string) string {
		return `{"network": {"members": [{"name": "A", "role": "teacher", "institution": "x", "subjects": [` +
			strings.TrimSuffix(strings.Repeat(element+",", n), ",") + `]}]}}`
	}
	cases := []struct {
		name   string
		input  string
		want   []seen
		params Params
	}{
		{"10 MB of text", `{"scheme": "` + strings.Repeat("a", 10<<20) + `"}`,
			[]seen{e(CodeTooLarge, "")}, Params{"limit": "bytes", "max": int64(8 << 20)}},
		{"one byte past the limit", `{"x":"` + strings.Repeat(" ", 8<<20-7) + `"}`,
			[]seen{e(CodeTooLarge, "")}, Params{"limit": "bytes", "max": int64(8 << 20)}},
		{"63 levels in an unknown field", withUnknown(nest(63)), []seen{e(CodeUnknownField, "/x")}, Params{"name": "x"}},
		{"64 levels in an unknown field", withUnknown(nest(64)), []seen{e(CodeTooLarge, "/x")}, Params{"limit": "depth", "max": int64(64)}},
		{"100 levels in an unknown field", withUnknown(nest(100)), []seen{e(CodeTooLarge, "/x")}, Params{"limit": "depth", "max": int64(64)}},
		{"100 levels of objects in an unknown field", withUnknown(strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100)),
			[]seen{e(CodeTooLarge, "/x")}, Params{"limit": "depth", "max": int64(64)}},
		{"a million levels, unclosed", withUnknown(strings.Repeat("[", 1_000_000)),
			[]seen{e(CodeTooLarge, "/x")}, Params{"limit": "depth", "max": int64(64)}},
		{"62 levels in a typed field", withName(nest(62)), []seen{e(CodeType, "/network/name")}, Params{"expected": "string", "actual": "array"}},
		{"63 levels in a typed field", withName(nest(63)), []seen{e(CodeTooLarge, "/network/name")}, Params{"limit": "depth", "max": int64(64)}},
		{"100 levels in a typed field", withName(nest(100)), []seen{e(CodeTooLarge, "/network/name")}, Params{"limit": "depth", "max": int64(64)}},
		{"100 levels in a list of members", strings.Replace(valid, `"members": [`, `"members": [`+nest(100)+`,`, 1),
			[]seen{e(CodeTooLarge, "/network/members")}, Params{"limit": "depth", "max": int64(64)}},
		{"100,000 items", members(100_000, `"science"`), nil, nil},
		{"100,001 items", members(100_001, `"science"`),
			[]seen{e(CodeTooLarge, "/network/members/0/subjects")}, Params{"limit": "items", "max": int64(100_000)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := validate(t, []byte(tc.input), Options{})
			if tc.want == nil { // within the limits: the structural rules judge it
				require.False(t, hasCode(res.Findings, CodeTooLarge))
				require.Contains(t, summary(res), e(CodeMaxItems, "/network/members/0/subjects"))
				return
			}
			require.Equal(t, tc.want, summary(res))
			require.Equal(t, tc.params, res.Findings[0].Params)
			if tc.want[0].Code == CodeTooLarge {
				require.Nil(t, res.Eligible)
				require.Empty(t, res.Rules)
			}
		})
	}
}

func TestTooLargeMessages(t *testing.T) {
	res := validate(t, []byte(`{"x": `+strings.Repeat("[", 100)+`}`), Options{})
	require.Equal(t, "The document must be nested no more than 64 levels deep", res.Findings[0].Message)
	small := testValidator.WithLimits(Limits{Bytes: 100, Depth: 3, Items: 2})
	res = small.ValidateString(`{"network": {"members": [{}, {}, {}]}}`, Options{})
	require.Equal(t, []seen{e(CodeTooLarge, "/network/members")}, summary(res))
	require.Equal(t, "The members must have no more than 2 entries", res.Findings[0].Message)
	res = small.ValidateString(`{"network": {"members": [{"subjects": []}]}}`, Options{})
	require.Equal(t, []seen{e(CodeTooLarge, "/network/members")}, summary(res), "the list's elements are checked before it is read")
	res = small.ValidateString(`{"scheme": "`+strings.Repeat("x", 100)+`"}`, Options{})
	require.Equal(t, []seen{e(CodeTooLarge, "")}, summary(res))
	require.Equal(t, "The document must be 100 bytes or smaller", res.Findings[0].Message)
	require.Equal(t, DefaultLimits, testValidator.Limits(), "WithLimits leaves the original alone")
}

// TestDecoderAgreesWithEncodingJSON validates documents both from bytes and,
// after encoding/json has read them into an Application, from Go values: for
// JSON with no repeated keys, unknown fields, nulls or non-integer numbers
// the two must say exactly the same.
func TestDecoderAgreesWithEncodingJSON(t *testing.T) {
	base := loadDoc(t, validFixture)
	docs := map[string][]byte{"valid": base.bytes(t), "calder": readFixture(t, "calder.json")}
	variants := map[string][]change{
		"over the cap":           {lines(170000, 50000)},
		"late":                   {set("/submittedOn", "2011-01-11")},
		"short":                  {set("/plan/endDate", "2011-04-24")},
		"backwards":              {set("/plan/endDate", "2011-01-01")},
		"unfunded":               {del("/funding")},
		"academy lead":           {set("/network/institutions/0/establishmentType", "academy-converter")},
		"welsh lead":             {set("/network/institutions/0/subdivision", "GB-WLS")},
		"no nation":              {del("/network/institutions/0/subdivision")},
		"bad email":              {set("/contact/email", "asha at calder")},
		"no members":             {set("/network/members", []any{})},
		"no institutions":        {del("/network/institutions")},
		"empty plan":             {set("/plan", map[string]any{})},
		"unknown ids":            {set("/network/lead", "a"), set("/funding/lines/0/institution", "b")},
		"repeated ids":           {set("/network/institutions/1/id", "ccs")},
		"unknown scheme":         {set("/scheme", "stem-kn-2099")},
		"no scheme":              {del("/scheme")},
		"long name":              {set("/network/name", strings.Repeat("😀", 201))},
		"euros":                  {set("/funding/currency", "EUR")},
		"dollars":                {set("/funding/currency", "USD")},
		"negative":               {set("/funding/lines/0/amount", -5)},
		"no lines":               {set("/funding/lines", []any{})},
		"bad urn":                {set("/network/institutions/0/urn", "12345")},
		"state funded abroad":    {set("/network/institutions/0/country", "DE"), del("/network/institutions/0/subdivision"), set("/network/institutions/0/stateFunded", false)},
		"activity outside dates": {set("/plan/activities/0/date", "2012-01-01")},
		"empty document":         nil,
	}
	for name, changes := range variants {
		if changes == nil {
			docs[name] = []byte(`{}`)
			continue
		}
		docs[name] = base.with(t, changes...).bytes(t)
	}
	for name, data := range docs {
		for _, mode := range []Mode{Submit, Draft} {
			fromBytes := validate(t, data, Options{Mode: mode})
			var app Application
			require.NoError(t, json.Unmarshal(data, &app), name)
			fromGo := testValidator.ValidateApplication(&app, Options{Mode: mode})
			require.Equal(t, fromBytes, fromGo, "%s (%s)", name, mode)
		}
	}
}

// TestDeeperLimitsApplyWhenFindingTheScheme: a validator with a deeper
// nesting limit reads the scheme after a value nested past the default.
func TestDeeperLimitsApplyWhenFindingTheScheme(t *testing.T) {
	v := offerValidator(t).WithLimits(Limits{Bytes: 1 << 20, Depth: 200, Items: 10})
	offer := `"offer": {"employer": {"name": "Acme Ltd"}, "kind": "cpd", "format": "workshop", "title": "Lab tour", "audience": ["fe-college"]}`
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	res := v.ValidateString(`{"x": `+deep+`, "scheme": "test-offers", `+offer+`}`, Options{})
	checkContract(t, res)
	require.Equal(t, "test-offers", res.Scheme)
	require.Equal(t, []seen{e(CodeUnknownField, "/x")}, summary(res))
	res = offerValidator(t).ValidateString(`{"x": `+deep+`, "scheme": "test-offers", `+offer+`}`, Options{})
	require.Equal(t, []seen{e(CodeTooLarge, "/x")}, summary(res), "the default limit")
}
