package stemkn_test

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// Nothing typed is lost without a word: every form name under a document
// field that the decoder cannot place gets a form-name finding at a path of
// its own, and Fields (so FieldFor) names the field, so a host can show the
// message by it.
func TestFormNamesTheDocumentCannotPlaceAreFindings(t *testing.T) {
	tests := []struct {
		name    string
		field   string
		also    url.Values // fields posted beside it
		path    string
		variant string
		message string
	}{
		{"an index with a leading zero", "network[members][007][name]", nil, "/network/members/007/name", "index",
			`"007" is not a row number from 0 to 99999`},
		{"a negative index", "network[members][-1][name]", nil, "/network/members/-1/name", "index",
			`"-1" is not a row number from 0 to 99999`},
		{"an index in letters", "network[members][x][name]", nil, "/network/members/x/name", "index",
			`"x" is not a row number from 0 to 99999`},
		{"an index past int64", "network[members][99999999999999999999][name]", nil, "/network/members/99999999999999999999/name", "index",
			`"99999999999999999999" is not a row number from 0 to 99999`},
		{"an index past the items limit", "network[members][100000][name]", nil, "/network/members/100000/name", "index",
			`"100000" is not a row number from 0 to 99999`},
		{"the last index the items limit allows is a row", "network[members][99999][name]", nil, "", "", ""},
		{"[] before another name", "network[members][][name]", nil, "/network/members/[]/name", "index",
			`"[]" is not a row number from 0 to 99999`},
		{"a list of text where rows go", "network[members][]", nil, "/network/members/[]", "rows",
			"the members are given row by row, not as one answer"},
		{"one answer where rows go", "funding[lines]", nil, "/funding/lines", "rows",
			"the budget lines are given row by row, not as one answer"},
		{"a list where one answer goes", "network[name][0]", nil, "/network/name/0", "list",
			"the network's name takes one answer, not a list"},
		{"a group where one answer goes", "network[name][foo]", nil, "/network/name/foo", "group",
			"the network's name takes one answer, not a group of answers"},
		{"a group under an amount", "funding[lines][0][amount][pence]", url.Values{"funding[lines][0][category]": {"resources"}},
			"/funding/lines/0/amount/pence", "group", "the amount of budget line 1 takes one answer, not a group of answers"},
		{"one answer where a row's fields go", "network[institutions][3]", url.Values{"network[institutions][3][id]": {"a"}},
			"/network/institutions/0", "value", "institution 1 is a group of questions, not one answer"},
		{"one answer where a group's fields go", "network", nil, "/network", "value",
			"the network is a group of questions, not one answer"},
		{"an index in letters in a list of text", "network[members][0][subjects][x]", nil, "/network/members/0/subjects/x", "index",
			`"x" is not a row number from 0 to 99999`},
		{"a group under an entry of a list of text", "network[members][0][subjects][2][x]", nil, "/network/members/0/subjects/2/x", "group",
			"subject 3 of member 1 takes one answer, not a group of answers"},
		{"a date input with a part it does not have", "plan[startDate][hour]", url.Values{"plan[startDate][day]": {"1"}},
			"/plan/startDate/hour", "group", "the start date takes one answer, not a group of answers"},
		{"a name that stops inside a bracket", "network[name", nil, "/network/[name", "name",
			"its field name is not in bracket notation"},
		{"a name with text after its brackets", "plan[startDate]-hour", nil, "/plan/startDate/-hour", "name",
			"its field name is not in bracket notation"},
		{"a stray in a group that is not written", "funding[currency][0]", nil, "/funding/currency/0", "list",
			"the currency takes one answer, not a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"scheme": {"stem-kn-2011"}, tt.field: {"Asha Patel"}}
			for k, v := range tt.also {
				form[k] = v
			}
			res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
			var strays []stemkn.Finding
			for _, fd := range res.Findings {
				if fd.Code == stemkn.CodeFormName {
					strays = append(strays, fd)
				}
			}
			if tt.path == "" {
				require.Empty(t, strays)
				return
			}
			require.Len(t, strays, 1, "%v", res.Findings)
			fd := strays[0]
			require.Equal(t, tt.path, fd.Path)
			require.Equal(t, tt.variant, fd.Variant)
			require.Equal(t, tt.field, fd.Params["name"])
			require.Equal(t, stemkn.Error, fd.Severity)
			require.Equal(t, "The answer in "+strconv.Quote(tt.field)+" cannot be saved: "+tt.message, fd.Message)
			require.Equal(t, tt.field, f.FieldFor(fd.Path), "the message goes by the field itself")
			require.False(t, res.Valid)
		})
	}
}

