package stemkn_test

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// A browser always posts UTF-8, and in the widget a form's text reaches Go
// from JavaScript strings, where a broken character is already U+FFFD. A
// server may still be sent bytes that are not UTF-8 (a hand-made post, a
// misconfigured client): each such byte reads as U+FFFD, as encoding/json
// and the widget read it, so the field is judged like any other text and
// the document stays JSON.
func TestFormTextThatIsNotUTF8ReadsAsReplacementCharacters(t *testing.T) {
	values := url.Values{
		"scheme":         {"stem-kn-2011"},
		"network[name]":  {"Calder \xff\xfe Network"},
		"contact[email]": {"\xc0\xaf@example.org"},
		"network[\xff]":  {"x"},
	}
	res, form := builtinValidator.ValidateForm(values, stemkn.Options{})
	require.JSONEq(t, `{"scheme":"stem-kn-2011","network":{"name":"Calder \ufffd\ufffd Network"},"contact":{"email":"\ufffd\ufffd@example.org"}}`, string(form.Document))
	require.True(t, utf8.Valid(form.Document), "%q", form.Document)
	require.False(t, hasCode(res, stemkn.CodeSyntax), "%v", res.Findings)
	require.Contains(t, pathsOf(res.Findings), "/network/\ufffd", "the unknown field is named in UTF-8")
}

func pathsOf(fs stemkn.Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}
