//go:build !js

package stemkn_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stemkn/stemkn/stemkn/internal/agree"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

// The agreement tests run the same requests through native Go and through
// the WebAssembly build of the same code in Node, and compare the answers
// byte for byte (package agree). These helpers build and run the WASM side.

// fullSuite reports whether this run is the full suite: every test that
// drives Node (the WebAssembly builds, the widget's module, ajv, ECMAScript
// regular expressions) and the large generated corpora. `make test` and CI
// set STEMKN_FULL=1; a plain `go test ./...` is the fast inner loop, which
// needs neither Node nor `npm ci`.
func fullSuite() bool { return os.Getenv("STEMKN_FULL") == "1" }

// corpusSize is how many generated documents each scheme gets: 5,000 in the
// full suite, 300 in the fast loop, 100 with -short; STEMKN_AGREEMENT_DOCS
// sets another number.
func corpusSize(t *testing.T) int {
	if s := os.Getenv("STEMKN_AGREEMENT_DOCS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "STEMKN_AGREEMENT_DOCS")
		return n
	}
	switch {
	case fullSuite():
		return 5000
	case testing.Short():
		return 100
	}
	return 300
}

// corpusSeed is the generator's seed: fixed, so a failure reproduces;
// STEMKN_AGREEMENT_SEED explores other corpora.
func corpusSeed(t *testing.T) uint64 {
	if s := os.Getenv("STEMKN_AGREEMENT_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err, "STEMKN_AGREEMENT_SEED")
		return n
	}
	return 2011
}

// nodeOrSkip finds Node for a test that drives it. Outside the full suite
// the test is skipped; in it, Node must be there.
func nodeOrSkip(t *testing.T) string {
	t.Helper()
	if !fullSuite() {
		t.Skip("drives Node: runs in the full suite (STEMKN_FULL=1, as `make test` sets)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("the full suite needs Node.js on PATH (Debian: apt-get install nodejs) and `npm ci` in the repository root")
	}
	return node
}

// buildAgreeWASM builds the agreement program for js/wasm into a temporary
// directory and returns the command that runs it in Node.
func buildAgreeWASM(t *testing.T) []string {
	t.Helper()
	node := nodeOrSkip(t)
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err, "go env GOROOT")
	runner := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js")
	require.FileExists(t, runner)
	out := filepath.Join(t.TempDir(), "agree.wasm")
	build := exec.Command("go", "build", "-o", out, "./internal/agree/wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	msg, err := build.CombinedOutput()
	require.NoError(t, err, "building the WebAssembly agreement program: %s", msg)
	return []string{node, runner, out}
}

// runInNode answers the requests in the WASM build, one answer line per request.
func runInNode(t *testing.T, cmd []string, requests [][]byte) [][]byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "requests.ndjson"), filepath.Join(dir, "answers.ndjson")
	var buf bytes.Buffer
	for _, r := range requests {
		buf.Write(r)
		buf.WriteByte('\n')
	}
	require.NoError(t, os.WriteFile(in, buf.Bytes(), 0o644))
	run := exec.Command(cmd[0], append(cmd[1:], in, out)...)
	msg, err := run.CombinedOutput()
	require.NoError(t, err, "node: %s", msg)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	var answers [][]byte
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			answers = append(answers, bytes.TrimSuffix(line, []byte("\n")))
		}
		if err != nil {
			break
		}
	}
	require.Len(t, answers, len(requests), "the WASM program answered %d of %d requests", len(answers), len(requests))
	return answers
}

// request is one line for package agree, with what it is for the report.
type request struct {
	scheme string
	name   string
	line   []byte
}

func newRequest(t *testing.T, scheme, name string, r agree.Request) request {
	line, err := json.Marshal(r)
	require.NoError(t, err)
	return request{scheme: scheme, name: name, line: line}
}

// disagreementDir is where a document the platforms disagree on is kept,
// with both answers, so it can become a regression case.
const disagreementDir = "testdata/disagreements"

// keepDisagreement writes the case to testdata/disagreements and returns the file's name.
func keepDisagreement(t *testing.T, kind string, n int, scheme, name string, doc []byte, answers map[string]any) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(disagreementDir, 0o755))
	file := filepath.Join(disagreementDir, fmt.Sprintf("%s-%s-%04d.json", kind, scheme, n))
	record := map[string]any{"scheme": scheme, "case": name, "document": string(doc), "answers": answers}
	data, err := json.MarshalIndent(record, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	return file
}

// corpus is the generated documents for every scheme of the built-in
// catalogue, made once per test binary and shared by the agreement tests
// (which only read it).
func corpus(t *testing.T) []docgen.Case {
	seed, size := corpusSeed(t), corpusSize(t)
	corpusOnce.Do(func() {
		g := docgen.New(seed)
		for _, s := range builtinValidator.Catalogue().Schemes() {
			corpusCases = append(corpusCases, g.Cases(s, size)...)
		}
	})
	return corpusCases
}

var (
	corpusOnce  sync.Once
	corpusCases []docgen.Case
)
