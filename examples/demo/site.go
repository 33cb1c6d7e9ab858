package main

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/stemkn"
)

// homeScheme is the scheme of the demo's front page.
const homeScheme = "stem-kn-2011"

// demoMessages reword a few findings for this form, which asks for the
// short IDs of institutions in text boxes where the default wording expects
// a list to select from. The server words its findings with them, and the
// page hands the same map to the widget (data-stemkn-messages), which
// passes it to Go's Messages.With: both say the same.
var demoMessages = map[string]string{
	"required@/network/lead":                   "Enter the short ID of the lead institution",
	"required@/network/members/*/institution":  "Enter the short ID of the institution of member {1}",
	"required@/network/institutions/*/country": "Enter the two-letter code of the country of institution {1}",
	"unknown-institution":                      "{Field} must be the short ID of one of the institutions above: there is no institution with the ID {id:quoted}",
}

// site is the demo's pages: the validator (built-in schemes and the scheme
// files), the templates, and which schemes came from which file.
type site struct {
	validator *stemkn.Validator
	pages     *template.Template
	files     map[string]string // scheme id → file name in dir
	dir       string
	messages  string // demoMessages as JSON, for the widget
}

func newSite(dir string) (*site, error) {
	cat := stemkn.NewCatalogue()
	s := &site{files: map[string]string{}, dir: dir}
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
	worded, err := stemkn.DefaultMessages().With(demoMessages)
	if err != nil {
		return nil, err
	}
	s.validator = stemkn.NewValidator(cat).WithMessages(worded)
	messages, err := json.Marshal(demoMessages)
	if err != nil {
		return nil, err
	}
	s.messages = string(messages)
	pages, err := template.New("").Funcs(template.FuncMap{
		"words":     words,
		"lower":     strings.ToLower,
		"sectionID": func(title string) string { return strings.ToLower(fieldID(strings.ReplaceAll(title, " ", "-"))) },
		"deref":     func(b *bool) bool { return b != nil && *b },
	}).ParseFS(assets, "templates/*.html")
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
	Title       string
	Errors      bool
	Scheme      *stemkn.Scheme
	SchemeFile  string // the URL of the scheme's file, for schemes the widget must load
	Form        *formView
	Summary     []summaryItem
	Eligibility *eligibilityView
	Budget      *stemkn.BudgetSummary
	Schemes     []schemeEntry
	Result      *stemkn.Result
	Advice      []string
	Messages    string // the message overrides as JSON, for the widget
}

// FullTitle is the page title, with "Error: " while the page shows errors.
func (p *page) FullTitle() string {
	t := p.Title + " – stemkn demo"
	if p.Errors {
		return "Error: " + t
	}
	return t
}

// schemeEntry is a scheme in the picker.
type schemeEntry struct {
	ID, Title, Kind, Funders, File string
}

// eligibilityView is the eligibility panel: the failed rules, why, and their sources.
type eligibilityView struct {
	Rules []failedRule
}

type failedRule struct {
	Title, Reference string
	Why              []string
}

func (s *site) home(w http.ResponseWriter, r *http.Request) {
	s.showForm(w, homeScheme, url.Values{}, nil)
}

func (s *site) schemeForm(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, ok := s.validator.Catalogue().Scheme(id); !ok {
		http.NotFound(w, r)
		return
	}
	s.showForm(w, id, url.Values{}, nil)
}

func (s *site) schemes(w http.ResponseWriter, r *http.Request) {
	p := &page{Title: "Schemes"}
	for _, sc := range s.validator.Catalogue().Schemes() {
		kind := string(sc.Kind)
		if kind == "" {
			kind = string(stemkn.KindApplication)
		}
		p.Schemes = append(p.Schemes, schemeEntry{ID: sc.ID, Title: sc.Title, Kind: kind,
			Funders: strings.Join(sc.Funders, ", "), File: s.files[sc.ID]})
	}
	s.render(w, http.StatusOK, "schemes", p)
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
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	values := r.PostForm
	id := values.Get("scheme")
	if _, ok := s.validator.Catalogue().Scheme(id); !ok {
		id = homeScheme
	}
	if add := values.Get("_add"); add != "" {
		addRow(values, add)
		s.showForm(w, id, values, nil)
		return
	}
	if remove := values.Get("_remove"); remove != "" {
		removeRow(values, remove)
		s.showForm(w, id, values, nil)
		return
	}
	res, form := s.validator.ValidateForm(values, stemkn.Options{})
	if !res.Valid {
		s.showForm(w, id, values, &validated{res, form})
		return
	}
	sc, _ := s.validator.Catalogue().Scheme(res.Scheme)
	p := &page{Title: "Application received", Scheme: sc, Result: &res}
	for _, f := range res.Findings {
		if f.Severity == stemkn.Warning {
			p.Advice = append(p.Advice, f.Message)
		}
	}
	s.render(w, http.StatusOK, "confirm", p)
}

type validated struct {
	res  stemkn.Result
	form stemkn.Form
}

func (s *site) showForm(w http.ResponseWriter, id string, values url.Values, v *validated) {
	sc, _ := s.validator.Catalogue().Scheme(id)
	p := &page{Scheme: sc, Messages: s.messages}
	if f, ok := s.files[id]; ok {
		p.SchemeFile = "/scheme-files/" + f
	}
	if sc.Kind == stemkn.KindOffer {
		p.Title = "Offer CPD or work experience on the " + sc.Title
		p.Form = offerForm(sc, values)
	} else {
		p.Title = "Apply to " + sc.Title
		p.Form = applicationForm(sc, values)
		doc := []byte(`{}`)
		if v != nil {
			doc = v.form.Document
		} else if len(values) > 0 {
			doc = s.validator.DecodeForm(values, stemkn.Options{Scheme: id}).Document
		}
		if sum, ok := s.validator.BudgetSummary(doc, stemkn.Options{Scheme: id}); ok {
			p.Budget = &sum
		}
	}
	// A page with errors is still a page: 200, as GOV.UK services answer,
	// which browsers do not log as a failed load.
	if v != nil {
		p.Summary = p.Form.showFindings(v.res, v.form)
		p.Errors = len(p.Summary) > 0
		p.Eligibility = eligibilityOf(v.res)
	}
	s.render(w, http.StatusOK, "form", p)
}

// eligibilityOf explains an ineligible result, as the widget's panel does.
func eligibilityOf(res stemkn.Result) *eligibilityView {
	if res.Eligible == nil || *res.Eligible {
		return nil
	}
	v := &eligibilityView{}
	for _, rule := range res.Rules {
		if rule.Outcome != stemkn.Failed || rule.Advice {
			continue
		}
		fr := failedRule{Title: rule.Title, Reference: rule.Reference}
		for _, f := range res.Findings {
			if f.Rule == rule.Rule && f.Severity == stemkn.Error && !slices.Contains(fr.Why, f.Message) {
				fr.Why = append(fr.Why, f.Message)
			}
		}
		v.Rules = append(v.Rules, fr)
	}
	return v
}

func (s *site) render(w http.ResponseWriter, status int, name string, p *page) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, "the page could not be drawn: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
