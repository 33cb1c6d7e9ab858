//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

func decode[T any](t *testing.T, text string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(text), &v), text)
	return v
}

type answer struct {
	Error    string `json:"error"`
	Scheme   string `json:"scheme"`
	Valid    bool   `json:"valid"`
	Eligible *bool  `json:"eligible"`
	Findings []struct {
		Code    string `json:"code"`
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"findings"`
}

func TestAPanicBecomesAnErrorAnswer(t *testing.T) {
	out := call(func([]string) string { panic("boom") }, nil)
	require.Equal(t, `{"error":"stemkn: internal error: boom"}`, out)
	var nilMap map[string]int
	out = call(func([]string) string { nilMap["x"] = 1; return "" }, nil)
	require.Contains(t, decode[answer](t, out).Error, "internal error")
}

// stringer is a panic value with a String method.
type stringer struct{}

func (stringer) String() string { return "a stringer" }

func TestPanicTextSpellsOutAPanicsValueAsFmtWould(t *testing.T) {
	for _, c := range []struct {
		value any
		want  string
	}{
		{"boom", "boom"},
		{errors.New("an error"), "an error"},
		{stringer{}, "a stringer"},
		{42, "42"},
		{int64(-7), "-7"},
		{uint64(1) << 63, "9223372036854775808"},
		{true, "true"},
		{struct{}{}, "a panic with a value of a kind the module does not spell out"},
	} {
		require.Equal(t, c.want, panicText(c.value), "%#v", c.value)
		if c.want != "a panic with a value of a kind the module does not spell out" {
			require.Equal(t, fmt.Sprint(c.value), panicText(c.value), "%#v", c.value)
		}
	}
}

func TestValidateGivesTheResultOfTheLibrary(t *testing.T) {
	k := newKit()
	res := decode[answer](t, k.validate(warmUpDocument, ""))
	require.True(t, res.Valid)
	require.NotNil(t, res.Eligible)
	require.True(t, *res.Eligible)

	res = decode[answer](t, k.validate(`{"scheme": "stem-kn-2011"`, ""))
	require.False(t, res.Valid)
	require.Equal(t, "syntax", res.Findings[0].Code)
}

func TestValidateRejectsBadOptions(t *testing.T) {
	k := newKit()
	tests := []struct{ name, opts, want string }{
		{"not JSON", `{`, "options must be a JSON object"},
		{"a list", `[]`, "options must be a JSON object"},
		{"an unknown mode", `{"mode": "maybe"}`, `mode must be "submit" or "draft"`},
		{"messages not text", `{"messages": {"required": 1}}`, "options must be a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, decode[answer](t, k.validate(warmUpDocument, tt.opts)).Error, tt.want)
		})
	}
}

func TestDraftModeMakesMissingValuesWarnings(t *testing.T) {
	k := newKit()
	res := decode[answer](t, k.validate(`{"scheme": "stem-kn-2011"}`, `{"mode": "draft"}`))
	require.True(t, res.Valid)
	require.NotEmpty(t, res.Findings)
}

func TestMessagesOverrideTheWording(t *testing.T) {
	k := newKit()
	opts := `{"messages": {"required@/network/name": "Rhowch enw'r rhwydwaith"}}`
	out := decode[formAnswer](t, k.validateForm(`[["scheme","stem-kn-2011"],["network[name]",""]]`, opts))
	var found bool
	for _, f := range out.Result.Findings {
		if f.Path == "/network/name" {
			require.Equal(t, "Rhowch enw'r rhwydwaith", f.Message)
			found = true
		}
	}
	require.True(t, found)
	plain := decode[formAnswer](t, k.validateForm(`[["scheme","stem-kn-2011"],["network[name]",""]]`, ""))
	for _, f := range plain.Result.Findings {
		if f.Path == "/network/name" {
			require.Equal(t, "Enter the network's name", f.Message)
		}
	}
}

func TestLangWordsFindingsRulesAndTheBudgetInWelsh(t *testing.T) {
	k := newKit()
	entries := `[["scheme","stem-kn-2011"],["network[name]",""],["funding[currency]","GBP"],["funding[lines][0][category]","resources"],["funding[lines][0][amount]","£300"]]`
	out := decode[formAnswer](t, k.validateForm(entries, `{"lang": "cy"}`))
	var name string
	for _, f := range out.Result.Findings {
		if f.Path == "/network/name" {
			name = f.Message
		}
	}
	require.Equal(t, "Rhowch enw'r rhwydwaith", name)
	titles := map[string]string{}
	for _, r := range out.Result.Rules {
		titles[r.Rule] = r.Title
	}
	require.Equal(t, "Mae cyfanswm y cais yn £2,000.00 neu lai", titles["cap"])
	require.Equal(t, "Nid yw adnoddau yn fwy na 20% o'r cyfanswm", titles["categoryShares.resources"])
	require.Equal(t, "Adnoddau", out.Budget.Categories[1].Title)

	// A Welsh override goes on top of the Welsh catalogue.
	out = decode[formAnswer](t, k.validateForm(entries, `{"lang": "cy-GB", "messages": {"required@/network/name": "Rhowch enw eich rhwydwaith"}}`))
	require.Contains(t, out.Result.Findings.Codes(), stemkn.CodeRequired)
	require.Contains(t, toJSON(out.Result.Findings), "Rhowch enw eich rhwydwaith")

	require.Contains(t, decode[answer](t, k.validate(warmUpDocument, `{"lang": "fr"}`)).Error, `there are no messages in "fr"`)
	require.Contains(t, decode[answer](t, k.validate(warmUpDocument, `{"messages": {"requried": "x"}}`)).Error, `"requried": is not a key stemkn has`)
}

func TestMessagesGivesThePagesWordsInALanguage(t *testing.T) {
	k := newKit()
	cy := decode[pageWords](t, k.messages(`{"lang": "cy"}`))
	require.Equal(t, "cy", cy.Lang)
	require.Equal(t, "Cymraeg", cy.Name)
	require.Equal(t, "Mae problem wedi codi", cy.Words["ui.error-summary.title"])
	require.Equal(t, "Gwall:", cy.Words["ui.error-message.prefix"])
	require.Equal(t, "Gwall: {title}", cy.Words["ui.page-title"])
	en := decode[pageWords](t, k.messages(""))
	require.Equal(t, "There is a problem", en.Words["ui.error-summary.title"])
	require.Equal(t, len(en.Words), len(cy.Words))
	for key := range en.Words {
		require.True(t, strings.HasPrefix(key, "ui."), key)
	}
	over := decode[pageWords](t, k.messages(`{"messages": {"ui.error-summary.title": "Check your answers"}}`))
	require.Equal(t, "Check your answers", over.Words["ui.error-summary.title"])
	require.Contains(t, decode[answer](t, k.messages(`{"lang": "xx"}`)).Error, "no messages")
}

func TestValidateFormUsesTheGoDecoder(t *testing.T) {
	k := newKit()
	entries := `[["scheme","stem-kn-2011"],["network[members][4][name]","Asha"],["network[members][4][email]","nope"],
		["funding[currency]","GBP"],["funding[lines][2][category]","resources"],["funding[lines][2][amount]","£1,200.50"]]`
	out := decode[formAnswer](t, k.validateForm(entries, ""))
	require.JSONEq(t, `{"scheme":"stem-kn-2011","network":{"members":[{"name":"Asha","email":"nope"}]},
		"funding":{"currency":"GBP","lines":[{"category":"resources","amount":120050}]}}`,
		string(out.Document))
	require.Equal(t, "network[members][4][email]", out.Fields["/network/members/0/email"])
	require.Equal(t, "network[members][4][email]", out.Targets["/network/members/0/email"])
	require.Equal(t, "network[members][4][role]", out.Targets["/network/members/0/role"])
	require.Equal(t, "network[theme]", out.Targets["/network/theme"])
	require.NotNil(t, out.Budget)
	require.Equal(t, "£1,200.50", out.Budget.TotalText)
	require.Equal(t, "£799.50", out.Budget.RemainingText)
}

func TestValidateFormRejectsEntriesThatAreNotPairsOfText(t *testing.T) {
	k := newKit()
	for _, entries := range []string{``, `{}`, `[["a"]]`, `[["a", 1]]`, `[["a","b","c"]]`, `null`} {
		out := decode[answer](t, k.validateForm(entries, ""))
		if entries == `null` {
			require.Empty(t, out.Error, "null is no entries")
			continue
		}
		require.Contains(t, out.Error, "form entr", entries)
	}
}

func TestSchemesListsTheCatalogueWithoutTestCases(t *testing.T) {
	k := newKit()
	var list []map[string]any
	require.NoError(t, json.Unmarshal([]byte(k.schemes()), &list))
	require.NotEmpty(t, list)
	first := list[0]
	require.Equal(t, "stem-kn-2011", first["id"])
	require.Equal(t, "application", first["kind"])
	require.Equal(t, "GBP", first["currency"])
	require.Len(t, first["themes"], 8)
	require.NotContains(t, first, "tests")
	rules := first["rules"].(map[string]any)
	require.EqualValues(t, 200000, rules["cap"].(map[string]any)["amount"])
}

func TestLoadSchemeExtendsABuiltInScheme(t *testing.T) {
	k := newKit()
	out := decode[loaded](t, k.loadScheme(`{"id": "calder-kn", "title": "Calder Knowledge Networks", "extends": "stem-kn-2011",
		"rules": {"cap": {"amount": 300000, "reference": "Calder raised the cap to £3,000."}}}`))
	require.Equal(t, "calder-kn", out.ID)
	require.Contains(t, k.schemes(), `"calder-kn"`)

	doc := strings.Replace(warmUpDocument, `"scheme": "stem-kn-2011"`, `"scheme": "calder-kn"`, 1)
	doc = strings.Replace(doc, `"amount": 120000`, `"amount": 250000`, 1)
	require.True(t, decode[answer](t, k.validate(doc, "")).Valid, "£2,900 is within the raised cap")
	require.False(t, decode[answer](t, k.validate(doc, `{"scheme":"stem-kn-2011"}`)).Valid, "but over the base scheme's")
}

func TestLoadSchemeReportsBadFiles(t *testing.T) {
	k := newKit()
	tests := []struct{ name, file, want string }{
		{"not JSON", `{`, "not a JSON scheme object"},
		{"no id", `{"title": "x"}`, "has no id"},
		{"extends nothing known", `{"id": "a", "title": "A", "extends": "nope"}`, "not a known scheme"},
		{"an unknown rule", `{"id": "b", "title": "B", "extends": "stem-kn-2011", "rules": {"colour": {}}}`, "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, decode[answer](t, k.loadScheme(tt.file)).Error, tt.want)
		})
	}
	require.True(t, decode[answer](t, k.validate(warmUpDocument, "")).Valid, "a bad file leaves the kit working")
}

func TestSchemaGivesEachSchemesJSONSchema(t *testing.T) {
	k := newKit()
	var list []struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(k.schemes()), &list))
	for _, s := range list {
		schema := decode[map[string]any](t, k.schema(s.ID, ""))
		require.Equal(t, "https://json-schema.org/draft/2020-12/schema", schema["$schema"], s.ID)
		require.Equal(t, "https://stemkn.org/schema/"+s.ID+".json", schema["$id"], s.ID)
	}
	require.Contains(t, decode[map[string]any](t, k.schema("", "")), "$defs")
	require.Contains(t, decode[answer](t, k.schema("no-such-scheme", "")).Error, `no scheme called "no-such-scheme"`)
	require.Contains(t, decode[answer](t, k.schema("stem-kn-2011", `{"lang": "fr"}`)).Error, `there are no messages in "fr"`)

	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	s, _ := k.catalogue.Scheme("stem-kn-2011")
	welsh, err := stemkn.SchemaIn(s, cy)
	require.NoError(t, err)
	require.JSONEq(t, string(welsh), k.schema("stem-kn-2011", `{"lang": "cy"}`), "Welsh titles, as Go gives them")
	renamed := decode[map[string]any](t, k.schema("stem-kn-2011", `{"messages": {"title@/network/name": "What is your network called?"}}`))
	network := renamed["$defs"].(map[string]any)["Network"].(map[string]any)
	require.Equal(t, "What is your network called?", network["properties"].(map[string]any)["name"].(map[string]any)["title"], "overrides reword the schema too")
}

func TestGuardTakesStringsAndCatchesPanics(t *testing.T) {
	echo := guard(func(a []string) string { return toJSON(a) })
	require.Equal(t, `["a",""]`, echo(js.Undefined(), []js.Value{js.ValueOf("a")}), "a missing argument is empty")
	require.Equal(t, `["",""]`, echo(js.Undefined(), []js.Value{js.Null(), js.Undefined()}))
	require.Equal(t, `["a","b"]`, echo(js.Undefined(), []js.Value{js.ValueOf("a"), js.ValueOf("b"), js.ValueOf(3)}), "extra arguments are ignored")
	for _, bad := range []js.Value{js.ValueOf(5), js.ValueOf(true), js.Global().Get("Object").New(), js.Global().Get("Symbol").Invoke("x")} {
		out := echo(js.Undefined(), []js.Value{bad}).(string)
		require.Contains(t, decode[answer](t, out).Error, "argument 1 must be a string of JSON", bad.Type().String())
	}
	boom := guard(func([]string) string { panic("boom") })
	require.Equal(t, `{"error":"stemkn: internal error: boom"}`, boom(js.Undefined(), nil))
	require.Equal(t, `["still","working"]`, echo(js.Undefined(), []js.Value{js.ValueOf("still"), js.ValueOf("working")}))
}

// What the ES module is told for input it does not hand over, past the
// byte limit, is what Go says of that input when it does get it.
func TestRefuseAnswersAsGoAnswersInputPastTheLimit(t *testing.T) {
	k := newKit()
	limit := k.validator.Limits().Bytes
	over := strings.Repeat(" ", limit+1)
	opts := `{"scheme": "stem-kn-2011", "mode": "draft", "messages": {"too-large.bytes": "Rhy fawr: {max}"}}`
	require.Equal(t, k.validate(over, opts), k.refuse("validate", opts))
	entries := `[["network[name]", "` + strings.Repeat("x", limit) + `"]]`
	require.Equal(t, k.validateForm(entries, opts), k.refuse("validateForm", opts))
	require.Equal(t, k.loadScheme(over), k.refuse("loadScheme", ""))
	require.Contains(t, decode[answer](t, k.refuse("loadScheme", "")).Error, "is larger than 8388608 bytes")
	require.Contains(t, decode[answer](t, k.refuse("nothing", "")).Error, "nothing to refuse")
	require.Contains(t, decode[answer](t, k.refuse("validate", "{")).Error, "options must be a JSON object")
}

func TestLimitsAreTheValidatorsAsJSON(t *testing.T) {
	k := newKit()
	got := decode[map[string]int](t, k.limits())
	l := k.validator.Limits()
	require.Equal(t, map[string]int{"bytes": l.Bytes, "depth": l.Depth, "items": l.Items, "findings": l.Findings}, got)
}

// The kit's catalogue reads a built-in scheme when a call first needs it
// (stemkn's TestBuiltinSchemesAreReadWhenFirstAskedFor sees the reading):
// after a validation has read one, listing the schemes still gives all
// five, the rest read then.
func TestTheKitListsEveryBuiltInSchemeAfterReadingOne(t *testing.T) {
	k := newKit()
	r := decode[answer](t, k.validate(warmUpDocument, ""))
	require.Equal(t, "stem-kn-2011", r.Scheme)
	require.True(t, r.Valid, "the warm-up document is a valid application")
	var list []struct {
		ID string `json:"id"`
	}
	require.NoError(t, json.Unmarshal([]byte(k.schemes()), &list))
	require.Len(t, list, 5, "listing the schemes reads the rest")
}
