package stemkn

import (
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
)

// Options say how to validate one document.
type Options struct {
	// Scheme overrides the document's own scheme field when not empty.
	Scheme string
	// Mode is Submit (the default) or Draft.
	Mode Mode
}

// Validator validates documents against the schemes of a catalogue. It
// prepares each scheme once (its rules, lookup tables and messages) and is
// then safe for concurrent use by many goroutines.
type Validator struct {
	catalogue *Catalogue
	limits    Limits
	messages  *Messages
	titles    *titlesCache // the rules' titles in the messages' language

	mu       sync.RWMutex
	compiled map[string]*compiled

	placesMu sync.Mutex
	places   map[string]*schemaIndex // the exported schemas' keywords, for Basic
}

// compiled is a scheme prepared for evaluation.
type compiled struct {
	*Scheme
	rules      []ruleSpec
	themes     map[string]struct{}
	categories map[string]struct{}
}

// NewValidator returns a validator for the schemes of c (the built-in
// catalogue when c is nil), with the default limits and English messages.
// It prepares every scheme in the catalogue straight away, and judges by
// the catalogue as it is at each validation: a scheme that Catalogue.Load
// adds or replaces later (a funder raising a cap) applies from the next
// document on, prepared on its first use.
func NewValidator(c *Catalogue) *Validator {
	if c == nil {
		c = NewCatalogue()
	}
	v := &Validator{catalogue: c, limits: DefaultLimits, messages: DefaultMessages(), titles: &titlesCache{}, compiled: map[string]*compiled{}}
	warmStructure()
	for _, s := range c.Schemes() {
		v.prepare(s)
	}
	return v
}

// WithLimits returns a copy of the validator that applies other input limits.
func (v *Validator) WithLimits(l Limits) *Validator {
	w := &Validator{catalogue: v.catalogue, limits: l, messages: v.messages, titles: v.titles, compiled: map[string]*compiled{}}
	v.mu.RLock()
	for k, c := range v.compiled {
		w.compiled[k] = c
	}
	v.mu.RUnlock()
	return w
}

// WithMessages returns a copy of the validator that words findings with m.
func (v *Validator) WithMessages(m *Messages) *Validator {
	w := v.WithLimits(v.limits)
	w.messages, w.titles = m, &titlesCache{}
	return w
}

// Messages are the messages the validator words findings with.
func (v *Validator) Messages() *Messages { return v.messages }

// Catalogue is the validator's catalogue.
func (v *Validator) Catalogue() *Catalogue { return v.catalogue }

// Limits are the input limits the validator applies.
func (v *Validator) Limits() Limits { return v.limits }

func (v *Validator) prepare(s *Scheme) *compiled {
	c := compile(s)
	v.mu.Lock()
	v.compiled[s.ID] = c
	v.mu.Unlock()
	return c
}

// compile prepares a scheme for evaluation: its rules and lookup tables.
func compile(s *Scheme) *compiled {
	c := &compiled{Scheme: s, rules: s.ruleList(), themes: map[string]struct{}{}, categories: map[string]struct{}{}}
	for _, t := range s.Themes {
		c.themes[t.ID] = struct{}{}
	}
	for _, k := range s.Categories {
		c.categories[k.ID] = struct{}{}
	}
	return c
}

// scheme returns the prepared scheme with the id: the catalogue's scheme
// as it is now, prepared again when Catalogue.Load has added or replaced it
// since it was last prepared.
func (v *Validator) scheme(id string) (*compiled, bool) {
	s, ok := v.catalogue.Scheme(id)
	if !ok {
		return nil, false
	}
	v.mu.RLock()
	c, ok := v.compiled[id]
	v.mu.RUnlock()
	if ok && c.Scheme == s {
		return c, true
	}
	return v.prepare(s), true
}

// lines converts the application's budget lines to the budget package's
// type, once per evaluation.
func (ev *evaluation) lines() []budget.Line {
	if ev.budgetLines != nil || ev.app == nil || ev.app.Funding == nil {
		return ev.budgetLines
	}
	ev.budgetLines = make([]budget.Line, len(ev.app.Funding.Lines))
	for i, l := range ev.app.Funding.Lines {
		ev.budgetLines[i] = budget.Line{Category: l.Category, Amount: l.Amount, Institution: l.Institution}
	}
	return ev.budgetLines
}

// Validate decodes and validates one JSON document. It never panics and
// never stops at the first problem: the result lists every finding.
func (v *Validator) Validate(data []byte, opts Options) Result {
	return v.validate(string(data), opts, nil, nil)
}

