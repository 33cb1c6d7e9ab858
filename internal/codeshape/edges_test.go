package codeshape

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestUpwardFindsUsesOfFilesAboveAndFilesNotPlaced(t *testing.T) {
	edges := map[string]bool{"a.go -> b.go": true, "c.go -> a.go": true, "b.go -> c.go": true, "d.go -> c.go": true}
	up, unplaced := Upward(edges, []string{"a.go", "b.go", "c.go"})
	require.Equal(t, []string{"c.go -> a.go"}, up)
	require.Equal(t, []string{"d.go"}, unplaced)
}

// A package with known uses: a.go of b.go's constant, type and field; a
// local variable is no edge, nor are a test file or one the build leaves
// out (ignored.go uses a.go and c.go).
func TestFileEdgesAreTheUsesBetweenTheFilesTheBuildCompiles(t *testing.T) {
	edges, err := FileEdges("testdata/edges", "example.com/edges")
	require.NoError(t, err)
	require.Equal(t, map[string]bool{"a.go -> b.go": true}, edges)
}

func TestFileEdgesReadsThisPackage(t *testing.T) {
	edges, err := FileEdges(".", "github.com/stemkn/stemkn/internal/codeshape")
	require.NoError(t, err)
	require.Empty(t, edges, "doc.go and edges.go use nothing of each other")
}
