package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

// Bulk validation hands documents to the workers in batches, but a batch
// never waits for input that has not come: once the first two lines have
// shown the input is NDJSON, each line's JSON result is written before the
// next line is sent.
func TestValidateAnswersEachLineOfASlowStreamBeforeTheNext(t *testing.T) {
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	invalid := strings.Replace(valid, `"amount":160000`, `"amount":999999`, 1)
	docs := []string{valid, invalid, valid, invalid, valid, invalid}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := run([]string{"validate", "--format", "json"}, inR, outW, io.Discard)
		outW.Close()
		done <- code
	}()

	results := bufio.NewReader(outR)
	next := func(line int) {
		t.Helper()
		got := make(chan string, 1)
		go func() {
			l, _ := results.ReadString('\n')
			got <- l
		}()
		select {
		case l := <-got:
			var r stemkn.Result
			require.NoError(t, json.Unmarshal([]byte(l), &r), "result of line %d", line)
			require.Equal(t, docs[line-1] == valid, r.Valid, "result of line %d", line)
		case <-time.After(20 * time.Second):
			t.Fatalf("no result for line %d before the next line was sent", line)
		}
	}
	for i, doc := range docs {
		line := i + 1
		_, err := io.WriteString(inW, doc+"\n")
		require.NoError(t, err)
		switch {
		case line == 2:
			next(1)
			next(2)
		case line > 2:
			next(line)
		}
	}
	require.NoError(t, inW.Close())
	rest, err := io.ReadAll(results)
	require.NoError(t, err)
	require.Empty(t, string(rest))
	require.Equal(t, exitFindings, <-done)
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// stalledWriter takes nothing until released.
type stalledWriter struct {
	release chan struct{}
	out     bytes.Buffer
}

func (w *stalledWriter) Write(p []byte) (int, error) {
	<-w.release
	return w.out.Write(p)
}

// waitForQuiet waits until n has not changed for a while (or has reached
// all): with the writer stalled, the pipeline fills up to its bounds and
// stops.
func waitForQuiet(n func() int64, all int64) {
	last, quiet := n(), 0
	for quiet < 6 && last < all {
		time.Sleep(50 * time.Millisecond)
		if now := n(); now != last {
			last, quiet = now, 0
			continue
		}
		quiet++
	}
}

// However big each result and however slow the output, NDJSON keeps a
// bounded number of rendered results and a bounded amount of input in
// memory: with the output stalled, the workers stop after a couple of
// results each and the reader after a few batches.
func TestNDJSONKeepsABoundedNumberOfResultsInFlight(t *testing.T) {
	const lines, lineBytes = 200, 512 << 10
	doc := `{"scheme":"` + strings.Repeat("x", lineBytes-len(`{"scheme":""}`)) + `"}` + "\n"
	in := &countingReader{r: strings.NewReader(strings.Repeat(doc, lines))}
	var rendered atomic.Int64
	verdict := strings.Repeat("v", 3<<20) // 48 chunks' worth, most of the output budget
	judge := func(d document, out *bytes.Buffer) bool {
		out.WriteString(strconv.Itoa(d.line) + " " + verdict + "\n")
		rendered.Add(1)
		return false
	}
	w := &stalledWriter{release: make(chan struct{})}
	limit := stemkn.DefaultLimits.Bytes
	done := make(chan error, 1)
	go func() {
		_, readErr, writeErr := validateInput(newLineReader(in, limit), limit, judge, bufio.NewWriter(w))
		done <- errors.Join(readErr, writeErr)
	}()

	waitForQuiet(rendered.Load, lines)
	workers := runtime.GOMAXPROCS(0)
	// The writer holds one chunk, blocked in Write; each batch waiting for
	// it holds one in its hand-over, and a worker still on it one more.
	require.LessOrEqual(t, rendered.Load(), int64(maxRenderedInFlight(workers)), "results rendered while the output is stalled")
	// Past the output budget only the verdicts being made and the writer's
	// own are added.
	require.LessOrEqual(t, rendered.Load()*int64(len(verdict)), int64(outputBudgetBytes+(workers+2)*len(verdict)), "output rendered while the output is stalled")
	waitForQuiet(in.n.Load, int64(lines*len(doc)))
	batches := queuedBatches(workers) + workers + 3
	require.LessOrEqual(t, in.n.Load(), int64(limit+2+batches*batchBytes), "input read while the output is stalled")

	close(w.release)
	require.NoError(t, <-done)
	out := strings.Split(strings.TrimSuffix(w.out.String(), "\n"), "\n")
	require.Len(t, out, lines)
	for i, l := range out {
		require.True(t, strings.HasPrefix(l, strconv.Itoa(i+1)+" "), "verdicts in input order")
	}
}

// Deciding whether the input is one document or NDJSON keeps at most the
// byte limit of what it has read: blank lines before the first document
// are not gathered up.
func TestTheLookAheadKeepsAtMostTheLimit(t *testing.T) {
	const limit = 1 << 10
	tests := []struct {
		name, input string
		verdicts    []string
	}{
		{"blank lines, then NDJSON", strings.Repeat("\n", 50*limit) + "{}\n{}\n", []string{"too-large:false", "too-large:false"}},
		{"blank lines, then one document", strings.Repeat(" \r\n", 50*limit) + "{}\n", []string{"too-large:true"}},
		{"only blank lines", strings.Repeat("\n", 50*limit), []string{"too-large:true"}},
		{"a document spread over lines, past the limit", "{\n" + strings.Repeat(`"a": 1,`+"\n", 50*limit) + "}", []string{"too-large:true"}},
		{"one document within the limit", "\n\n{\n}\n\n", []string{"too-large:false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			largest := 0
			var mu sync.Mutex // the workers judge at once
			judge := func(d document, out *bytes.Buffer) bool {
				mu.Lock()
				defer mu.Unlock()
				largest = max(largest, len(d.text))
				got = append(got, "too-large:"+strconv.FormatBool(len(d.text) > limit))
				return false
			}
			var out bytes.Buffer
			_, readErr, writeErr := validateInput(newLineReader(strings.NewReader(tt.input), limit), limit, judge, bufio.NewWriter(&out))
			require.NoError(t, errors.Join(readErr, writeErr))
			require.Equal(t, tt.verdicts, got)
			require.LessOrEqual(t, largest, limit+1, "a document is never held past the limit and one byte")
		})
	}
}
