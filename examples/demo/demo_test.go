package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// newTestServer serves the demo's pages (without the widget's files, which
// `make widget` builds) the way run does.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := newSite("../schemes")
	require.NoError(t, err)
	mux := http.NewServeMux()
	s.routes(mux)
	srv := httptest.NewServer(secure(mux))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

func post(t *testing.T, srv *httptest.Server, values url.Values) (*http.Response, string) {
	t.Helper()
	res, err := http.PostForm(srv.URL+"/apply", values)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

func TestEveryPageIsServedUnderTheStrictPolicy(t *testing.T) {
	srv := newTestServer(t)
	for _, path := range []string{"/", "/schemes", "/schemes/enthuse-2014", "/schemes/stem-exchange", "/schemes/hemel-enthuse-2022", "/static/demo.css", "/no-such-page"} {
		res, _ := get(t, srv, path)
		require.Equal(t, contentSecurityPolicy, res.Header.Get("Content-Security-Policy"), path)
		require.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"), path)
	}
}

func TestTheSchemePickerListsTheCatalogueAndTheSchemeFiles(t *testing.T) {
	srv := newTestServer(t)
	_, body := get(t, srv, "/schemes")
	for _, id := range []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange", "hemel-enthuse-2022"} {
		require.Contains(t, body, `data-scheme="`+id+`"`)
	}
	res, file := get(t, srv, "/scheme-files/hemel-enthuse-2022.json")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, file, `"extends": "enthuse-2022"`)
	res, _ = get(t, srv, "/scheme-files/..%2Fdemo%2Fmain.go")
	require.Equal(t, http.StatusNotFound, res.StatusCode)
}

func TestAPostWithErrorsComesBackWithTheSummaryAndMessages(t *testing.T) {
	srv := newTestServer(t)
	res, body := post(t, srv, url.Values{"scheme": {"stem-kn-2011"}, "network[name]": {""}, "contact[email]": {"nope"}})
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "<title>Error: Apply to STEM Knowledge Networks")
	require.Contains(t, body, `<h2 class="govuk-error-summary__title">There is a problem</h2>`)
	require.Contains(t, body, `<li><a href="#network-name">Enter the network&#39;s name</a></li>`)
	require.Contains(t, body, `<p class="govuk-error-message" id="network-name-error" data-stemkn-error><span class="govuk-visually-hidden">Error:</span> Enter the network&#39;s name</p>`)
	require.Contains(t, body, `aria-describedby="network-name-hint network-name-error"`)
	require.Contains(t, body, `value="nope"`, "the form comes back filled in")
}

func TestAValidPostIsConfirmedWithItsEligibility(t *testing.T) {
	srv := newTestServer(t)
	values := url.Values{
		"scheme": {"stem-kn-2011"}, "submittedOn": {"2011-01-07"},
		"network[name]": {"Calder Valley Maths in STEM Network"}, "network[areaOfInterest]": {"Graphs and algebra in KS3"},
		"network[theme]": {"maths-skills"}, "network[lead]": {"ccs"},
		"network[institutions][0][id]": {"ccs"}, "network[institutions][0][name]": {"Calder Community School"},
		"network[institutions][0][kind]": {"school"}, "network[institutions][0][country]": {"GB"},
		"network[institutions][0][subdivision]": {"GB-ENG"}, "network[institutions][0][establishmentType]": {"community-school"},
		"network[members][0][name]": {"Asha Patel"}, "network[members][0][role]": {"coordinator"},
		"network[members][0][subjects][]": {"mathematics", "science"}, "network[members][0][institution]": {"ccs"},
		"plan[startDate]": {"2011-02-01"}, "plan[endDate]": {"2011-07-15"}, "plan[reflection]": {"Lesson study"},
		"contact[name]": {"Asha Patel"}, "contact[email]": {"a.patel@calder.example.org"},
		"funding[currency]": {"GBP"},
	}
	res, body := post(t, srv, values)
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	require.Contains(t, body, "Application received")
	require.Contains(t, body, `data-eligible="true"`)
}

func TestTheAddAndRemoveButtonsWorkWithoutJavaScript(t *testing.T) {
	srv := newTestServer(t)
	_, body := post(t, srv, url.Values{"scheme": {"stem-kn-2011"}, "network[members][0][name]": {"Asha"}, "_add": {"network[members]"}})
	require.Contains(t, body, `name="network[members][1][name]"`)
	require.NotContains(t, body, "There is a problem", "adding a row is not a submit")
	_, body = post(t, srv, url.Values{"scheme": {"stem-kn-2011"}, "network[members][0][name]": {"Asha"},
		"network[members][4][name]": {"Tom"}, "_remove": {"network[members][0]"}})
	require.NotContains(t, body, `name="network[members][0][name]"`)
	require.True(t, strings.Contains(body, `name="network[members][4][name]" type="text" value="Tom"`), "the other row keeps its index and value")
}
