package jsonscan

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestStr(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // what a Repairing scanner reads
		strict   bool   // whether a plain scanner reads it too
	}{
		{"plain", `"abc"`, "abc", true},
		{"empty", `""`, "", true},
		{"escapes", `"a\"\\\/\b\f\n\r\tz"`, "a\"\\/\b\f\n\r\tz", true},
		{"unicode escape", `"\u00e9\u20AC"`, "é€", true},
		{"surrogate pair", `"\ud83d\ude00"`, "😀", true},
		{"UTF-8", `"Llanelwy – 😀"`, "Llanelwy – 😀", true},
		{"lone high surrogate", `"a\ud800b"`, "a\uFFFDb", false},
		{"lone low surrogate", `"\udc00"`, "\uFFFD", false},
		{"high then a letter escape", `"\ud800\u0041"`, "\uFFFDA", false},
		{"two high surrogates", `"\ud800\ud800\udc00"`, "\uFFFD\U00010000", false},
		{"invalid UTF-8", "\"a\xffb\"", "a\uFFFDb", false},
		{"invalid UTF-8 after an escape", "\"\\n\xc3\"", "\n\uFFFD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want string
			require.NoError(t, json.Unmarshal([]byte(tt.in), &want), "encoding/json reads it")
			require.Equal(t, want, tt.want, "as encoding/json reads it")
			s := Repairing([]byte(tt.in))
			got, ok := s.Str()
			require.True(t, ok)
			require.Equal(t, tt.want, got)
			require.True(t, s.Done())
			got, ok = New([]byte(tt.in)).Str()
			require.Equal(t, tt.strict, ok)
			if ok {
				require.Equal(t, tt.want, got)
			}
		})
	}
}

func TestStrRefusesWhatIsNotAString(t *testing.T) {
	for _, in := range []string{``, `"`, `"abc`, `abc"`, "\"a\nb\"", `"\x"`, `"\u12"`, `"\u12g4"`, `"\`, `"\ud800\u12"`} {
		t.Run(in, func(t *testing.T) {
			var v string
			require.Error(t, json.Unmarshal([]byte(in), &v), "encoding/json refuses it too")
			_, ok := Repairing([]byte(in)).Str()
			require.False(t, ok)
			_, ok = New([]byte(in)).Str()
			require.False(t, ok)
		})
	}
}

func TestSpaceTakeNullValue(t *testing.T) {
	s := New([]byte(" \t\r\n{\"a\": {\"}\": [1, {}]}} null"))
	s.Space()
	require.True(t, s.Take('{'))
	require.False(t, s.Take('{'))
	s.Space()
	key, ok := s.Str()
	require.True(t, ok)
	require.Equal(t, "a", key)
	require.True(t, s.Take(':'))
	s.Space()
	start := s.Pos()
	v, err := s.Value(8)
	require.NoError(t, err)
	require.Equal(t, `{"}": [1, {}]}`, string(s.data[start:s.Pos()]))
	require.Equal(t, `{"}": [1, {}]}`, string(v.(*Object).Raw))
	require.True(t, s.Take('}'))
	require.False(t, s.Null())
	s.Space()
	require.True(t, s.Null())
	require.True(t, s.Done())
	require.False(t, New([]byte("nul")).Null())
	_, err = New([]byte(`{"a": "b"`)).Value(8)
	require.Error(t, err)
	_, err = New([]byte("{\"a\": \"\xff\"}")).Value(8)
	require.Error(t, err, "a plain scanner refuses what a Repairing one repairs")
	v, err = Repairing([]byte("{\"a\": \"\xff\"}")).Value(8)
	require.NoError(t, err)
	require.Equal(t, []any{"\uFFFD"}, v.(*Object).Values)
}

// FuzzStrAgrees: a Repairing scanner reads a string exactly as
// encoding/json does, and refuses what it refuses; a plain one reads the
// same or refuses, and never reads what encoding/json would change.
func FuzzStrAgrees(f *testing.F) {
	for _, seed := range []string{`"abc"`, `"\ud83d\ude00"`, `"\ud800x"`, "\"\xff\"", `"\u0000"`, `"a\"b"`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || data[0] != '"' {
			return // Str starts at the quote
		}
		var want string
		err := json.Unmarshal(data, &want)
		s := Repairing(data)
		got, ok := s.Str()
		if err != nil {
			require.False(t, ok && s.Done(), "Str read %q as %q; encoding/json: %v", data, got, err)
			return
		}
		require.True(t, ok, "Str refused %q, which encoding/json reads as %q", data, want)
		require.Equal(t, want, got)
		if plain, ok := New(data).Str(); ok {
			require.Equal(t, want, plain)
			require.True(t, utf8.ValidString(plain))
		}
	})
}
