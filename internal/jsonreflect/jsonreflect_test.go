package jsonreflect_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/internal/jsonreflect"
	"github.com/stemkn/stemkn/internal/jsonscan"
	"github.com/stemkn/stemkn/stemkn"
)

// odd is text with every kind of character a writer escapes.
const odd = "quote \" backslash \\ <b>&amp;</b> tab\t newline\n bell\a nul\x00 del\x7f é 日本 \u2028 \u2029 bad\xff utf8 \xe2\x82 end"

// summary is a scheme as the widget lists its schemes: embedded, with
// fields of the outer struct hiding the embedded scheme's.
type summary struct {
	stemkn.Scheme
	Kind  stemkn.DocumentKind `json:"kind"`
	Tests []stemkn.SchemeTest `json:"tests,omitempty"`
}

// assorted has a field of each kind Append writes.
type assorted struct {
	S        string            `json:"s"`
	Empty    string            `json:"empty,omitempty"`
	N        int64             `json:"n"`
	U        uint16            `json:"u"`
	F        float64           `json:"f"`
	F32      float32           `json:"f32"`
	B        bool              `json:"b,omitempty"`
	P        *int              `json:"p"`
	List     []string          `json:"list"`
	NilList  []string          `json:"nilList"`
	Map      map[string]int    `json:"map"`
	Any      any               `json:"any"`
	Raw      json.RawMessage   `json:"raw"`
	Skipped  string            `json:"-"`
	hidden   string            // unexported: never written
	Untagged string            // written by its Go name
	Nested   map[string][]bool `json:"nested,omitempty"`
	*Inner                     // embedded by pointer: its fields, when not nil
}

// Inner is embedded in assorted.
type Inner struct {
	Deep string `json:"deep"`
}

// appendCases are values Append must write as json.Marshal does.
func appendCases(t *testing.T) []any {
	t.Helper()
	seven := 7
	cases := []any{
		nil, "", odd, int64(-1 << 63), uint64(1<<64 - 1), true, 1.5, 1e21, 1e20, 1e-7, 1e-6, float32(3.4e38), math.Copysign(0, -1), 123456789.125,
		[]string{}, []string(nil), map[string]any{"z": 1, "a": []any{"x", int64(2)}, odd: odd}, map[string]int(nil),
		stemkn.Params{"allowed": []string{"a", odd}, "none": []string(nil), "n": int64(-1 << 63), "f": 2.5, "m": map[string]int{"z": 1}},
		assorted{S: odd, N: 3, F: 0.1, List: []string{"a"}, Map: map[string]int{"b": 1, "a": 2}, Any: []any{1, "x"}, Raw: json.RawMessage(` {"a" : [1, 2]} `)},
		assorted{P: &seven, Any: map[string]any{}, Raw: json.RawMessage(`"<&>"`), Nested: map[string][]bool{"x": {true}}, Inner: &Inner{Deep: "d"}},
		&assorted{Untagged: "u", F32: 1e-7, hidden: "not written"},
		[]*assorted{nil, {}},
	}
	c := stemkn.NewCatalogue()
	for _, s := range c.Schemes() {
		cases = append(cases, s, *s, summary{Scheme: *s, Kind: stemkn.KindApplication}, s.Rules, s.Tests)
	}
	v := stemkn.NewValidator(c)
	for _, name := range []string{"reference-12-members.json", "calder.json", "enthuse-2022.json", "exchange-cpd.json"} {
		doc, err := os.ReadFile(filepath.Join("..", "..", "stemkn", "testdata", name))
		require.NoError(t, err)
		for _, d := range [][]byte{doc, doc[:len(doc)/2], bytes.ReplaceAll(doc, []byte(`"`), []byte(`"<&>`))} {
			res := v.Validate(d, stemkn.Options{})
			cases = append(cases, res, v.Basic(d, &res))
		}
	}
	return cases
}

func TestAppendIsWhatMarshalWrites(t *testing.T) {
	for i, v := range appendCases(t) {
		want, err := json.Marshal(v)
		require.NoError(t, err, "case %d", i)
		got, err := jsonreflect.Append([]byte("prefix "), v)
		require.NoError(t, err, "case %d: %#v", i, v)
		require.Equal(t, "prefix "+string(want), string(got), "case %d", i)
	}
}

