package stemkn

import (
	"slices"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// The rules of the vocabulary live one block each in the file of their
// family — network.go, institutions.go, plan.go, funding.go, offer.go. A
// block is the type of the rule's parameters in a scheme (a field of
// Rules), and its methods: rule, which compiles it for a scheme (the
// parameters of its title, its inputs, the scheme words it holds, the
// parts below), check, which judges a document by calling into eligibility
// or budget, and where it has them schema (its JSON Schema part), summary
// (its part of the budget summary) and verify (what a scheme file must get
// right about it). Its words are keys of the catalogues (messages/*.json):
// its title at rule@KIND, its findings' messages at its code. This file
// holds what every rule shares: the compiled form, the judging of one
// document, and the order.

// Citation says where a rule comes from. Every rule's parameters carry one.
type Citation struct {
	// Reference is the source's own words, quoted; "…" marks where the
	// quotation is shortened. It says nothing of ours.
	Reference string `json:"reference"`
	// Note is the project's reading of the source, where the rule needs one:
	// how a number was taken, what a word is taken to mean.
	Note string `json:"note,omitempty"`
	// Source names the document Reference quotes when it is not the
	// scheme's own source (see Scheme.Reference), such as the Erasmus+
	// Programme Guide 2016.
	Source string `json:"source,omitempty"`
}

// rule is one rule of a compiled scheme. A block's rule method makes it;
// the scheme's rules are made once, when it is compiled.
type rule struct {
	id   string
	code Code
	// titleParams fill the rule's title, the catalogue's "rule@KIND"
	// template (KIND is the id up to its first dot), refined by
	// titleVariant ("rule@outputs.one"); see rulewords.go. A rule the
	// scheme defines itself (an institution rule) has its title in the
	// scheme instead: ownTitle is where, one of its words.
	titleVariant string
	titleParams  Params
	ownTitle     string
	// words are the scheme's words the rule's parameters hold, by their
	// place in the scheme ("institutions/ID/who"), which a catalogue words
	// in its language (see schemewords.go).
	words  []schemeWord
	cite   Citation
	advice bool
	// inputs are JSON Pointer prefixes the rule reads; a structural error
	// at, above or under one leaves the rule not judged.
	inputs []string
	// followsIDs marks a rule that looks institutions up by id, so a
	// duplicate or unknown institution id leaves it not judged. Other rules
	// are judged whatever the references say.
	followsIDs bool
	// offer marks a rule of offer documents; every other rule judges
	// applications.
	offer bool
	// own marks stemkn's own check, which every scheme of its kind has and
	// no funder's text states (a programme ends on or after it starts): it
	// has no reference, and its note says why it is there.
	own   bool
	check func(*evaluation) Outcome
	// params are the rule's parameters from the scheme (a pointer to its
	// entry in Rules), listed in the schema's x-stemkn-rules.
	params any
	// schema writes what a JSON Schema can say of the rule into a scheme's
	// schema and reports whether that is all of it; nil when a schema can
	// say none of it (see schema.go).
	schema func(*schemaDoc) bool
	// summary adds the rule's part to a budget summary (see summary.go).
	summary func(*budgetView)
	// verify says what is wrong with the rule's parameters in the scheme,
	// or "" (see Scheme.Check).
	verify func() string
}

// schemeWord is one of a scheme's own words: where it is in the scheme
// ("categories/resources"), and its English, from the scheme data.
type schemeWord struct{ place, english string }

// titleParts is a title parameter made of parts, each worded by its own
// template (rule@KIND.PART, filled with the same parameters) and joined as
// a list: a duration's bounds, "at least 12 weeks and at most 24 months".
type titleParts []string

// wordIndex finds a scheme's words by place and by their English (the
// first place with that English), so that wording a finding costs the
// same however many words the scheme has.
type wordIndex struct {
	byPlace   map[string]string // place → English
	byEnglish map[string]string // English → place
}

func indexWords(words []schemeWord) *wordIndex {
	x := &wordIndex{byPlace: make(map[string]string, len(words)), byEnglish: make(map[string]string, len(words))}
	for _, w := range words {
		if _, seen := x.byPlace[w.place]; !seen {
			x.byPlace[w.place] = w.english
		}
		if _, seen := x.byEnglish[w.english]; !seen {
			x.byEnglish[w.english] = w.place
		}
	}
	return x
}

// wordsOf lists a scheme's own words in the order of the scheme data: its
// title, themes and spend categories, then what its rules hold.
func wordsOf(s *Scheme, rules []rule) []schemeWord {
	out := []schemeWord{{"title", s.Title}}
	for _, t := range s.Themes {
		out = append(out, schemeWord{"themes/" + t.ID, t.Title})
	}
	for _, c := range s.Categories {
		out = append(out, schemeWord{"categories/" + c.ID, c.Title})
	}
	for i := range rules {
		out = append(out, rules[i].words...)
	}
	return out
}

// funded is the variant of a title for a rule that applies only when the
// application asks for money.
func funded(whenFunded bool) string {
	if whenFunded {
		return "funded"
	}
	return ""
}

// one is the variant of a title for a count of one.
func one(n int) string {
	if n == 1 {
		return "one"
	}
	return ""
}

// compiled is a scheme prepared for evaluation.
type compiled struct {
	*Scheme
	rules      []rule
	words      *wordIndex // wordsOf the scheme, indexed
	themes     map[string]struct{}
	categories map[string]struct{}
}

// severityFor is the severity of a missing value: an error, or a warning
// in a draft.
func severityFor(mode Mode) Severity {
	if mode == Draft {
		return Warning
	}
	return Error
}

// evaluation is the state of one rule run over one document.
type evaluation struct {
	scheme   *compiled
	app      *Application
	offer    *Offer
	mode     Mode
	out      *Findings
	rule     *rule
	problems []string // paths of structural errors
	ids      idIndex  // each institution id's first index (institutionIDs)

	budgetLines []budget.Line // see lines
}

func (ev *evaluation) funded() bool { return ev.app != nil && ev.app.Funding != nil }

// report adds a finding for the current rule: an error, or a warning for an
// advice rule. It returns the finding, for a rule to add to it.
func (ev *evaluation) report(path string, params Params) *Finding {
	sev := Error
	if ev.rule.advice {
		sev = Warning
	}
	ev.out.Add(Finding{Code: ev.rule.code, Severity: sev, Path: path, Params: params, Rule: ev.rule.id})
	return &(*ev.out)[len(*ev.out)-1]
}

// missing reports a value the rule needs and does not have: an error when
// submitting, a warning in a draft. The rule cannot be judged without it.
func (ev *evaluation) missing(code Code, path string, params Params) Outcome {
	ev.out.Add(Finding{Code: code, Severity: severityFor(ev.mode), Path: path, Params: params, Rule: ev.rule.id, Variant: "missing"})
	return NotJudged
}

// idIndex finds the first institution with an id. A short list is
// searched in place, allocating nothing; a list longer than smallIDList
// gets a map in one pass, after which a lookup costs the same however
// many institutions there are. Either way the cost of every check that
// looks ids up stays linear in the document.
type idIndex struct {
	insts []Institution
	first map[string]int // nil for a short list
}

// smallIDList is the longest list searched in place: at most this many
// comparisons a lookup, cheaper than hashing for lists as short as most
// partnerships'.
const smallIDList = 16

// institutionIDs indexes the institutions' ids.
func institutionIDs(insts []Institution) idIndex {
	x := idIndex{insts: insts}
	if len(insts) <= smallIDList {
		return x
	}
	x.first = make(map[string]int, len(insts))
	for i := range insts {
		if _, seen := x.first[insts[i].ID]; !seen {
			x.first[insts[i].ID] = i
		}
	}
	return x
}

// find returns the index of the first institution whose id is id.
func (x idIndex) find(id string) (int, bool) {
	if x.first != nil {
		i, ok := x.first[id]
		return i, ok
	}
	for i := range x.insts {
		if x.insts[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// institutionIndex finds an institution by id, through the evaluation's
// index of ids; -1 when there is none.
func (ev *evaluation) institutionIndex(id string) int {
	i, _ := ev.ids.find(id)
	return i
}

// worst is the outcome of a rule judged in parts: failed when a part
// failed, else not judged when a part could not be judged, else passed.
func worst(a, b Outcome) Outcome {
	switch {
	case a == Failed || b == Failed:
		return Failed
	case a == NotJudged || b == NotJudged:
		return NotJudged
	}
	return Passed
}

// brokenUnder reports whether a structural error sits at, under or above
// any of a rule's inputs. An input is a JSON Pointer in which "*" stands for
// any list index ("/network/members/*/subjects" is every member's
// subjects), so that a problem elsewhere in a member, such as a mistyped
// email address, leaves the rule judged.
func (ev *evaluation) brokenUnder(inputs []string) bool {
	for _, p := range ev.problems {
		for _, in := range inputs {
			if overlaps(p, in) {
				return true
			}
		}
	}
	return false
}

// overlaps reports whether one of path and pattern is a prefix of the
// other, segment by segment, "*" in the pattern matching any segment.
func overlaps(path, pattern string) bool {
	for path != "" && pattern != "" {
		seg, rest := document.FirstSegment(path)
		want, patternRest := document.FirstSegment(pattern)
		if seg != want && want != "*" {
			return false
		}
		path, pattern = rest, patternRest
	}
	return true
}

// notFunded is the outcome of a rule for requests for money when the
// application makes none: not applicable, unless the funding is there but
// could not be read.
func (ev *evaluation) notFunded() Outcome {
	if slices.Contains(ev.problems, "/funding") {
		return NotJudged
	}
	return NotApplicable
}

// planPeriod is the plan's programme of activity, when both its dates are
// real dates.
func (ev *evaluation) planPeriod() (eligibility.Period, bool) {
	return planPeriod(&ev.app.Plan)
}

func planPeriod(p *Plan) (eligibility.Period, bool) {
	start, ok1 := eligibility.ParseDate(p.StartDate)
	end, ok2 := eligibility.ParseDate(p.EndDate)
	return eligibility.Period{Start: start, End: end}, ok1 && ok2
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

// NonBlankPattern matches text with at least one character that is not
// white space (ECMAScript's \s); the schema uses it for text a rule needs,
// and the rule judges the same text with document.IsBlank.
const NonBlankPattern = document.NonBlankPattern

// textRule is a rule that some text is stated: not empty, and not only
// white space. Its schema part says the same (NonBlankPattern).
func textRule(id string, code Code, cite Citation, path string, get func(*Application) string) rule {
	return rule{id: id, code: code, cite: cite, inputs: []string{path},
		check: func(ev *evaluation) Outcome {
			if document.IsBlank(get(ev.app)) {
				return ev.missing(code, path, nil)
			}
			return Passed
		},
		schema: func(d *schemaDoc) bool {
			v := d.at(path)
			atLeast(v, "minLength", 1)
			addPattern(v, NonBlankPattern)
			d.require(path)
			return true
		}}
}
