package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"
)

// fakeWidget stands in for wasm/dist (which `make widget` builds): a
// module and the compressed copies make widget writes beside it.
var fakeWidget = fstest.MapFS{
	"stemkn.wasm":    {Data: bytes.Repeat([]byte("\x00asm"), 4096)},
	"stemkn.wasm.br": {Data: []byte("brotli bytes")},
	"stemkn.wasm.gz": {Data: gzipped(bytes.Repeat([]byte("\x00asm"), 4096))},
	"stemkn.js":      {Data: []byte("export const x = 1\n" + strings.Repeat("// padding\n", 200))},
	"stemkn.css":     {Data: []byte(".stemkn-budget{}")},
}

// newTestServer serves the demo the way run does, with a stand-in widget
// and govuk-frontend from node_modules.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := newSite("../schemes")
	require.NoError(t, err)
	files, err := staticFiles(fakeWidget, os.DirFS("../../node_modules/govuk-frontend/dist/govuk"))
	require.NoError(t, err, "govuk-frontend is installed by `npm ci`")
	srv := httptest.NewServer(secure(s.handler(files)))
	t.Cleanup(srv.Close)
	return srv
}

// client is a browser's session with the demo: its cookies and the form's CSRF token.
type client struct {
	t     *testing.T
	srv   *httptest.Server
	http  *http.Client
	token string
}

var tokenPattern = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func newClient(t *testing.T, srv *httptest.Server) *client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	c := &client{t: t, srv: srv, http: &http.Client{Jar: jar}}
	_, body := c.get("/")
	m := tokenPattern.FindStringSubmatch(body)
	require.NotNil(t, m, "the form carries a CSRF token")
	c.token = m[1]
	return c
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	res, err := c.http.Get(c.srv.URL + path)
	require.NoError(c.t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(c.t, err)
	return res, string(body)
}

// post sends a form with the session's token.
func (c *client) post(values url.Values) (*http.Response, string) {
	c.t.Helper()
	values = cloneValues(values)
	if values.Get(csrfField) == "" {
		values.Set(csrfField, c.token)
	}
	res, err := c.http.PostForm(c.srv.URL+"/apply", values)
	require.NoError(c.t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(c.t, err)
	return res, string(body)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func TestEveryResponseIsServedUnderTheStrictPolicy(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	for _, path := range []string{"/", "/schemes", "/schemes/enthuse-2014", "/schemes/stem-exchange", "/schemes/hemel-enthuse-2022",
		"/static/demo.js", "/widget/stemkn.wasm", "/govuk-frontend/govuk-frontend.min.css", "/no-such-page", "/widget/"} {
		res, _ := c.get(path)
		h := res.Header
		require.Equal(t, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
			h.Get("Content-Security-Policy"), path)
		require.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), path)
		require.Equal(t, "no-referrer", h.Get("Referrer-Policy"), path)
	}
}

func TestNoDirectoryIsListed(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	for _, path := range []string{"/widget/", "/static/", "/assets/", "/assets/fonts/", "/govuk-frontend/", "/widget/x/../", "/static/%2e%2e/"} {
		res, body := c.get(path)
		require.Equal(t, http.StatusNotFound, res.StatusCode, path)
		require.NotContains(t, body, "stemkn.wasm", path)
		require.NotContains(t, body, "demo.js", path)
	}
	res, _ := c.get("/assets/fonts/bold-b542beb274-v2.woff2")
	require.Equal(t, http.StatusOK, res.StatusCode, "govuk-frontend's fonts are served where its CSS looks for them")
	require.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"), "a file named by its hash never changes")
}

