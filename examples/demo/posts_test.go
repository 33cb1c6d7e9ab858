package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// testdata/posts holds what the browser posted in the demo's browser test
// (wasm/test/demo.test.mjs, "what the browser posts is what it judged") and
// the document the widget decoded from the same form: a date typed into
// GOV.UK's date input, and a form whose closed conditional reveal the
// widget left out. The server's DecodeForm makes the same document from the
// post, so browser and server judge the same thing.
func TestTheServerDecodesWhatTheWidgetJudged(t *testing.T) {
	files, err := filepath.Glob("testdata/posts/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files, "the browser test writes them: STEMKN_UPDATE_POSTS=1 make test-browser")
	v := stemkn.NewValidator(nil)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			var post struct {
				Entries  [][2]string     `json:"entries"`
				Document json.RawMessage `json:"document"`
			}
			require.NoError(t, json.Unmarshal(data, &post))
			values := url.Values{}
			for _, e := range post.Entries {
				values.Add(e[0], e[1])
			}
			form := v.DecodeForm(values, stemkn.Options{})
			require.JSONEq(t, string(post.Document), string(form.Document))
			require.Empty(t, form.Findings)
			res, _ := v.ValidateForm(values, stemkn.Options{})
			require.True(t, res.Valid, "%v", res.Findings)
		})
	}
}

// Without JavaScript nothing is hidden: the browser posts every question,
// the England ones too, and the server judges them all.
func TestWithoutTheWidgetTheServerJudgesEveryAnswer(t *testing.T) {
	data, err := os.ReadFile("testdata/posts/closed-reveal.json")
	require.NoError(t, err)
	var post struct {
		Entries [][2]string `json:"entries"`
	}
	require.NoError(t, json.Unmarshal(data, &post))
	values := url.Values{}
	for _, e := range post.Entries {
		values.Add(e[0], e[1])
	}
	require.Empty(t, values["network[institutions][0][urn]"], "the widget did not send the closed reveal's URN")
	v := stemkn.NewValidator(nil)
	values.Set("network[institutions][0][urn]", "12")
	res, form := v.ValidateForm(values, stemkn.Options{})
	var doc struct {
		Network struct {
			Institutions []map[string]any `json:"institutions"`
		} `json:"network"`
	}
	require.NoError(t, json.Unmarshal(form.Document, &doc))
	require.Equal(t, "12", doc.Network.Institutions[0]["urn"])
	require.False(t, res.Valid, "a URN the user can see is judged")
	require.Equal(t, "/network/institutions/0/urn", res.Findings[0].Path)
}