// ValidateString is Validate for a document already held as a string; it
// saves a copy of the input.
func (v *Validator) ValidateString(doc string, opts Options) Result {
	return v.validate(doc, opts, nil, nil)
}

// validate decodes and validates doc. Findings already made about the
// document (by form decoding) come in out, with their paths in broken.
func (v *Validator) validate(doc string, opts Options, out Findings, broken []string) Result {
	id := opts.Scheme
	if id == "" && len(doc) <= v.limits.Bytes {
		id = peekScheme(doc, v.limits)
	}
	c, known := v.scheme(id)
	return v.validateWith(c, id, known, doc, opts, out, broken)
}

// validateWith decodes and validates doc against a prepared scheme (nil when
// the scheme id is not known). out and broken are as for validate.
func (v *Validator) validateWith(c *compiled, id string, known bool, doc string, opts Options, out Findings, broken []string) Result {
	if c != nil && c.Kind == KindOffer {
		var d OfferDocument
		broken = append(broken, read(doc, offerShape, unsafe.Pointer(&d), v.limits, &out)...)
		return v.finish(c, id, known, nil, &d, opts, out, broken)
	}
	var app Application
	broken = append(broken, read(doc, applicationShape, unsafe.Pointer(&app), v.limits, &out)...)
	return v.finish(c, id, known, &app, nil, opts, out, broken)
}

// ValidateApplication validates an application already in Go form.
func (v *Validator) ValidateApplication(app *Application, opts Options) Result {
	id := opts.Scheme
	if id == "" {
		id = app.Scheme
	}
	c, known := v.scheme(id)
	return v.finish(c, id, known, app, nil, opts, nil, nil)
}

// ValidateOffer validates a STEM Exchange offer document already in Go form.
func (v *Validator) ValidateOffer(doc *OfferDocument, opts Options) Result {
	id := opts.Scheme
	if id == "" {
		id = doc.Scheme
	}
	c, known := v.scheme(id)
	return v.finish(c, id, known, nil, doc, opts, nil, nil)
}

func (v *Validator) finish(c *compiled, id string, known bool, app *Application, offer *OfferDocument, opts Options, out Findings, broken []string) Result {
	mode := opts.Mode
	if mode != Draft {
		mode = Submit
	}
	decoded := !hasCode(out, CodeSyntax) && !hasCode(out, CodeTooLarge) && !rootBroken(broken)
	if decoded {
		var doc any = app
		if offer != nil {
			doc = offer
		}
		var structural Findings
		checkStructure(doc, mode, &structural)
		hidden := pathSet(broken)
		for _, f := range structural {
			if !hidden.holdsAbove(f.Path) {
				out = append(out, f)
			}
		}
	}
	// A scheme judges one kind of document; given the other (through
	// ValidateApplication or ValidateOffer) it cannot judge it at all.
	wrongKind := c != nil && (c.Kind == KindOffer) != (offer != nil)
	if wrongKind {
		c, known = nil, false
	}
	res := Result{Scheme: id}
	switch {
	case !known:
		if decoded {
			path := "/scheme"
			// A finding at /scheme already says what is wrong with it (the
			// structural required, or a type error).
			if hasPath(out, path) {
				break
			}
			if id == "" {
				out = append(out, Finding{Code: CodeRequired, Severity: severityFor(mode), Path: path})
			} else {
				f := Finding{Code: CodeSchemeUnknown, Severity: Error, Path: path, Params: Params{"scheme": id}}
				if wrongKind {
					f.Variant = "kind"
				}
				out = append(out, f)
			}
		}
	case decoded:
		var refs Findings
		var ids map[string]int
		if app != nil {
			ids = institutionIDs(app.Network.Institutions)
			if !institutionIDsBroken(broken) {
				checkReferences(app, ids, out, &refs)
			}
		}
		res.Rules, res.Eligible = v.evaluate(c, app, offer, mode, &out, refs, ids)
		out = append(out, refs...)
	}
	boundEchoes(out)
	v.messages.apply(out, c)
	out.Sort()
	out = withoutRepeats(out)
	res.Valid = !out.HasErrors()
	res.Findings = v.capped(out)
	if res.Findings == nil {
		res.Findings = Findings{}
	}
	return res
}