func TestAppendRefusesWhatMarshalRefuses(t *testing.T) {
	for _, v := range []any{make(chan int), func() {}, []any{2 + 3i}} {
		_, jsonErr := json.Marshal(v)
		require.Error(t, jsonErr)
		_, err := jsonreflect.Append(nil, v)
		require.Error(t, err, "%T", v)
	}
	_, err := jsonreflect.Append(nil, map[int]string{1: "a"})
	require.Error(t, err, "a map keyed by anything but text (json.Marshal writes those; stemkn has none)")
	for _, f := range []float64{posInf(), -posInf(), nan()} {
		_, err := jsonreflect.Append(nil, f)
		require.Error(t, err)
	}
}

func posInf() float64 { return 1 / zero() }
func nan() float64    { z := zero(); return z / z }
func zero() float64   { return 0 }

// unmarshal reads data, one JSON value nested at most maxDepth deep, into
// the value dst points to, as stemkn reads a file: jsonscan.Parse, then
// Decode.
func unmarshal(data []byte, dst any, strict bool, maxDepth int) error {
	v, err := jsonscan.Parse(data, maxDepth)
	if err != nil {
		return err
	}
	return jsonreflect.Decode(v, dst, strict)
}

// schemeFiles are the built-in scheme files.
func schemeFiles(t testing.TB) [][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "stemkn", "schemes", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		out = append(out, data)
	}
	return out
}

func TestDecodeReadsSchemeFilesAsEncodingJSONDoes(t *testing.T) {
	for _, data := range schemeFiles(t) {
		var want, got stemkn.Scheme
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&want))
		require.NoError(t, unmarshal(data, &got, true, 128))
		require.Equal(t, want, got, "test documents keep their text as written")
		require.NotEmpty(t, got.Tests)
	}
}

func TestDecodeSaysWhatIsWrongAsEncodingJSONDoes(t *testing.T) {
	for _, c := range []struct {
		name, in, err string
	}{
		{"an unknown field", `{"id": "a", "colour": "red"}`, `json: unknown field "colour"`},
		{"an unknown rule", `{"rules": {"maxPupils": {}}}`, `json: unknown field "maxPupils"`},
		{"keys match exactly", `{"ID": "a"}`, `json: unknown field "ID"`},
		{"a string for a number", `{"rules": {"cap": {"amount": "£2,000"}}}`,
			"json: cannot unmarshal string into Go struct field CapRule.rules.cap.amount of type budget.Amount"},
		{"a fraction for a whole number", `{"rules": {"cap": {"amount": 2000.5}}}`,
			"json: cannot unmarshal number 2000.5 into Go struct field CapRule.rules.cap.amount of type budget.Amount"},
		{"past int64", `{"rules": {"cap": {"amount": 9223372036854775808}}}`,
			"json: cannot unmarshal number 9223372036854775808 into Go struct field CapRule.rules.cap.amount of type budget.Amount"},
		{"a number for text in a list", `{"funders": ["a", 1]}`, "json: cannot unmarshal number into Go struct field Scheme.funders of type string"},
		{"an object for a list", `{"themes": {}}`, "json: cannot unmarshal object into Go struct field Scheme.themes of type []stemkn.Theme"},
		{"a list for a scheme", `[]`, "json: cannot unmarshal array into Go value of type stemkn.Scheme"},
		{"a bool for text", `{"id": true}`, "json: cannot unmarshal bool into Go struct field Scheme.id of type string"},
		{"text for a bool", `{"tests": [{"expect": {"valid": "yes"}}]}`,
			"json: cannot unmarshal string into Go struct field Expectation.tests.expect.valid of type bool"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s stemkn.Scheme
			err := unmarshal([]byte(c.in), &s, true, 128)
			require.EqualError(t, err, c.err)
			var js stemkn.Scheme
			dec := json.NewDecoder(strings.NewReader(c.in))
			dec.DisallowUnknownFields()
			if jsonErr := dec.Decode(&js); c.name != "keys match exactly" {
				require.Error(t, jsonErr, "encoding/json refuses it too")
			}
		})
	}
}

func TestDecodeLeavesAndEmptiesOnNullAsEncodingJSONDoes(t *testing.T) {
	in := `{"id": null, "funders": null, "rules": {"cap": null, "theme": {"reference": null}}}`
	start := func() stemkn.Scheme {
		return stemkn.Scheme{ID: "kept", Funders: []string{"x"}, Rules: stemkn.Rules{Cap: &stemkn.CapRule{Amount: 5}}}
	}
	want, got := start(), start()
	require.NoError(t, json.Unmarshal([]byte(in), &want))
	require.NoError(t, unmarshal([]byte(in), &got, true, 128))
	require.Equal(t, want, got)
	require.Equal(t, "kept", got.ID)
	require.Nil(t, got.Funders)
	require.Nil(t, got.Rules.Cap)
}

