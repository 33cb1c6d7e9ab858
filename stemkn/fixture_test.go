package stemkn

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The helpers in this file are shared by the package's tests: a validator
// built once (it is safe for concurrent use, so tests may share it), a way to
// change one field of a good fixture, short forms of the findings to compare
// with require.Equal, and the checks every result must pass whatever the input.

var testValidator = NewValidator(nil)

// jsonDoc is a JSON document held as generic values (numbers as json.Number,
// so amounts stay exact) so that a test can change a field of a fixture.
type jsonDoc struct{ root any }

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

func loadDoc(t testing.TB, name string) jsonDoc {
	t.Helper()
	return parseDoc(t, readFixture(t, name))
}

func parseDoc(t testing.TB, data []byte) jsonDoc {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return jsonDoc{root: v}
}

func (d jsonDoc) bytes(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal(d.root)
	require.NoError(t, err)
	return b
}

// change is one edit to a document: set the value at a JSON Pointer, or
// remove it when value is removed.
type change struct {
	path  string
	value any
}

type removal struct{}

var removed = removal{}

func set(path string, value any) change { return change{path, value} }
func del(path string) change            { return change{path, removed} }

// with returns a copy of the document with the changes made. The last
// segment "-" appends to an array.
func (d jsonDoc) with(t testing.TB, changes ...change) jsonDoc {
	t.Helper()
	out := parseDoc(t, d.bytes(t))
	for _, c := range changes {
		out.root = edit(t, out.root, pointerSegments(t, c.path), c.value, c.path)
	}
	return out
}

func pointerSegments(t testing.TB, p string) []string {
	t.Helper()
	if p == "" {
		return nil
	}
	require.True(t, strings.HasPrefix(p, "/"), "pointer %q", p)
	segs := strings.Split(p[1:], "/")
	for i, s := range segs {
		segs[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
	}
	return segs
}

func edit(t testing.TB, node any, segs []string, value any, path string) any {
	t.Helper()
	if len(segs) == 0 {
		return value
	}
	switch n := node.(type) {
	case map[string]any:
		if len(segs) == 1 && value == removed {
			delete(n, segs[0])
			return n
		}
		n[segs[0]] = edit(t, n[segs[0]], segs[1:], value, path)
		return n
	case []any:
		if segs[0] == "-" {
			require.Len(t, segs, 1, "append at %s", path)
			return append(n, value)
		}
		k, err := strconv.Atoi(segs[0])
		require.NoError(t, err, "index in %s", path)
		require.Less(t, k, len(n), "index in %s", path)
		if len(segs) == 1 && value == removed {
			return append(n[:k:k], n[k+1:]...)
		}
		n[k] = edit(t, n[k], segs[1:], value, path)
		return n
	case nil:
		// Create missing objects on the way, as a form filling in a field would.
		return edit(t, map[string]any{}, segs, value, path)
	}
	t.Fatalf("cannot change %s: %T in the way", path, node)
	return nil
}

// seen is the part of a finding most tests compare: what, how bad, where.
type seen struct {
	Code     Code
	Severity Severity
	Path     string
}

func e(code Code, path string) seen { return seen{code, Error, path} }
func w(code Code, path string) seen { return seen{code, Warning, path} }

func summary(res Result) []seen {
	out := []seen{}
	for _, f := range res.Findings {
		out = append(out, seen{f.Code, f.Severity, f.Path})
	}
	return out
}

func outcomes(res Result) map[string]Outcome {
	out := map[string]Outcome{}
	for _, r := range res.Rules {
		out[r.Rule] = r.Outcome
	}
	return out
}

// verdict is a Result's Eligible as a comparable value.
type verdict string

const (
	eligible   verdict = "eligible"
	ineligible verdict = "ineligible"
	unjudged   verdict = "not judged"
)

func verdictOf(res Result) verdict {
	switch {
	case res.Eligible == nil:
		return unjudged
	case *res.Eligible:
		return eligible
	}
	return ineligible
}

// validate runs the shared validator and checks the result contract,
// including the wording rules for text the test controls.
func validate(t testing.TB, data []byte, opts Options) Result {
	t.Helper()
	res := testValidator.Validate(data, opts)
	checkContract(t, res)
	checkWording(t, res)
	return res
}

// checkContract checks what must hold of every result, whatever the input.
func checkContract(t testing.TB, res Result) {
	t.Helper()
	require.Equal(t, !res.Findings.HasErrors(), res.Valid, "valid is no errors")
	require.NotNil(t, res.Findings, "findings is a list, never null")
	for _, f := range res.Findings {
		require.NotEmpty(t, f.Message, "finding %s at %q has a message", f.Code, f.Path)
		require.True(t, f.Severity == Error || f.Severity == Warning, "severity %q", f.Severity)
		require.True(t, isPointer(f.Path), "path %q is a JSON Pointer", f.Path)
	}
	// One thing is said once.
	type saying struct {
		seen
		message string
	}
	said := map[saying]bool{}
	for _, f := range res.Findings {
		k := saying{seen{f.Code, f.Severity, f.Path}, f.Message}
		require.False(t, said[k], "%s at %q said twice: %s", f.Code, f.Path, f.Message)
		said[k] = true
	}
	sorted := append(Findings{}, res.Findings...)
	sorted.Sort()
	require.Equal(t, sorted, res.Findings, "findings are in their documented order")
	if res.Eligible != nil && *res.Eligible {
		for _, r := range res.Rules {
			if r.Advice {
				continue
			}
			require.NotEqual(t, Failed, r.Outcome, "eligible with rule %s failed", r.Rule)
			require.NotEqual(t, NotJudged, r.Outcome, "eligible with rule %s not judged", r.Rule)
		}
	}
}

// isPointer reports whether p is an RFC 6901 JSON Pointer: empty, or "/"
// segments where "~" is only ever followed by 0 or 1.
func isPointer(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != '/' {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 == len(p) || p[i+1] != '0' && p[i+1] != '1') {
			return false
		}
	}
	return true
}

var (
	bannedWords = regexp.MustCompile(`(?i)\b(please|sorry|invalid)\b`)
	placeholder = regexp.MustCompile(`\{[^{}]*\}`)
)

// checkWording checks GOV.UK's error message style on every message:
// no "please", "sorry" or "invalid", and no placeholder left unfilled. Only
// for documents whose own text contains neither.
func checkWording(t testing.TB, res Result) {
	t.Helper()
	for _, f := range res.Findings {
		require.False(t, bannedWords.MatchString(f.Message), "message %q", f.Message)
		require.False(t, placeholder.MatchString(f.Message), "message %q has an unfilled placeholder", f.Message)
	}
}

// freshScheme is a fresh copy of a built-in scheme, to change in a test.
func freshScheme(id string) *Scheme {
	s, ok := NewCatalogue().Scheme(id)
	if !ok {
		panic("no built-in scheme " + id)
	}
	return s
}
