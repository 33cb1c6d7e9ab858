package stemkn

import (
	"errors"
	"sort"
	"strings"

	"github.com/stemkn/stemkn/internal/jsonscan"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// Code identifies the kind of a finding. Codes are stable API: hosts key
// translations and behaviour on them. The README lists every one.
type Code string

// Structural codes: the document's shape, types and formats.
const (
	CodeSyntax       Code = "syntax"        // the input is not well-formed JSON (params: line, column)
	CodeType         Code = "type"          // a value has the wrong JSON type
	CodeRequired     Code = "required"      // a required value is missing or empty
	CodeUnknownField Code = "unknown-field" // a field the document type does not have
	CodeEnum         Code = "enum"          // a value outside its vocabulary
	CodeFormat       Code = "format"        // a value in the wrong format (date, email, identifier, money)
	CodeMinLength    Code = "min-length"    // text too short
	CodeMaxLength    Code = "max-length"    // text too long
	CodeMinimum      Code = "minimum"       // a number too small
	CodeMaximum      Code = "maximum"       // a number too large
	CodeMinItems     Code = "min-items"     // a list too short
	CodeMaxItems     Code = "max-items"     // a list too long
	CodeDuplicate    Code = "duplicate"     // a repeated key, id or list entry
	CodeTooLarge     Code = "too-large"     // the input passes a hard input limit
	CodeFormName     Code = "form-name"     // a form field the document has no place for (params: name, at)
)

// Rule codes: the eligibility and funding rules of a scheme.
const (
	CodeSchemeUnknown      Code = "eligibility.scheme-unknown"
	CodeTheme              Code = "eligibility.theme"
	CodeAreaOfInterest     Code = "eligibility.area-of-interest"
	CodeReflection         Code = "eligibility.reflection"
	CodeSubjectSpread      Code = "eligibility.subject-spread"
	CodeInstitutionClass   Code = "eligibility.institution-class"
	CodePlace              Code = "eligibility.place"
	CodeMinInstitutions    Code = "eligibility.min-institutions"
	CodeMinCountries       Code = "eligibility.min-countries"
	CodeCommitment         Code = "eligibility.commitment"
	CodeDuration           Code = "eligibility.duration"
	CodeDates              Code = "eligibility.dates"
	CodeDeadline           Code = "eligibility.deadline"
	CodeLocalIssue         Code = "eligibility.local-issue"
	CodeActivities         Code = "eligibility.activities"
	CodeOutputs            Code = "eligibility.outputs"
	CodeUnknownInstitution Code = "unknown-institution"
	CodeCurrency           Code = "budget.currency"
	CodeCap                Code = "budget.cap"
	CodeCategory           Code = "budget.category"
	CodeCategoryShare      Code = "budget.category-share"
	CodeUnitCost           Code = "budget.unit-cost"
	CodeEmpty              Code = "budget.empty"
	CodeOverflow           Code = "budget.overflow"
	CodeNotFree            Code = "offer.not-free"
	CodeAudience           Code = "offer.audience"
	CodeAgeRange           Code = "offer.age-range"
	CodeMathematics        Code = "advice.mathematics"
	CodeStrands            Code = "advice.strands"
)

// Severity says whether a finding blocks an application.
type Severity string

const (
	// Error blocks: a document with an error is not valid.
	Error Severity = "error"
	// Warning is advice, or in draft mode a missing value still to be filled in.
	Warning Severity = "warning"
)

// Mode says how strictly missing values are treated.
type Mode string

const (
	// Submit is the default: everything missing is an error.
	Submit Mode = "submit"
	// Draft is for a half-filled form being saved: missing values are
	// warnings; everything present is still checked.
	Draft Mode = "draft"
)

// Params are the values a finding's message is built from, keyed by name.
// Values are strings, int64s or lists of strings.
type Params map[string]any

// UnmarshalJSON reads params back as the validator makes them: whole
// numbers as int64 (exactly, past 2^53 too) and lists of text as []string,
// so a finding read from JSON can be worded again with Messages.Message.
func (p *Params) UnmarshalJSON(data []byte) error {
	v, err := jsonscan.Parse(data, jsonscan.MaxDepth)
	if err != nil {
		return err
	}
	if v == nil {
		*p = nil
		return nil
	}
	o, ok := v.(*jsonscan.Object)
	if !ok {
		return errors.New("stemkn: a finding's params are a JSON object")
	}
	out := make(Params, len(o.Keys))
	for i, k := range o.Keys {
		out[k] = paramValue(o.Values[i])
	}
	*p = out
	return nil
}

// paramValue is a parameter read from JSON as the validator makes it: a
// whole number as an int64 (another number as its text), a list of text as
// []string; objects within are map[string]any and lists []any.
func paramValue(v any) any {
	switch x := v.(type) {
	case jsonscan.Number:
		if n, ok := x.Int64(); ok {
			return n
		}
		return string(x)
	case *jsonscan.Object:
		m := make(map[string]any, len(x.Keys))
		for i, k := range x.Keys {
			m[k] = paramValue(x.Values[i])
		}
		return m
	case []any:
		list := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				for i := range x {
					x[i] = paramValue(x[i])
				}
				return x
			}
			list = append(list, s)
		}
		return list
	}
	return v
}

