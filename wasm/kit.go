//go:build js && wasm

package main

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/internal/jsonreflect"
	"github.com/stemkn/stemkn/internal/jsonscan"
	"github.com/stemkn/stemkn/stemkn"
)

// kit is what the module exposes to JavaScript, as functions from JSON text
// to JSON text: strings in and out keep the boundary small and fast, and the
// ES module wraps them in a typed API. It holds the catalogue (built-ins and
// scheme files loaded at run time) and a validator prepared for it.
type kit struct {
	catalogue *stemkn.Catalogue
	validator *stemkn.Validator
	// worded holds validators that word findings with a host's message
	// overrides, by the overrides' JSON, so a form that passes the same
	// overrides on every keystroke prepares them once.
	worded map[string]*stemkn.Validator
}

// maxWorded bounds worded: a page has a form or two, each with its own overrides.
const maxWorded = 16

// newKit prepares the validator for the built-in catalogue.
func newKit() *kit {
	c := stemkn.NewCatalogue()
	return &kit{catalogue: c, validator: stemkn.NewValidator(c), worded: map[string]*stemkn.Validator{}}
}

// errorJSON is what every function returns when it cannot do its job:
// {"error": msg}, as json.Marshal writes it.
func errorJSON(msg string) string {
	b := append(make([]byte, 0, len(msg)+16), `{"error":`...)
	return string(append(jsonscan.AppendString(b, msg), '}'))
}

// toJSON writes v as json.Marshal would, by jsonreflect (encoding/json
// stays out of the module: it would cost the download some 96 KB brotli).
func toJSON(v any) string {
	b, err := jsonreflect.Append(nil, v)
	if err != nil {
		return errorJSON("stemkn: cannot write the answer as JSON: " + err.Error())
	}
	return string(b)
}

// options are the options JavaScript passes as JSON (parseOptions reads them).
type options struct {
	Scheme string
	Mode   string
	// Lang picks the language of the messages ("cy"); "" is English.
	Lang string
	// Messages override keys of the language's catalogue.
	Messages map[string]string
	// Output is what validate answers: "result" (the default) or "basic",
	// JSON Schema's basic output format (stemkn.Validator.Basic).
	Output string
}

// readOptions parses options JSON ("" means none) and picks the validator
// that words findings in the options' language with their overrides.
func (k *kit) readOptions(text string) (stemkn.Options, *stemkn.Validator, string) {
	opts, v, _, problem := k.readCall(text)
	return opts, v, problem
}

// readCall is readOptions with the output the call asks for: true for
// JSON Schema's basic output format.
func (k *kit) readCall(text string) (stemkn.Options, *stemkn.Validator, bool, string) {
	var o options
	if text != "" {
		var problem string
		if o, problem = parseOptions(text); problem != "" {
			return stemkn.Options{}, nil, false, "stemkn: options must be a JSON object with scheme, mode, lang, messages and output: " + problem
		}
	}
	if o.Output != "" && o.Output != "result" && o.Output != "basic" {
		return stemkn.Options{}, nil, false, "stemkn: output must be \"result\" or \"basic\", not " + strconv.Quote(o.Output)
	}
	var mode stemkn.Mode
	switch o.Mode {
	case "", "submit":
		mode = stemkn.Submit
	case "draft":
		mode = stemkn.Draft
	default:
		return stemkn.Options{}, nil, false, "stemkn: mode must be \"submit\" or \"draft\", not " + strconv.Quote(o.Mode)
	}
	v, problem := k.worder(o)
	if problem != "" {
		return stemkn.Options{}, nil, false, problem
	}
	return stemkn.Options{Scheme: o.Scheme, Mode: mode}, v, o.Output == "basic", ""
}