// capped keeps a result within the findings limit: the first findings in
// the documented order, then one too-large finding at the path of the first
// left out, an error when any finding left out is one (a draft's many
// missing values stay warnings). The verdict, eligibility and rules are
// those of every finding, listed or not.
func (v *Validator) capped(fs Findings) Findings {
	limit := v.limits.Findings
	if limit <= 0 || len(fs) <= limit+1 {
		return fs // a too-large finding of reading's own may make limit+1
	}
	rest := fs[limit:]
	sev := Warning
	if rest.HasErrors() {
		sev = Error
	}
	f := Finding{Code: CodeTooLarge, Severity: sev, Path: rest[0].Path,
		Params: Params{"limit": "findings", "max": int64(limit)}, Variant: "findings"}
	f.Message = v.messages.Message(&f, nil)
	return append(fs[:limit:limit], f)
}

// echoedParams are the params that repeat text from the document (a name,
// an id, a value typed into a form), so a finding can say what it is about.
var echoedParams = []string{"value", "name", "id", "institution", "theme", "category", "given", "scheme", "kind", "type", "country", "audience", "part"}

// maxEcho is the most characters of document text a param repeats: the
// longest text a document field may have. Longer text is cut there and
// ends in "…", so no finding repeats more than that of its input.
const maxEcho = 200

// boundEchoes cuts the text params repeat from the document to maxEcho
// characters, before the messages are made from them.
func boundEchoes(fs Findings) {
	for i := range fs {
		for _, name := range echoedParams {
			if text, ok := fs[i].Params[name].(string); ok && len(text) > maxEcho {
				fs[i].Params[name] = cutText(text, maxEcho)
			}
		}
	}
}

// cutText cuts text to at most n characters (code points), marking the cut
// with "…".
func cutText(text string, n int) string {
	count := 0
	for i := range text {
		if count == n {
			return text[:i] + "…"
		}
		count++
	}
	return text
}

func severityFor(mode Mode) Severity {
	if mode == Draft {
		return Warning
	}
	return Error
}

// evaluate runs the scheme's rules and works out eligibility. A structural
// error under a rule's inputs leaves the rule not judged; a reference error
// (refs: a duplicate or unknown institution id) does so only for rules that
// look institutions up by id, since counts, categories and amounts mean the
// same whatever the ids say.
func (v *Validator) evaluate(c *compiled, app *Application, offer *OfferDocument, mode Mode, out *Findings, refs Findings, ids map[string]int) ([]RuleResult, *bool) {
	ev := evaluation{scheme: c, app: app, mode: mode, out: out, ids: ids}
	if offer != nil {
		ev.offer = &offer.Offer
	}
	for _, f := range *out {
		// A rule cannot judge a value that is wrong or, even in a draft,
		// missing; an unknown field changes no value a rule reads.
		if (f.Severity == Error || f.Code == CodeRequired) && f.Code != CodeUnknownField {
			ev.problems = append(ev.problems, f.Path)
		}
	}
	structural := ev.problems
	withRefs := slices.Clip(structural) // appending copies, leaving structural as it is
	for _, f := range refs {
		withRefs = append(withRefs, f.Path)
	}
	results := make([]RuleResult, len(c.rules))
	titles := v.titles.get(v.messages, c)
	anyFailed, anyUnjudged := false, false
	for i := range c.rules {
		r := &c.rules[i]
		ev.rule = r
		ev.problems = structural
		if r.followsIDs {
			ev.problems = withRefs
		}
		outcome := NotJudged
		if !ev.brokenUnder(r.inputs) {
			outcome = r.check(&ev)
		}
		results[i] = RuleResult{Rule: r.id, Code: r.code, Title: titles[i], Outcome: outcome, Reference: r.reference, Advice: r.advice}
		if r.advice {
			continue
		}
		anyFailed = anyFailed || outcome == Failed
		anyUnjudged = anyUnjudged || outcome == NotJudged
	}
	var eligible *bool
	switch {
	case anyFailed:
		eligible = new(bool)
	case !anyUnjudged:
		eligible = new(bool)
		*eligible = true
	}
	return results, eligible
}

