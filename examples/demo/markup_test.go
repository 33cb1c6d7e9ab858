package main

import (
	"encoding/json"
	"html"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The demo's pages are built from GOV.UK Frontend's components: every
// component the pages draw, with the options the demo gives it, renders
// exactly as govuk-frontend's own Nunjucks macro renders those options.
// The test records each component drawn while the demo serves its pages
// (forms, errors, date inputs, conditional reveals, confirmation), renders
// the same calls with the macros of the installed npm package (nunjucks,
// testdata/govuk-macros.mjs) and compares the two, element by element,
// attribute by attribute and text by text (white space between tags and the
// order of attributes and classes do not count).
func TestComponentsRenderAsGovukFrontendMacros(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(root, "node_modules/govuk-frontend/dist/govuk/components")); err != nil {
		t.Fatal("govuk-frontend is not installed: run `npm ci` in the repository root")
	}
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node is needed to render govuk-frontend's macros")

	type call struct {
		Macro  string `json:"macro"`
		Params any    `json:"params"`
		out    template.HTML
	}
	var calls []call
	seen := map[string]bool{}
	componentLog.Lock()
	componentLog.record = func(macro string, params any, out template.HTML) {
		key, err := json.Marshal([]any{macro, params})
		if err != nil {
			panic(err)
		}
		if !seen[string(key)] {
			seen[string(key)] = true
			calls = append(calls, call{Macro: macro, Params: params, out: out})
		}
	}
	componentLog.Unlock()
	t.Cleanup(func() {
		componentLog.Lock()
		componentLog.record = nil
		componentLog.Unlock()
	})

	drawEveryKindOfPage(t)

	macros := map[string]bool{}
	for _, c := range calls {
		macros[c.Macro] = true
	}
	for _, m := range []string{"govukInput", "govukDateInput", "govukRadios", "govukCheckboxes", "govukSelect",
		"govukCharacterCount", "govukErrorSummary", "govukSummaryList", "govukButton", "govukPhaseBanner",
		"govukGenericHeader", "govukServiceNavigation", "govukSkipLink", "govukPanel", "govukTable"} {
		require.True(t, macros[m], "the pages draw %s", m)
	}

	dir := t.TempDir()
	in, out := filepath.Join(dir, "calls.json"), filepath.Join(dir, "rendered.json")
	data, err := json.Marshal(calls)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in, data, 0o644))
	cmd := exec.Command(node, filepath.Join(root, "examples/demo/testdata/govuk-macros.mjs"), in, out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "node: %s", msg)
	data, err = os.ReadFile(out)
	require.NoError(t, err)
	var rendered []string
	require.NoError(t, json.Unmarshal(data, &rendered))
	require.Len(t, rendered, len(calls))

	for i, c := range calls {
		want, got := markupTokens(rendered[i]), markupTokens(string(c.out))
		if !slices.Equal(want, got) {
			params, _ := json.Marshal(c.Params)
			k := 0
			for k < len(want) && k < len(got) && want[k] == got[k] {
				k++
			}
			t.Errorf("%s(%s)\nfirst difference at token %d:\n  macro: %s\n  demo:  %s", c.Macro, params, k, at(want, k), at(got, k))
		}
	}
	t.Logf("%d component calls of %d macros match govuk-frontend's", len(calls), len(macros))
}

func at(tokens []string, i int) string {
	if i >= len(tokens) {
		return "(end)"
	}
	return tokens[i]
}

var (
	tagPattern  = regexp.MustCompile(`(?s)<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*"[^"]*")?)*)\s*/?>`)
	attrPattern = regexp.MustCompile(`([^\s=>/]+)(?:\s*=\s*"([^"]*)")?`)
	spaces      = regexp.MustCompile(`\s+`)
)

// markupTokens reads HTML into a list of tags and texts that two renderings
// of the same markup share: attributes sorted by name, classes sorted,
// entities decoded, runs of white space as one space, empty texts dropped.
func markupTokens(s string) []string {
	var out []string
	text := func(t string) {
		t = strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(t), " "))
		if t != "" {
			out = append(out, "text "+t)
		}
	}
	last := 0
	for _, m := range tagPattern.FindAllStringSubmatchIndex(s, -1) {
		text(s[last:m[0]])
		last = m[1]
		if m[4] < 0 { // a comment
			continue
		}
		name := strings.ToLower(s[m[4]:m[5]])
		if m[2] != m[3] {
			out = append(out, "</"+name+">")
			continue
		}
		var attrs []string
		for _, a := range attrPattern.FindAllStringSubmatch(s[m[6]:m[7]], -1) {
			v := html.UnescapeString(a[2])
			if a[1] == "class" {
				classes := strings.Fields(v)
				slices.Sort(classes)
				v = strings.Join(classes, " ")
			}
			attrs = append(attrs, a[1]+"="+v)
		}
		slices.Sort(attrs)
		out = append(out, "<"+name+" "+strings.Join(attrs, " ")+">")
	}
	text(s[last:])
	return out
}

func TestMarkupTokensIgnoreOnlyWhatRenderingsMayDiffer(t *testing.T) {
	a := markupTokens("<div  class=\"b a\"\n id=\"x\">\n  Hello &amp; <em>you</em>\n</div>")
	b := markupTokens(`<div id="x" class="a b">Hello &#38; <em>you</em></div>`)
	require.Equal(t, a, b)
	require.NotEqual(t, markupTokens(`<input value="1">`), markupTokens(`<input value="2">`))
	require.NotEqual(t, markupTokens(`<input disabled>`), markupTokens(`<input>`))
	require.NotEqual(t, markupTokens(`<p>a b</p>`), markupTokens(`<p>ab</p>`))
}
