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
		"BenchmarkWASMSize 1 4000000 raw-bytes 1000000 gzip-bytes 810000 brotli-bytes",
		"BenchmarkAjvBundleSize 1 170000 raw-bytes 45000 brotli-bytes",
		"BenchmarkColdStart/widget 1 600000000 ns/op 2000000 first-ns 1000000 p99-first-ns 990000 wire-bytes",
		"BenchmarkColdStart/ajv 1 500000000 ns/op 9000000 first-ns 2000000 p99-first-ns 45000 wire-bytes",
		"BenchmarkDemoFirstVisit 1 1000001 wire-bytes",
		"BenchmarkProcess/stemkn/stem-kn-2011 1 500000000 ns/op 50000 ns/doc",
		"BenchmarkProcess/ajv/stem-kn-2011 1 990000000 ns/op 99000 ns/doc",
		"BenchmarkProcess/santhosh/stem-kn-2011 1 2000000000 ns/op 200000 ns/doc",
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
	require.Contains(t, s, "| 20.0 µs | — | — | yes |", "20 µs is within 25 µs")
	require.Contains(t, s, "| santhosh 100.0 µs | 5.00× faster | yes |")
	require.Contains(t, s, "| 600.0 ms | ajv page 500.0 ms | 1.20× slower | yes |", "600 ÷ 500 = 1.2 is within 1.2×")
	require.Contains(t, s, "| ≤ 50 ms | 2.0 ms | ajv page 9.0 ms | 4.50× faster | yes |")
	require.Contains(t, s, "| ≤ 1 ms | 1.0 ms | ajv page 2.0 ms | 2.00× faster | yes |", "1 ms is within 1 ms")
	require.Contains(t, s, "| ≤ 0.8 MB | 0.81 MB | ajv bundle 45.0 KB (170.0 KB raw) | 18.0× larger | **no** |", "0.81 MB brotli misses 0.8 MB")
	require.Contains(t, s, "| ≤ 1 MB | 1,000,001 B (1.00 MB) | plain widget page 0.99 MB; ajv page 45.0 KB | 22.2× larger | **no** |", "one byte over 1 MB misses it")
	require.Contains(t, s, "| ≥ 2× faster | 50.0 µs/doc | ajv 99.0 µs/doc | 1.98× faster | **no** |", "99 ÷ 50 = 1.98 misses 2×")
	require.Contains(t, s, "| ≥ 4× faster | 50.0 µs/doc | santhosh 200.0 µs/doc | 4.00× faster | yes |")
	require.Contains(t, s, "| stem-kn-2011 | 50.0 µs/doc | 99.0 µs/doc | 1.98× | 200.0 µs/doc | 4.00× |")
	require.Contains(t, s, "| 1.16× | — | 700 to 810 marginal ns/member;", "(8,000,000 − 707,000) ÷ 9,000 = 810; 63,000 ÷ 90 = 700; 630,000 ÷ 900 = 700")
	require.Contains(t, s, "| enthuse-2014 | not measured |", "a scheme not run says so")
	require.Contains(t, s, "| cpu | Test CPU |")
	require.Contains(t, s, "`reference-12-members.json`, 4.0 KB")
	require.Contains(t, s, "| 10,000 | — | 8.0 ms | 800 | 810 |")
	require.FileExists(t, filepath.Join(dir, "scaling.png"))
}
