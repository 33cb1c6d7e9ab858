package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCommittedSchemaIsUpToDate regenerates the base schema and fails when
// stemkn/schema.gen.json differs: a changed doc comment or validate tag must
// come with `go generate ./stemkn`.
func TestCommittedSchemaIsUpToDate(t *testing.T) {
	t.Chdir("../..") // generate reads the stemkn package's source, as go generate does
	want, err := generate()
	require.NoError(t, err)
	got, err := os.ReadFile("schema.gen.json")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "stemkn/schema.gen.json is stale: run `go generate ./stemkn`")
}

func TestGenerateIsStable(t *testing.T) {
	t.Chdir("../..")
	first, err := generate()
	require.NoError(t, err)
	second, err := generate()
	require.NoError(t, err)
	require.Equal(t, string(first), string(second))
}

func TestTagsWithoutASchemaFormAreRefused(t *testing.T) {
	for _, tag := range []string{"required,e164", "max=ten", "dive,dive", "omitempty,alpha"} {
		_, _, err := parseTag(tag)
		require.Error(t, err, tag)
	}
	for _, tag := range []string{"", "required,max=100", "omitempty,date", "max=4,unique,dive,oneof=a b", "omitempty,max=254,email"} {
		_, _, err := parseTag(tag)
		require.NoError(t, err, tag)
	}
}