func TestTheWidgetIsServedCompressedAsTheBrowserAccepts(t *testing.T) {
	srv := newTestServer(t)
	fetch := func(path, accept, etag string) *http.Response {
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		require.NoError(t, err)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		// The transport must not ask for gzip itself.
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		require.NoError(t, err)
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	body := func(res *http.Response) string {
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return string(b)
	}
	cases := []struct{ accept, encoding, body string }{
		{"gzip, deflate, br, zstd", "br", "brotli bytes"},
		{"br;q=1.0, gzip;q=0.8", "br", "brotli bytes"},
		{"gzip", "gzip", string(fakeWidget["stemkn.wasm.gz"].Data)},
		{"br;q=0, gzip", "gzip", string(fakeWidget["stemkn.wasm.gz"].Data)},
		{"", "", string(fakeWidget["stemkn.wasm"].Data)},
		{"identity", "", string(fakeWidget["stemkn.wasm"].Data)},
	}
	etags := map[string]bool{}
	for _, tc := range cases {
		res := fetch("/widget/stemkn.wasm", tc.accept, "")
		require.Equal(t, http.StatusOK, res.StatusCode)
		require.Equal(t, "application/wasm", res.Header.Get("Content-Type"), "streaming compilation needs application/wasm")
		require.Equal(t, tc.encoding, res.Header.Get("Content-Encoding"), tc.accept)
		require.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
		require.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
		require.Equal(t, strconv.Itoa(len(tc.body)), res.Header.Get("Content-Length"))
		require.Equal(t, tc.body, body(res))
		etag := res.Header.Get("ETag")
		require.NotEmpty(t, etag)
		etags[tc.encoding+etag] = true
		again := fetch("/widget/stemkn.wasm", tc.accept, etag)
		require.Equal(t, http.StatusNotModified, again.StatusCode, "an unchanged file is revalidated, not sent again")
	}
	require.Len(t, etags, 3, "each encoding has its own ETag")

	// Pages are gzipped for a browser that takes it.
	page := fetch("/", "gzip, br", "")
	require.Equal(t, "gzip", page.Header.Get("Content-Encoding"))
	require.Equal(t, "no-store", page.Header.Get("Cache-Control"))
	require.Equal(t, "", fetch("/", "", "").Header.Get("Content-Encoding"))

	// Text without a compressed copy is gzipped at start-up.
	res := fetch("/widget/stemkn.js", "gzip", "")
	require.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	require.Equal(t, "text/javascript; charset=utf-8", res.Header.Get("Content-Type"))
	zr, err := gzip.NewReader(res.Body)
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.Equal(t, string(fakeWidget["stemkn.js"].Data), string(plain))
}

func TestMultipartPostsAreRefused(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	require.NoError(t, mw.WriteField("network[name]", "Calder"))
	require.NoError(t, mw.WriteField(csrfField, c.token))
	require.NoError(t, mw.Close())
	res, err := c.http.Post(srv.URL+"/apply", mw.FormDataContentType(), &body)
	require.NoError(t, err)
	defer res.Body.Close()
	page, _ := io.ReadAll(res.Body)
	require.Equal(t, http.StatusUnsupportedMediaType, res.StatusCode)
	require.Contains(t, string(page), "application/x-www-form-urlencoded")
}

func TestPostsNeedTheFormsCSRFToken(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	values := url.Values{"scheme": {"stem-kn-2011"}, "network[name]": {"Calder"}}

	res, body := c.post(values)
	require.Equal(t, http.StatusOK, res.StatusCode, "the form's own token is accepted")
	require.Contains(t, body, "There is a problem")

	values.Set(csrfField, "forged")
	res, body = c.post(values)
	require.Equal(t, http.StatusForbidden, res.StatusCode)
	require.Contains(t, body, "Your session has ended")

	other := newClient(t, srv)
	values.Set(csrfField, other.token)
	res, _ = c.post(values)
	require.Equal(t, http.StatusForbidden, res.StatusCode, "another session's token is refused")

	values.Del(csrfField)
	res, err := http.PostForm(srv.URL+"/apply", url.Values{"network[name]": {"Calder"}, csrfField: {c.token}})
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusForbidden, res.StatusCode, "a token without its session cookie is refused")

	req, err := http.NewRequest(http.MethodPost, srv.URL+"/apply", strings.NewReader(url.Values{csrfField: {c.token}}.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err = c.http.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusForbidden, res.StatusCode, "a cross-site post is refused before its token is read")
}

func TestRowsAreNeverAddedPastTheListsLimit(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	values := url.Values{"scheme": {"stem-pd-net-2016"}, "_add": {"plan[outputs]"}}
	for i := range 49 {
		values.Set("plan[outputs]["+strconv.Itoa(i)+"][title]", "Output")
	}
	_, body := c.post(values)
	require.Contains(t, body, `name="plan[outputs][49][title]"`, "the 50th row is added")
	values.Set("plan[outputs][49][title]", "Output")
	_, body = c.post(values)
	require.NotContains(t, body, `name="plan[outputs][50][title]"`, "a 51st is not: the plan has at most 50 outputs")
	require.Len(t, regexp.MustCompile(`name="plan\[outputs\]\[\d+\]\[title\]"`).FindAllString(body, -1), 50)

	// A page draws at most maxRowsDrawn rows, all lists together: a small
	// post cannot ask for a huge page.
	values = url.Values{"scheme": {"stem-kn-2011"}}
	for i := range maxRowsDrawn {
		values.Set("network[members]["+strconv.Itoa(i)+"][name]", "M")
	}
	values.Set("_add", "network[members]")
	res, body := c.post(values)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.NotContains(t, body, `name="network[members][300][name]"`, "no row past the page's limit")
	values.Set("network[institutions][0][name]", "One more")
	values.Del("_add")
	res, body = c.post(values)
	require.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	require.Contains(t, body, "The form has too many rows to show")
	require.Less(t, len(body), 20000)

	values = url.Values{"scheme": {"stem-kn-2011"}, "_add": {"network[colour]"}}
	res, body = c.post(values)
	require.Equal(t, http.StatusOK, res.StatusCode, "a group the form does not have is ignored")
	require.NotContains(t, body, "network[colour]")
}

func TestASlowClientIsCutOff(t *testing.T) {
	saved := serverTimeouts
	serverTimeouts.readHeader = 100 * time.Millisecond
	t.Cleanup(func() { serverTimeouts = saved })
	srv := newServer(http.NotFoundHandler())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")) // and never the blank line
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(30*time.Second))) // only so a broken server fails rather than hangs
	_, err = bufio.NewReader(conn).ReadString('\n')
	require.Error(t, err, "the server closes a connection whose request head does not arrive")
	var ne net.Error
	if errorsAs(err, &ne) {
		require.False(t, ne.Timeout(), "closed by the server, not by the test's own deadline")
	}
	require.Equal(t, 32<<10, srv.MaxHeaderBytes)
	require.NotZero(t, srv.ReadTimeout)
	require.NotZero(t, srv.WriteTimeout)
	require.NotZero(t, srv.IdleTimeout)
}

