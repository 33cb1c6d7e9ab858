package stemkn

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// Fuzz targets. Failing inputs the fuzzer finds are kept under
// testdata/fuzz/<target>/ and run as ordinary cases by go test.

// fuzzSeeds are documents to start from: the fixtures and a spread of the
// malformed and hostile shapes the decoder tests use.
func fuzzSeeds(t testing.TB) [][]byte {
	seeds := [][]byte{
		readFixture(t, validFixture), readFixture(t, "calder.json"), manyProblems(t),
		[]byte(``), []byte(`null`), []byte(`[]`), []byte(`{}`), []byte(`{"scheme": "stem-kn-2011"}`),
		[]byte(`{"scheme": "stem-kn-2011"} x`), []byte(`{"x": [[[[{"a": 1}]]]]}`), []byte("{\"scheme\": \"\xff\"}"),
		[]byte(`{"funding": {"lines": [{"amount": 1e400}, {"amount": 1.5}, {"amount": -0}, {"amount": 100E-2}]}}`),
		[]byte(`{"network": {"name": "\ud800\udc00\u0000 é😀", "name": 1}}`), []byte(`{"a~/b": {"c": [1, 2, {"d": null}]}}`),
		[]byte(`{"scheme": "test-offers", "offer": {"kind": "cpd", "ageRange": {"min": 5, "max": 4}, "cost": 1}}`),
	}
	// The other built-in schemes' fixtures, so their rules are fuzzed too.
	for _, name := range []string{"enthuse-2014.json", "enthuse-2022.json", "stem-pd-net-2016.json", "exchange-cpd.json",
		"exchange-work-experience.json"} {
		seeds = append(seeds, readFixture(t, name))
	}
	return seeds
}

// FuzzValidate: whatever the bytes, Validate returns a result that keeps the
// contract, in both modes, and never panics.
func FuzzValidate(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, draft bool) {
		opts := Options{}
		if draft {
			opts.Mode = Draft
		}
		res := testValidator.Validate(data, opts)
		checkContract(t, res)
		out, err := json.Marshal(res)
		require.NoError(t, err)
		require.True(t, json.Valid(out))
		var back Result
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, res.Valid, back.Valid)
		require.Len(t, back.Findings, len(res.Findings))
		require.Equal(t, res, testValidator.ValidateString(string(data), opts), "Validate and ValidateString agree")
		if res.Eligible != nil && !*res.Eligible {
			require.False(t, res.Valid, "an ineligible application has an error saying why")
		}
	})
}

// FuzzDecodeAgainstEncodingJSON checks the strict decoder against
// encoding/json: the input is malformed for one exactly when it is for the
// other, and a document ours reads without a single finding is read by
// encoding/json into the same Application. Invalid UTF-8 (which
// encoding/json replaces and ours rejects) and input past our limits are
// left out.
func FuzzDecodeAgainstEncodingJSON(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		input := string(data)
		app, got := decodeApplication(t, input)
		for _, s := range got {
			if s.Code == CodeTooLarge {
				return
			}
		}
		syntax := false
		for _, s := range got {
			syntax = syntax || s.Code == CodeSyntax
		}
		require.Equal(t, !json.Valid(data), syntax, "syntax error: ours %v, encoding/json %v", syntax, !json.Valid(data))
		if syntax || len(got) > 0 {
			return
		}
		var std Application
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&std); err != nil {
			// encoding/json refuses 1.0 and 1e3 as integers; we accept them.
			var typeErr *json.UnmarshalTypeError
			require.ErrorAs(t, err, &typeErr, "encoding/json: %v", err)
			require.Equal(t, "number", typeErr.Value[:min(len(typeErr.Value), 6)], "encoding/json: %v", err)
			return
		}
		require.True(t, reflect.DeepEqual(std, app), "decoded differently:\n ours %+v\n std  %+v", app, std)
	})
}