// checkReferences reports duplicate institution ids and references to
// institutions the document does not have, by the index of ids (see
// institutionIDs), so its cost is linear in the institutions, members and
// lines. While an institution has no id yet, a reference may be to it, so
// references are not checked. A list already past its maximum (a max-items
// finding in found) is not checked at all: that finding says what is wrong
// with it, and its entries are not worth the work.
func checkReferences(app *Application, ids map[string]int, found Findings, out *Findings) {
	if overMaximum(found, "/network/institutions") {
		return
	}
	insts := app.Network.Institutions
	idMissing := false
	for i := range insts {
		id := insts[i].ID
		idMissing = idMissing || id == ""
		if id != "" && ids[id] != i {
			*out = append(*out, Finding{Code: CodeDuplicate, Severity: Error,
				Path: "/network/institutions/" + itoa(i) + "/id", Params: Params{"id": id}})
		}
	}
	if idMissing {
		return
	}
	missing := func(id string) bool {
		_, ok := ids[id]
		return id != "" && !ok
	}
	unknown := func(id, path string) {
		*out = append(*out, Finding{Code: CodeUnknownInstitution, Severity: Error, Path: path, Params: Params{"id": id}})
	}
	if missing(app.Network.Lead) {
		unknown(app.Network.Lead, "/network/lead")
	}
	if !overMaximum(found, "/network/members") {
		for i := range app.Network.Members {
			if id := app.Network.Members[i].Institution; missing(id) {
				unknown(id, "/network/members/"+itoa(i)+"/institution")
			}
		}
	}
	if app.Funding != nil && !overMaximum(found, "/funding/lines") {
		for i := range app.Funding.Lines {
			if id := app.Funding.Lines[i].Institution; missing(id) {
				unknown(id, "/funding/lines/"+itoa(i)+"/institution")
			}
		}
	}
}

// institutionIDs maps each institution id to the index of the first
// institution with it: one pass, after which looking an id up costs the
// same however many institutions there are.
func institutionIDs(insts []Institution) map[string]int {
	ids := make(map[string]int, len(insts))
	for i := range insts {
		if _, seen := ids[insts[i].ID]; !seen {
			ids[insts[i].ID] = i
		}
	}
	return ids
}

// overMaximum reports whether a list has more entries than its bound (a
// max-items finding at path).
func overMaximum(fs Findings, path string) bool {
	for i := range fs {
		if fs[i].Code == CodeMaxItems && fs[i].Path == path {
			return true
		}
	}
	return false
}

// paths is a set of JSON Pointers.
type paths map[string]struct{}

func pathSet(list []string) paths {
	set := make(paths, len(list))
	for _, p := range list {
		set[p] = struct{}{}
	}
	return set
}

// holdsAbove reports whether the set holds path or a pointer above it,
// looking up each of path's leading runs of segments: the cost of path's
// length, whatever the size of the set.
func (set paths) holdsAbove(path string) bool {
	if len(set) == 0 {
		return false
	}
	for end := len(path); end > 0; end = strings.LastIndexByte(path[:end], '/') {
		if _, ok := set[path[:end]]; ok {
			return true
		}
	}
	return false
}

// institutionIDsBroken reports whether some institution's id could not be
// read, so that a reference to it would look like one to an unknown
// institution.
func institutionIDsBroken(broken []string) bool {
	for _, b := range broken {
		if underAny("/network/institutions", []string{b}) {
			return true // the institutions, or what holds them
		}
		if rest, ok := strings.CutPrefix(b, "/network/institutions/"); ok {
			if i := strings.IndexByte(rest, '/'); i < 0 || rest[i:] == "/id" {
				return true // one institution, or its id
			}
		}
	}
	return false
}

// withoutRepeats drops a finding that says exactly what the one before it
// in sorted order says, as when two rules need the same missing value: a
// host's error summary lists each thing once.
func withoutRepeats(fs Findings) Findings {
	if len(fs) < 2 {
		return fs
	}
	out := fs[:1]
	for _, f := range fs[1:] {
		last := &out[len(out)-1]
		if f.Code == last.Code && f.Severity == last.Severity && f.Path == last.Path && f.Message == last.Message {
			continue
		}
		out = append(out, f)
	}
	return out
}

func hasCode(fs Findings, c Code) bool {
	for i := range fs {
		if fs[i].Code == c {
			return true
		}
	}
	return false
}

func hasPath(fs Findings, p string) bool {
	for i := range fs {
		if fs[i].Path == p {
			return true
		}
	}
	return false
}

func rootBroken(broken []string) bool {
	for _, b := range broken {
		if b == "" {
			return true
		}
	}
	return false
}

// underAny reports whether path is at or below one of the prefixes.
func underAny(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p) && path[len(p)] == '/' {
			return true
		}
	}
	return false
}

func itoa(i int) string {
	if i >= 0 && i < len(smallInts) {
		return smallInts[i]
	}
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(b[n:])
		}
	}
}

var smallInts = func() []string {
	s := make([]string, 100)
	for i := range s {
		var b []byte
		if i >= 10 {
			b = append(b, byte('0'+i/10))
		}
		s[i] = string(append(b, byte('0'+i%10)))
	}
	return s
}()
