package stemkn

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// Form is an HTML form post decoded into a document (SPEC §5). The same
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
//     finding.
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

// presenceFields name, for optional groups, the fields that make the group
// present (see Form).
var presenceFields = map[*shape][]string{}

func init() {
	_, funding := applicationShape.lookup("funding")
	presenceFields[funding.elem] = []string{"lines"}
}

// DecodeForm decodes a form post into a document of the kind the scheme
// needs (opts.Scheme, else the form's "scheme" field).
func (v *Validator) DecodeForm(values url.Values, opts Options) Form {
	id := opts.Scheme
	if id == "" {
		id = firstValue(values["scheme"])
	}
	sh := applicationShape
	if c, ok := v.scheme(id); ok && c.Kind == KindOffer {
		sh = offerShape
	}
	if formBytes(values, v.limits.Bytes) > v.limits.Bytes {
		return Form{Findings: Findings{tooLargeBytes(v.limits)}, Fields: map[string]string{}}
	}
	return decodeFormWithin(values, sh, v.limits)
}

// ValidateForm decodes a form post and validates the document, exactly as
// the widget does in the browser.
func (v *Validator) ValidateForm(values url.Values, opts Options) (Result, Form) {
	f := v.DecodeForm(values, opts)
	if f.Document == nil {
		return v.TooLarge(opts), f
	}
	broken := make([]string, len(f.Findings))
	for i := range f.Findings {
		broken[i] = f.Findings[i].Path
	}
	return v.validate(string(f.Document), opts, f.Findings, broken), f
}

// formNode is one value of the form being assembled.
type formNode struct {
	values   []string             // for leaves
	names    []string             // the form names the values came from
	children map[string]*formNode // for groups
	rows     map[int]*formNode    // for lists of groups or indexed text
}

// decodeForm decodes a form post within the default limits.
func decodeForm(values url.Values, sh *shape) Form {
	return decodeFormWithin(values, sh, DefaultLimits)
}

// decodeFormWithin decodes a form post within the input limits: a form
// meets them as JSON does, while it is read, since a post of a few
// megabytes can ask for a finding in every field or a list of any length.
func decodeFormWithin(values url.Values, sh *shape, limits Limits) Form {
	root := &formNode{}
	var out Form
	out.Fields = map[string]string{}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic unknown-field findings
	for _, name := range names {
		segs, ok := splitFormName(name)
		if !ok || len(segs) == 0 {
			continue
		}
		if _, f := sh.lookup(segs[0]); f == nil {
			continue // the host's own field
		}
		root.insert(segs, validUTF8(values[name]), name)
	}
	w := formWriter{fields: out.Fields, dateInputs: &out.DateInputs, findings: &out.Findings, limits: limits}
	w.object(root, sh, "")
	out.Document = w.buf
	return out
}

// validUTF8 reads each byte of form text that is not UTF-8 as U+FFFD, as
// encoding/json does, and as the widget's text arrives (JavaScript strings
// reach Go with broken characters already replaced), so such text is judged
// like any other and the document stays JSON. Names go through it in
// splitFormName.
func validUTF8(vals []string) []string {
	for i, v := range vals {
		if !utf8.ValidString(v) {
			out := slices.Clone(vals)
			for k := i; k < len(out); k++ {
				out[k] = replaceInvalid(out[k])
			}
			return out
		}
	}
	return vals
}

func replaceInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, r) // RuneError for a byte that is not UTF-8
		i += n
	}
	return string(b)
}

// splitFormName splits "network[members][0][email]" into its names; a
// trailing "[]" becomes "[]". The part of a GOV.UK date input, a name
// ending in "-day", "-month" or "-year" ("plan[startDate]-day", as
// govukDateInput names it with namePrefix), is a name of its own, as in
// "plan[startDate][day]".
func splitFormName(name string) ([]string, bool) {
	name = replaceInvalid(name)
	open := strings.IndexByte(name, '[')
	if open < 0 {
		if stem, part, ok := cutDatePart(name); ok {
			return []string{stem, part}, true
		}
		return []string{name}, true
	}
	segs := []string{name[:open]}
	rest := name[open:]
	for rest != "" {
		if rest[0] != '[' {
			if _, part, ok := cutDatePart(rest); ok && part != "" && len(part)+1 == len(rest) {
				return append(segs, part), true
			}
			return nil, false
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, false
		}
		seg := rest[1:end]
		if seg == "" {
			seg = "[]"
		}
		segs = append(segs, seg)
		rest = rest[end+1:]
	}
	return segs, true
}

