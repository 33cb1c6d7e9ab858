package stemkn

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

func parseTree(t *testing.T, text string) any {
	t.Helper()
	v, err := jsonscan.Parse([]byte(text), jsonscan.MaxDepth)
	require.NoError(t, err, text)
	return v
}

// TestMergePatchDoesWhatRFC7386Says runs the examples of RFC 7386,
// appendix A, and what the scheme files add: numbers kept as written, and
// keys in the target's order with new ones after.
func TestMergePatchDoesWhatRFC7386Says(t *testing.T) {
	for _, c := range []struct{ target, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`["a","b"]`, `["c","d"]`, `["c","d"]`},
		{`{"a":"b"}`, `["c"]`, `["c"]`},
		{`{"a":"foo"}`, `null`, `null`},
		{`{"a":"foo"}`, `"bar"`, `"bar"`},
		{`{"e":null}`, `{"a":1}`, `{"e":null,"a":1}`},
		{`[1,2]`, `{"a":"b","c":null}`, `{"a":"b"}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
		// Beyond the RFC's examples.
		{`{"cap":{"amount":9007199254740993}}`, `{"cap":{"amount":9007199254740995}}`, `{"cap":{"amount":9007199254740995}}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, `{"b":null,"d":null,"e":5,"a":0}`, `{"a":0,"c":3,"e":5}`},
		{`{"a":1}`, `{"b":null,"b":2}`, `{"a":1,"b":2}`},
	} {
		got := mergePatch(parseTree(t, c.target), parseTree(t, c.patch))
		out, err := jsonscan.AppendValue(nil, got, true)
		require.NoError(t, err)
		require.Equal(t, c.want, string(out), "%s + %s", c.target, c.patch)
	}
}

func TestMergePatchIsLinearInTheKeys(t *testing.T) {
	// 20,000 keys deleted from a target of 20,000: quadratic work would
	// take minutes (the test's timeout), linear work milliseconds.
	var target, patch strings.Builder
	target.WriteString("{")
	patch.WriteString("{")
	for i := range 20000 {
		if i > 0 {
			target.WriteString(",")
			patch.WriteString(",")
		}
		k := `"k` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strconv.Itoa(i) + `"`
		target.WriteString(k + ":1")
		patch.WriteString(k + ":null")
	}
	target.WriteString("}")
	patch.WriteString(`,"kept":true}`)
	got := mergePatch(parseTree(t, target.String()), parseTree(t, patch.String()))
	out, err := jsonscan.AppendValue(nil, got, true)
	require.NoError(t, err)
	require.Equal(t, `{"kept":true}`, string(out))
}

func TestRepeatedKeyLooksEverywhereButInTestDocuments(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"id":"a","title":"A"}`, ""},
		{`{"id":"a","id":"b"}`, "id"},
		{`{"rules":{"cap":{"amount":1,"amount":2}}}`, "amount"},
		{`{"themes":[{"id":"t"},{"id":"t","title":"x","title":"y"}]}`, "title"},
		{`{"tests":[{"document":{"scheme":"x","scheme":"y"}}]}`, ""},
		{`{"tests":[{"document":{"network":{"a":1,"a":2}}}]}`, ""},
		{`{"tests":[{"name":"n","name":"m","document":{}}]}`, "name"},
	} {
		require.Equal(t, c.want, repeatedKey(parseTree(t, c.in), false), c.in)
	}
}

func TestLoadKeepsATestDocumentAsWritten(t *testing.T) {
	// A test's document may be about a repeated key, so Load keeps its text
	// as written, with or without extends.
	doc := `{"scheme": "a", "scheme" : "a"}`
	for _, file := range []string{
		`{"id": "a", "title": "A", "rules": {}, "tests": [{"name": "t", "document": ` + doc + `, "expect": {"valid": false}}]}`,
		`{"id": "a", "title": "A", "extends": "stem-kn-2011", "tests": [{"name": "t", "document": ` + doc + `, "expect": {"valid": false}}]}`,
	} {
		loaded, err := NewCatalogue().Load([]byte(file))
		require.NoError(t, err)
		require.Equal(t, doc, string(loaded[0].Tests[0].Document))
	}
}

func TestLoadReadsTestDocumentsNestedAsDeepAsEncodingJSONDoes(t *testing.T) {
	file := func(depth int) []byte {
		doc := `{"scheme": "a", "deep": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
		return []byte(`{"id": "a", "title": "A", "rules": {}, "tests": [{"name": "deep", "document": ` + doc + `, "expect": {"valid": false}}]}`)
	}
	loaded, err := NewCatalogue().Load(file(100))
	require.NoError(t, err, "a test about a document past the validator's depth limit")
	require.Contains(t, string(loaded[0].Tests[0].Document), strings.Repeat("[", 100))
	_, err = NewCatalogue().Load(file(jsonscan.MaxDepth))
	require.ErrorContains(t, err, "not a JSON scheme object: invalid JSON at byte")
	require.ErrorContains(t, err, "nested more than 10000 deep")
}
