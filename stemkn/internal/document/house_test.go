//go:build !js

package document

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/internal/codeshape"
)

// house is the package's files from the top, where stemkn comes in, to
// the bottom, what everything else is made of. A file may use what a file
// below it declares, never what one above it does — but for upward.
var house = []string{
	// Forms: a post read into JSON, and a pointer back to its field.
	"formfield.go", "form.go",
	// The strict JSON decoder, and the document order of pointers.
	"decode.go", "order.go",
	// The validate tags: Check, the build's engine, the tag programs.
	"structural.go", "engine_validator.go", "engine_js.go", "tags.go",
	// The nouns: the compiled view of a type, the custom tags, problems.
	"shape.go", "customtags.go", "problem.go", "text.go",
}

// upward are the uses that run back up the house, each named with why in
// doc.go.
var upward = []string{"shape.go -> tags.go"}

// TestTheHouseHasNoUpwardImports holds the package's files to the order of
// house: each file uses what files below it declare, but for upward.
func TestTheHouseHasNoUpwardImports(t *testing.T) {
	edges, err := codeshape.FileEdges(".", "github.com/stemkn/stemkn/stemkn/internal/document")
	require.NoError(t, err)
	up, unplaced := codeshape.Upward(edges, house)
	require.Empty(t, unplaced, "files not in the house (add each to house, where it belongs)")
	require.Equal(t, upward, up, "uses that run back up the house (each named, with why, in doc.go)")
}