// cutDatePart cuts a date input part's suffix ("-day", "-month", "-year")
// from the end of a name.
func cutDatePart(name string) (stem, part string, ok bool) {
	for _, p := range eligibility.DateParts {
		if stem, ok := strings.CutSuffix(name, "-"+string(p)); ok {
			return stem, string(p), true
		}
	}
	return name, "", false
}

func (n *formNode) insert(segs []string, vals []string, name string) {
	if len(segs) == 0 {
		n.values = append(n.values, vals...)
		for range vals {
			n.names = append(n.names, name)
		}
		return
	}
	seg := segs[0]
	if seg == "[]" {
		n.insert(segs[1:], vals, name)
		return
	}
	if k, err := strconv.Atoi(seg); err == nil && k >= 0 && seg == strconv.Itoa(k) {
		n.rows = childOf(n.rows, k)
		n.rows[k].insert(segs[1:], vals, name)
		return
	}
	n.children = childOf(n.children, seg)
	n.children[seg].insert(segs[1:], vals, name)
}

// childOf makes sure m (created if nil) has a node at key, and returns m.
func childOf[K comparable](m map[K]*formNode, key K) map[K]*formNode {
	if m == nil {
		m = map[K]*formNode{}
	}
	if m[key] == nil {
		m[key] = &formNode{}
	}
	return m
}

// hasValue reports whether any value under the node is not empty.
func (n *formNode) hasValue() bool {
	if n == nil {
		return false
	}
	for _, v := range n.values {
		if strings.TrimSpace(v) != "" {
			return true
		}
	}
	for _, c := range n.children {
		if c.hasValue() {
			return true
		}
	}
	for _, c := range n.rows {
		if c.hasValue() {
			return true
		}
	}
	return false
}

func (n *formNode) sortedRows() []*formNode {
	keys := make([]int, 0, len(n.rows))
	for k := range n.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]*formNode, 0, len(keys))
	for _, k := range keys {
		if n.rows[k].hasValue() {
			out = append(out, n.rows[k])
		}
	}
	return out
}

// formWriter writes the document's JSON, in the document type's field order.
type formWriter struct {
	buf        []byte
	fields     map[string]string
	dateInputs *map[string][]string
	findings   *Findings
	limits     Limits
	stopped    bool // a limit was reached: no more findings
}

func (w *formWriter) finding(code Code, path, variant string, params Params) {
	if w.limits.Findings > 0 && len(*w.findings) >= w.limits.Findings {
		w.tooLarge(path, "findings", w.limits.Findings)
	}
	if w.stopped {
		return
	}
	*w.findings = append(*w.findings, Finding{Code: code, Severity: Error, Path: path, Params: params, Variant: variant})
}

// tooLarge reports the first limit the form reaches; it makes no more findings after.
func (w *formWriter) tooLarge(path, limit string, max int) {
	if w.stopped {
		return
	}
	*w.findings = append(*w.findings, Finding{Code: CodeTooLarge, Severity: Error, Path: path,
		Params: Params{"limit": limit, "max": int64(max)}, Variant: limit})
	w.stopped = true
}

// tooMany reports a list longer than the items limit, which is then left out.
func (w *formWriter) tooMany(n int, path string) bool {
	if n <= w.limits.Items {
		return false
	}
	w.tooLarge(path, "items", w.limits.Items)
	return true
}