// Only what was typed counts: an empty field the form cannot place is
// nothing lost.
func TestAnEmptyFormNameTheDocumentCannotPlaceIsNoFinding(t *testing.T) {
	form := url.Values{"scheme": {"stem-kn-2011"}, "network[members][007][name]": {" "}, "network[name][0]": {""}, "network[name": {""}}
	res, _ := builtinValidator.ValidateForm(form, stemkn.Options{})
	require.Zero(t, countCode(res, stemkn.CodeFormName))
}

// A name the form cannot place hides nothing else: the group it sits in is
// still checked, and the rest of the form still decodes.
func TestAFormNameTheDocumentCannotPlaceHidesNothingElse(t *testing.T) {
	form := url.Values{"scheme": {"stem-kn-2011"}, "network": {"x"}, "network[members][007][name]": {"Tom Reid"},
		"network[members][2][name]": {"Asha Patel"}}
	res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
	require.JSONEq(t, `{"scheme":"stem-kn-2011","network":{"members":[{"name":"Asha Patel"}]}}`, string(f.Document))
	require.Equal(t, "Enter the network's name", findingAt(t, res, "/network/name").Message)
	require.Equal(t, "Select the role of member 1", findingAt(t, res, "/network/members/0/role").Message)
	require.Equal(t, "network[members][007][name]", f.FieldFor("/network/members/007/name"))
	require.Equal(t, "network[members][2][role]", f.FieldFor("/network/members/0/role"))
	require.Equal(t, 2, countCode(res, stemkn.CodeFormName))
}

// Each name the form cannot place is a finding, and they meet the findings
// limit like any other.
func TestFormNamesTheDocumentCannotPlaceMeetTheFindingsLimit(t *testing.T) {
	form := url.Values{"scheme": {"stem-kn-2011"}}
	for i := range stemkn.DefaultLimits.Findings + 1 {
		form.Set("network[members][x"+strconv.Itoa(i)+"][name]", "Asha Patel")
	}
	res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
	require.Equal(t, stemkn.DefaultLimits.Findings, countCode(res, stemkn.CodeFormName))
	require.Equal(t, 1, countCode(res, stemkn.CodeTooLarge))
	require.LessOrEqual(t, len(f.Findings), stemkn.DefaultLimits.Findings+1)
}

// A value the form could not place was meant for the document: a rule that
// reads where it was meant to go is not judged (an institution row lost to
// a bad index could have made the count), where an unknown field, which no
// rule reads, leaves it judged.
func TestAFormNameTheDocumentCannotPlaceLeavesItsRulesUnjudged(t *testing.T) {
	base := url.Values{"scheme": {"enthuse-2014"}, "network[lead]": {"a"}, "network[institutions][0][id]": {"a"}, "network[institutions][0][name]": {"A"},
		"network[institutions][0][kind]": {"school"}, "network[institutions][0][country]": {"GB"}}
	outcome := func(form url.Values) stemkn.Outcome {
		res, _ := builtinValidator.ValidateForm(form, stemkn.Options{})
		for _, r := range res.Rules {
			if r.Rule == "minInstitutions" {
				return r.Outcome
			}
		}
		t.Fatal("no minInstitutions rule")
		return ""
	}
	require.Equal(t, stemkn.Failed, outcome(base), "the lead, and none of the four other schools asked for")
	lost := url.Values{"network[institutions][x][id]": {"b"}}
	for k, v := range base {
		lost[k] = v
	}
	require.Equal(t, stemkn.NotJudged, outcome(lost))
	unknown := url.Values{"network[colour]": {"blue"}}
	for k, v := range base {
		unknown[k] = v
	}
	require.Equal(t, stemkn.Failed, outcome(unknown))
}
