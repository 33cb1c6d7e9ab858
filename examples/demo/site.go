package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/stemkn"
)

// homeScheme is the scheme of the demo's front page.
const homeScheme = "stem-kn-2011"

// maxPost is the most of a post the demo reads: the validator's own size
// limit for a document.
const maxPost = 8 << 20

// site is the demo's pages: the validator (built-in schemes and the scheme
// files), the templates, and which schemes came from which file.
type site struct {
	validator *stemkn.Validator
	// validators word findings in each language of the demo's switch.
	validators map[string]*stemkn.Validator
	pages      *template.Template
	files      map[string]string // scheme id → file name in dir
	dir        string
	csrf       *csrfGuard
}

func newSite(dir string) (*site, error) {
	cat := stemkn.NewCatalogue()
	s := &site{files: map[string]string{}, dir: dir, csrf: newCSRFGuard()}
	if dir != "" {
		names, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			sc, err := cat.LoadFile(name)
			if err != nil {
				return nil, err
			}
			s.files[sc.ID] = filepath.Base(name)
		}
	}
	s.validator = stemkn.NewValidator(cat)
	s.validators = map[string]*stemkn.Validator{"en": s.validator}
	for _, lang := range demoLanguages[1:] {
		m, err := stemkn.MessagesIn(lang)
		if err != nil {
			return nil, err
		}
		s.validators[lang] = s.validator.WithMessages(m)
	}
	pages, err := template.New("").ParseFS(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s.pages = pages
	return s, nil
}

func (s *site) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /schemes", s.schemes)
	mux.HandleFunc("GET /schemes/{id}", s.schemeForm)
	mux.HandleFunc("GET /scheme-files/{name}", s.schemeFile)
	mux.HandleFunc("POST /apply", s.apply)
	mux.HandleFunc("GET /apply", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/", http.StatusSeeOther) })
}

// page is what every template is given.
type page struct {
	// Lang is the page's language, "en" or "cy" (the switch in the header).
	Lang string
	// Path is the page's path, for the language switch to link to.
	Path       string
	Title      string
	Errors     bool
	Current    string // the navigation item of the page: "/" or "/schemes"
	Scheme     *stemkn.Scheme
	SchemeFile string // the URL of the scheme's file, for schemes the widget must load
	Token      string // the CSRF token of the session
	Summary    template.HTML
	Eligible   template.HTML
	Form       template.HTML
	Body       template.HTML
	Status     int
}

// FullTitle is the page title, with "Error: " ("Gwall: ") while the page
// shows errors: the catalogue's ui.page-title.
func (p *page) FullTitle() string {
	t := p.Title + " – " + p.Word("stemkn demo")
	if p.Errors {
		return p.Messages().Text("ui.page-title", map[string]string{"title": t})
	}
	return t
}

// Messages are stemkn's words in the page's language.
func (p *page) Messages() *stemkn.Messages { return messagesIn(p.Lang) }

// HTMLLang is the page's lang attribute.
func (p *page) HTMLLang() string {
	if p.Lang == "en" || p.Lang == "" {
		return "en-GB"
	}
	return p.Lang
}

// Word is one of the demo's own words (its header, headings and buttons,
// not stemkn's) in the page's language.
func (p *page) Word(english string) string {
	if w, ok := demoWords[p.Lang][english]; ok {
		return w
	}
	return english
}

// LanguageSwitch links to the page in the other language, the link text
// in that language (GOV.UK's pattern: "Cymraeg" on the English page).
func (p *page) LanguageSwitch() template.HTML {
	other := "cy"
	if p.Lang == "cy" {
		other = "en"
	}
	path := p.Path
	if path == "" {
		path = "/"
	}
	href := path + "?lang=" + other
	return template.HTML(`<nav class="govuk-!-margin-top-4" aria-label="` + esc(p.Word("Language")) + `"><p class="govuk-body-s govuk-!-margin-bottom-0">` +
		`<a class="govuk-link" href="` + esc(href) + `" hreflang="` + other + `" lang="` + other + `" data-demo-language="` + other + `">` +
		esc(messagesIn(other).Name()) + "</a></p></nav>")
}

