package stemkn

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

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

// TestTemplatesFollowTheStyleGuide checks every default template and label
// against the GOV.UK style rules of SPEC §6: never "please", "sorry" or
// "invalid", and placeholders only of the documented forms.
func TestTemplatesFollowTheStyleGuide(t *testing.T) {
	m := DefaultMessages()
	formats := map[string]bool{"": true, "money": true, "date": true, "quoted": true, "category": true, "theme": true, "list": true, "type": true,
		"offer-kind": true, "audience": true, "and": true, "label": true, "currency": true}
	keys := m.Keys()
	require.Greater(t, len(keys), 100)
	for _, key := range keys {
		text, ok := m.Template(key)
		require.True(t, ok, key)
		require.NotEmpty(t, text, key)
		require.False(t, bannedWords.MatchString(text), "%s: %q", key, text)
		require.Equal(t, strings.TrimSpace(text), text, "%s has no stray spaces", key)
		require.False(t, strings.HasSuffix(text, "."), "%s: GOV.UK error messages have no full stop", key)
		require.Equal(t, strings.Count(text, "{"), strings.Count(text, "}"), "%s: %q", key, text)
		for _, ph := range placeholder.FindAllString(text, -1) {
			name, format, _ := strings.Cut(ph[1:len(ph)-1], ":")
			require.NotEmpty(t, name, "%s: %q", key, text)
			require.True(t, formats[format], "%s: unknown format in %s", key, ph)
			if strings.HasPrefix(key, "label@") {
				require.Regexp(t, `^[1-9]$`, name, "labels fill only list indices: %s", key)
			}
		}
		if !strings.HasPrefix(key, "label@") {
			first := []rune(text)[0]
			require.True(t, unicode.IsUpper(first) || first == '{', "%s starts with a capital: %q", key, text)
		}
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
	englishTemplates := map[string]string{}
	for _, row := range english {
		if !strings.HasPrefix(row.key, "label@") {
			englishTemplates[row.key] = row.text
		}
	}
	require.Len(t, DefaultMessages().Keys(), len(english), "the table has one row per key: no key is given twice")
	for _, code := range codes {
		text, ok := englishTemplates[code]
		require.True(t, ok, "code %s has a default template", code)
		got, ok := m.Template(code)
		require.True(t, ok, code)
		require.Equal(t, text, got)
	}
	// Every template is for a code that exists.
	for key := range englishTemplates {
		code, _, _ := strings.Cut(key, "@")
		if i := strings.IndexByte(code, '.'); i >= 0 && !slices.Contains(codes, code) {
			code = code[:strings.LastIndexByte(code, '.')]
		}
		require.Contains(t, codes, code, "template %s", key)
	}
}

func TestMessagesWithOverridesTemplatesAndLabels(t *testing.T) {
	overrides := map[string]string{
		"budget.cap":          "Gofynnwch am {cap:money} neu lai (gofynnwyd am {total:money})",
		"label@/network/name": "enw'r rhwydwaith",
		"required":            "Rhowch {field}",
	}
	m := DefaultMessages().With(overrides)
	v := testValidator.WithMessages(m)
	doc := loadDoc(t, validFixture).with(t, lines(170000, 30001), del("/network/name")).bytes(t)
	res := v.Validate(doc, Options{})
	checkContract(t, res)
	require.Equal(t, []string{"Rhowch enw'r rhwydwaith", "Gofynnwch am £2,000.00 neu lai (gofynnwyd am £2,000.01)"},
		[]string{res.Findings[0].Message, res.Findings[1].Message})

	// The original messages and validator are unchanged.
	res = validate(t, doc, Options{})
	require.Equal(t, "Enter the network's name", res.Findings[0].Message)
	text, _ := DefaultMessages().Template("budget.cap")
	require.Equal(t, "The total must be {cap:money} or less: it is {total:money}", text)
	require.ElementsMatch(t, DefaultMessages().Keys(), m.Keys(), "the keys overridden all exist already")
	added := DefaultMessages().With(map[string]string{"label@/network/motto": "the network's motto"})
	require.Len(t, added.Keys(), len(DefaultMessages().Keys())+1)
}

func TestMessageTemplatesChooseTheMostSpecificKey(t *testing.T) {
	m := DefaultMessages().With(map[string]string{
		"format":                                "1 {field}",
		"format@/contact/email":                 "2 {field}",
		"format.email":                          "3 {field}",
		"format.email@/contact/email":           "4 {field}",
		"format.email@/network/members/*/email": "5 {Field} {1}",
	})
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

func TestMessagePlaceholders(t *testing.T) {
	scheme, _ := testValidator.Catalogue().Scheme("stem-kn-2011")
	m := DefaultMessages().With(map[string]string{
		"x": "{a} {a:money} {b:date} {b:quoted} {c:category} {C:category} {d:theme} {e} {e:list} {f:type} {missing}| {2}|{Field}",
	})
	f := Finding{Code: "x", Path: "/network/members/3/subjects/1", Params: Params{"a": int64(123456), "b": "2011-01-10", "c": "supply-cover",
		"d": "maths-skills", "e": []string{"a", "b", "c"}, "f": "boolean", "currency": "EUR"}}
	require.Equal(t, `123456 €1,234.56 10 January 2011 "2011-01-10" supply cover Supply cover `+
		`Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering `+
		`a, b or c a, b or c true or false | 2|Subject 2 of member 4`, m.Message(&f, scheme))
	delete(f.Params, "currency")
	require.Equal(t, "£1,234.56", DefaultMessages().With(map[string]string{"x": "{a:money}"}).Message(&f, scheme), "the scheme's currency")
	require.Equal(t, "£1,234.56", DefaultMessages().With(map[string]string{"x": "{a:money}"}).Message(&f, nil), "pounds by default")
	require.Equal(t, "a { b", DefaultMessages().With(map[string]string{"x": "a { b"}).Message(&f, nil), "an open brace alone is text")
}
