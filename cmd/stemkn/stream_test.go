package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
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