// Chrome is the page's header: skip link, header, service navigation and
// phase banner, from GOV.UK Frontend's components. The header is the
// generic one: the crown and the GOV.UK logotype are for GOV.UK services only.
func (p *page) Chrome() template.HTML {
	q := ""
	if p.Lang == "cy" {
		q = "?lang=cy"
	}
	nav := []NavigationItem{{Href: "/" + q, Text: p.Word("Apply")}, {Href: "/schemes" + q, Text: p.Word("Schemes")}}
	for i := range nav {
		nav[i].Current = strings.TrimSuffix(nav[i].Href, q) == p.Current
	}
	return SkipLink{Href: "#main-content", Text: p.Word("Skip to main content")}.HTML() +
		`<header class="govuk-template__header">` +
		GenericHeader{URL: "/" + q, LogoText: "stemkn"}.HTML() +
		ServiceNavigation{ServiceName: p.Word("Apply for STEM network funding"), ServiceURL: "/" + q, Navigation: nav}.HTML() +
		PhaseBanner{Tag: Tag{Text: p.Word("Demo")}, Text: p.Word("This is a demonstration of the stemkn widget: nothing you enter is sent to a funder.")}.HTML() +
		"</header>"
}

// demoLanguages are the languages of the demo's switch, English first.
var demoLanguages = []string{"en", "cy"}

// langOf is the language a request asks for: ?lang=cy, or a form's lang
// field; English otherwise.
func langOf(r *http.Request) string {
	if r.FormValue("lang") == "cy" {
		return "cy"
	}
	return "en"
}

func messagesIn(lang string) *stemkn.Messages {
	m, err := stemkn.MessagesIn(lang)
	if err != nil {
		return stemkn.DefaultMessages()
	}
	return m
}

func (s *site) home(w http.ResponseWriter, r *http.Request) {
	s.showForm(w, r, homeScheme, url.Values{}, nil)
}

func (s *site) schemeForm(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, ok := s.validator.Catalogue().Scheme(id); !ok {
		s.problem(w, r, http.StatusNotFound, "Page not found", "There is no scheme called "+strconv.Quote(id)+".")
		return
	}
	s.showForm(w, r, id, url.Values{}, nil)
}

func (s *site) schemes(w http.ResponseWriter, r *http.Request) {
	t := Table{Caption: "Schemes in the catalogue", CaptionClasses: "govuk-table__caption--m", FirstCellIsHeader: true,
		Head: []TableCell{{Text: "Scheme"}, {Text: "Document"}, {Text: "Funders"}}}
	for _, sc := range s.validator.Catalogue().Schemes() {
		kind := "Application"
		if sc.Kind == stemkn.KindOffer {
			kind = "Offer"
		}
		id := sc.ID
		if f := s.files[sc.ID]; f != "" {
			id += " · from " + f
		}
		link := `<a class="govuk-link" href="/schemes/` + esc(url.PathEscape(sc.ID)) + `" data-scheme="` + esc(sc.ID) + `">` + esc(sc.Title) +
			`</a> <span class="govuk-hint govuk-!-margin-bottom-0">` + esc(id) + "</span>"
		t.Rows = append(t.Rows, []TableCell{{HTML: template.HTML(link)}, {Text: kind}, {Text: strings.Join(sc.Funders, ", ")}})
	}
	body := `<h1 class="govuk-heading-xl">Schemes</h1><p class="govuk-body">Each scheme is data: its themes, spend categories and the parameters of its rules, each with the source it comes from. Pick one to try its form.</p>` +
		string(t.HTML())
	s.render(w, r, "page", &page{Lang: langOf(r), Path: "/schemes", Title: "Schemes", Current: "/schemes", Body: template.HTML(body)})
}