func TestTheSchemePickerListsTheCatalogueAndTheSchemeFiles(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	_, body := c.get("/schemes")
	for _, id := range []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange", "hemel-enthuse-2022"} {
		require.Contains(t, body, `data-scheme="`+id+`"`)
	}
	res, file := c.get("/scheme-files/hemel-enthuse-2022.json")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, file, `"extends": "enthuse-2022"`)
	res, _ = c.get("/scheme-files/..%2Fdemo%2Fmain.go")
	require.Equal(t, http.StatusNotFound, res.StatusCode)
}

func TestAPostWithErrorsComesBackWithTheSummaryAndMessages(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	res, body := c.post(url.Values{"scheme": {"stem-kn-2011"}, "network[name]": {""}, "contact[email]": {"nope"}})
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "<title>Error: Apply to STEM Knowledge Networks")
	require.Contains(t, body, `<h2 class="govuk-error-summary__title">There is a problem</h2>`)
	require.Contains(t, body, `<li><a href="#network-name">Enter the network&#39;s name</a></li>`)
	require.Contains(t, body, `<p id="network-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter the network&#39;s name</p>`)
	require.Contains(t, body, `aria-describedby="network-name-hint network-name-error"`)
	require.Contains(t, body, `value="nope"`, "the form comes back filled in")
}

func TestAValidPostIsConfirmedWithItsEligibility(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	res, body := c.post(validPost())
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	require.Contains(t, body, "Application received")
	require.Contains(t, body, `data-eligible="true"`)
	require.Contains(t, body, `<dt class="govuk-summary-list__key">Network</dt>`)
	require.Contains(t, body, "1 February 2011 to 15 July 2011")
}

