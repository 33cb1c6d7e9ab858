package stemkn_test

import (
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
	flood := func(n int) string {
		return `{"scheme":"stem-kn-2011",` + strings.Repeat(`"x":1,`, n) + `"y":1}`
	}
	under := builtinValidator.ValidateString(flood(limit-1), stemkn.Options{})
	require.False(t, hasCode(under, stemkn.CodeTooLarge))
	require.Equal(t, limit, countCode(under, stemkn.CodeUnknownField))

	over := builtinValidator.ValidateString(flood(limit), stemkn.Options{})
	require.Equal(t, limit, countCode(over, stemkn.CodeUnknownField))
	tooLarge := findingWith(t, over, stemkn.CodeTooLarge)
	require.Equal(t, stemkn.Params{"limit": "findings", "max": int64(limit)}, tooLarge.Params)
	require.Equal(t, "/y", tooLarge.Path)
	require.Equal(t, "The document has more than 1000 problems: fix the ones listed and send it again", tooLarge.Message)

	huge := builtinValidator.ValidateString(flood((8<<20-100)/6), stemkn.Options{})
	require.Len(t, huge.Findings, limit+1)
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
