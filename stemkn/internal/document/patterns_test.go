//go:build !js

// These tests run Node (ajv and ECMAScript regular expressions) as a
// separate process, which a js/wasm test binary cannot start.

package document

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// jsPatternScript tests strings against patterns as ajv does: new RegExp(p, "u").
const jsPatternScript = `
let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;
const out = JSON.parse(text).map(({pattern, strings}) => {
  const re = new RegExp(pattern, "u");
  return strings.map((s) => re.test(s));
});
process.stdout.write(JSON.stringify(out));
`

// nearMisses returns each example and every string one edit away from it
// (a character replaced, inserted or deleted), over an alphabet of the
// characters patterns tend to get wrong: digits of other scripts, spaces of
// all kinds, line ends, letters of two and four bytes.
func nearMisses(examples ...string) []string {
	alphabet := []rune{'0', '1', '9', 'A', 'Z', 'a', 'z', ' ', '@', '.', '-', '\t', '\n', '\r', '\v', '\f',
		'é', '٣', '😀', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u200b', 'Ａ', '１'}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, ex := range examples {
		rs := []rune(ex)
		add(ex)
		for i := 0; i <= len(rs); i++ {
			if i < len(rs) {
				add(string(rs[:i]) + string(rs[i+1:]))
			}
			for _, c := range alphabet {
				add(string(rs[:i]) + string(c) + string(rs[i:]))
				if i < len(rs) {
					add(string(rs[:i]) + string(c) + string(rs[i+1:]))
				}
			}
		}
	}
	return out
}

func TestPatternsMeanTheSameInGoAndECMAScript(t *testing.T) {
	type patternCase struct {
		name    string
		pattern string
		check   func(string) bool
		strings []string
	}
	examples := map[string][]string{
		"email":          {"a@b.c", "z.ashworth@hbs.example.org", "é@ü.de"},
		"urn":            {"107552", "000000"},
		"ukprn":          {"10001234"},
		"pic":            {"949645123"},
		"postcode":       {"OL14 5QX", "W1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "EC1A 1BB"},
		"company-number": {"01234567", "SC123456"},
		"date":           {"2011-02-01", "2012-02-29", "2011-12-31", "0000-01-01"},
	}
	var cases []patternCase
	for _, tag := range customTags {
		if tag.pattern == "" {
			continue
		}
		require.Contains(t, examples, tag.name, "give examples for the %s pattern", tag.name)
		check := tag.check
		if tag.format == "date" {
			check = wellFormedDate // the pattern says the shape; the calendar is the format's
		}
		cases = append(cases, patternCase{tag.name, tag.pattern, check, nearMisses(examples[tag.name]...)})
	}
	require.Len(t, cases, len(examples))
	cases = append(cases, patternCase{"non-blank", NonBlankPattern, func(s string) bool { return !IsBlank(s) },
		nearMisses("", " ", "x", "\u00a0\u2028", " \t\n\r\v\f\u3000\ufeff")})

	var jobs []patternJob
	for _, c := range cases {
		jobs = append(jobs, patternJob{c.pattern, c.strings})
	}
	js := ecmaScriptMatches(t, jobs)

	for k, c := range cases {
		re := regexp.MustCompile(c.pattern)
		matched := 0
		for i, s := range c.strings {
			require.True(t, utf8.ValidString(s))
			goCheck, re2 := c.check(s), re.MatchString(s)
			require.Equal(t, goCheck, re2, "%s: Go check and RE2 differ on %q", c.name, s)
			if js != nil {
				require.Equal(t, re2, js[k][i], "%s: RE2 and ECMAScript differ on %q", c.name, s)
			}
			if re2 {
				matched++
			}
		}
		require.Positive(t, matched, c.name)
		require.Less(t, matched, len(c.strings), c.name)
	}
}

func TestEveryRealDateIsWellFormedAndOnlyShortMonthsAreNot(t *testing.T) {
	for _, s := range nearMisses("2011-02-01", "2011-04-30", "2012-02-29", "2011-12-31") {
		if isDate(s) {
			require.True(t, wellFormedDate(s), s)
		}
	}
	for _, s := range []string{"2011-04-31", "2011-06-31", "2011-09-31", "2011-11-31", "2011-02-29", "2011-02-30", "1900-02-29", "2012-02-30"} {
		require.True(t, wellFormedDate(s), s)
		require.False(t, isDate(s), s)
	}
	for _, s := range []string{"2011-00-10", "2011-13-01", "2011-01-00", "2011-01-32", "20110201", "2011-2-01", "2011-02-01\n"} {
		require.False(t, wellFormedDate(s), s)
	}
}

type patternJob struct {
	Pattern string   `json:"pattern"`
	Strings []string `json:"strings"`
}

// ecmaScriptMatches tests each job's strings against its pattern in Node,
// as ajv does. It runs in the full suite only (STEMKN_FULL=1, as `make
// test` sets), and gives nil in the fast loop, which compares Go with RE2.
func ecmaScriptMatches(t *testing.T, jobs []patternJob) [][]bool {
	t.Helper()
	if os.Getenv("STEMKN_FULL") != "1" {
		return nil
	}
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is not on the PATH")
	input, err := json.Marshal(jobs)
	require.NoError(t, err)
	cmd := exec.Command(node, "--input-type=module", "-e", jsPatternScript)
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	require.NoError(t, err)
	var js [][]bool
	require.NoError(t, json.Unmarshal(out, &js))
	require.Len(t, js, len(jobs))
	return js
}
