// GOV.UK Frontend's page template runs this line inline, first thing in the
// body; the demo runs it from a file so that the page needs no inline
// script under its Content-Security-Policy.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
