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

func TestMergePatchDeletesManyKeysAndKeepsTheRestInOrder(t *testing.T) {
	// Every other key of 1,000 deleted, one replaced and one added: the
	// target's keys left in their order, the new one last.
	var target, patch, want strings.Builder
	target.WriteString("{")
	patch.WriteString(`{"k1":"one"`)
	want.WriteString("{")
	for i := range 1000 {
		if i > 0 {
			target.WriteString(",")
		}
		k := `"k` + strconv.Itoa(i) + `"`
		target.WriteString(k + ":" + strconv.Itoa(i))
		switch {
		case i%2 == 0:
			patch.WriteString("," + k + ":null")
		case i == 1:
			want.WriteString(k + `:"one",`)
		default:
			want.WriteString(k + ":" + strconv.Itoa(i) + ",")
		}
	}
	target.WriteString("}")
	patch.WriteString(`,"new":true}`)
	want.WriteString(`"new":true}`)
	got := mergePatch(parseTree(t, target.String()), parseTree(t, patch.String()))
	out, err := jsonscan.AppendValue(nil, got, true)
	require.NoError(t, err)
	require.Equal(t, want.String(), string(out))
}

// BenchmarkMergePatch merges a patch that deletes every key of a target of
// n: the time per key stays flat as n grows (merging is linear in the keys).
func BenchmarkMergePatch(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		var target, patch strings.Builder
		target.WriteString("{")
		patch.WriteString("{")
		for i := range n {
			if i > 0 {
				target.WriteString(",")
				patch.WriteString(",")
			}
			k := `"k` + strconv.Itoa(i) + `"`
			target.WriteString(k + ":1")
			patch.WriteString(k + ":null")
		}
		target.WriteString("}")
		patch.WriteString("}")
		p, err := jsonscan.Parse([]byte(patch.String()), jsonscan.MaxDepth)
		require.NoError(b, err)
		b.Run("keys="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				tv, err := jsonscan.Parse([]byte(target.String()), jsonscan.MaxDepth)
				require.NoError(b, err)
				b.StartTimer()
				mergePatch(tv, p)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
		})
	}
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
