package stemkn

import (
	"encoding/json"
	"net/url"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFormDecodesBracketNamesToTheSameDocument(t *testing.T) {
	values := url.Values{
		"scheme":                                 {"stem-kn-2011"},
		"submittedOn":                            {"2011-01-07"},
		"csrf_token":                             {"host's own field"},
		"network[name]":                          {"Calder Valley Maths in STEM Network"},
		"network[lead]":                          {"ccs"},
		"network[institutions][0][id]":           {"ccs"},
		"network[institutions][0][name]":         {"Calder Community School"},
		"network[institutions][0][stateFunded]":  {""},
		"network[members][7][name]":              {"Tom Reid"},
		"network[members][7][subjects][]":        {"science", "", "technology"},
		"network[members][2][name]":              {"Asha Patel"},
		"network[members][2][subjects][]":        {"mathematics"},
		"network[members][9][name]":              {""}, // a blank row the host added
		"plan[commitments][submitReport]":        {"false", "true"},
		"plan[commitments][shareOnline]":         {"false"},
		"funding[currency]":                      {"GBP"},
		"funding[lines][3][amount]":              {"£1,200.50"},
		"funding[lines][3][category]":            {"supply-cover"},
		"funding[lines][10][amount]":             {"400"},
		"funding[lines][10][description]":        {"Data \"loggers\"\n"},
		"network[institutions][0][stateFunded]x": {"not a bracket name"},
	}
	f := testValidator.DecodeForm(values, Options{})
	// Nothing typed is dropped without a word: a name under a document
	// field that is not bracket notation is a finding at its own path.
	require.Equal(t, Findings{{Code: CodeFormName, Severity: Error, Path: "/network/institutions/0/stateFunded/x",
		Params: Params{"name": "network[institutions][0][stateFunded]x"}, Variant: "name"}}, f.Findings)
	require.Equal(t, "network[institutions][0][stateFunded]x", f.FieldFor("/network/institutions/0/stateFunded/x"))
	require.JSONEq(t, `{
		"scheme": "stem-kn-2011", "submittedOn": "2011-01-07",
		"network": {"name": "Calder Valley Maths in STEM Network", "lead": "ccs",
			"institutions": [{"id": "ccs", "name": "Calder Community School"}],
			"members": [{"name": "Asha Patel", "subjects": ["mathematics"]},
				{"name": "Tom Reid", "subjects": ["science", "technology"]}]},
		"plan": {"commitments": {"submitReport": true}},
		"funding": {"currency": "GBP", "lines": [
			{"category": "supply-cover", "amount": 120050},
			{"description": "Data \"loggers\"\n", "amount": 40000}]}
	}`, string(f.Document))
	require.Equal(t, "network[members][7][name]", f.Fields["/network/members/1/name"])
	require.Equal(t, "network[members][7][subjects][]", f.Fields["/network/members/1/subjects/1"])
	require.Equal(t, "funding[lines][10][amount]", f.Fields["/funding/lines/1/amount"])
}

func TestFormReportsFieldsItCannotRead(t *testing.T) {
	tests := []struct {
		name  string
		field string
		value string
		code  Code
		path  string
	}{
		{"money with three decimals", "funding[lines][0][amount]", "12.345", CodeFormat, "/funding/lines/0/amount"},
		{"money in words", "funding[lines][0][amount]", "twelve pounds", CodeFormat, "/funding/lines/0/amount"},
		{"money past int64", "funding[lines][0][amount]", "999999999999999999999", CodeOverflow, "/funding/lines/0/amount"},
		{"a checkbox with another value", "plan[commitments][submitReport]", "yes", CodeFormat, "/plan/commitments/submitReport"},
		{"a field the network does not have", "network[colour]", "blue", CodeUnknownField, "/network/colour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values := url.Values{tt.field: {tt.value}, "funding[lines][0][category]": {"resources"}}
			f := testValidator.DecodeForm(values, Options{})
			require.Len(t, f.Findings, 1)
			require.Equal(t, tt.code, f.Findings[0].Code)
			require.Equal(t, tt.path, f.Findings[0].Path)
		})
	}
}

func TestFundingIsAbsentWithoutBudgetLines(t *testing.T) {
	f := testValidator.DecodeForm(url.Values{"funding[currency]": {"GBP"}, "funding[lines][0][description]": {" "}}, Options{})
	require.JSONEq(t, `{}`, string(f.Document))
}

func TestAFormGivesTheSameFindingsAsItsJSON(t *testing.T) {
	data, err := os.ReadFile("testdata/calder.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	values := url.Values{}
	flattenForm(values, "", doc)
	v := NewValidator(nil)
	fromForm, _ := v.ValidateForm(values, Options{})
	require.Equal(t, v.Validate(data, Options{}), fromForm)
}

// flattenForm renders a JSON document as form fields, the way a host page names them.
func flattenForm(values url.Values, prefix string, v any) {
	name := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "[" + k + "]"
	}
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			flattenForm(values, name(k), c)
		}
	case []any:
		for i, c := range x {
			if s, ok := c.(string); ok {
				values.Add(prefix+"[]", s)
				continue
			}
			flattenForm(values, prefix+"["+strconv.Itoa(i)+"]", c)
		}
	case string:
		values.Set(prefix, x)
	case float64:
		values.Set(prefix, json.Number(formatFloatInt(x)).String())
	case bool:
		if x {
			values.Set(prefix, "true")
		} else {
			values.Set(prefix, "false")
		}
	}
}

func formatFloatInt(f float64) string {
	// Amounts in the fixtures are whole pence: render them as pounds and pence, as a person types them.
	p := int64(f)
	return strconv.Itoa(int(p/100)) + "." + string(rune('0'+p%100/10)) + string(rune('0'+p%10))
}