// validPost is an eligible Calder Valley application, posted as the demo's form posts it.
func validPost() url.Values {
	return url.Values{
		"scheme": {"stem-kn-2011"}, "submittedOn-day": {"7"}, "submittedOn-month": {"1"}, "submittedOn-year": {"2011"},
		"network[name]": {"Calder Valley Maths in STEM Network"}, "network[areaOfInterest]": {"Graphs and algebra in KS3"},
		"network[theme]": {"maths-skills"}, "network[lead]": {"institution-0"},
		"network[institutions][0][id]": {"institution-0"}, "network[institutions][0][name]": {"Calder Community School"},
		"network[institutions][0][kind]": {"school"}, "network[institutions][0][country]": {"GB"},
		"network[institutions][0][subdivision]": {"GB-ENG"}, "network[institutions][0][establishmentType]": {"community-school"},
		"network[members][0][name]": {"Asha Patel"}, "network[members][0][role]": {"coordinator"},
		"network[members][0][subjects][]": {"mathematics", "science"}, "network[members][0][institution]": {"institution-0"},
		"plan[startDate]-day": {"1"}, "plan[startDate]-month": {"2"}, "plan[startDate]-year": {"2011"},
		"plan[endDate]-day": {"15"}, "plan[endDate]-month": {"7"}, "plan[endDate]-year": {"2011"},
		"plan[reflection]": {"Lesson study"},
		"contact[name]":    {"Asha Patel"}, "contact[email]": {"a.patel@calder.example.org"},
		"funding[currency]": {"GBP"},
	}
}

func TestTheAddAndRemoveButtonsWorkWithoutJavaScript(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	_, body := c.post(url.Values{"scheme": {"stem-kn-2011"}, "network[members][0][name]": {"Asha"}, "_add": {"network[members]"}})
	require.Contains(t, body, `name="network[members][1][name]"`)
	require.NotContains(t, body, "There is a problem", "adding a row is not a submit")
	_, body = c.post(url.Values{"scheme": {"stem-kn-2011"}, "network[members][0][name]": {"Asha"},
		"network[members][4][name]": {"Tom"}, "_remove": {"network[members][0]"}})
	require.NotContains(t, body, `name="network[members][0][name]"`)
	require.Regexp(t, `id="network-members-4-name" name="network\[members\]\[4\]\[name\]" type="text" value="Tom"`, body, "the other row keeps its index and value")
}

// drawEveryKindOfPage serves every page the demo draws, in each state:
// forms of every scheme, fresh and with errors (missing, wrong, a part of a
// date, a group finding, a related one), a form with rows added, and the
// confirmation page.
func drawEveryKindOfPage(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	for _, path := range []string{"/", "/schemes", "/schemes/enthuse-2014", "/schemes/enthuse-2022", "/schemes/stem-pd-net-2016",
		"/schemes/stem-exchange", "/schemes/hemel-enthuse-2022", "/schemes/nope"} {
		c.get(path)
	}
	posts := []url.Values{
		{"scheme": {"stem-kn-2011"}},
		{"scheme": {"stem-kn-2011"}, "network[name]": {"Calder"}, "contact[email]": {"nope"}, "plan[startDate]-day": {"31"},
			"plan[startDate]-month": {"2"}, "plan[startDate]-year": {"2011"}, "plan[endDate]-month": {"3"},
			"funding[lines][0][category]": {"supply-cover"}, "funding[lines][0][amount]": {"1,500"},
			"funding[lines][1][category]": {"resources"}, "funding[lines][1][amount]": {"1,500"},
			"network[institutions][0][subdivision]": {"GB-SCT"}, "network[members][0][subjects][]": {"science"}},
		{"scheme": {"enthuse-2014"}, "network[institutions][0][subdivision]": {"GB-WLS"}, "network[institutions][0][stateFunded]": {"true"}},
		{"scheme": {"stem-exchange"}, "offer[kind]": {"work-experience"}, "offer[ageRange][min]": {"18"}, "offer[ageRange][max]": {"16"}},
		{"scheme": {"stem-pd-net-2016"}, "network[institutions][0][country]": {"FR"}, "_add": {"network[institutions]"}},
		validPost(),
	}
	for _, p := range posts {
		c.post(p)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

func errorsAs(err error, target *net.Error) bool {
	ne, ok := err.(net.Error)
	if ok {
		*target = ne
	}
	return ok
}
