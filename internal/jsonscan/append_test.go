package jsonscan

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// AppendString and AppendStrings write what json.Marshal writes for any
// string and list of them, and AppendHTMLSafe what it writes for compact
// JSON text as a json.RawMessage.
func FuzzAppendAgrees(f *testing.F) {
	for _, s := range []string{"", "plain", `"q" \ b`, "<a href='x'>&amp;</a>", "\x00\x1f\b\f\n\r\t\x7f",
		"\u2028\u2029", "caf\xc3", "\xff\xfe", "\xed\xa0\x80", "Ysgol Gymraeg Llundain — ‘Ŵ’", `{"a":["<b>","\u2028",1,true,null]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(AppendString(nil, s)), "%q", s)
		for _, list := range [][]string{nil, {}, {s}, {s, "x", s}} {
			want, err := json.Marshal(list)
			require.NoError(t, err)
			require.Equal(t, string(want), string(AppendStrings(nil, list)), "%q", list)
		}
		if !json.Valid([]byte(s)) {
			return
		}
		var compact bytes.Buffer
		require.NoError(t, json.Compact(&compact, []byte(s)))
		want, err = json.Marshal(json.RawMessage(compact.Bytes()))
		require.NoError(t, err)
		require.Equal(t, string(want), string(AppendHTMLSafe([]byte("x"), compact.Bytes()))[1:], "%q", s)
	})
}
