//go:build js && wasm

package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseOptions(t *testing.T) {
	tests := []struct {
		name, in string
		want     options
		problem  string
	}{
		{"none", `null`, options{}, ""},
		{"empty", ` {} `, options{}, ""},
		{"all", `{"scheme":"stem-kn-2011","mode":"draft","lang":"cy","output":"basic","messages":{"required":"Rhowch"}}`,
			options{Scheme: "stem-kn-2011", Mode: "draft", Lang: "cy", Output: "basic", Messages: map[string]string{"required": "Rhowch"}}, ""},
		{"nulls, as JSON.stringify leaves none but a caller may", `{"scheme":null,"messages":null}`, options{}, ""},
		{"the last of a member given twice", `{"mode":"draft","mode":"submit"}`, options{Mode: "submit"}, ""},
		{"escapes", `{"messages":{"a\u00e9":"\"\ud83d\ude00\n"}}`, options{Messages: map[string]string{"aé": "\"😀\n"}}, ""},
		{"a lone surrogate, as JSON.stringify writes one", `{"messages":{"x":"a\udc00b"}}`, options{Messages: map[string]string{"x": "a\uFFFDb"}}, ""},
		{"not JSON", `{`, options{}, "a key is not a JSON string"},
		{"a list", `[]`, options{}, "not a JSON object"},
		{"an unknown option", `{"schema":"x"}`, options{}, `there is no option called "schema"`},
		{"a number for a string", `{"lang":1}`, options{}, "the lang option is not a string"},
		{"a number for a message", `{"messages":{"required":1}}`, options{}, `the message for "required" is not a string`},
		{"messages as a list", `{"messages":[]}`, options{}, "not a JSON object"},
		{"more after", `{} {}`, options{}, "there is more after the object"},
		{"no comma", `{"mode":"draft" "lang":"cy"}`, options{}, `no comma or closing brace after "mode"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problem := parseOptions(tt.in)
			require.Equal(t, tt.problem, problem)
			if problem == "" {
				require.Equal(t, tt.want, got)
				var o options
				require.NoError(t, json.Unmarshal([]byte(tt.in), &o))
				require.Equal(t, o, got, "as encoding/json reads it")
			}
		})
	}
}

func TestParseEntries(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string][]string
		problem  string
	}{
		{"none", `null`, map[string][]string{}, ""},
		{"empty", `[]`, map[string][]string{}, ""},
		{"in form order", ` [ ["a","1"], ["b",""], ["a","2"] ] `, map[string][]string{"a": {"1", "2"}, "b": {""}}, ""},
		{"a lone surrogate", `[["a","\ud800"]]`, map[string][]string{"a": {"\uFFFD"}}, ""},
		{"not a list", `{}`, nil, "not a JSON list"},
		{"one string", `[["a"]]`, nil, "each form entry must be a [name, value] pair of strings"},
		{"three strings", `[["a","b","c"]]`, nil, "each form entry must be a [name, value] pair of strings"},
		{"a number", `[["a",1]]`, nil, "each form entry must be a [name, value] pair of strings"},
		{"a string for a pair", `["a"]`, nil, "not a JSON list"},
		{"unclosed", `[["a","b"]`, nil, "no comma or closing bracket after item 1"},
		{"more after", `[] 1`, nil, "there is more after the list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problem := parseEntries(tt.in)
			require.Equal(t, tt.problem, problem)
			if problem == "" {
				require.Equal(t, tt.want, got)
			}
		})
	}
}

func TestWordingKeyIgnoresOrder(t *testing.T) {
	a, _ := parseOptions(`{"lang":"cy","messages":{"a":"1","b":"2"}}`)
	b, _ := parseOptions(`{"messages":{"b":"2","a":"1"},"lang":"cy"}`)
	c, _ := parseOptions(`{"lang":"cy","messages":{"a":"1","b":"3"}}`)
	d, _ := parseOptions(`{"lang":"cy","messages":{"a\n\"b\":\"2":"1"}}`)
	require.Equal(t, wordingKey(a), wordingKey(b))
	require.NotEqual(t, wordingKey(a), wordingKey(c))
	require.NotEqual(t, wordingKey(a), wordingKey(d))
}
