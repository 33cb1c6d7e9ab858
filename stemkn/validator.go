package stemkn

import (
	"slices"
	"sync"
	"unsafe"
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

// NewValidator returns a validator for the schemes of c (the built-in
// catalogue when c is nil), with the default limits and English messages.
// It prepares each scheme on its first use (a page that validates against
// one scheme prepares one), and judges by the catalogue as it is at each
// validation: a scheme that Catalogue.Load adds or replaces later (a
// funder raising a cap) applies from the next document on, prepared again
// on its first use.
func NewValidator(c *Catalogue) *Validator {
	if c == nil {
		c = NewCatalogue()
	}
	v := &Validator{catalogue: c, limits: DefaultLimits, messages: DefaultMessages(), titles: &titlesCache{}, compiled: map[string]*compiled{}}
	warmStructure()
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

// validateWith reads and judges doc against a prepared scheme (nil when
// the scheme id is not known). out and broken are as for validate.
func (v *Validator) validateWith(c *compiled, id string, known bool, doc string, opts Options, out Findings, broken []string) Result {
	if c != nil && c.Kind == KindOffer {
		var d OfferDocument
		broken = append(broken, read(doc, offerShape, unsafe.Pointer(&d), v.limits, &out)...)
		return v.judge(c, id, known, judged{offer: &d}, opts, out, broken)
	}
	var app Application
	broken = append(broken, read(doc, applicationShape, unsafe.Pointer(&app), v.limits, &out)...)
	return v.judge(c, id, known, judged{app: &app}, opts, out, broken)
}

// ValidateApplication validates an application already in Go form.
func (v *Validator) ValidateApplication(app *Application, opts Options) Result {
	id := opts.Scheme
	if id == "" {
		id = app.Scheme
	}
	c, known := v.scheme(id)
	return v.judge(c, id, known, judged{app: app}, opts, nil, nil)
}

// ValidateOffer validates a STEM Exchange offer document already in Go form.
func (v *Validator) ValidateOffer(doc *OfferDocument, opts Options) Result {
	id := opts.Scheme
	if id == "" {
		id = doc.Scheme
	}
	c, known := v.scheme(id)
	return v.judge(c, id, known, judged{offer: doc}, opts, nil, nil)
}

// judged is the one document being judged: an application or an offer.
type judged struct {
	app   *Application
	offer *OfferDocument
}

// judge takes a document that has been read (out holds what reading it
// found, broken the paths it could not read) through the stages that follow,
// each a call down: its structure, its references between institutions,
// the scheme's rules, the words of every finding, and their order.
func (v *Validator) judge(c *compiled, id string, known bool, doc judged, opts Options, out Findings, broken []string) Result {
	mode := opts.Mode
	if mode != Draft {
		mode = Submit
	}
	read := !hasCode(out, CodeSyntax) && !hasCode(out, CodeTooLarge) && !rootBroken(broken)
	if read {
		out = structure(doc, mode, out, broken)
	}
	// A scheme judges one kind of document; given the other (through
	// ValidateApplication or ValidateOffer) it cannot judge it at all.
	wrongKind := c != nil && (c.Kind == KindOffer) != (doc.offer != nil)
	if wrongKind {
		c, known = nil, false
	}
	res := Result{Scheme: id}
	switch {
	case !known && read:
		out = unknownScheme(id, wrongKind, mode, out)
	case read:
		ids, refs := references(doc.app, broken, out)
		res.Rules, res.Eligible = v.evaluate(c, doc, mode, &out, refs, ids)
		out = append(out, refs...)
	}
	boundEchoes(out)
	v.messages.apply(out, c)
	out = ordered(out)
	res.Valid = !out.HasErrors()
	res.Findings = v.capped(out)
	return res
}

// structure adds the findings of the document's validate tags, less those
// under a value that could not be read.
func structure(doc judged, mode Mode, out Findings, broken []string) Findings {
	var found Findings
	if doc.offer != nil {
		checkStructure(doc.offer, mode, &found)
	} else {
		checkStructure(doc.app, mode, &found)
	}
	hidden := pathSet(broken)
	for _, f := range found {
		if !hidden.holdsAbove(f.Path) {
			out = append(out, f)
		}
	}
	return out
}

// unknownScheme adds the finding for a document whose scheme the catalogue
// does not have, unless a finding at /scheme already says what is wrong
// with it (the structural required, or a type error).
func unknownScheme(id string, wrongKind bool, mode Mode, out Findings) Findings {
	const path = "/scheme"
	switch {
	case hasPath(out, path):
	case id == "":
		out.Add(Finding{Code: CodeRequired, Severity: severityFor(mode), Path: path})
	default:
		f := Finding{Code: CodeSchemeUnknown, Severity: Error, Path: path, Params: Params{"scheme": id}}
		if wrongKind {
			f.Variant = "kind"
		}
		out.Add(f)
	}
	return out
}

// ordered puts the findings in their documented order and lists each thing
// once (see withoutRepeats); the result is never nil.
func ordered(out Findings) Findings {
	out.Sort()
	out = withoutRepeats(out)
	if out == nil {
		return Findings{}
	}
	return out
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

// evaluate runs the scheme's rules and works out eligibility. A structural
// error under a rule's inputs leaves the rule not judged; a reference error
// (refs: a duplicate or unknown institution id) does so only for rules that
// look institutions up by id, since counts, categories and amounts mean the
// same whatever the ids say.
func (v *Validator) evaluate(c *compiled, doc judged, mode Mode, out *Findings, refs Findings, ids idIndex) ([]RuleResult, *bool) {
	ev := evaluation{scheme: c, app: doc.app, mode: mode, out: out, ids: ids}
	if doc.offer != nil {
		ev.offer = &doc.offer.Offer
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
		results[i] = RuleResult{Rule: r.id, Code: r.code, Title: titles[i], Outcome: outcome,
			Reference: r.cite.Reference, Source: r.cite.Source, Advice: r.advice}
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
