//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// formAnswer.appendJSON writes what json.Marshal writes, for the answers to
// form posts of every test document of the library, each posted whole and
// with its text changed in ways a form post gets: blanked, made longer with
// text JSON must escape, dates typed as date inputs, amounts typed as
// money, bad UTF-8; in both modes, in Welsh and with the basic output.
func TestFormAnswersAreWhatJSONMarshalWrites(t *testing.T) {
	k := newKit()
	opts := []string{"", `{"mode":"draft"}`, `{"lang":"cy"}`, `{"output":"basic"}`}
	var forms, withBudget, withDates int
	for i, doc := range testDocuments(t) {
		for variant := range 5 {
			values := map[string][]string{}
			flatten(values, "", doc, variant)
			o, v, basic, problem := k.readCall(opts[(i+variant)%len(opts)])
			require.Empty(t, problem)
			res, form := v.ValidateForm(values, o)
			a := formAnswerOf(v, res, form, o, basic)
			want, err := json.Marshal(a)
			require.NoError(t, err)
			got, err := a.appendJSON(nil)
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "document %d, variant %d", i, variant)
			forms++
			if a.Budget != nil {
				withBudget++
			}
			if len(a.DateInputs) > 0 {
				withDates++
			}
		}
	}
	t.Logf("%d form answers alike, %d with a budget, %d with date inputs", forms, withBudget, withDates)
	require.Greater(t, withBudget, forms/4)
	require.Greater(t, withDates, forms/4)
}

// testDocuments are the library's test documents and cohorts, decoded.
func testDocuments(t *testing.T) []any {
	t.Helper()
	var docs []any
	files, err := filepath.Glob("../stemkn/testdata/*.json")
	require.NoError(t, err)
	cohorts, err := filepath.Glob("../stemkn/testdata/*.ndjson")
	require.NoError(t, err)
	for _, name := range append(files, cohorts...) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		texts := [][]byte{data}
		if strings.HasSuffix(name, ".ndjson") {
			texts = bytes.Split(data, []byte("\n"))
		}
		for _, text := range texts {
			var doc any
			if json.Unmarshal(text, &doc) == nil {
				if m, ok := doc.(map[string]any); ok && m["scheme"] != nil {
					docs = append(docs, doc)
				}
			}
		}
	}
	require.Greater(t, len(docs), 40)
	return docs
}

// flatten posts a decoded document as a form would, in bracket notation;
// variant picks how its text is changed on the way (variant 0 not at all).
func flatten(values map[string][]string, name string, v any, variant int) {
	field := func(key string) string {
		if name == "" {
			return key
		}
		return name + "[" + key + "]"
	}
	switch v := v.(type) {
	case map[string]any: // in key order, so that a variant changes the same fields each run
		for _, key := range slices.Sorted(maps.Keys(v)) {
			flatten(values, field(key), v[key], variant)
		}
	case []any:
		for i, item := range v {
			if s, ok := item.(string); ok {
				values[name+"[]"] = append(values[name+"[]"], s)
			} else {
				flatten(values, field(strconv.Itoa(i)), item, variant)
			}
		}
	case string:
		if y, m, d, ok := dateParts(v); ok && variant >= 2 {
			values[name+"[day]"] = []string{d}
			values[name+"[month]"] = []string{m}
			values[name+"[year]"] = []string{y}
			return
		}
		switch variant {
		case 1:
			if len(values)%3 == 0 {
				v = ""
			}
		case 3:
			v += " <b>&amp;</b> \u2028 \"q\" \\"
		case 4:
			if len(values)%5 == 0 {
				v += "\xff\xfe"
			}
		}
		values[name] = []string{v}
	case float64:
		text := strconv.FormatFloat(v, 'f', -1, 64)
		if variant == 3 && strings.HasSuffix(name, "[amount]") {
			text = "£" + strconv.FormatFloat(v/100, 'f', 2, 64)
		}
		values[name] = []string{text}
	case bool:
		if v {
			values[name] = []string{"true"}
		} else if variant != 1 {
			values[name] = []string{"false"}
		}
	}
}

// dateParts splits an ISO date into year, month and day.
func dateParts(s string) (y, m, d string, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return "", "", "", false
	}
	return s[:4], strings.TrimLeft(s[5:7], "0"), strings.TrimLeft(s[8:], "0"), true
}

// pageWords.appendJSON writes what json.Marshal writes, in each language,
// with overrides JSON must escape.
func TestPageWordsAreWhatJSONMarshalWrites(t *testing.T) {
	k := newKit()
	for _, opts := range []string{"", `{"lang":"cy"}`, `{"messages":{"ui.error-summary.title":"<b>Gwall</b> & \u2028 \"q\""}}`} {
		_, v, problem := k.readOptions(opts)
		require.Empty(t, problem)
		m := v.Messages()
		w := pageWords{Lang: m.Lang(), Name: m.Name(), Words: m.Words("ui.")}
		require.NotEmpty(t, w.Words)
		want, err := json.Marshal(w)
		require.NoError(t, err)
		require.Equal(t, string(want), string(w.appendJSON(nil)), opts)
		require.Equal(t, string(want), k.messages(opts))
	}
	require.Equal(t, `{"lang":"","name":"","words":null}`, string(pageWords{}.appendJSON(nil)))
}

// errorJSON writes what json.Marshal writes for a failure.
func TestErrorJSONIsWhatJSONMarshalWrites(t *testing.T) {
	type failure struct {
		Error string `json:"error"`
	}
	for _, msg := range []string{"", "stemkn: there is no option called \"x\"", "<&>\u2028\xff\n"} {
		want, err := json.Marshal(failure{Error: msg})
		require.NoError(t, err)
		require.Equal(t, string(want), errorJSON(msg))
	}
}
