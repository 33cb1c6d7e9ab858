package stemkn_test

import (
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// Hostile JSON can ask for a finding every six bytes ("x":1, repeated): at
// 8 MiB that was 1.4 million findings and 1.7 GB of memory. Reading the
// JSON stops at the findings limit with a too-large finding instead.
func TestAFloodOfFindingsStopsAtTheFindingsLimit(t *testing.T) {
	limit := stemkn.DefaultLimits.Findings
	require.Equal(t, 1000, limit)
	flood := func(n int) string { return `{"scheme":"stem-kn-2011",` + unknownFields(n) + `"y":1}` }
	under := builtinValidator.ValidateString(flood(limit-1), stemkn.Options{})
	requireReadInFull(t, under, "a flood at the limit", stemkn.DefaultLimits)
	require.NotEqual(t, "/y", under.Findings[limit].Path, "reading did not stop")

	over := builtinValidator.ValidateString(flood(limit), stemkn.Options{})
	require.Equal(t, limit, countCode(over, stemkn.CodeUnknownField))
	tooLarge := findingWith(t, over, stemkn.CodeTooLarge)
	require.Equal(t, stemkn.Params{"limit": "findings", "max": int64(limit)}, tooLarge.Params)
	require.Equal(t, "/y", tooLarge.Path)
	require.Equal(t, "The document has more than 1000 problems: fix the ones listed and send it again", tooLarge.Message)

	huge := builtinValidator.ValidateString(`{"scheme":"stem-kn-2011",`+strings.Repeat(`"x":1,`, (8<<20-100)/6)+`"y":1}`, stemkn.Options{})
	require.True(t, hasCode(huge, stemkn.CodeTooLarge))
	require.LessOrEqual(t, len(huge.Findings), limit+1)
}

// unknownFields writes n distinct unknown fields, each followed by a comma.
func unknownFields(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(`"x` + strconv.Itoa(i) + `":1,`)
	}
	return b.String()
}

func countCode(r stemkn.Result, code stemkn.Code) int {
	n := 0
	for _, f := range r.Findings {
		if f.Code == code {
			n++
		}
	}
	return n
}

func findingWith(t *testing.T, r stemkn.Result, code stemkn.Code) stemkn.Finding {
	t.Helper()
	for _, f := range r.Findings {
		if f.Code == code {
			return f
		}
	}
	t.Fatalf("no %s finding in %v", code, r.Findings)
	return stemkn.Finding{}
}

// limitCase is a document just under or just over one input limit.
type limitCase struct {
	name   string
	limits stemkn.Limits
	doc    string
	over   string // the limit it passes ("" when under every limit)
}

// limitCases builds, for a set of limits, documents exactly at each limit
// and one step past it: bytes (padding with white space), depth (nested
// lists under an unknown field), items (a member's subjects) and findings
// (unknown fields).
func limitCases(l stemkn.Limits) []limitCase {
	const head = `{"scheme":"stem-kn-2011"`
	var out []limitCase
	add := func(name, over, doc string) {
		out = append(out, limitCase{name: name, limits: l, doc: doc, over: over})
	}
	pad := func(n int) string { return head + "}" + strings.Repeat(" ", n-len(head)-1) }
	add("bytes at the limit", "", pad(l.Bytes))
	add("bytes one over", "bytes", pad(l.Bytes+1))
	nest := func(levels int) string {
		return head + `,"deep":` + strings.Repeat("[", levels) + strings.Repeat("]", levels) + "}"
	}
	add("depth at the limit", "", nest(l.Depth-1)) // the document itself is the first level
	add("depth one over", "depth", nest(l.Depth))
	subjects := func(n int) string {
		return head + `,"network":{"members":[{"subjects":[` + strings.Repeat(`"science",`, n-1) + `"science"]}]}}`
	}
	add("items at the limit", "", subjects(l.Items))
	add("items one over", "items", subjects(l.Items+1))
	unknown := func(n int) string { return head + "," + strings.TrimSuffix(unknownFields(n), ",") + "}" }
	add("findings at the limit", "", unknown(l.Findings))
	add("findings one over", "findings", unknown(l.Findings+1))
	return out
}

var smallLimits = stemkn.Limits{Bytes: 4000, Depth: 6, Items: 5, Findings: 10}

// Each limit lets through input exactly at it and stops input one step
// past it with one too-large finding naming the limit, whatever the limits.
func TestEachLimitStopsInputOneStepPastIt(t *testing.T) {
	for _, l := range []stemkn.Limits{stemkn.DefaultLimits, smallLimits} {
		v := builtinValidator.WithLimits(l)
		for _, c := range limitCases(l) {
			res := v.ValidateString(c.doc, stemkn.Options{})
			if c.over == "" {
				requireReadInFull(t, res, c.name, l)
				continue
			}
			f := findingWith(t, res, stemkn.CodeTooLarge)
			require.Equal(t, c.over, f.Params["limit"], c.name)
			require.Equal(t, 1, countCode(res, stemkn.CodeTooLarge), c.name)
			require.False(t, res.Valid)
			require.Nil(t, res.Eligible, "%s: a document past a limit is not judged", c.name)
		}
	}
}

