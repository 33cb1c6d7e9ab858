package stemkn

import (
	"slices"

	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// Form is an HTML form post decoded into a document. The same
// decoding runs on the server and, compiled to WebAssembly, in the widget,
// so a form gives the same document, and the same findings, in both.
//
// The rules, for a form whose fields use the document's names in bracket
// notation (network[members][0][email]):
//
//   - A list of text repeats a name ending in [] (checkboxes, a multiple
//     select): network[members][0][subjects][]. Empty values are dropped.
//   - Row indices need not be contiguous (a host may delete rows); rows keep
//     the order of their indices and are numbered from 0 in the document.
//     A row whose fields are all empty is dropped.
//   - An empty text field means the field is absent.
//   - A boolean is a checkbox with value "true": checked is true, unchecked
//     (absent) or "false" is false. A "true"/"false" radio pair says whether
//     an institution is state-funded; neither chosen means not stated.
//   - Money is typed as people type it: "£1,200.50", "1200.5" and "1,200"
//     are exactly 120050, 120050 and 120000 pence. Anything else is a format
//     finding at that field.
//   - Funding is present only when at least one budget line has a value (a
//     currency select always posts one); an age range when min or max does.
//   - Fields whose first name is not a document field (a CSRF token, the
//     submit button) are the host's own and are ignored; a field under a
//     document field that the document does not have is an unknown-field
//     finding, and one the document has no place for (a row number that
//     is not one, "[007]", "[-1]", "[x]", or is past the items limit; a
//     list or a group of fields where one answer goes; one answer where a
//     group goes; a name not in bracket notation) is a form-name finding at
//     a path of its own, which Fields maps to that field. Nothing typed is
//     dropped without a finding.
//   - Dates may be one field or GOV.UK's date input: NAME-day, NAME-month
//     and NAME-year, or NAME[day], NAME[month] and NAME[year] (see
//     DateInputs).
//   - When a single-valued field is posted more than once, the first
//     non-empty value counts.
//   - The validator's input limits apply while the form is read: past the
//     findings limit, or with more rows in a list than the items limit,
//     reading stops with a too-large finding, as for JSON. A post whose
//     names and values together are longer than the byte limit is not read
//     at all: its one finding is the too-large one a document that long
//     gets, and it has no document.
type Form struct {
	// Document is the decoded document as JSON.
	Document []byte
	// Findings are the fields that could not be read (money, whole numbers,
	// booleans, unknown fields), with JSON Pointer paths into Document.
	Findings Findings
	// Fields maps each JSON Pointer in Document to the form field name it
	// came from, so a host can put a message by the right field. For a date
	// posted as a date input it is the first part a finding there marks
	// wrong (the day when it marks all three), the field to focus.
	Fields map[string]string
	// DateInputs maps the JSON Pointer of each date posted as a GOV.UK date
	// input to the names of its day, month and year fields, in that order.
	// A finding there with a "parts" param is about those parts; any other
	// finding there (a missing date, the dates rule) is about the whole
	// date, and marks all three. PartsFor says which fields to mark.
	DateInputs map[string][]string

	index *document.FieldIndex // FieldFor's lookups, made with Fields
}

// PartsFor names the fields of a date input that a finding marks wrong:
// the parts its "parts" param lists, or all three when it has none. It
// gives nil when the finding's path is not a date posted as a date input.
func (f Form) PartsFor(fd Finding) []string {
	names, ok := f.DateInputs[fd.Path]
	if !ok {
		return nil
	}
	parts, ok := fd.Params["parts"].([]string)
	if !ok {
		return names
	}
	var out []string
	for _, part := range parts {
		if i := slices.Index(eligibility.DateParts[:], eligibility.DatePart(part)); i >= 0 {
			out = append(out, names[i])
		}
	}
	return out
}

// DecodeForm decodes a form post into a document of the kind the scheme
// needs (opts.Scheme, else the form's "scheme" field). values are the
// post's fields by name, as an http.Request's PostForm (a url.Values) has
// them: the parameter is the plain map so that the widget, which decodes
// posts too, does not link net/url.
func (v *Validator) DecodeForm(values map[string][]string, opts Options) Form {
	id := opts.Scheme
	if id == "" {
		id = document.FirstValue(values["scheme"])
	}
	sh := applicationShape
	if c, ok := v.scheme(id); ok && c.Kind == KindOffer {
		sh = offerShape
	}
	if formBytes(values, v.limits.Bytes) > v.limits.Bytes {
		return Form{Findings: Findings{tooLargeBytes(v.limits)}, Fields: map[string]string{}}
	}
	post := document.DecodeForm(values, sh, v.limits.document(), formCurrency(values, sh))
	f := Form{Document: post.Document, Fields: post.Fields, DateInputs: post.DateInputs, index: document.NewFieldIndex(post.Fields)}
	f.Findings.addProblems(post.Problems, Submit)
	return f
}

// formCurrency is the currency a form's amounts are typed in: an offer's
// cost is in pounds; an application's amounts are in the currency its
// funding[currency] field posts (a select always posts one), and with none
// posted, or one that is no currency, any sign is read.
func formCurrency(values map[string][]string, sh *document.Shape) string {
	if sh == offerShape {
		return "GBP"
	}
	return document.FirstValue(values["funding[currency]"]) // as the document has it: "EUR " is no currency
}

// ValidateForm decodes a form post and validates the document, exactly as
// the widget does in the browser.
func (v *Validator) ValidateForm(values map[string][]string, opts Options) (Result, Form) {
	f := v.DecodeForm(values, opts)
	if f.Document == nil {
		return v.TooLarge(opts), f
	}
	// A value the form could not read hides what the validator would say
	// of it (a required finding for an amount that was not money). A
	// form-name finding's path is not a value of the document, or is a
	// group whose own findings still hold, so it hides nothing.
	broken := make([]string, 0, len(f.Findings))
	for i := range f.Findings {
		if f.Findings[i].Code != CodeFormName {
			broken = append(broken, f.Findings[i].Path)
		}
	}
	return v.validate(string(f.Document), opts, f.Findings, broken), f
}

// FieldFor names the form field a finding at path belongs to, so a host can
// put the message by the right field:
//
//   - a value the form posted: the name it was posted under
//     ("network[members][7][email]" for /network/members/1/email, since the
//     host may have deleted rows 0 to 6);
//   - a value the form did not post (no radio chosen, a box left unchecked):
//     the name it would have had, in the row the path is in
//     ("network[members][7][role]"), ending in "[]" for a list of text
//     ("network[members][7][subjects][]");
//   - a group or list rather than one value (/network/members, a budget
//     line): the group's name ("network[members]", "funding[lines][3]"),
//     which no field has; GOV.UK puts such a message by the group's first
//     field, whose name starts with the group's name and "[".
//
// It gives "" for the document as a whole. A lookup costs the length of
// path, whatever the number of fields: DecodeForm indexes Fields once
// (treat them as read-only); a Form made otherwise is indexed afresh on
// each call.
func (f Form) FieldFor(path string) string {
	return document.FieldFor(f.Fields, f.index, rootShape, path)
}
