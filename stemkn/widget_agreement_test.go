//go:build !js

package stemkn_test

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/stemkn/internal/agree"
	"github.com/stretchr/testify/require"
)

// The widget's own module (wasm/, as `make widget` builds it), driven in
// Node both ways its ES module calls it (the module's exports and the
// js.Func functions, which must answer alike, byte for byte), answers the
// generated corpus — documents and form posts — exactly as native Go does.
// For a form post, the widget's decoded document is the one DecodeForm
// makes. Documents must be UTF-8 here: JavaScript strings cannot carry
// other bytes.
func TestWidgetAnswersLikeGo(t *testing.T) {
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "wasm", "main.go")); err != nil {
		t.Skip("the widget (wasm/) is not in this tree")
	}
	node := nodeOrSkip(t)
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	module := filepath.Join(t.TempDir(), "stemkn.wasm")
	build := exec.Command("go", "build", "-trimpath", "-gcflags=all=-l", "-ldflags=-s -w", "-o", module, "./wasm") // the release's flags (WASMFLAGS in the Makefile)
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	msg, err := build.CombinedOutput()
	require.NoError(t, err, "building the widget: %s", msg)
	pack := exec.Command(node, filepath.Join(root, "wasm", "packdata.mjs"), module) // as `make widget` does
	msg, err = pack.CombinedOutput()
	require.NoError(t, err, "packing the widget's data section: %s", msg)

	var reqs []request
	for i, c := range corpus(t) {
		if !utf8.Valid(c.JSON) {
			continue
		}
		r := agree.Request{Doc: c.JSON, Mode: c.Mode}
		if i%10 == 0 {
			r.Scheme = c.Scheme
		}
		reqs = append(reqs, newRequest(t, c.Scheme, c.Name, r))
		if post, _, ok := formOf(c, uint64(i)); ok {
			reqs = append(reqs, newRequest(t, c.Scheme, c.Name+" (form)", agree.Request{Form: post, Mode: c.Mode}))
		}
	}
	for i, post := range dateInputPosts() {
		reqs = append(reqs, newRequest(t, "stem-kn-2011", "date input "+strconv.Itoa(i), agree.Request{Form: post}))
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "requests.ndjson"), filepath.Join(dir, "answers.ndjson")
	var lines []byte
	for _, r := range reqs {
		lines = append(append(lines, r.line...), '\n')
	}
	require.NoError(t, os.WriteFile(in, lines, 0o644))
	run := exec.Command(node, "testdata/widget-agree.mjs", wasmExec, module, in, out)
	msg, err = run.CombinedOutput()
	require.NoError(t, err, "node: %s", msg)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	answers := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.Len(t, answers, len(reqs))

	var disagreements []string
	for i, r := range reqs {
		var req agree.Request
		require.NoError(t, json.Unmarshal(r.line, &req))
		answer := agree.Respond(&req)
		native, err := json.Marshal(answer.Result)
		require.NoError(t, err)
		widget := []byte(answers[i])
		if req.Form != nil {
			var a struct {
				Result     json.RawMessage     `json:"result"`
				Document   json.RawMessage     `json:"document"`
				Fields     map[string]string   `json:"fields"`
				DateInputs map[string][]string `json:"dateInputs"`
				Error      string              `json:"error"`
			}
			require.NoError(t, json.Unmarshal(widget, &a), answers[i])
			require.Empty(t, a.Error, "%s: the widget failed", r.name)
			require.Equal(t, canonicalJSON(t, []byte(answer.Form.Document)), canonicalJSON(t, a.Document), "%s: the widget decodes the form to another document", r.name)
			require.Equal(t, answer.Form.Fields, a.Fields, "%s: the widget maps the document to other form fields", r.name)
			require.Equal(t, answer.Form.DateInputs, a.DateInputs, "%s: the widget reads other date inputs", r.name)
			widget = a.Result
		}
		if string(native) != string(widget) {
			disagreements = append(disagreements, keepDisagreement(t, "widget", len(disagreements), r.scheme, r.name, req.Doc,
				map[string]any{"request": json.RawMessage(r.line), "go": json.RawMessage(native), "widget": answers[i]}))
		}
	}
	t.Logf("%d requests answered alike by Go and the widget", len(reqs))
	require.Empty(t, disagreements, "Go and the widget disagree on %d of %d requests (seed %d)", len(disagreements), len(reqs), corpusSeed(t))
}

// dateInputPosts are form posts with dates typed as GOV.UK date inputs, in
// both namings, complete, partial, impossible and with a short year: the
// generated corpus posts only real dates that way.
func dateInputPosts() []url.Values {
	var posts []url.Values
	for _, style := range []string{"-", "["} {
		for _, d := range [][3]string{
			{"1", "2", "2011"}, {"1", "", "2011"}, {"", "", "2011"}, {"", "", ""}, {"31", "4", "2011"},
			{"29", "2", "2012"}, {"x", "13", "2011"}, {"1", "2", "11"}, {"1st", "Sept", "2011"},
		} {
			post := url.Values{"scheme": {"stem-kn-2011"}, "plan[endDate]": {"2011-07-15"}}
			for k, part := range []string{"day", "month", "year"} {
				name := "plan[startDate]-" + part
				if style == "[" {
					name = "plan[startDate][" + part + "]"
				}
				post.Set(name, d[k])
			}
			posts = append(posts, post)
		}
	}
	return posts
}
