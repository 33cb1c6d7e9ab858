package stemkn

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// bannedIn are the words the GOV.UK style never uses in an error message,
// by language: please, sorry, invalid (Welsh: os gwelwch yn dda, plîs,
// mae'n ddrwg gennym, ymddiheuro, annilys, dilys).
var bannedIn = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`(?i)\b(please|sorry|invalid)\b`),
	"cy": regexp.MustCompile(`(?i)(os gwelwch yn dda|plîs|ddrwg gennym|ymddiheur|\bannilys|\bdilys)`),
}

// TestTemplatesFollowTheStyleGuideInEveryLanguage checks every text of
// every built-in language: plain (no "please", "sorry", "invalid"), no
// stray spaces, no full stop at the end of a message, and a capital at the
// start of a message.
func TestTemplatesFollowTheStyleGuideInEveryLanguage(t *testing.T) {
	for _, lang := range Languages() {
		m, err := MessagesIn(lang)
		require.NoError(t, err)
		banned := bannedIn[lang]
		require.NotNil(t, banned, "banned words for %s", lang)
		keys := m.Keys()
		require.Greater(t, len(keys), 250)
		for _, key := range keys {
			text, _ := m.Template(key)
			require.False(t, banned.MatchString(text), "%s %s: %q", lang, key, text)
			require.Equal(t, strings.TrimSpace(text), text, "%s %s has no stray spaces", lang, key)
			require.NotContains(t, text, "  ", "%s %s", lang, key)
			if isFindingKey(key) || strings.HasPrefix(key, "rule@") && !strings.HasPrefix(key, "rule@duration.") {
				require.False(t, strings.HasSuffix(text, "."), "%s %s: GOV.UK error messages have no full stop", lang, key)
				first := []rune(text)[0]
				require.True(t, unicode.IsUpper(first) || first == '{', "%s %s starts with a capital: %q", lang, key, text)
			}
		}
	}
}

// TestEverySyntaxProblemHasItsOwnMessage: each way JSON can be malformed is
// a variant of the syntax finding, worded in full in every language.
func TestEverySyntaxProblemHasItsOwnMessage(t *testing.T) {
	require.Len(t, document.SyntaxProblems, 19)
	for _, lang := range Languages() {
		m, _ := MessagesIn(lang)
		for variant := range document.SyntaxProblems {
			_, ok := m.Template("syntax." + variant)
			require.True(t, ok, "%s syntax.%s", lang, variant)
		}
	}
}

func TestMessagesInPicksALanguageByItsTag(t *testing.T) {
	for tag, want := range map[string]string{"cy": "cy", "cy-GB": "cy", "CY": "cy", "en": "en", "en-GB": "en"} {
		m, err := MessagesIn(tag)
		require.NoError(t, err, tag)
		require.Equal(t, want, m.Lang(), tag)
	}
	_, err := MessagesIn("fr")
	require.EqualError(t, err, `stemkn: there are no messages in "fr": the languages are cy and en`)
	require.Equal(t, "English", DefaultMessages().Name())
}