// worder is the validator that words findings in the options' language
// with their overrides, prepared once for each language and overrides.
func (k *kit) worder(o options) (*stemkn.Validator, string) {
	if o.Lang == "" && len(o.Messages) == 0 {
		return k.validator, ""
	}
	key := wordingKey(o)
	if v := k.worded[key]; v != nil {
		return v, ""
	}
	m := stemkn.DefaultMessages()
	if o.Lang != "" {
		var err error
		if m, err = stemkn.MessagesIn(o.Lang); err != nil {
			return nil, err.Error()
		}
	}
	if len(o.Messages) > 0 {
		var err error
		if m, err = m.With(o.Messages); err != nil {
			return nil, err.Error()
		}
	}
	if len(k.worded) >= maxWorded {
		clear(k.worded)
	}
	v := k.validator.WithMessages(m)
	k.worded[key] = v
	return v, ""
}

// wordingKey is the key of worded for options' lang and messages: equal
// overrides, equal keys, whatever order the page gave them in.
func wordingKey(o options) string {
	b := append(make([]byte, 0, 64), o.Lang...)
	for _, k := range sortedKeys(o.Messages) {
		b = strconv.AppendQuote(append(b, '\n'), k)
		b = strconv.AppendQuote(append(b, ':'), o.Messages[k])
	}
	return string(b)
}

// pageWords are what messages returns: the words of the page around a form
// in a language, which the widget shows (the error summary's title, the
// "Error:" prefix, the page title, the budget summary and the eligibility
// panel), so that every word it shows comes from the Go catalogue.
type pageWords struct {
	// Lang is the language's tag, for the lang attribute of what the widget draws.
	Lang string `json:"lang"`
	// Name is the language's name in itself.
	Name string `json:"name"`
	// Words are the catalogue's "ui." keys and their texts.
	Words map[string]string `json:"words"`
}

// messages gives the page's words for options' lang and messages.
func (k *kit) messages(optsJSON string) string {
	_, v, problem := k.readOptions(optsJSON)
	if problem != "" {
		return errorJSON(problem)
	}
	m := v.Messages()
	return string(pageWords{Lang: m.Lang(), Name: m.Name(), Words: m.Words("ui.")}.appendJSON(nil))
}

// validate validates a JSON document: the result's JSON, or with output
// "basic" the result in JSON Schema's basic output format.
func (k *kit) validate(doc, optsJSON string) string {
	opts, v, basic, problem := k.readCall(optsJSON)
	if problem != "" {
		return errorJSON(problem)
	}
	r := v.ValidateString(doc, opts)
	if basic {
		return toJSON(v.Basic([]byte(doc), &r))
	}
	// Result.AppendJSON writes what json.Marshal would, without reflection,
	// which in WebAssembly costs more than a tenth of the call.
	out, err := r.AppendJSON(nil)
	if err != nil {
		return errorJSON("stemkn: cannot write the answer as JSON: " + err.Error())
	}
	return string(out)
}

// formAnswer is what validateForm returns.
type formAnswer struct {
	// Result is the validation result.
	Result stemkn.Result `json:"result"`
	// Document is the document the form decodes to.
	Document json.RawMessage `json:"document"`
	// Fields maps JSON Pointers in Document to the form field names they came from.
	Fields map[string]string `json:"fields"`
	// Targets maps each finding's path, and each of its related pointers,
	// to the form field name it stands for (stemkn.Form.FieldFor).
	Targets map[string]string `json:"targets"`
	// DateInputs maps each date posted as a date input to its day, month
	// and year field names (stemkn.Form.DateInputs).
	DateInputs map[string][]string `json:"dateInputs,omitempty"`
	// Budget sums up the budget against the scheme, for application schemes.
	Budget *stemkn.BudgetSummary `json:"budget,omitempty"`
	// Basic is the result in JSON Schema's basic output format, for the
	// decoded document, when the options ask for output "basic".
	Basic *stemkn.BasicOutput `json:"basic,omitempty"`
}

