package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

func TestSchemaPrintsTheLibrarysExport(t *testing.T) {
	s, ok := stemkn.NewCatalogue().Scheme("stem-kn-2011")
	require.True(t, ok)
	want, err := stemkn.Schema(s)
	require.NoError(t, err)
	lower, err := stemkn.NewCatalogue().LoadFile("testdata/lower-cap.scheme.json")
	require.NoError(t, err)
	wantLower, err := stemkn.Schema(lower)
	require.NoError(t, err)
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	welsh, err := stemkn.SchemaIn(s, cy)
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		args []string
		want []byte
	}{
		{"a built-in scheme", []string{"schema", "--scheme", "stem-kn-2011"}, want},
		{"a scheme file", []string{"schema", "--scheme-file", "testdata/lower-cap.scheme.json"}, wantLower},
		{"--scheme over a scheme file", []string{"schema", "--scheme-file", "testdata/lower-cap.scheme.json", "--scheme", "stem-kn-2011"}, want},
		{"no scheme: the structure of every document", []string{"schema"}, stemkn.BaseSchema()},
		{"in Welsh", []string{"schema", "--scheme", "stem-kn-2011", "--lang", "cy"}, welsh},
		{"the base schema in Welsh", []string{"schema", "--lang", "cy-GB"}, stemkn.BaseSchemaIn(cy)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := stemknRun(t, "", tc.args...)
			require.Equal(t, exitOK, code, stderr)
			require.JSONEq(t, string(tc.want), stdout)
			var schema map[string]any
			require.NoError(t, json.Unmarshal([]byte(stdout), &schema))
			require.Equal(t, "https://json-schema.org/draft/2020-12/schema", schema["$schema"])
		})
	}
}

func TestSchemaTroubleExitsTwo(t *testing.T) {
	for _, tc := range []struct {
		name, stderr string
		args         []string
	}{
		{"an unknown scheme", `there is no scheme "no-such-scheme"`, []string{"schema", "--scheme", "no-such-scheme"}},
		{"a language stemkn does not have", `--lang: there are no messages in "fr": the languages are cy and en`, []string{"schema", "--lang", "fr"}},
		{"a bad scheme file", "maximumFun", []string{"schema", "--scheme-file", "testdata/unknown-rule.scheme.json"}},
		{"a missing scheme file", "no-such.scheme.json", []string{"schema", "--scheme-file", "testdata/no-such.scheme.json"}},
		{"an argument", "takes no arguments", []string{"schema", "stem-kn-2011"}},
		{"an unknown flag", "flag provided but not defined", []string{"schema", "--id", "stem-kn-2011"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := stemknRun(t, "", tc.args...)
			require.Equal(t, exitTrouble, code)
			require.Empty(t, stdout)
			require.Contains(t, stderr, tc.stderr)
		})
	}
}
