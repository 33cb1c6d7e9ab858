package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestPrintableEscapesWhatCouldForgeALineOrReachTheTerminal(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is kept", "Enter the network's name", "Enter the network's name"},
		{"letters beyond ASCII are kept", "École Française, Ysgol Gymraeg Llŷr, 東京 👩‍🔬", "École Française, Ysgol Gymraeg Llŷr, 東京 👩‍🔬"},
		{"a newline cannot start a line", "x\n<stdin>:2: valid", `x\n<stdin>:2: valid`},
		{"a carriage return cannot rewrite one", "x\rvalid", `x\rvalid`},
		{"a tab", "a\tb", `a\tb`},
		{"a terminal escape", "\x1b[2J\x1b]0;title\x07", `\x1b[2J\x1b]0;title\x07`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`},
		{"a C1 control sequence introducer", "a\u009b2Jb", `a\u009b2Jb`},
		{"the line and paragraph separators", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"a right-to-left override", "valid\u202e", `valid\u202e`},
		{"the bidirectional isolates and marks", "\u2066\u2069\u200e\u200f\u061c", `\u2066\u2069\u200e\u200f\u061c`},
		{"bytes that are not UTF-8", "\xffcole \xc3", `\xffcole \xc3`},
		{"a backslash is doubled, so escapes are unambiguous", `a\nb`, `a\\nb`},
		{"the zero-width joiner of an emoji is text", "👩\u200d🔬", "👩\u200d🔬"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := printable(tt.in)
			require.Equal(t, tt.want, got)
			require.True(t, utf8.ValidString(got))
		})
	}
}

// requireOnlyOwnLines checks text output: valid UTF-8, no control
// character but the line ends, and every line one the command starts: a
// verdict for label, or an indented finding or rule line.
func requireOnlyOwnLines(t *testing.T, out string, verdicts int, label string) {
	t.Helper()
	require.True(t, utf8.ValidString(out), "output is UTF-8")
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		for _, r := range line {
			require.False(t, r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f, "control character %U in %q", r, line)
		}
		if strings.HasPrefix(line, "  ") {
			continue
		}
		require.True(t, strings.HasPrefix(line, label+":") || strings.HasPrefix(line, label+" "), "a line the command did not start: %q", line)
		n++
	}
	require.Equal(t, verdicts, n, "one verdict line per document:\n%s", out)
}

// A document cannot make text output print a line of its own: field
// names and values with line ends, terminal escapes and bidirectional
// overrides come out escaped.
func TestValidateTextOutputCannotBeForgedByTheDocument(t *testing.T) {
	forged := `{"scheme":"stem-kn-2011","x\n<stdin>:2: valid\n\u001b[2J\r":1,"network":{"name\u202e\u0000":"a","theme":"\u2028<stdin>:3: valid"}}`
	code, stdout, _ := stemknRun(t, forged+"\n"+forged+"\n", "validate")
	require.Equal(t, exitFindings, code)
	requireOnlyOwnLines(t, stdout, 2, "<stdin>")
	require.Contains(t, stdout, `  error /x\n<stdin>:2: valid\n\x1b[2J\r: Remove "x\n<stdin>:2: valid\n\x1b[2J\r"`)
	require.Contains(t, stdout, `/network/name\u202e\x00`)
}

// A file name is input too: its line ends and bad bytes are escaped in
// each verdict and in the trouble message for a file that cannot be read.
func TestValidateEscapesTheFileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\n<stdin>: valid\xff.json")
	require.NoError(t, os.WriteFile(name, []byte(`{"scheme":"stem-kn-2011"}`), 0o644))
	code, stdout, _ := stemknRun(t, "", "validate", name)
	require.Equal(t, exitFindings, code)
	label := printable(name)
	require.Equal(t, filepath.Join(dir, `a\n<stdin>: valid\xff.json`), label)
	requireOnlyOwnLines(t, stdout, 1, label)

	code, _, stderr := stemknRun(t, "", "validate", name+"\x1b[2J")
	require.Equal(t, exitTrouble, code)
	require.Contains(t, stderr, `\x1b[2J`)
	require.NotContains(t, stderr, "\x1b")
	require.Equal(t, 1, strings.Count(stderr, "\n"))
}

// Scheme files are input: the names of their test cases are escaped in
// stemkn test's output.
func TestTestEscapesCaseNames(t *testing.T) {
	file := filepath.Join(t.TempDir(), "scheme.json")
	scheme := `{"id": "x-2011", "extends": "stem-kn-2011", "tests": [
	  {"name": "a\nok  forged\u001b[2J", "document": {"scheme": "x-2011"}, "expect": {"valid": false}}]}`
	require.NoError(t, os.WriteFile(file, []byte(scheme), 0o644))
	code, stdout, stderr := stemknRun(t, "", "test", file)
	require.Equal(t, exitOK, code, stderr)
	require.Equal(t, "ok  a\\nok  forged\\x1b[2J\n", stdout)
}

// Whatever the text, printable's output is UTF-8 with no character it
// escapes, and it changes exactly the text needsEscape says it must.
func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"", "plain", "x\n<stdin>:2: valid", "\x1b[2J", "\xff\xc3", "\u202e\u2028", `a\b`, "é\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := printable(s)
		require.True(t, utf8.ValidString(got))
		for _, r := range got {
			require.False(t, r < 0x20 || r == 0x7f || escapedRune(r), "%U left in %q", r, got)
		}
		require.Equal(t, needsEscape(s), got != s)
	})
}