// validateForm decodes form entries ([[name, value], …], in form order) with
// the Go form decoder and validates the document.
func (k *kit) validateForm(entriesJSON, optsJSON string) string {
	opts, v, basic, problem := k.readCall(optsJSON)
	if problem != "" {
		return errorJSON(problem)
	}
	values, problem := parseEntries(entriesJSON)
	if problem != "" {
		return errorJSON("stemkn: form entries must be a JSON list of [name, value] pairs of strings: " + problem)
	}
	res, form := v.ValidateForm(values, opts)
	return answerForm(v, res, form, opts, basic)
}

// answerForm writes validateForm's answer.
func answerForm(v *stemkn.Validator, res stemkn.Result, form stemkn.Form, opts stemkn.Options, basic bool) string {
	out := formAnswerOf(v, res, form, opts, basic)
	b, err := out.appendJSON(make([]byte, 0, 2*len(out.Document)+512))
	if err != nil {
		return errorJSON("stemkn: cannot write the answer as JSON: " + err.Error())
	}
	return string(b)
}

// formAnswerOf is validateForm's answer. The decoded document is echoed
// only within the byte limit: past it the result is a too-large finding and
// the answer's document is null, so an answer is never much bigger than
// what the limits let in.
func formAnswerOf(v *stemkn.Validator, res stemkn.Result, form stemkn.Form, opts stemkn.Options, basic bool) formAnswer {
	out := formAnswer{Result: res, Document: form.Document, Fields: form.Fields, Targets: map[string]string{}, DateInputs: form.DateInputs}
	if basic {
		b := v.Basic(form.Document, &res)
		out.Basic = &b
	}
	if len(form.Document) > v.Limits().Bytes {
		out.Document = nil
	}
	for _, f := range res.Findings {
		out.Targets[f.Path] = form.FieldFor(f.Path)
		for _, p := range f.Related {
			out.Targets[p] = form.FieldFor(p)
		}
	}
	if sum, ok := v.BudgetSummary(out.Document, opts); ok {
		out.Budget = &sum
	}
	return out
}

// appendJSON writes the answer as json.Marshal would, without reflection:
// in WebAssembly json.Marshal took a third of a form's validation (the
// result's findings, and the maps from pointers to field names).
func (a *formAnswer) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"result":`...)
	b, err := a.Result.AppendJSON(b)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"document":`...)
	if a.Document == nil {
		b = append(b, "null"...)
	} else {
		b = jsonscan.AppendHTMLSafe(b, a.Document) // the form decoder writes it compact
	}
	b = append(b, `,"fields":`...)
	b = appendTextMap(b, a.Fields)
	b = append(b, `,"targets":`...)
	b = appendTextMap(b, a.Targets)
	if len(a.DateInputs) > 0 {
		b = append(b, `,"dateInputs":{`...)
		for i, k := range sortedKeys(a.DateInputs) {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonscan.AppendString(b, k)
			b = append(b, ':')
			b = jsonscan.AppendStrings(b, a.DateInputs[k])
		}
		b = append(b, '}')
	}
	if a.Budget != nil {
		b = append(b, `,"budget":`...)
		b = a.Budget.AppendJSON(b)
	}
	if a.Basic != nil {
		b = append(b, `,"basic":`...)
		var err error
		if b, err = jsonreflect.Append(b, a.Basic); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendTextMap writes m as json.Marshal does: keys in order, nil as null.
func appendTextMap(b []byte, m map[string]string) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonscan.AppendString(b, k)
		b = append(b, ':')
		b = jsonscan.AppendString(b, m[k])
	}
	return append(b, '}')
}

// appendJSON writes the words as json.Marshal would, without reflection
// (the widget asks for them as it attaches to a form).
func (w pageWords) appendJSON(b []byte) []byte {
	b = append(b, `{"lang":`...)
	b = jsonscan.AppendString(b, w.Lang)
	b = append(b, `,"name":`...)
	b = jsonscan.AppendString(b, w.Name)
	b = append(b, `,"words":`...)
	b = appendTextMap(b, w.Words)
	return append(b, '}')
}