func (w *formWriter) object(n *formNode, sh *shape, path string) {
	w.buf = append(w.buf, '{')
	first := true
	sep := func(name string) {
		if !first {
			w.buf = append(w.buf, ',')
		}
		first = false
		w.buf = appendJSONString(w.buf, name)
		w.buf = append(w.buf, ':')
	}
	for i := range sh.fields {
		f := &sh.fields[i]
		c := n.children[f.name]
		if c == nil {
			continue
		}
		p := path + "/" + f.name
		if len(c.names) > 0 {
			w.fields[p] = c.names[0]
		}
		switch f.kind {
		case kindString:
			if isDateField(f) && c.hasDateParts() {
				w.dateInput(c, f, p, sep)
				break
			}
			if v := firstValue(c.values); v != "" {
				sep(f.name)
				w.buf = appendJSONString(w.buf, v)
			}
		case kindMoney, kindInt:
			w.number(c, f, p, sep)
		case kindBool, kindBoolPtr:
			w.boolean(c, f, p, sep)
		case kindStruct:
			sep(f.name)
			w.object(c, f.elem, p)
		case kindStructPtr:
			if w.present(c, f.elem) {
				sep(f.name)
				w.object(c, f.elem, p)
			}
		case kindStringList:
			list := c.stringList()
			if len(list) > 0 && !w.tooMany(len(list), p) {
				sep(f.name)
				w.buf = append(w.buf, '[')
				for k, item := range list {
					if k > 0 {
						w.buf = append(w.buf, ',')
					}
					w.buf = appendJSONString(w.buf, item.value)
					w.fields[p+"/"+itoa(k)] = item.name
				}
				w.buf = append(w.buf, ']')
			}
		case kindStructList:
			rows := c.sortedRows()
			if len(rows) > 0 && !w.tooMany(len(rows), p) {
				sep(f.name)
				w.buf = append(w.buf, '[')
				for k, row := range rows {
					if k > 0 {
						w.buf = append(w.buf, ',')
					}
					w.object(row, f.elem, p+"/"+itoa(k))
				}
				w.buf = append(w.buf, ']')
			}
		}
	}
	w.unknown(n, sh, path)
	w.buf = append(w.buf, '}')
}

// unknown reports form fields under a document group that the group does not have.
func (w *formWriter) unknown(n *formNode, sh *shape, path string) {
	var names []string
	for name, c := range n.children {
		if _, f := sh.lookup(name); f == nil && c.hasValue() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		w.finding(CodeUnknownField, path+"/"+string(appendPointerKey(nil, name)), "", Params{"name": name})
	}
}

func (w *formWriter) present(n *formNode, sh *shape) bool {
	only, ok := presenceFields[sh]
	if !ok {
		return n.hasValue()
	}
	for _, name := range only {
		if n.children[name].hasValue() {
			return true
		}
	}
	return false
}

type formItem struct{ value, name string }

func (n *formNode) stringList() []formItem {
	var out []formItem
	add := func(m *formNode) {
		for i, v := range m.values {
			if strings.TrimSpace(v) != "" {
				out = append(out, formItem{v, m.names[i]})
			}
		}
	}
	add(n)
	keys := make([]int, 0, len(n.rows))
	for k := range n.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		add(n.rows[k])
	}
	return out
}

func (w *formWriter) number(n *formNode, f *field, path string, sep func(string)) {
	text := strings.TrimSpace(firstValue(n.values))
	if text == "" {
		return
	}
	if f.kind == kindMoney {
		a, err := budget.Parse(text)
		switch {
		case errors.Is(err, budget.ErrRange):
			w.finding(CodeOverflow, path, "", Params{"value": text})
		case err != nil:
			w.finding(CodeFormat, path, "money", Params{"format": "money", "value": text})
		default:
			sep(f.name)
			w.buf = strconv.AppendInt(w.buf, int64(a), 10)
		}
		return
	}
	i, err := strconv.ParseInt(text, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		w.finding(CodeMaximum, path, "", Params{"max": int64(maxInt64)})
	case err != nil:
		w.finding(CodeFormat, path, "integer", Params{"format": "integer", "value": text})
	default:
		sep(f.name)
		w.buf = strconv.AppendInt(w.buf, i, 10)
	}
}

