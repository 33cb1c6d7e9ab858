package stemkn

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// scanCatalogue's answer, when it gives one, is readCatalogue's.
func requireScanAgrees(t *testing.T, data []byte) bool {
	t.Helper()
	entries, raw, ok := scanCatalogue(data)
	if !ok {
		return false
	}
	want, wantMeta, problems := readCatalogue(data)
	var meta catalogueMeta
	problem := decodeMeta(raw, &meta)
	require.Equal(t, want, entries, "%q", data)
	require.Equal(t, wantMeta, meta, "%q", data)
	if problem == nil {
		require.Empty(t, problems, "%q", data)
	} else {
		require.Equal(t, []MessageProblem{*problem}, problems, "%q", data)
	}
	return true
}

func TestScanCatalogueReadsTheBuiltInCatalogues(t *testing.T) {
	for _, name := range []string{"messages/en.json", "messages/cy.json"} {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		require.True(t, requireScanAgrees(t, data), "%s is read by the fast path", name)
	}
}

func TestScanCatalogueAgreesOrLeavesTheFileToEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		file string
		fast bool // scanCatalogue reads it (else readCatalogue says what is wrong)
	}{
		{"plain", `{"_meta": {"lang": "en"}, "a": "A"}`, true},
		{"escapes", `{"_meta":{"lang":"en","note":"{[\"]}"},"a":"line\nnext \"q\" \\ \/ \u00e9 \ud83d\ude00 \t\b\f\r"}`, true},
		{"meta nested", `{"a": "x", "_meta": {"lang": "en", "lists": {"or": "soft"}, "forms": ["soft"]}}`, true},
		{"meta unknown field", `{"_meta": {"lang": "en", "colour": "red"}, "a": "A"}`, true},
		{"meta not an object", `{"_meta": "en", "a": "A"}`, false},
		{"no meta", `{"a": "A"}`, false},
		{"repeated key", `{"_meta": {}, "a": "A", "a": "B"}`, false},
		{"number text", `{"_meta": {}, "a": 1}`, false},
		{"null text", `{"_meta": {}, "a": null}`, false},
		{"trailing data", `{"_meta": {}, "a": "A"} {}`, false},
		{"trailing comma", `{"_meta": {}, "a": "A",}`, false},
		{"unterminated", `{"_meta": {}, "a": "A`, false},
		{"control character", "{\"_meta\": {}, \"a\": \"A\x01\"}", false},
		{"invalid UTF-8", "{\"_meta\": {}, \"a\": \"\xff\"}", false},
		{"lone surrogate", `{"_meta": {}, "a": "\ud83d"}`, false},
		{"bad escape", `{"_meta": {}, "a": "\x"}`, false},
		{"short unicode escape", `{"_meta": {}, "a": "\u00"}`, false},
		{"unbalanced meta", `{"_meta": {"forms": [}], "a": "A"}`, false},
		{"empty object", `{}`, false},
		{"not an object", `["a"]`, false},
		{"whitespace around", " \n\t{\"_meta\": {} ,\r\n \"a\" : \"A\" } \n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.fast, requireScanAgrees(t, []byte(tt.file)))
			if !tt.fast {
				_, _, problems := decodeCatalogue([]byte(tt.file))
				switch tt.name {
				case "invalid UTF-8", "lone surrogate":
					// encoding/json reads these, putting U+FFFD in place.
					require.Empty(t, problems)
				default:
					require.NotEmpty(t, problems, "a file the fast path refuses is read, and its problem said, by readCatalogue")
				}
			}
		})
	}
}

func FuzzScanCatalogueAgrees(f *testing.F) {
	for _, name := range []string{"messages/en.json"} {
		data, _ := os.ReadFile(name)
		f.Add(data[:min(len(data), 600)])
	}
	f.Add([]byte(`{"_meta":{"lang":"en"},"a":"\u00e9\ud83d\ude00","b":"x"}`))
	f.Add([]byte(`{"_meta":{"lists":{"or":"soft"}},"a":"A"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		requireScanAgrees(t, data)
	})
}
