package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
)

// runProcess times whole processes on one core, as someone checking a file
// of applications would run each tool: stemkn's command, ajv in Node and
// santhosh-tekuri/jsonschema/v6 in Go, each reading the same NDJSON of one
// scheme's document and writing a verdict per line to /dev/null:
//
//	stemkn validate --format json process-ID.ndjson
//	node stemkn/testdata/bench/ajv-process.mjs schema-ID.json process-ID.ndjson
//	benchreport santhosh schema-ID.json process-ID.ndjson
//
// Every process is pinned to one core (taskset -c 0, where there is
// taskset) and Go's with GOMAXPROCS=1, so Node's background threads (its
// collector, its compiler) share that core too. Start-up is included: the
// process start, stemkn's catalogue, Node's start and ajv's compile of the
// schema, santhosh's compile. The three runs of each scheme follow each
// other, so a change in the machine's load falls on all three alike. It
// prints one benchmark-format line per process run.
func runProcess(args []string) error {
	fs := flag.NewFlagSet("process", flag.ContinueOnError)
	bin := fs.String("bin", "", "the stemkn `command` to time")
	self := fs.String("self", "", "this benchreport `command` (for its santhosh subcommand)")
	ajv := fs.String("ajv", filepath.Join("stemkn", "testdata", "bench", "ajv-process.mjs"), "the ajv peer's `script`")
	dir := fs.String("dir", "", "`directory` with the schemas that inputs wrote, for the NDJSON inputs")
	count := fs.Int("count", 5, "runs of each process")
	docs := fs.Int("docs", 10_000, "`documents` in each input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *self == "" || *dir == "" {
		return errors.New("process needs -bin, -self and -dir")
	}
	pin := []string{}
	if taskset, err := exec.LookPath("taskset"); err == nil {
		pin = []string{taskset, "-c", "0"}
	}
	for _, f := range benchdata.Fixtures {
		input := filepath.Join(*dir, "process-"+f.Scheme+".ndjson")
		if err := writeRepeated(input, filepath.Join("stemkn", "testdata", f.File), *docs); err != nil {
			return err
		}
		schema := filepath.Join(*dir, "schema-"+f.Scheme+".json")
		peers := []struct {
			name string
			argv []string
		}{
			{"stemkn", []string{*bin, "validate", "--format", "json", input}},
			{"ajv", []string{"node", *ajv, schema, input}},
			{"santhosh", []string{*self, "santhosh", schema, input}},
		}
		for range *count {
			for _, p := range peers {
				wall, err := timeProcess(append(pin[:len(pin):len(pin)], p.argv...))
				if err != nil {
					return fmt.Errorf("%s on %s: %w", p.name, f.Scheme, err)
				}
				fmt.Printf("BenchmarkProcess/%s/%s\t1\t%d ns/op\t%.0f ns/doc\n", p.name, f.Scheme, wall.Nanoseconds(), float64(wall.Nanoseconds())/float64(*docs))
			}
		}
		if err := os.Remove(input); err != nil {
			return err
		}
	}
	return nil
}

// writeRepeated writes the JSON document in file, compacted to one line,
// docs times over as NDJSON.
func writeRepeated(path, file string, docs int) error {
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var line bytes.Buffer
	if err := json.Compact(&line, text); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	line.WriteByte('\n')
	return os.WriteFile(path, bytes.Repeat(line.Bytes(), docs), 0o644)
}

// timeProcess runs argv with its output to /dev/null and gives its wall
// time. Every input is valid, so each process must exit 0.
func timeProcess(argv []string) (time.Duration, error) {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer devNull.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = devNull
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	start := time.Now()
	err = cmd.Run()
	return time.Since(start), err
}

// runSanthosh is the santhosh-tekuri/jsonschema/v6 peer as a process: it
// compiles the schema file (format assertions on, as the schema agreement
// tests set it up), then reads NDJSON and writes, for each line, its
// verdict as one line of JSON — {"valid":true}, or {"valid":false,
// "errors":[…]} with the library's basic output — through one buffered
// writer. It exits 1 when a line is not valid.
func runSanthosh(args []string) error {
	if len(args) != 2 {
		return errors.New("santhosh takes SCHEMA NDJSON")
	}
	schema, err := santhoshSchema(args[0])
	if err != nil {
		return err
	}
	in, err := os.Open(args[1])
	if err != nil {
		return err
	}
	defer in.Close()
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	lines := bufio.NewReaderSize(in, 1<<20)
	invalid := false
	for {
		line, readErr := lines.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 && !santhoshVerdict(schema, line, out) {
			invalid = true
		}
		if readErr == io.EOF {
			break
		}
		if readErr != nil {
			return readErr
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if invalid {
		os.Exit(1)
	}
	return nil
}

// santhoshSchema compiles the schema file, format assertions on, as the
// schema agreement tests set it up.
func santhoshSchema(path string) (*jsonschema.Schema, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		return nil, err
	}
	compiler := jsonschema.NewCompiler()
	compiler.AssertFormat()
	url := stemkn.SchemaBaseURL + "peer.json"
	if err := compiler.AddResource(url, doc); err != nil {
		return nil, err
	}
	return compiler.Compile(url)
}

// santhoshVerdict writes one line's verdict to out and reports whether the
// line is valid.
func santhoshVerdict(schema *jsonschema.Schema, line []byte, out *bufio.Writer) bool {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err == nil {
		err = schema.Validate(inst)
	}
	if err == nil {
		out.WriteString(`{"valid":true}` + "\n")
		return true
	}
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		b, _ := json.Marshal(verr.BasicOutput())
		out.WriteString(`{"valid":false,"errors":`)
		out.Write(b)
		out.WriteString("}\n")
	} else {
		out.WriteString(`{"valid":false,"error":` + strconv.Quote(err.Error()) + "}\n")
	}
	return false
}