// schemeFile serves a scheme file the demo loaded, for the widget to load too.
func (s *site) schemeFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	for _, file := range s.files {
		if file == name {
			data, err := os.ReadFile(filepath.Join(s.dir, file))
			if err != nil {
				http.Error(w, "cannot read the scheme file", http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(data)
			return
		}
	}
	http.NotFound(w, r)
}

// apply takes a form post. The add and remove buttons (for people without
// JavaScript) redraw the form with a row more or less; a submit is
// validated with the same Go the widget runs, and either redrawn with the
// error summary and messages or confirmed with its eligibility.
func (s *site) apply(w http.ResponseWriter, r *http.Request) {
	if !formPost(r) {
		s.problem(w, r, http.StatusUnsupportedMediaType, "The form could not be read",
			"Send the form as application/x-www-form-urlencoded, as the page's own form does.")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxPost)
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.problem(w, r, http.StatusRequestEntityTooLarge, "The form is too large", "A form can be at most 8 MB.")
			return
		}
		s.problem(w, r, http.StatusBadRequest, "The form could not be read", "Go back and try again.")
		return
	}
	if !s.csrf.check(r) {
		s.problem(w, r, http.StatusForbidden, "Your session has ended",
			"For your security, the form could not be sent. Go back, reload the page and send it again: what you entered is kept by your browser.")
		return
	}
	values := r.PostForm
	// Each row drawn is a few kilobytes of page, and each institution an
	// option in every select that names one: a page with more rows than a
	// person fills in would let a small post ask for a huge page.
	if rowsPosted(values) > maxRowsDrawn {
		s.problem(w, r, http.StatusRequestEntityTooLarge, "The form has too many rows to show",
			"This demo shows at most "+strconv.Itoa(maxRowsDrawn)+" rows (institutions, members, activities, outputs and budget lines together). Validate a larger application as JSON with the stemkn command or the Go library.")
		return
	}
	id := values.Get("scheme")
	if _, ok := s.validator.Catalogue().Scheme(id); !ok {
		id = homeScheme
	}
	if add := values.Get("_add"); add != "" {
		if max, ok := listLimit[add]; ok && rowsPosted(values) < maxRowsDrawn {
			addRow(values, add, max)
		}
		s.showForm(w, r, id, values, nil)
		return
	}
	if remove := values.Get("_remove"); remove != "" {
		removeRow(values, remove)
		s.showForm(w, r, id, values, nil)
		return
	}
	res, form := s.validators[langOf(r)].ValidateForm(values, stemkn.Options{})
	if !res.Valid {
		s.showForm(w, r, id, values, &validated{res, form})
		return
	}
	s.confirm(w, r, res, form)
}

// maxRowsDrawn is the most rows a page of the demo draws, all lists together.
const maxRowsDrawn = 300

// rowsPosted counts the rows a post has in the form's lists.
func rowsPosted(values url.Values) int {
	n := 0
	for group := range listLimit {
		n += len(rowIndices(values, group))
	}
	return n
}

type validated struct {
	res  stemkn.Result
	form stemkn.Form
}

func (s *site) showForm(w http.ResponseWriter, r *http.Request, id string, values url.Values, v *validated) {
	sc, _ := s.validator.Catalogue().Scheme(id)
	p := &page{Lang: langOf(r), Path: "/", Scheme: sc, Current: "/", Token: s.csrf.token(w, r)}
	if id != homeScheme {
		p.Current, p.Path = "/schemes", "/schemes/"+url.PathEscape(id)
	}
	v0 := s.validators[p.Lang]
	m := p.Messages()
	if f, ok := s.files[id]; ok {
		p.SchemeFile = "/scheme-files/" + f
	}
	var form *formView
	if sc.Kind == stemkn.KindOffer {
		p.Title = p.Word("Offer CPD or work experience on the ") + m.SchemeTitle(sc)
		form = offerForm(sc, values)
	} else {
		p.Title = p.Word("Apply to ") + m.SchemeTitle(sc)
		form = applicationForm(sc, values)
		doc := []byte(`{}`)
		if v != nil {
			doc = v.form.Document
		} else if len(values) > 0 {
			doc = s.validator.DecodeForm(values, stemkn.Options{Scheme: id}).Document
		}
		if sum, ok := v0.BudgetSummary(doc, stemkn.Options{Scheme: id}); ok {
			form.budget = &sum
		}
	}
	form.words = m
	// A page with errors is still a page: 200, as GOV.UK services answer,
	// which browsers do not log as a failed load.
	if v != nil {
		items := form.showFindings(v.res, v.form)
		if len(items) > 0 {
			p.Errors = true
			summary := ErrorSummary{TitleText: m.Text("ui.error-summary.title", nil)}
			for _, it := range items {
				summary.ErrorList = append(summary.ErrorList, ErrorSummaryItem{Text: it.text, Href: it.href})
			}
			p.Summary = summary.HTML()
		}
		p.Eligible = eligibilityPanel(v.res, m)
	}
	p.Form = form.html()
	s.render(w, r, "form", p)
}