// requireReadInFull holds a result to its document having been read to the
// end: no limit stopped it. A document at the findings limit is read in
// full, and then its result, which has more findings (the values it lacks),
// lists the first of them and says there are more: the too-large finding
// of a result past the limit, at the first finding it leaves out, after
// the structure was checked (required findings) as it is for a document
// read in full.
func requireReadInFull(t *testing.T, res stemkn.Result, name string, l stemkn.Limits) {
	t.Helper()
	if !hasCode(res, stemkn.CodeTooLarge) {
		return
	}
	require.Len(t, res.Findings, l.Findings+1, "%s (%+v)", name, l)
	last := res.Findings[l.Findings]
	require.Equal(t, stemkn.CodeTooLarge, last.Code, "%s (%+v): %v", name, l, res.Findings)
	require.Equal(t, "findings", last.Params["limit"], name)
	require.True(t, hasCode(res, stemkn.CodeRequired), "%s (%+v): the structure was checked", name, l)
}

// Limits are checked before the work they guard: a document one byte too
// large is not read at all (a syntax error at its end is never seen), and a
// list one item too long is not decoded (its items' problems are never
// reported).
func TestLimitsAreCheckedBeforeTheWorkTheyGuard(t *testing.T) {
	l := stemkn.DefaultLimits
	tooBig := `{"scheme":"stem-kn-2011"}` + strings.Repeat(" ", l.Bytes-25) + `!`
	res := builtinValidator.ValidateString(tooBig, stemkn.Options{})
	require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, res.Findings.Codes())

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	builtinValidator.ValidateString(tooBig, stemkn.Options{})
	runtime.ReadMemStats(&after)
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10), "rejecting 8 MiB must not copy or decode it")

	items := `{"scheme":"stem-kn-2011","network":{"members":[` + strings.Repeat(`{"name":1,"role":2},`, l.Items) + `{}]}}`
	res = builtinValidator.ValidateString(items, stemkn.Options{})
	require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, res.Findings.Codes())
	require.Equal(t, "/network/members", res.Findings[0].Path)
}

func hasCode(r stemkn.Result, code stemkn.Code) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// formLimitCases are form posts just under and just over the limits a form
// can reach: the findings of reading its fields, and rows in a list.
func formLimitCases(l stemkn.Limits) []struct {
	name   string
	values url.Values
	over   string
	path   string
} {
	unknown := func(n int) url.Values {
		v := url.Values{"scheme": {"stem-kn-2011"}}
		for i := range n {
			v.Set(fmt.Sprintf("network[x%06d]", i), "x")
		}
		return v
	}
	// Rows are numbered from 0 to one less than the items limit (an index
	// past it is no row: see TestFormNamesTheDocumentCannotPlaceAreFindings),
	// so only a list of text, a repeated NAME[], can pass the limit.
	members := func(n int) url.Values {
		v := url.Values{"scheme": {"stem-kn-2011"}}
		for i := range n {
			v.Set("network[members]["+strconv.Itoa(i)+"][name]", "Asha Patel")
		}
		return v
	}
	subjects := func(n int) url.Values {
		v := url.Values{"scheme": {"stem-kn-2011"}}
		for range n {
			v.Add("network[members][0][subjects][]", "science")
		}
		return v
	}
	return []struct {
		name   string
		values url.Values
		over   string
		path   string
	}{
		{"form findings at the limit", unknown(l.Findings), "", ""},
		{"form findings one over", unknown(l.Findings + 1), "findings", fmt.Sprintf("/network/x%06d", l.Findings)},
		{"form rows at the limit", members(l.Items), "", ""},
		{"form list of text at the limit", subjects(l.Items), "", ""},
		{"form list of text one over", subjects(l.Items + 1), "items", "/network/members/0/subjects"},
	}
}

// A form post meets the same limits as JSON, while it is read: 200,000
// amounts that are not money made 200,000 findings and 460 MB before, and a
// list of rows of any length was written out before the items limit saw it.
func TestFormPostsStopAtTheSameLimits(t *testing.T) {
	for _, l := range []stemkn.Limits{stemkn.DefaultLimits, smallLimits} {
		v := builtinValidator.WithLimits(l)
		for _, c := range formLimitCases(l) {
			res, form := v.ValidateForm(c.values, stemkn.Options{})
			if c.over == "" {
				require.False(t, hasCode(stemkn.Result{Findings: form.Findings}, stemkn.CodeTooLarge), "%s (%+v): %v", c.name, l, form.Findings.Codes())
				requireReadInFull(t, res, c.name, l)
				continue
			}
			f := findingWith(t, res, stemkn.CodeTooLarge)
			require.Equal(t, c.over, f.Params["limit"], c.name)
			require.Equal(t, c.path, f.Path, c.name)
			require.Equal(t, 1, countCode(res, stemkn.CodeTooLarge), c.name)
			require.LessOrEqual(t, len(form.Findings), l.Findings+1, c.name)
			require.Nil(t, res.Eligible, c.name)
		}
	}
}
