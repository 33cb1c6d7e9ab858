package main

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
)

// results are benchmark measurements by benchmark name and unit, every
// run's value kept so that the report can take medians. Every harness
// writes Go's benchmark format — `go test -bench`, the ajv peer, the bulk
// command-line timing and the browser harness alike — so one reader serves.
type results map[string]map[string][]float64

// readResults reads lines in Go's benchmark format,
//
//	BenchmarkValidate/stem-kn-2011-2  69840  16923 ns/op  16 allocs/op
//
// and ignores every other line. The "-2" that go test adds for GOMAXPROCS
// is taken off when it equals procs, so that names from Go and from the
// other harnesses (which add none) compare.
func (rs results) read(r io.Reader, procs int) error {
	suffix := "-" + strconv.Itoa(procs)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || len(fields)%2 != 0 {
			continue
		}
		if _, err := strconv.ParseInt(fields[1], 10, 64); err != nil {
			continue
		}
		name := strings.TrimSuffix(fields[0], suffix)
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			rs.add(name, fields[i+1], v)
		}
	}
	return sc.Err()
}

func (rs results) add(name, unit string, v float64) {
	if rs[name] == nil {
		rs[name] = map[string][]float64{}
	}
	rs[name][unit] = append(rs[name][unit], v)
}

// median is the median of the named benchmark's values in unit, and false
// when there are none.
func (rs results) median(name, unit string) (float64, bool) {
	vs := rs[name][unit]
	if len(vs) == 0 {
		return 0, false
	}
	return median(vs), true
}

// runs is how many values the named benchmark has in unit.
func (rs results) runs(name, unit string) int { return len(rs[name][unit]) }

func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
