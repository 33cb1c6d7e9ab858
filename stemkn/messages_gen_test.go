package stemkn

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEnglishDataIsTheCheckedCatalogue holds the English messages, built
// from the generated data without checks, to what the checking reader makes
// of messages/en.json: every key classified, every placeholder checked, the
// _meta read. A file that fails a check fails here, not at start-up.
func TestEnglishDataIsTheCheckedCatalogue(t *testing.T) {
	data, err := os.ReadFile("messages/en.json")
	require.NoError(t, err)
	checked, err := parseMessages(data, nil, nil)
	require.NoError(t, err)
	require.Equal(t, checked, englishMessages())
	require.Len(t, englishMessages().text, len(englishEntries), "messages/en.json gives no key twice")
}

// TestEveryCatalogueFileIsBuiltIn: every language's file but English's
// (whose data is generated) is embedded, so a new language cannot be left
// out of the build by the embed line.
func TestEveryCatalogueFileIsBuiltIn(t *testing.T) {
	files, err := filepath.Glob("messages/*.json")
	require.NoError(t, err)
	var names []string
	for _, f := range messageFiles {
		names = append(names, "messages/"+f.name)
		data, err := os.ReadFile("messages/" + f.name)
		require.NoError(t, err)
		require.Equal(t, data, f.data, "messages/%s is embedded as it is", f.name)
	}
	var want []string
	for _, f := range files {
		if f != "messages/en.json" {
			want = append(want, f)
		}
	}
	require.Equal(t, want, names)
}