func (w *formWriter) boolean(n *formNode, f *field, path string, sep func(string)) {
	seenTrue, seenFalse := false, false
	for _, v := range n.values {
		switch strings.TrimSpace(v) {
		case "true":
			seenTrue = true
		case "false":
			seenFalse = true
		case "":
		default:
			w.finding(CodeFormat, path, "boolean", Params{"format": "boolean", "value": v})
			return
		}
	}
	switch {
	case seenTrue:
		sep(f.name)
		w.buf = append(w.buf, "true"...)
	case seenFalse && f.kind == kindBoolPtr:
		sep(f.name)
		w.buf = append(w.buf, "false"...)
	}
}

// isDateField reports whether a text field holds a date (its validate tag
// says "date").
func isDateField(f *field) bool {
	return slices.ContainsFunc(f.prog, func(op tagOp) bool { return op.kind == opCustom && op.name == "date" })
}

// hasDateParts reports whether a date field was posted as a date input: a
// day, month or year field under its name.
func (n *formNode) hasDateParts() bool {
	for _, p := range eligibility.DateParts {
		if n.children[string(p)] != nil {
			return true
		}
	}
	return false
}

// dateInput writes a date posted as GOV.UK's date input: its day, month and
// year fields make the ISO date ("2011-02-01"). A date also posted whole
// (NAME itself) is a field posted twice, and the first value counts: the
// whole date. All three parts empty is no date. Otherwise a part that is
// missing or cannot be correct is a format finding, in GOV.UK's words
// ("… must include a month", "… must be a real date"), whose params say
// which parts are wrong; Fields names the first of them, the one to focus.
func (w *formWriter) dateInput(n *formNode, f *field, path string, sep func(string)) {
	if v := firstValue(n.values); v != "" {
		sep(f.name)
		w.buf = appendJSONString(w.buf, v)
		return
	}
	var names [3]string
	var texts [3]string
	for i, p := range eligibility.DateParts {
		if part := n.children[string(p)]; part != nil {
			texts[i] = firstValue(part.values)
			if len(part.names) > 0 {
				names[i] = part.names[0]
			}
		}
	}
	names = datePartNames(names)
	if *w.dateInputs == nil {
		*w.dateInputs = map[string][]string{}
	}
	(*w.dateInputs)[path] = names[:]
	w.fields[path] = names[0]
	if strings.TrimSpace(texts[0]+texts[1]+texts[2]) == "" {
		return // no date
	}
	d, problem := eligibility.ReadDateParts(texts[0], texts[1], texts[2])
	if problem.Fault == eligibility.DateFine {
		sep(f.name)
		w.buf = appendJSONString(w.buf, d.String())
		return
	}
	wrong := partNames(problem.Wrong)
	params := Params{"format": "date", "parts": wrong}
	variant := "date-real"
	switch problem.Fault {
	case eligibility.DateIncomplete:
		variant, params["missing"] = "date-missing", partNames(problem.Missing)
	case eligibility.DateYearDigits:
		variant = "date-year"
	}
	w.fields[path] = names[slices.Index(eligibility.DateParts[:], problem.Wrong[0])]
	w.finding(CodeFormat, path, variant, params)
}

// datePartNames fills in the name of a part that was not posted from the
// name of one that was, in the same style ("NAME-month" beside
// "NAME-day", "NAME[month]" beside "NAME[day]").
func datePartNames(names [3]string) [3]string {
	var stem, open, close string
	for i, name := range names {
		if name == "" {
			continue
		}
		part := string(eligibility.DateParts[i])
		if s, ok := strings.CutSuffix(name, "-"+part); ok {
			stem, open, close = s, "-", ""
		} else if s, ok := strings.CutSuffix(name, "["+part+"]"); ok {
			stem, open, close = s, "[", "]"
		}
		break
	}
	for i, name := range names {
		if name == "" {
			names[i] = stem + open + string(eligibility.DateParts[i]) + close
		}
	}
	return names
}

func partNames(parts []eligibility.DatePart) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = string(p)
	}
	return out
}

func firstValue(vals []string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
