package stemkn

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPackageLevelValidatorWordsLikeAFreshOne guards against templates added
// after package variables are initialised: testValidator is such a variable,
// and it must know every template a validator made later knows.
func TestPackageLevelValidatorWordsLikeAFreshOne(t *testing.T) {
	fresh := DefaultMessages()
	require.ElementsMatch(t, fresh.Keys(), testValidator.messages.Keys())
	for _, key := range []string{"required@/funding/currency", "duplicate@/network/institutions/*/id", "maximum@/funding/lines/*/amount"} {
		want, ok := fresh.Template(key)
		require.True(t, ok, key)
		got, ok := testValidator.messages.Template(key)
		require.True(t, ok, key)
		require.Equal(t, want, got)
	}
}

// TestEveryCodeHasATemplate walks the Code constants declared in finding.go,
// so a code added later without a message fails here.
func TestEveryCodeHasATemplate(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "finding.go", nil, 0)
	require.NoError(t, err)
	var codes []string
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			for _, v := range vs.Values {
				lit := v.(*ast.BasicLit)
				code, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				codes = append(codes, code)
			}
		}
	}
	require.Greater(t, len(codes), 40)
	require.Contains(t, codes, string(CodeMathematics))
	m := DefaultMessages()
	for _, code := range codes {
		_, ok := m.Template(code)
		require.True(t, ok, "code %s has a default template", code)
	}
	// Every template is for a code that exists.
	for _, key := range m.Keys() {
		if !isFindingKey(key) {
			continue
		}
		code, _, _ := strings.Cut(key, "@")
		if i := strings.IndexByte(code, '.'); i >= 0 && !slices.Contains(codes, code) {
			code = code[:strings.LastIndexByte(code, '.')]
		}
		require.Contains(t, codes, code, "template %s", key)
	}
}

func TestMessagesWithOverridesTemplatesAndLabels(t *testing.T) {
	overrides := map[string]string{
		"budget.cap":          "Ask for {cap:money} or less (you asked for {total:money})",
		"label@/network/name": "what the network is called",
		"required":            "Tell us {field}",
	}
	m, err := DefaultMessages().With(overrides)
	require.NoError(t, err)
	v := testValidator.WithMessages(m)
	doc := loadDoc(t, validFixture).with(t, lines(170000, 30001), del("/network/name")).bytes(t)
	res := v.Validate(doc, Options{})
	checkContract(t, res)
	require.Equal(t, []string{"Tell us what the network is called", "Ask for £2,000.00 or less (you asked for £2,000.01)"},
		[]string{res.Findings[0].Message, res.Findings[1].Message})

	// The original messages and validator are unchanged.
	res = validate(t, doc, Options{})
	require.Equal(t, "Enter the network's name", res.Findings[0].Message)
	text, _ := DefaultMessages().Template("budget.cap")
	require.Equal(t, "The total must be {cap:money} or less: it is {total:money}", text)
	require.ElementsMatch(t, DefaultMessages().Keys(), m.Keys(), "the keys overridden all exist already")

	// A template for a labelled path is a new key the language may have.
	added, err := DefaultMessages().With(map[string]string{"required@/contact/phone": "Enter a phone number we can call"})
	require.NoError(t, err)
	require.Len(t, added.Keys(), len(DefaultMessages().Keys())+1)
}

func TestMessageTemplatesChooseTheMostSpecificKey(t *testing.T) {
	m, err := DefaultMessages().With(map[string]string{
		"format":                                "1 {field}",
		"format@/contact/email":                 "2 {field}",
		"format.email":                          "3 {field}",
		"format.email@/contact/email":           "4 {field}",
		"format.email@/network/members/*/email": "5 {Field} {1}",
	})
	require.NoError(t, err)
	cases := []struct {
		f    Finding
		want string
	}{
		{Finding{Code: CodeFormat, Path: "/contact/email", Variant: "email"}, "4 the contact's email address"},
		{Finding{Code: CodeFormat, Path: "/contact/email"}, "2 the contact's email address"},
		{Finding{Code: CodeFormat, Path: "/contact/phone", Variant: "email"}, "3 the contact's phone number"},
		{Finding{Code: CodeFormat, Path: "/contact/phone"}, "1 the contact's phone number"},
		{Finding{Code: CodeFormat, Path: "/network/members/11/email", Variant: "email"}, "5 The email address of member 12 12"},
		{Finding{Code: "no-such-code", Path: "/plan/colour"}, `"colour" has a problem (no-such-code)`},
		{Finding{Code: "no-such-code", Path: ""}, "The document has a problem (no-such-code)"},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, m.Message(&tc.f, nil))
	}
}

// withText is m with a key the catalogue does not check, for testing how
// placeholders fill.
func withText(m *Messages, key, text string) *Messages {
	n := m.clone()
	n.text[key] = text
	return n
}

func TestMessagePlaceholders(t *testing.T) {
	scheme, _ := testValidator.Catalogue().Scheme("stem-kn-2011")
	m := withText(DefaultMessages(), "x",
		"{a} {a:money} {b:date} {b:weekday} {b:quoted} {c:category} {C:category} {d:theme} {e} {e:list} {e:and} {f:type} {g:audience:and} {missing}| {2}|{Field}|{h:label}")
	f := Finding{Code: "x", Path: "/network/members/3/subjects/1", Params: Params{"a": int64(123456), "b": "2011-01-10", "c": "supply-cover",
		"d": "maths-skills", "e": []string{"a", "b", "c"}, "f": "boolean", "g": []string{"school", "university"}, "h": "/plan/activities/2/date", "currency": "EUR"}}
	require.Equal(t, `123456 €1,234.56 10 January 2011 Monday "2011-01-10" supply cover Supply cover `+
		`Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering `+
		`a, b or c a, b or c a, b and c true or false schools and universities | 2|Subject 2 of member 4|the date of activity 3`, m.Message(&f, scheme))
	delete(f.Params, "currency")
	require.Equal(t, "£1,234.56", withText(DefaultMessages(), "x", "{a:money}").Message(&f, scheme), "the scheme's currency")
	require.Equal(t, "£1,234.56", withText(DefaultMessages(), "x", "{a:money}").Message(&f, nil), "pounds by default")
	require.Equal(t, "a { b", withText(DefaultMessages(), "x", "a { b").Message(&f, nil), "an open brace alone is text")
}

func TestCategoryTitlesKeepAnAcronymCapitalInASentence(t *testing.T) {
	for title, want := range map[string]string{"Supply cover": "supply cover", "STEM learning coaching": "STEM learning coaching",
		"CPD for teachers": "CPD for teachers", "Éducation": "éducation", "": "", "a": "a", "A": "a"} {
		require.Equal(t, want, inSentence(title), title)
	}
}

// isFindingKey reports whether a key is a finding's template, not a label,
// word, rule title, page word, scheme word, schema word or the fallback.
func isFindingKey(key string) bool {
	for _, prefix := range []string{"label", "word.", "ui.", "rule@", "scheme@", "title@", "description@", "schema."} {
		if strings.HasPrefix(key, prefix) {
			return false
		}
	}
	return key != "fallback"
}