func TestWithChecksEachOverride(t *testing.T) {
	cy, _ := MessagesIn("cy")
	cases := []struct {
		name      string
		m         *Messages
		overrides map[string]string
		want      string
	}{
		{"an unknown key", DefaultMessages(), map[string]string{"requried": "Enter {field}"},
			`stemkn: messages (en): "requried": is not a key stemkn has: there is no finding "requried"`},
		{"a template for a path no field has", DefaultMessages(), map[string]string{"required@/network/motto": "Enter the motto"},
			`"required@/network/motto": is not a key stemkn has: no field is at "/network/motto"`},
		{"a placeholder the message cannot fill", DefaultMessages(), map[string]string{"budget.cap": "Ask for {limit:money} or less"},
			`"budget.cap": {limit:money} cannot be filled: the English message fills {cap:money} and {total:money}`},
		{"a placeholder in the wrong format", DefaultMessages(), map[string]string{"budget.cap": "Ask for {cap} or less"},
			`"budget.cap": {cap} should be written {cap:money}, as in the English message`},
		{"a format that does not exist", DefaultMessages(), map[string]string{"budget.cap": "Ask for {cap:mony} or less"},
			`"budget.cap": {cap:mony} names "mony", which is neither a format nor a form of "en"`},
		{"a form English does not have", DefaultMessages(), map[string]string{"required": "Enter {field:soft}"},
			`"required": {field:soft} names "soft", which is neither a format nor a form of "en"`},
		{"a label form English does not have", DefaultMessages(), map[string]string{"label.soft@/network/name": "name"},
			`"label.soft@/network/name": uses the form "soft", but the language "en" has no forms`},
		{"a label with a field", DefaultMessages(), map[string]string{"label@/network/name": "the {field}"},
			`"label@/network/name": {field} cannot be filled: a label fills only {1} to {1}, the list indices in its path`},
		{"a label index past its path", DefaultMessages(), map[string]string{"label@/network/members/*/email": "email {2}"},
			`{2} cannot be filled: a label fills only {1} to {1}`},
		{"an unclosed placeholder", DefaultMessages(), map[string]string{"required": "Enter {field"},
			`"required": has a { with no } after it`},
		{"a stray closing brace", DefaultMessages(), map[string]string{"required": "Enter field}"},
			`"required": has a } with no { before it`},
		{"an empty text", DefaultMessages(), map[string]string{"required": " "}, `"required": the text is empty`},
		{"a word with a placeholder", DefaultMessages(), map[string]string{"word.audience@school": "{field}"},
			`"word.audience@school": {field} cannot be filled: this text has no placeholders`},
		{"a page word stemkn does not have", DefaultMessages(), map[string]string{"ui.error-summary.heading": "Problem"},
			`"ui.error-summary.heading": is not a key stemkn has`},
		{"a scheme word a built-in scheme does not have", cy, map[string]string{"scheme@stem-kn-2011/categories/catering": "Arlwyo"},
			`"scheme@stem-kn-2011/categories/catering": is not a word of the scheme "stem-kn-2011": its words are at categories/other, `},
		{"a scheme word in no place a scheme has words", cy, map[string]string{"scheme@my-scheme/colour": "Glas"},
			`"scheme@my-scheme/colour": is not a place a scheme has words`},
		{"a Welsh page word with a placeholder English does not fill", cy, map[string]string{"ui.page-title": "Gwall: {teitl}"},
			`stemkn: messages (cy): "ui.page-title": {teitl} cannot be filled: the English message fills {title}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.m.With(tc.overrides)
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
			var me *MessagesError
			require.ErrorAs(t, err, &me)
		})
	}

	// Every problem is reported, each with its key.
	_, err := DefaultMessages().With(map[string]string{"a": "x", "b": "y", "required": "{nope}"})
	var me *MessagesError
	require.ErrorAs(t, err, &me)
	require.Equal(t, []string{"a", "b", "required"}, []string{me.Problems[0].Key, me.Problems[1].Key, me.Problems[2].Key})
	require.Equal(t, "{nope} cannot be filled: the English message fills nothing but {field} and list indices", me.Problems[2].Problem)

	// What a language may say its own way: a template for a labelled path,
	// a scheme word for a scheme file, a Welsh form.
	ok, err := cy.With(map[string]string{
		"required@/network/members/*/email":    "Rhowch gyfeiriad e-bost ar gyfer aelod {1}",
		"scheme@my-scheme/categories/catering": "Arlwyo",
		"label.soft@/network/name":             "enw'r rhwydwaith",
	})
	require.NoError(t, err)
	text, _ := ok.Template("required@/network/members/*/email")
	require.Equal(t, "Rhowch gyfeiriad e-bost ar gyfer aelod {1}", text)
}

func TestCatalogueFilesAreCheckedWhenLoaded(t *testing.T) {
	cases := []struct {
		name, file, want string
	}{
		{"not an object", `[]`, "a catalogue file is a JSON object of keys and texts"},
		{"not JSON", `{"_meta": {"extends": "en"}, "required": }`, "the file is not well-formed JSON"},
		{"no _meta", `{"required": "Enter {field}"}`, `"_meta": is missing`},
		{"an unknown _meta field", `{"_meta": {"extends": "en", "langauge": "cy"}}`, `"_meta": must be an object of lang, name, extends`},
		{"a repeated key", `{"_meta": {"extends": "en"}, "required": "Enter {field}", "required": "Give {field}"}`, `"required": appears more than once`},
		{"a text that is not a string", `{"_meta": {"extends": "en"}, "required": 3}`, `"required": the text must be a JSON string`},
		{"more after the object", `{"_meta": {"extends": "en"}} {}`, "the file has more after its object"},
		{"extends an unknown language", `{"_meta": {"extends": "fr"}}`, `"_meta": extends "fr": there are no messages in "fr"`},
		{"a lang that is not what it extends", `{"_meta": {"lang": "en", "extends": "cy"}}`, `has lang "en" but extends "cy"`},
		{"neither lang nor extends", `{"_meta": {"name": "Français"}}`, `"_meta": needs "lang"`},
		{"a whole language that lacks keys", `{"_meta": {"lang": "fr", "name": "Français"}, "required": "Saisissez {field}"}`, `"budget.cap": is missing`},
		{"a form that is a format's name", `{"_meta": {"lang": "xx", "forms": ["money"]}}`, `form "money" cannot be a form`},
		{"a list form the language lacks", `{"_meta": {"lang": "xx", "lists": {"or": "soft"}}}`, `lists gives "or" the form "soft", which is not one of the language's forms`},
		{"review names a key it lacks", `{"_meta": {"extends": "en", "review": ["required"]}}`, `review lists "required", which is not a key of the file`},
		{"a bad placeholder", `{"_meta": {"extends": "en"}, "budget.cap": "Ask for {cap}"}`, `"budget.cap": {cap} should be written {cap:money}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadMessages([]byte(tc.file))
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestAWholeLanguageNeedsEveryFormOfEveryLabel: Welsh without one soft
// label is not a whole language.
func TestAWholeLanguageNeedsEveryFormOfEveryLabel(t *testing.T) {
	data := welshFile
	_, err := LoadMessages(data)
	require.NoError(t, err, "the built-in Welsh file loads as it is")
	without := regexp.MustCompile(`\n\s*"label\.soft@/network/name": "[^"]*",`).ReplaceAll(data, nil)
	require.Less(t, len(without), len(data))
	_, err = LoadMessages(without)
	require.EqualError(t, err, `stemkn: messages (cy): "label.soft@/network/name": is missing; `+
		`"_meta": review lists "label.soft@/network/name", which is not a key of the file`)
}

func TestACatalogueFileOverridesABuiltInLanguageKeyByKey(t *testing.T) {
	m, err := LoadMessages([]byte(`{
	  "_meta": {"extends": "cy", "note": "Our service's words"},
	  "ui.error-summary.title": "Mae angen newid rhai atebion",
	  "required@/network/name": "Rhowch enw eich rhwydwaith"
	}`))
	require.NoError(t, err)
	require.Equal(t, "cy", m.Lang())
	require.Equal(t, "Mae angen newid rhai atebion", m.Text("ui.error-summary.title", nil))
	f := Finding{Code: CodeRequired, Path: "/network/name"}
	require.Equal(t, "Rhowch enw eich rhwydwaith", m.Message(&f, nil))
	f.Path = "/contact/email"
	require.Equal(t, "Rhowch gyfeiriad e-bost y person cyswllt", m.Message(&f, nil), "every other key is the built-in Welsh")
	cy, _ := MessagesIn("cy")
	require.Equal(t, "Mae problem wedi codi", cy.Text("ui.error-summary.title", nil), "the built-in language is unchanged")
}

func TestLabelsHaveAGoAPIByPointer(t *testing.T) {
	cy, _ := MessagesIn("cy")
	for pointer, want := range map[string]string{
		"/network/members/0/email": "the email address of member 1",
		"/network/members/*/email": "the email address of member {1}",
		"":                         "the document",
	} {
		got, ok := DefaultMessages().Label(pointer)
		require.True(t, ok, pointer)
		require.Equal(t, want, got)
	}
	got, _ := cy.Label("/network/members/11/subjects/2")
	require.Equal(t, "pwnc 3 aelod 12", got)
	_, ok := DefaultMessages().Label("/network/motto")
	require.False(t, ok)
	require.Contains(t, DefaultMessages().LabelPatterns(), "/funding/lines/*/amount")
}
