package stemkn_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

// agreementCatalogue is the built-in catalogue plus the test schemes that
// turn on every rule (testdata/schema/schemes).
func agreementCatalogue(t *testing.T) *stemkn.Catalogue {
	t.Helper()
	c := stemkn.NewCatalogue()
	files, err := filepath.Glob("testdata/schema/schemes/*.json")
	require.NoError(t, err)
	var data [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		data = append(data, b)
	}
	_, err = c.Load(data...)
	require.NoError(t, err)
	return c
}

// agreementCase is one document and, for hand-written cases, the verdict
// all three judges must give.
type agreementCase struct {
	name   string
	scheme string // the scheme whose schema judges the document
	doc    string
	expect *bool
}
