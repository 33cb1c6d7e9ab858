package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
)

// runBulk times the stemkn command validating NDJSON of reference-sized
// documents, as a data person would run it, process start included:
//
//	stemkn validate --format json cohort-N.ndjson > /dev/null
//
// once with every core and, on the largest input, once with GOMAXPROCS=1,
// so the report can say how much the extra cores bring. It prints one
// benchmark-format line per run.
func runBulk(args []string) error {
	fs := flag.NewFlagSet("bulk", flag.ContinueOnError)
	bin := fs.String("bin", "", "the stemkn `command` to time")
	dir := fs.String("dir", "", "`directory` for the NDJSON inputs")
	count := fs.Int("count", 5, "runs of each input")
	var sizesText []string
	for _, n := range benchdata.DocumentCounts {
		sizesText = append(sizesText, strconv.Itoa(n))
	}
	docsList := fs.String("docs", strings.Join(sizesText, ","), "comma-separated `sizes` in documents")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *dir == "" {
		return errors.New("bulk needs -bin and -dir")
	}
	var sizes []int
	for _, s := range strings.Split(*docsList, ",") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("-docs: %q is not a number of documents", s)
		}
		sizes = append(sizes, n)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	for i, n := range sizes {
		path := filepath.Join(*dir, "cohort-"+strconv.Itoa(n)+".ndjson")
		if err := os.WriteFile(path, benchdata.NDJSON(n), 0o644); err != nil {
			return err
		}
		for range *count {
			if err := timeBulk(*bin, path, n, "BenchmarkCLIBulk", nil); err != nil {
				return err
			}
		}
		if i == len(sizes)-1 && runtime.NumCPU() > 1 {
			for range *count {
				if err := timeBulk(*bin, path, n, "BenchmarkCLIBulkOneCore", []string{"GOMAXPROCS=1"}); err != nil {
					return err
				}
			}
		}
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}

// timeBulk runs the command once on path and prints its wall time per
// input and per document, documents per second, and the cores it kept busy
// on average (processor time over wall time).
func timeBulk(bin, path string, docs int, name string, env []string) error {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer devNull.Close()
	cmd := exec.Command(bin, "validate", "--format", "json", path)
	cmd.Stdout = devNull
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), env...)
	before, statErr := readCPUTicks()
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	after, statErr2 := readCPUTicks()
	if err != nil {
		return fmt.Errorf("%s validate %s: %w (every document is valid, so it should exit 0)", bin, path, err)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	cores := cpu.Seconds() / wall.Seconds()
	line := fmt.Sprintf("%s/docs=%d\t1\t%d ns/op\t%.0f ns/doc\t%.0f docs/s\t%.2f cores",
		name, docs, wall.Nanoseconds(), float64(wall.Nanoseconds())/float64(docs), float64(docs)/wall.Seconds(), cores)
	if statErr == nil && statErr2 == nil && after.total > before.total {
		// On a shared machine the cores the command could not have are
		// the ones other processes kept busy meanwhile.
		busy := float64(after.busy-before.busy) / float64(after.total-before.total) * float64(runtime.NumCPU())
		line += fmt.Sprintf("\t%.2f others-cores", max(0, busy-cores))
	}
	fmt.Println(line)
	return nil
}

// cpuTicks are the machine's processor time counters from /proc/stat, in
// clock ticks summed over every core.
type cpuTicks struct{ busy, total uint64 }

func readCPUTicks() (cpuTicks, error) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuTicks{}, err
	}
	first, _, _ := strings.Cut(string(data), "\n")
	fields := strings.Fields(first)
	if len(fields) < 5 || fields[0] != "cpu" {
		return cpuTicks{}, errors.New("/proc/stat has no cpu line")
	}
	var t cpuTicks
	for i, f := range fields[1:] {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return cpuTicks{}, err
		}
		if i >= 8 { // guest time is counted in user time already
			break
		}
		t.total += n
		if i != 3 && i != 4 { // idle and iowait
			t.busy += n
		}
	}
	return t, nil
}
