//go:build !js

package stemkn_test

import (
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/agree"
	"github.com/stretchr/testify/require"
)

// The WebAssembly build applies the same limits with the same findings.
func TestGoAndWebAssemblyStopAtTheSameLimits(t *testing.T) {
	cmd := buildAgreeWASM(t)
	var reqs []request
	for _, l := range []stemkn.Limits{stemkn.DefaultLimits, smallLimits} {
		for _, c := range limitCases(l) {
			lim := c.limits
			reqs = append(reqs, newRequest(t, "stem-kn-2011", c.name, agree.Request{Doc: []byte(c.doc), Limits: &lim}))
		}
		for _, c := range formLimitCases(l) {
			lim := l
			reqs = append(reqs, newRequest(t, "stem-kn-2011", c.name, agree.Request{Form: c.values, Limits: &lim}))
		}
	}
	lines := make([][]byte, len(reqs))
	for i, r := range reqs {
		lines[i] = r.line
	}
	wasm := runInNode(t, cmd, lines)
	for i, r := range reqs {
		native := agree.RespondLine(r.line)
		requireNoPanic(t, r, native, "Go")
		require.Equal(t, string(native), string(wasm[i]), r.name)
	}
}
