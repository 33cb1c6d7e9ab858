package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestResultsTakeTheGOMAXPROCSSuffixOffAndKeepEveryRun(t *testing.T) {
	rs := results{}
	in := `goos: linux
BenchmarkValidate/stem-kn-2011-2   	   69840	     16923 ns/op	 236.42 MB/s	    9369 B/op	      16 allocs/op
BenchmarkValidate/stem-kn-2011-2   	   70000	     17000 ns/op	 236.42 MB/s	    9369 B/op	      16 allocs/op
BenchmarkValidate/stem-kn-2011-2   	   70000	     18000 ns/op	 236.42 MB/s	    9369 B/op	      16 allocs/op
BenchmarkAjv/stem-kn-2011	23547	24368.4 ns/op	164.19 MB/s
BenchmarkNDJSON/docs=1-2	40201	29888 ns/op	29888 ns/doc
PASS
`
	require.NoError(t, rs.read(strings.NewReader(in), 2))
	require.Equal(t, 3, rs.runs("BenchmarkValidate/stem-kn-2011", "ns/op"))
	m, ok := rs.median("BenchmarkValidate/stem-kn-2011", "ns/op")
	require.True(t, ok)
	require.Equal(t, 17000.0, m)
	m, _ = rs.median("BenchmarkAjv/stem-kn-2011", "ns/op")
	require.Equal(t, 24368.4, m, "a name whose end looks like a suffix but is not GOMAXPROCS keeps it")
	m, _ = rs.median("BenchmarkNDJSON/docs=1", "ns/doc")
	require.Equal(t, 29888.0, m)
	_, ok = rs.median("BenchmarkSanthosh/stem-kn-2011", "ns/op")
	require.False(t, ok)
}

func TestMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo(t *testing.T) {
	require.Equal(t, 2.5, median([]float64{4, 1, 3, 2}))
	require.Equal(t, 3.0, median([]float64{5, 1, 3}))
}

func TestReportJudgesTargetsFromMediansAndRatios(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		"BenchmarkValidate/stem-kn-2011 1 20000 ns/op 16 allocs/op",
		"BenchmarkSanthosh/stem-kn-2011 1 100000 ns/op 1400 allocs/op",
		"BenchmarkAjv/stem-kn-2011 1 25000 ns/op",
		"BenchmarkMembers/members=10 1 14000 ns/op 1400 ns/member",
		"BenchmarkMembers/members=100 1 77000 ns/op 770 ns/member",
		"BenchmarkMembers/members=1000 1 707000 ns/op 707 ns/member",
		"BenchmarkMembers/members=10000 1 8000000 ns/op 800 ns/member",
		"BenchmarkWASMSize 1 4000000 raw-bytes 1000000 gzip-bytes 1300000 brotli-bytes",
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.txt"), []byte(strings.Join(lines, "\n")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "machine.txt"), []byte("nproc: 2\ncpu: Test CPU\n"), 0o644))
	out := filepath.Join(dir, "BENCHMARKS.md")
	require.NoError(t, os.WriteFile(out, []byte("# Benchmarks\n\nHand-written.\n\n"+beginMarker+"\nold\n"+endMarker+"\n\n## Commands\n"), 0o644))

	require.NoError(t, runReport([]string{"-in", dir, "-out", out, "-plot", filepath.Join(dir, "scaling.png"), "-procs", "2", "-root", "../../.."}))
	text, err := os.ReadFile(out)
	require.NoError(t, err)
	s := string(text)
	require.Contains(t, s, "Hand-written.")
	require.Contains(t, s, "## Commands")
	require.NotContains(t, s, "\nold\n")
	require.Contains(t, s, "| 20.0 µs | — | yes |", "20 µs is within 25 µs")
	require.Contains(t, s, "5.0× faster | santhosh 100.0 µs | yes |")
	require.Contains(t, s, "1.30 MB | 4.00 MB raw, 1.00 MB gzip -9 | **no** |", "1.3 MB brotli misses 1.2 MB")
	require.Contains(t, s, "| 1.2× | 700 to 810 marginal ns/member;", "(8,000,000 − 707,000) ÷ 9,000 = 810; 63,000 ÷ 90 = 700; 630,000 ÷ 900 = 700")
	require.Contains(t, s, "| Cold headless Chromium: navigation → `stemkn:ready` | ≤ 700 ms | not measured |")
	require.Contains(t, s, "| cpu | Test CPU |")
	require.Contains(t, s, "`reference-12-members.json`, 4.0 KB")
	require.Contains(t, s, "| 10,000 | — | 8.0 ms | 800 | 810 |")
	require.FileExists(t, filepath.Join(dir, "scaling.png"))
}