func TestDecodeLenientSkipsUnknownFields(t *testing.T) {
	var head struct {
		ID string `json:"id"`
	}
	require.NoError(t, unmarshal([]byte(`{"id": "a", "rules": {"x": 1}}`), &head, false, 8))
	require.Equal(t, "a", head.ID)
	var anything struct {
		V any               `json:"v"`
		M map[string]string `json:"m"`
	}
	require.NoError(t, unmarshal([]byte(`{"v": [1, "a"], "m": {"k": "v"}}`), &anything, true, 8))
	require.Equal(t, []any{jsonscan.Number("1"), "a"}, anything.V)
	require.Equal(t, map[string]string{"k": "v"}, anything.M)
}

// fieldNames are the JSON names of every field a Scheme can hold.
func fieldNames() map[string]bool {
	names := map[string]bool{}
	var walk func(t reflect.Type)
	seen := map[reflect.Type]bool{}
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			names[name] = true
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[stemkn.Scheme]())
	return names
}

// checkDecodeAgrees holds Unmarshal to encoding/json with
// DisallowUnknownFields on one text read into a Scheme: both read it or
// neither does, to the same value — but for a key encoding/json matches
// to a field ignoring case, which Unmarshal refuses.
func checkDecodeAgrees(t *testing.T, data []byte, names map[string]bool) {
	t.Helper()
	var want, got stemkn.Scheme
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	jsonErr := dec.Decode(&want)
	if !json.Valid(data) {
		jsonErr = errors.New("not JSON") // trailing data the decoder stopped before
	}
	err := unmarshal(data, &got, true, 10000)
	if jsonErr != nil {
		require.Error(t, err, "Unmarshal read %q; encoding/json: %v", data, jsonErr)
		return
	}
	if err != nil {
		var unknown string
		if _, after, ok := strings.Cut(err.Error(), "unknown field "); ok {
			unknown = after
		}
		for name := range names {
			if unknown != "" && strings.EqualFold(`"`+name+`"`, unknown) {
				return // encoding/json matched it ignoring case
			}
		}
		require.NoError(t, err, "Unmarshal refused %q, which encoding/json reads", data)
	}
	require.Equal(t, semantic(t, want), semantic(t, got), "%q", data)
}

// semantic is a Scheme as a JSON value, so that test documents compare by
// what they say, not by how they were written.
func semantic(t *testing.T, s stemkn.Scheme) any {
	t.Helper()
	data, err := json.Marshal(s)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

func TestDecodeAgreesOnMutatedSchemeFiles(t *testing.T) {
	names := fieldNames()
	for _, data := range schemeFiles(t) {
		checkDecodeAgrees(t, data, names)
		for _, m := range mutations(data) {
			checkDecodeAgrees(t, m, names)
		}
	}
}

// mutations are near misses of a scheme file: each of its values of one
// kind swapped for another, and unknown and repeated keys.
func mutations(data []byte) [][]byte {
	var out [][]byte
	for _, swap := range [][2]string{
		{`"reference": "`, `"reference": 1, "x": "`},
		{`": "`, `": 5, "y": "`},
		{`: true`, `: "true"`},
		{`: [`, `: [null, `},
		{`"amount": `, `"amount": 1.5e3, "z": `},
		{`"min": `, `"min": -0, "min2": `},
		{`{"id"`, `{"ID"`},
		{`"id": `, `"id": null, "id": `},
		{`]`, `, {}]`},
	} {
		out = append(out, bytes.Replace(data, []byte(swap[0]), []byte(swap[1]), 1))
		out = append(out, bytes.ReplaceAll(data, []byte(swap[0]), []byte(swap[1])))
	}
	return out
}

func FuzzDecodeAgrees(f *testing.F) {
	for _, data := range schemeFiles(f) {
		f.Add(data)
		for _, m := range mutations(data) {
			f.Add(m)
		}
	}
	f.Add([]byte(`{"rules": {"cap": {"amount": 1e2}}}`))
	f.Add([]byte(`{"tests": [{"document": [1, "\u0041"]}]}`))
	names := fieldNames()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeAgrees(t, data, names)
	})
}
