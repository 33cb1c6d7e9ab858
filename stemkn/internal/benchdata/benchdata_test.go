package benchdata

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReferenceApplicationIsTheReferenceDocument(t *testing.T) {
	want, err := os.ReadFile("../../testdata/reference-12-members.json")
	require.NoError(t, err)
	require.JSONEq(t, string(want), string(Application(ReferenceMembers)))
}

func TestApplicationsHoldTheMembersAskedFor(t *testing.T) {
	for _, members := range []int{2, 3, 10, 10_000} {
		var doc struct {
			Network struct {
				Members []json.RawMessage `json:"members"`
			} `json:"network"`
		}
		require.NoError(t, json.Unmarshal(Application(members), &doc))
		require.Len(t, doc.Network.Members, members)
	}
}

func TestNDJSONLinesAreDistinctDocuments(t *testing.T) {
	data := NDJSON(3)
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	require.Len(t, lines, 3)
	for _, l := range lines {
		require.True(t, json.Valid(l))
	}
	require.Equal(t, string(Application(ReferenceMembers)), string(lines[0]))
	require.NotEqual(t, string(lines[1]), string(lines[2]))
}
