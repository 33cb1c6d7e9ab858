package main

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTheLanguageSwitchGivesTheFormInWelsh: ?lang=cy is the same form with
// the page in Welsh, the widget told so (data-stemkn-lang), and the
// questions, which the demo keeps in English, marked lang="en".
func TestTheLanguageSwitchGivesTheFormInWelsh(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	res, body := c.get("/?lang=cy")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, `<html lang="cy" class="govuk-template">`)
	require.Contains(t, body, "<title>Gwneud cais: Rhwydweithiau Gwybodaeth STEM – demo stemkn</title>")
	require.Contains(t, body, `lang="en" data-stemkn-lang="cy"`)
	require.Contains(t, body, `<input type="hidden" name="lang" value="cy">`)
	require.Contains(t, body, `<a class="govuk-link" href="/?lang=en" hreflang="en" lang="en" data-demo-language="en">English</a>`)
	require.Contains(t, body, "Neidio i&#39;r prif gynnwys")
	require.Contains(t, body, "Cyfanswm y gofynnir amdano", "the budget summary's words")

	_, english := c.get("/")
	require.Contains(t, english, `<html lang="en-GB" class="govuk-template">`)
	require.Contains(t, english, `<a class="govuk-link" href="/?lang=cy" hreflang="cy" lang="cy" data-demo-language="cy">Cymraeg</a>`)
	require.NotContains(t, english, "data-stemkn-lang")
	require.NotContains(t, english, "Gwneud cais")
}

// TestAWelshPostWithErrorsComesBackInWelsh: without JavaScript the server
// words the summary, the messages, the title and the eligibility panel in
// the post's language, from the same catalogue as the widget.
func TestAWelshPostWithErrorsComesBackInWelsh(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	post := validPost()
	post.Set("lang", "cy")
	post.Set("network[name]", "")
	post.Set("funding[lines][0][category]", "resources")
	post.Set("funding[lines][0][amount]", "2,500")
	_, body := c.post(post)
	require.Contains(t, body, "<title>Gwall: Gwneud cais: Rhwydweithiau Gwybodaeth STEM – demo stemkn</title>")
	require.Contains(t, body, `<h2 class="govuk-error-summary__title">Mae problem wedi codi</h2>`)
	require.Contains(t, body, `<span class="govuk-visually-hidden">Gwall:</span> Rhowch enw&#39;r rhwydwaith</p>`)
	require.Contains(t, body, "Nid yw&#39;r cais hwn yn gymwys")
	require.Contains(t, body, "Mae cyfanswm y cais yn £2,000.00 neu lai")
	require.Contains(t, body, `Ffynhonnell: “<span lang="en">Funding of up to £2,000`)
	require.Contains(t, body, "Adnoddau", "the budget summary's category, in Welsh")
	for _, english := range []string{"There is a problem", "Error:", "Enter the network", "This application is not eligible", "Total asked for"} {
		require.NotContains(t, body, english)
	}

	post.Del("lang")
	_, body = c.post(post)
	require.Contains(t, body, `<h2 class="govuk-error-summary__title">There is a problem</h2>`)
	for _, welsh := range []string{"Mae problem", "Gwall", "Rhowch", "cymwys", "Cyfanswm"} {
		require.NotContains(t, body, welsh)
	}
	require.Equal(t, "cy", langOf(&http.Request{Form: url.Values{"lang": {"cy"}}}))
	require.Equal(t, "en", langOf(&http.Request{Form: url.Values{"lang": {"fr"}}}))
}

// TestAWelshPostWithoutErrorsIsConfirmedInWelsh: the confirmation page of
// a Welsh post, with the rules' titles and outcomes in Welsh and the
// sources' English quotations marked lang="en".
func TestAWelshPostWithoutErrorsIsConfirmedInWelsh(t *testing.T) {
	srv := newTestServer(t)
	c := newClient(t, srv)
	post := validPost()
	post.Set("lang", "cy")
	_, body := c.post(post)
	require.Contains(t, body, "Cais wedi dod i law")
	require.Contains(t, body, "Mae&#39;r cais hwn yn gymwys")
	require.Contains(t, body, "Mae cyfanswm y cais yn £2,000.00 neu lai")
	require.Contains(t, body, "Wedi&#39;i bodloni")
	require.Contains(t, body, `<span lang="en">Funding of up to £2,000`)
	require.Contains(t, body, `href="/?lang=cy">Dechrau cais arall`)
}