// sortedKeys is m's keys in order, the order json.Marshal writes them in.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// limits gives the validator's input limits, which the ES module applies
// to a document's or form's length before it hands it over, as
// {"bytes", "depth", "items", "findings"}. It is written by hand, not by
// encoding/json: main gives it with ready, and the first json.Marshal of a
// type costs a start-up several milliseconds of reflection.
func (k *kit) limits() string {
	l := k.validator.Limits()
	return `{"bytes":` + strconv.Itoa(l.Bytes) + `,"depth":` + strconv.Itoa(l.Depth) +
		`,"items":` + strconv.Itoa(l.Items) + `,"findings":` + strconv.Itoa(l.Findings) + `}`
}

// refuse answers a call whose input the ES module measured past the byte
// limit and did not hand over, with the answer that input would have had:
// for validate and validateForm, stemkn.Validator.TooLarge (what Validate
// and ValidateForm give it); for loadScheme, Catalogue.Load's error for a
// file past its size limit, which it gives before reading a byte of it
// (the limit is the byte limit). The input never crosses into Go, so its
// size cannot exhaust Go's memory.
func (k *kit) refuse(call, optsJSON string) string {
	if call == "loadScheme" {
		_, err := k.catalogue.Load(make([]byte, k.validator.Limits().Bytes+1))
		if err == nil {
			return errorJSON("stemkn: a scheme file past the byte limit loaded")
		}
		return errorJSON(err.Error())
	}
	opts, v, basic, problem := k.readCall(optsJSON)
	if problem != "" {
		return errorJSON(problem)
	}
	res := v.TooLarge(opts)
	switch call {
	case "validate":
		if basic {
			return toJSON(v.Basic(nil, &res))
		}
		out, err := res.AppendJSON(nil)
		if err != nil {
			return errorJSON("stemkn: cannot write the answer as JSON: " + err.Error())
		}
		return string(out)
	case "validateForm":
		return answerForm(v, res, stemkn.Form{Fields: map[string]string{}}, opts, basic)
	}
	return errorJSON("stemkn: nothing to refuse called " + strconv.Quote(call))
}

// schemeSummary is a scheme as schemes() lists it: the scheme's data
// without its test cases.
type schemeSummary struct {
	stemkn.Scheme
	Kind  stemkn.DocumentKind `json:"kind"`
	Tests []stemkn.SchemeTest `json:"tests,omitempty"`
}

// schemes lists the catalogue's schemes with their themes, categories and
// rules, enough for a page to build its form and budget summary.
func (k *kit) schemes() string {
	list := k.catalogue.Schemes()
	out := make([]schemeSummary, len(list))
	for i, s := range list {
		out[i] = schemeSummary{Scheme: *s, Kind: s.Kind}
		if out[i].Kind == "" {
			out[i].Kind = stemkn.KindApplication
		}
	}
	return toJSON(out)
}

// schema gives the JSON Schema (draft 2020-12) of a scheme's documents, or
// with no id the base schema of every document (structural rules only),
// its titles and descriptions in the options' language with their
// overrides.
func (k *kit) schema(id, optsJSON string) string {
	_, v, problem := k.readOptions(optsJSON)
	if problem != "" {
		return errorJSON(problem)
	}
	if id == "" {
		return string(stemkn.BaseSchemaIn(v.Messages()))
	}
	s, ok := k.catalogue.Scheme(id)
	if !ok {
		return errorJSON("stemkn: there is no scheme called " + strconv.Quote(id))
	}
	b, err := stemkn.SchemaIn(s, v.Messages())
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(b)
}

// loaded is what loadScheme returns on success.
type loaded struct {
	ID string `json:"id"`
}

// loadScheme adds a scheme file (which may extend a catalogue scheme, or
// replace one with the same id) and prepares a fresh validator for it.
func (k *kit) loadScheme(text string) string {
	schemes, err := k.catalogue.Load([]byte(text))
	if err != nil {
		return errorJSON(err.Error())
	}
	k.validator = stemkn.NewValidator(k.catalogue)
	clear(k.worded)
	return toJSON(loaded{ID: schemes[0].ID})
}