// eligibilityPanel explains an ineligible result, in the markup the
// widget's eligibility panel draws, with the words of m.
func eligibilityPanel(res stemkn.Result, m *stemkn.Messages) template.HTML {
	if res.Eligible == nil || *res.Eligible {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div class="stemkn-eligibility" data-stemkn-eligibility="application" id="eligibility" role="region" aria-labelledby="eligibility-heading">` +
		`<h2 class="govuk-heading-m" id="eligibility-heading">` + esc(m.Text("ui.eligibility.heading", nil)) + `</h2>` +
		`<p class="govuk-body">` + esc(m.Text("ui.eligibility.lead", nil)) + `</p><ul class="govuk-list">`)
	for _, rule := range res.Rules {
		if rule.Outcome != stemkn.Failed || rule.Advice {
			continue
		}
		b.WriteString(`<li class="stemkn-eligibility__rule"><h3 class="govuk-heading-s">` + esc(rule.Title) + "</h3>")
		var why []string
		for _, f := range res.Findings {
			if f.Rule == rule.Rule && f.Severity == stemkn.Error && !slices.Contains(why, f.Message) {
				why = append(why, f.Message)
				b.WriteString(`<p class="govuk-body">` + esc(f.Message) + "</p>")
			}
		}
		if rule.Reference != "" {
			// The sources are English: in another language the quotation says so.
			quote := `<span>` + esc(rule.Reference) + `</span>`
			if m.Lang() != "en" {
				quote = `<span lang="en">` + esc(rule.Reference) + `</span>`
			}
			before, after, _ := strings.Cut(esc(m.Text("ui.eligibility.source", nil)), "{reference}")
			b.WriteString(`<blockquote class="govuk-inset-text stemkn-eligibility__reference"><p>` + before + quote + after + "</p></blockquote>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul></div>")
	return template.HTML(b.String())
}

// confirm is the page for an application without errors: a confirmation
// panel, its eligibility, a summary list of what was sent and the rules.
func (s *site) confirm(w http.ResponseWriter, r *http.Request, res stemkn.Result, form stemkn.Form) {
	sc, _ := s.validator.Catalogue().Scheme(res.Scheme)
	p := &page{Lang: langOf(r), Title: "Application received"}
	p.Title = p.Word(p.Title)
	w0 := p.Word
	var b strings.Builder
	b.WriteString(string(Panel{TitleText: p.Title, Text: p.Messages().SchemeTitle(sc)}.HTML()))
	outcome, flag := w0("Eligibility could not be judged"), ""
	if res.Eligible != nil {
		outcome, flag = p.Messages().Text("ui.eligibility.heading", nil), "false"
		if *res.Eligible {
			outcome, flag = w0("This application is eligible"), "true"
		}
	}
	b.WriteString(`<h2 class="govuk-heading-m" id="eligibility-outcome" data-eligible="` + flag + `">` + esc(outcome) + "</h2>")
	b.WriteString(`<p class="govuk-body">` + esc(w0("The server checked the post with the same rules the form ran in your browser.")) + `</p>`)
	var advice []string
	for _, f := range res.Findings {
		if f.Severity == stemkn.Warning {
			advice = append(advice, "<li>"+esc(f.Message)+"</li>")
		}
	}
	if len(advice) > 0 {
		b.WriteString(string(InsetText{Inner: template.HTML(`<h2 class="govuk-heading-s">` + esc(w0("Advice")) + `</h2><ul class="govuk-list">` + strings.Join(advice, "") + "</ul>")}.HTML()))
	}
	b.WriteString(`<h2 class="govuk-heading-m">` + esc(w0("What you sent")) + `</h2>`)
	answers := string(answersList(form.Document).HTML())
	if p.Welsh() {
		answers = `<div lang="en">` + answers + "</div>" // the demo's own English names of the answers
	}
	b.WriteString(answers)
	t := Table{Caption: w0("The scheme's rules"), CaptionClasses: "govuk-table__caption--m", FirstCellIsHeader: true,
		Head: []TableCell{{Text: w0("Rule")}, {Text: w0("Outcome")}, {Text: w0("Source")}}}
	for _, rule := range res.Rules {
		source := TableCell{Text: rule.Reference}
		if p.Welsh() {
			source = TableCell{HTML: template.HTML(`<span lang="en">` + esc(rule.Reference) + "</span>")}
		}
		t.Rows = append(t.Rows, []TableCell{{Text: rule.Title}, {HTML: Tag{Text: w0(words(string(rule.Outcome))), Classes: outcomeColour[rule.Outcome]}.HTML()}, source})
	}
	b.WriteString(string(t.HTML()))
	home := "/"
	if p.Welsh() {
		home = "/?lang=cy"
	}
	b.WriteString(`<p class="govuk-body"><a class="govuk-link" href="` + home + `">` + esc(w0("Start another application")) + `</a></p>`)
	p.Body = template.HTML(b.String())
	s.render(w, r, "page", p)
}

// outcomeColour is each rule outcome's tag colour.
var outcomeColour = map[stemkn.Outcome]string{
	stemkn.Passed: "govuk-tag--green", stemkn.Failed: "govuk-tag--red", stemkn.NotJudged: "govuk-tag--yellow", stemkn.NotApplicable: "govuk-tag--grey",
}

// problem answers with a short GOV.UK page saying what went wrong.
func (s *site) problem(w http.ResponseWriter, r *http.Request, status int, title, text string) {
	body := `<h1 class="govuk-heading-l">` + esc(title) + `</h1><p class="govuk-body">` + esc(text) + `</p><p class="govuk-body"><a class="govuk-link" href="/">Go to the start</a></p>`
	s.render(w, r, "page", &page{Title: title, Body: template.HTML(body), Status: status})
}

func (s *site) render(w http.ResponseWriter, r *http.Request, name string, p *page) {
	if p.Lang == "" {
		p.Lang = langOf(r)
	}
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, "the page could not be drawn: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Accept-Encoding")
	status := p.Status
	if status == 0 {
		status = http.StatusOK
	}
	body := buf.Bytes()
	if v := (&asset{variants: []variant{{encoding: "gzip"}, {}}}).pick(r.Header.Get("Accept-Encoding")); v.encoding == "gzip" {
		var zipped bytes.Buffer
		zw := gzip.NewWriter(&zipped)
		_, _ = zw.Write(body)
		_ = zw.Close()
		body = zipped.Bytes()
		h.Set("Content-Encoding", "gzip")
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// demoWords are the demo page's own words in Welsh (its header, headings,
// buttons and notes), keyed by their English. stemkn's words — messages,
// the error summary, the page title's "Error:", the eligibility panel and
// the budget summary — come from stemkn's catalogue instead. The questions
// of the demo's forms stay in English (the form is marked lang="en").
var demoWords = map[string]map[string]string{"cy": {
	"stemkn demo":                    "demo stemkn",
	"Apply":                          "Gwneud cais",
	"Schemes":                        "Cynlluniau",
	"Language":                       "Iaith",
	"Skip to main content":           "Neidio i'r prif gynnwys",
	"Apply for STEM network funding": "Gwneud cais am gyllid rhwydwaith STEM",
	"Demo":                           "Demo",
	"This is a demonstration of the stemkn widget: nothing you enter is sent to a funder.": "Arddangosiad o declyn stemkn yw hwn: nid yw dim o'r hyn rydych yn ei roi yn cael ei anfon at gyllidwr.",
	"Apply to ":                            "Gwneud cais: ",
	"Offer CPD or work experience on the ": "Cynnig DPP neu brofiad gwaith: ",
	"Submit application":                   "Anfon y cais",
	"Run by":                               "Yn cael ei redeg gan",
	"and":                                  "a",
	"In this demo the questions are in English: the form's messages, its error summary, eligibility panel and budget summary are in Welsh.": "Yn y demo hwn mae'r cwestiynau yn Saesneg: mae negeseuon y ffurflen, y crynodeb o wallau, y panel cymhwysedd a'r crynodeb o'r gyllideb yn Gymraeg.",
	"The same Go rules validate this form in your browser (WebAssembly) and on the server. Built with GOV.UK Frontend.":                     "Mae'r un rheolau Go yn gwirio'r ffurflen hon yn eich porwr (WebAssembly) ac ar y gweinydd. Wedi'i adeiladu gyda GOV.UK Frontend.",
	"Application received":            "Cais wedi dod i law",
	"Eligibility could not be judged": "Nid oedd modd barnu a yw'r cais yn gymwys",
	"This application is eligible":    "Mae'r cais hwn yn gymwys",
	"The server checked the post with the same rules the form ran in your browser.": "Gwiriodd y gweinydd y cais gyda'r un rheolau ag a redodd y ffurflen yn eich porwr.",
	"Advice":                    "Cyngor",
	"What you sent":             "Yr hyn a anfonoch",
	"The scheme's rules":        "Rheolau'r cynllun",
	"Rule":                      "Rheol",
	"Outcome":                   "Canlyniad",
	"Source":                    "Ffynhonnell",
	"Passed":                    "Wedi'i bodloni",
	"Failed":                    "Heb ei bodloni",
	"Not judged":                "Heb ei barnu",
	"Not applicable":            "Ddim yn berthnasol",
	"Start another application": "Dechrau cais arall",
}}

// SchemeTitle is the scheme's title in the page's language.
func (p *page) SchemeTitle() string { return p.Messages().SchemeTitle(p.Scheme) }

// Welsh reports whether the page is in Welsh.
func (p *page) Welsh() bool { return p.Lang == "cy" }
