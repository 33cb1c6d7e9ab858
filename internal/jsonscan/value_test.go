package jsonscan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// valueSeeds are JSON texts and near misses, for the tests and fuzzers of
// Parse, AppendValue and Indent.
var valueSeeds = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e-3`, `-12E+4`, `9007199254740993`,
	`"a<b>&c"`, `"\u2028\u2029"`, `"\ud800"`, "\"\xff\"",
	`{"a":1,"b":[1,2,{"c":null}],"a":2}`,
	` { "k" : [ true , false ] , "e" : { } , "l" : [ ] } `,
	`{"nested":{"deeper":{"deepest":[[[]]]}}}`,
	// not JSON
	``, ` `, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `01`, `1.`, `.5`, `-`, `1e`, `tru`, `nul`, `[1 2]`,
	`{"a":1}x`, `"\x"`, "\"a\nb\"", `+1`, `NaN`, `{"a":1}{"b":2}`,
}

func TestParseReadsWhatEncodingJSONReads(t *testing.T) {
	for _, text := range valueSeeds {
		checkParseAgrees(t, []byte(text))
	}
}

func TestParseKeepsOrderRepeatsAndRawText(t *testing.T) {
	v, err := Parse([]byte(`{"b": 1, "a": {"x" : true}, "b": 2}`), 8)
	require.NoError(t, err)
	o := v.(*Object)
	require.Equal(t, []string{"b", "a", "b"}, o.Keys)
	require.Equal(t, []any{Number("1"), &Object{Keys: []string{"x"}, Values: []any{true}, Raw: []byte(`{"x" : true}`)}, Number("2")}, o.Values)
	out, err := AppendValue(nil, o, true)
	require.NoError(t, err)
	require.Equal(t, `{"b":1,"a":{"x":true},"b":2}`, string(out))
}

func TestParseBoundsTheDepth(t *testing.T) {
	_, err := Parse([]byte(strings.Repeat("[", 8)+strings.Repeat("]", 8)), 8)
	require.NoError(t, err)
	_, err = Parse([]byte(strings.Repeat("[", 9)+strings.Repeat("]", 9)), 8)
	require.EqualError(t, err, "invalid JSON at byte 8: nested more than 8 deep")
	_, err = Parse([]byte(strings.Repeat(`{"a":`, 100000)), 64)
	require.ErrorContains(t, err, "nested more than 64 deep", "a deep text is refused before the recursion goes deep")
}

func TestParseSaysWhereTheTextStopsBeingJSON(t *testing.T) {
	for _, c := range []struct{ in, err string }{
		{``, "invalid JSON at byte 0: the text ends where a value should be"},
		{`{"a":1,}`, "invalid JSON at byte 7: an object key that is not a JSON string"},
		{`[1 2]`, "invalid JSON at byte 3: no comma or closing bracket after an array element"},
		{`{"a" 1}`, "invalid JSON at byte 5: no colon after an object key"},
		{`{"a":1}x`, "invalid JSON at byte 7: more after the value"},
		{`[x]`, "invalid JSON at byte 1: invalid character 'x' where a value should be"},
		{`"a\x"`, "invalid JSON at byte 0: a string that is not JSON"},
		{`-`, "invalid JSON at byte 1: a number that is not JSON"},
	} {
		_, err := Parse([]byte(c.in), 8)
		require.EqualError(t, err, c.err, c.in)
	}
}

func TestAppendValueWritesWhatEncodingJSONWrites(t *testing.T) {
	for _, c := range []struct {
		v    any
		html string
		text string
	}{
		{nil, `null`, `null`},
		{"<a & b>", `"\u003ca \u0026 b\u003e"`, `"<a & b>"`},
		{int(-3), `-3`, `-3`},
		{int64(1) << 62, `4611686018427387904`, `4611686018427387904`},
		{[]string{"x", "<"}, `["x","\u003c"]`, `["x","<"]`},
		{[]string(nil), `null`, `null`},
		{[]any{}, `[]`, `[]`},
		{[]any(nil), `null`, `null`},
		{Number("1e3"), `1e3`, `1e3`},
	} {
		got, err := AppendValue(nil, c.v, true)
		require.NoError(t, err)
		require.Equal(t, c.html, string(got))
		marshal := c.v
		if n, ok := c.v.(Number); ok {
			marshal = json.Number(n)
		}
		want, err := json.Marshal(marshal)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "as json.Marshal writes %#v", c.v)
		got, err = AppendValue(nil, c.v, false)
		require.NoError(t, err)
		require.Equal(t, c.text, string(got))
	}
	_, err := AppendValue(nil, []any{1.5}, true)
	require.Error(t, err, "a float is not a value AppendValue writes")
}

// checkParseAgrees holds Parse to encoding/json on one text: each reads it
// or neither does; what Parse reads, AppendValue writes back to the same
// value, and Indent lays it out as json.Indent does.
func checkParseAgrees(t *testing.T, data []byte) {
	t.Helper()
	v, err := Parse(data, 10000)
	if !json.Valid(data) {
		require.Error(t, err, "Parse read %q, which is not JSON", data)
		return
	}
	require.NoError(t, err, "Parse refused %q", data)
	for _, html := range []bool{true, false} {
		out, err := AppendValue(nil, v, html)
		require.NoError(t, err)
		require.True(t, json.Valid(out), "%q wrote %q", data, out)
		require.Equal(t, decodeAny(t, data), decodeAny(t, out), "%q wrote %q", data, out)
		var want bytes.Buffer
		require.NoError(t, json.Indent(&want, out, "", "  "))
		require.Equal(t, want.String(), string(Indent(nil, out)), "Indent of %q", out)
		if html {
			var compact bytes.Buffer
			require.NoError(t, json.Compact(&compact, out))
			require.Equal(t, compact.String(), string(out), "compact")
			require.NotContains(t, string(out), "<")
		}
	}
}

// decodeAny is data as encoding/json reads it, numbers as their text.
func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

func FuzzParseAgrees(f *testing.F) {
	for _, seed := range valueSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParseAgrees(t, data)
	})
}
