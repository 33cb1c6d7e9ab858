package stemkn

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// Findings behave as go/scanner's ErrorList: Add appends, Sort orders,
// and Err is nil unless some finding is an error.
func TestFindingsAreAValueLikeAnErrorList(t *testing.T) {
	var fs Findings
	require.NoError(t, fs.Err(), "the zero value is an empty list")
	fs.Add(Finding{Code: CodeMathematics, Severity: Warning, Path: "/network/members", Message: "Think about a teacher of mathematics"})
	require.NoError(t, fs.Err(), "warnings alone leave a document valid")
	fs.Add(Finding{Code: CodeRequired, Severity: Error, Path: "/network/name", Message: "Enter the network's name"})
	fs.Add(Finding{Code: CodeRequired, Severity: Error, Path: "/scheme", Message: "Select the scheme"})
	fs.Sort()
	require.Equal(t, []string{"/scheme", "/network/name", "/network/members"}, []string{fs[0].Path, fs[1].Path, fs[2].Path})
	err := fs.Err()
	require.Error(t, err)
	require.Equal(t, "/scheme: Select the scheme\n/network/name: Enter the network's name\n/network/members: Think about a teacher of mathematics", err.Error())
	var back Findings
	require.ErrorAs(t, err, &back)
	require.Equal(t, fs, back)
}

// Two findings whose JSON is the same are the same value: the variant
// that picks a message is data, written with the rest.
func TestFindingsEqualInJSONAreEqual(t *testing.T) {
	a := Finding{Code: CodeTheme, Severity: Error, Path: "/network/theme", Variant: "missing", Rule: "theme"}
	b := Finding{Code: CodeTheme, Severity: Error, Path: "/network/theme", Rule: "theme"}
	ja, err := json.Marshal(a)
	require.NoError(t, err)
	jb, err := json.Marshal(b)
	require.NoError(t, err)
	require.NotEqual(t, string(ja), string(jb), "findings that differ differ in JSON")
	var back Finding
	require.NoError(t, json.Unmarshal(ja, &back))
	require.Equal(t, a, back)
}