// Finding is one thing the validator has to say about a document.
type Finding struct {
	// Code says what kind of finding this is.
	Code Code `json:"code"`
	// Severity is error or warning.
	Severity Severity `json:"severity"`
	// Path is an RFC 6901 JSON Pointer to the value the finding is about
	// ("" for the whole document).
	Path string `json:"path"`
	// Related are RFC 6901 JSON Pointers of the fields the finding is
	// about, in document order, when Path names a group rather than the
	// fields to correct: the amounts of the resources lines for a share
	// rule at /funding/lines, the commitments not agreed for the
	// commitments rule at /plan/commitments. Empty when Path is itself the
	// field, or when the finding is about the group as a whole (the cap, the
	// subject spread). A form shows the message by the field at Path, else
	// by the first of Related, else by the group (see the README).
	Related []string `json:"related,omitempty"`
	// Message is the finding in plain English, built from the template for
	// Code with Params.
	Message string `json:"message"`
	// Params are the values the message was built from.
	Params Params `json:"params,omitempty"`
	// Rule is the id of the scheme rule that made the finding, if any.
	Rule string `json:"rule,omitempty"`
	// Variant refines Code for the wording, and is part of the message key
	// (code.variant, see Messages): "missing" for a value a rule needs and
	// the document does not have, a format's name ("date", "money"), the
	// limit a too-large input passed ("bytes", "depth"), "key" or "entry" for
	// a repeated JSON key or list entry, the length limit a duration misses
	// ("min-weeks"), and so on. Empty for the plain finding of its code. It
	// is data like every other field: a finding read back from its JSON is
	// the same value, and is worded the same.
	Variant string `json:"variant,omitempty"`
}

// Findings is a list of findings, in the manner of go/scanner's ErrorList:
// a plain slice, sortable, comparable with ==-style equality of its
// elements, written to JSON as it is. The zero value is an empty list.
type Findings []Finding

// Add appends a finding to the list.
func (fs *Findings) Add(f Finding) { *fs = append(*fs, f) }

// Err returns the list as an error when any finding is an error, and nil
// when none is (warnings are advice, and leave a document valid).
func (fs Findings) Err() error {
	if !fs.HasErrors() {
		return nil
	}
	return fs
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for i := range fs {
		if fs[i].Severity == Error {
			return true
		}
	}
	return false
}

// Codes lists the findings' codes in order.
func (fs Findings) Codes() []Code {
	out := make([]Code, len(fs))
	for i := range fs {
		out[i] = fs[i].Code
	}
	return out
}

// Error joins the findings' paths and messages, one per line.
func (fs Findings) Error() string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\n')
		}
		if f.Path != "" {
			b.WriteString(f.Path)
			b.WriteString(": ")
		}
		b.WriteString(f.Message)
	}
	return b.String()
}

// Sort puts findings in their documented order: by path in document order
// (numeric segments as numbers, fields in the order the document type
// declares them), then errors before warnings, then by code and message.
func (fs Findings) Sort() {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].less(&fs[j]) })
}

func (f *Finding) less(g *Finding) bool {
	if c := document.ComparePaths(rootShape, f.Path, g.Path); c != 0 {
		return c < 0
	}
	if f.Severity != g.Severity {
		return f.Severity == Error
	}
	if f.Code != g.Code {
		return f.Code < g.Code
	}
	return f.Message < g.Message
}

// Outcome is what a scheme rule concluded about a document.
type Outcome string

const (
	// Passed: the document meets the rule.
	Passed Outcome = "passed"
	// Failed: the document breaks the rule.
	Failed Outcome = "failed"
	// NotJudged: the document is too incomplete or malformed to tell.
	NotJudged Outcome = "not-judged"
	// NotApplicable: the rule does not apply, such as funding rules when no
	// funding is asked for.
	NotApplicable Outcome = "not-applicable"
)

// RuleResult is one scheme rule's outcome, with the source it comes from, so
// a host can say "not eligible, because…".
type RuleResult struct {
	// Rule is the rule's id in the scheme, such as "fundingCap".
	Rule string `json:"rule"`
	// Code is the finding code the rule reports with.
	Code Code `json:"code"`
	// Title says what the rule requires, in plain English.
	Title string `json:"title"`
	// Outcome is passed, failed, not-judged or not-applicable.
	Outcome Outcome `json:"outcome"`
	// Reference is the source's words the rule comes from, quoted ("…"
	// where shortened); empty for stemkn's own checks, such as that a
	// programme ends on or after the day it starts. The project's reading
	// of it, where the rule needs one, is the note of the rule in the
	// scheme (its Citation) and in the exported schema.
	Reference string `json:"reference"`
	// Source names the document Reference quotes when it is not the
	// scheme's own source, such as the Erasmus+ Programme Guide 2016.
	Source string `json:"source,omitempty"`
	// Advice marks a rule that only advises: failing it does not make a
	// document ineligible.
	Advice bool `json:"advice,omitempty"`
}

// Result is the outcome of validating one document: its findings, whether
// it is valid, and whether it is eligible, rule by rule.
type Result struct {
	// Scheme is the id of the scheme the document was judged against.
	Scheme string `json:"scheme"`
	// Valid is true when no finding is an error.
	Valid bool `json:"valid"`
	// Eligible is true when every eligibility rule passed, false when any
	// failed, and nil when the document is too incomplete to judge.
	Eligible *bool `json:"eligible,omitempty"`
	// Findings are in the documented order (see Findings.Sort).
	Findings Findings `json:"findings"`
	// Rules are the scheme's rules in the scheme's order with their outcomes.
	Rules []RuleResult `json:"rules,omitempty"`
}