// FuzzLoadScheme: any scheme file either fails to load with an error or
// gives schemes that pass Check and that a validator can use on any document.
func FuzzLoadScheme(f *testing.F) {
	builtin, err := json.Marshal(freshScheme("stem-kn-2011"))
	require.NoError(f, err)
	seeds := []string{biggerKN, offerScheme, string(builtin),
		strings.Replace(string(builtin), `"id":"stem-kn-2011"`, `"id":"copy","extends":"stem-kn-2011"`, 1),
		`{"id": "a", "title": "A", "extends": "a"}`, `{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"mathematics": null}}`,
		`{"id": "m", "title": "M", "currency": "EUR", "categories": [{"id": "pm", "title": "Project management"}],
		  "rules": {"monthlyCap": {"perMonth": 1250000, "ceiling": 45000000, "reference": "x"},
		    "unitCost": {"category": "pm", "coordinatorPerMonth": 50000, "partnerPerMonth": 25000, "maxOrganisations": 10, "reference": "x"},
		    "duration": {"minMonths": 12, "maxMonths": 36, "reference": "x"}, "countries": {"min": 3, "countries": ["DE", "FR"], "reference": "x"},
		    "identifiers": {"required": ["pic"], "reference": "x"}, "outputs": {"min": 1, "reference": "x"},
		    "activities": {"needs": [{"name": "teacher CPD", "kinds": ["cpd"]}], "reference": "x"},
		    "minInstitutions": {"min": 5, "reference": "x"}, "localIssue": {"reference": "x"}, "fundingRequired": {"reference": "x"},
		    "categoryNeeds": [{"category": "pm", "needs": "outputs", "reference": "x"}]}}`,
		`{"id": "o", "title": "O", "kind": "offer", "rules": {"freeOffer": {"kinds": ["cpd"], "reference": "x"},
		  "audience": {"kinds": ["cpd"], "allowed": ["fe-college"], "reference": "x"}, "ageRange": {"kinds": ["work-experience"], "reference": "x"}}}`,
		// The hostile shapes: numbers past their bounds, repeated ids and keys, long lists.
		`{"id": "x", "title": "X", "extends": "enthuse-2022", "rules": {"cap": {"amount": -9223372036854775808, "reference": "x"},
		  "monthlyCap": {"perMonth": -1, "ceiling": -2, "reference": "x"}, "duration": {"maxMonths": -1, "minWeeks": 99999999, "reference": "x"},
		  "subjectSpread": {"min": 9223372036854775807, "reference": "x"}, "minInstitutions": {"min": 1001, "reference": "x"}}}`,
		`{"id": "x", "title": "X", "extends": "enthuse-2022", "themes": [{"id": "t", "title": "T"}, {"id": "t", "title": "U"}],
		  "categories": [{"id": "resources", "title": "R"}, {"id": "resources", "title": "S"}], "rules": {"categoryShares": [
		  {"category": "resources", "maxPercent": 20, "reference": "x"}, {"category": "resources", "maxPercent": 30, "reference": "x"}]}}`,
		`{"id": "x", "title": "X", "title": "Y", "extends": "stem-kn-2011", "rules": {"cap": {"amount": 1, "amount": 2, "reference": "x"}},
		  "tests": [{"name": "n", "document": {"scheme": "x", "scheme": "y"}, "expect": {"valid": false}}]}`,
		`{"id": "x", "title": "X", "extends": "stem-kn-2011", "funders": [` + strings.Repeat(`"f",`, 100) + `"f"]}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	docs := [][]byte{readFixture(f, validFixture), manyProblems(f), []byte(`{}`),
		[]byte(`{"offer": {"kind": "cpd", "cost": 5, "audience": ["school"], "ageRange": {"min": 9, "max": 3}}}`)}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewCatalogue()
		loaded, err := c.Load(data)
		if err != nil {
			require.Nil(t, loaded)
			require.NotEmpty(t, err.Error())
			require.Equal(t, builtinIDs(), schemeIDs(c))
			return
		}
		v := NewValidator(c)
		for _, s := range loaded {
			require.NoError(t, s.Check())
			got, ok := c.Scheme(s.ID)
			require.True(t, ok)
			require.Same(t, s, got)
			for _, d := range docs {
				for _, mode := range []Mode{Submit, Draft} {
					checkContract(t, v.Validate(d, Options{Scheme: s.ID, Mode: mode}))
				}
			}
		}
	})
}
