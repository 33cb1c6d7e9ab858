package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCommittedCatalogueIsUpToDate regenerates the English catalogue's Go
// data and fails when stemkn/messages.gen.go differs: a change to
// messages/en.json must come with `go generate ./stemkn`.
func TestCommittedCatalogueIsUpToDate(t *testing.T) {
	data, err := os.ReadFile("../../messages/en.json")
	require.NoError(t, err)
	want, err := generate(data)
	require.NoError(t, err)
	got, err := os.ReadFile("../../messages.gen.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "stemkn/messages.gen.go is stale: run `go generate ./stemkn`")
}

func TestGenerateRefusesWhatIsNotACatalogue(t *testing.T) {
	for name, text := range map[string]string{
		"not an object":              `["a"]`,
		"a text not a string":        `{"_meta": {"lang": "en"}, "a": 1}`,
		"a _meta of the wrong shape": `{"_meta": {"lang": 1}}`,
		"trailing data":              `{"_meta": {"lang": "en"}} {}`,
		"not JSON":                   `{"_meta": `,
	} {
		_, err := generate([]byte(text))
		require.Error(t, err, name)
	}
}

func TestGenerateKeepsFileOrderAndMeta(t *testing.T) {
	got, err := generate([]byte(`{"b": "B {x}", "_meta": {"lang": "xx", "name": "X", "forms": ["soft"], "lists": {"or": "soft", "and": "soft"}}, "a": "A \"q\""}`))
	require.NoError(t, err)
	require.Contains(t, string(got), "{\"b\", \"B {x}\"},\n\t{\"a\", \"A \\\"q\\\"\"},")
	require.Contains(t, string(got), "englishLang = \"xx\"\n\tenglishName = \"X\"\n")
	require.Contains(t, string(got), `var englishForms = []string{"soft"}`)
	require.Contains(t, string(got), `var englishLists = map[string]string{"and": "soft", "or": "soft"}`)
}
