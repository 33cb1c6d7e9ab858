package stemkn_test

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// An amount typed with another currency's sign is not read as pounds: "$5"
// or "€500" in a form whose currency is GBP is a format finding asking for
// the amount in pounds. The form's currency is what its funding[currency]
// field posts; an offer's cost is in pounds.
func TestMoneyTypedInAnotherCurrencyIsAFormatFinding(t *testing.T) {
	tests := []struct {
		currency, typed string
		message         string // "" when the amount is read
	}{
		{"GBP", "£5", ""},
		{"GBP", "5", ""},
		{"GBP", "$5", "Enter the amount of budget line 1 in pounds"},
		{"GBP", "€500", "Enter the amount of budget line 1 in pounds"},
		{"EUR", "€500", ""},
		{"EUR", "£500", "Enter the amount of budget line 1 in euros"},
		{"EUR", "$500", "Enter the amount of budget line 1 in euros"},
		{"USD", "$500", ""},
		{"", "$500", ""}, // no currency posted: any sign is read
		{"GBP", "$1.005", "Enter the amount of budget line 1 as an amount of money, like £1,200.50"},
	}
	for _, tt := range tests {
		t.Run(tt.currency+" "+tt.typed, func(t *testing.T) {
			form := url.Values{"scheme": {"stem-kn-2011"}, "funding[lines][0][category]": {"resources"}, "funding[lines][0][amount]": {tt.typed}}
			if tt.currency != "" {
				form.Set("funding[currency]", tt.currency)
			}
			res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
			if tt.message == "" {
				require.Contains(t, string(f.Document), `"amount":`)
				require.Empty(t, f.Findings)
				return
			}
			require.NotContains(t, string(f.Document), `"amount":`)
			found := findingAt(t, res, "/funding/lines/0/amount")
			require.Equal(t, stemkn.CodeFormat, found.Code)
			require.Equal(t, tt.message, found.Message)
			require.Equal(t, "money", found.Params["format"])
			require.Equal(t, tt.typed, found.Params["value"])
		})
	}
	res, _ := builtinValidator.ValidateForm(url.Values{"scheme": {"stem-exchange"}, "offer[cost]": {"$5"}}, stemkn.Options{})
	require.Equal(t, "Enter the cost of the offer in pounds", findingAt(t, res, "/offer/cost").Message)
}

// Repeated keys follow one rule, "scheme" included: the first counts and a
// repeat is a duplicate finding. A first "scheme" of null names no scheme,
// so the document is not judged as the offer a repeat names.
func TestARepeatedSchemeKeyFollowsTheFirst(t *testing.T) {
	res := builtinValidator.ValidateString(`{"scheme":null,"scheme":"stem-exchange","offer":{"kind":"cpd","cost":500}}`, stemkn.Options{})
	require.Equal(t, "", res.Scheme)
	require.Empty(t, res.Rules, "no scheme's rules are run")
	require.Nil(t, res.Eligible)
	var codes []stemkn.Code
	for _, f := range res.Findings {
		if f.Path == "/scheme" {
			codes = append(codes, f.Code)
		}
	}
	require.ElementsMatch(t, []stemkn.Code{stemkn.CodeType, stemkn.CodeDuplicate}, codes)
	require.False(t, hasCode(res, stemkn.CodeNotFree))

	first := builtinValidator.ValidateString(`{"scheme":"stem-kn-2011","scheme":"stem-exchange"}`, stemkn.Options{})
	require.Equal(t, "stem-kn-2011", first.Scheme)
	require.Equal(t, "The scheme appears more than once: remove the repeat", findingAt(t, first, "/scheme").Message)
}

// A message that starts with text from the document capitalises its first
// letter, not its first byte: "école Française" was "\xc3\xa9cole…" with its
// first byte made upper case, which is no longer UTF-8.
func TestAMessageCapitalisesItsFirstLetterNotItsFirstByte(t *testing.T) {
	data, err := os.ReadFile("testdata/calder.json")
	require.NoError(t, err)
	doc := strings.Replace(string(data), `"establishmentType": "community-school"`, `"establishmentType": "academy-converter"`, 1)
	doc = strings.Replace(doc, `"name": "Calder Community School"`, `"name": "école Française de Calder"`, 1)
	require.NotEqual(t, string(data), doc)
	res := builtinValidator.ValidateString(doc, stemkn.Options{})
	var message string
	for _, f := range res.Findings {
		if f.Code == stemkn.CodeInstitutionClass {
			message = f.Message
		}
	}
	require.True(t, strings.HasPrefix(message, "École Française de Calder cannot "), "%q in %v", message, res.Findings)
}
