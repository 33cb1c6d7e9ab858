package document

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

// formNode is one value of the form being assembled.
type formNode struct {
	values   []string             // for leaves
	names    []string             // the form names the values came from
	children map[string]*formNode // for groups
	rows     map[int]*formNode    // for lists of groups or indexed text
}

// Post is a form post decoded by DecodeForm.
type Post struct {
	// Document is the JSON of the document the post holds.
	Document []byte
	// Problems are the fields that could not be read.
	Problems []Problem
	// Fields maps each JSON Pointer of Document to the form field name it
	// came from (for a date input, the part to focus).
	Fields map[string]string
	// DateInputs maps the JSON Pointer of each date posted as a date input
	// to the names of its day, month and year fields.
	DateInputs map[string][]string
}

// DecodeForm decodes an HTML form post whose field names use the
// document's names in bracket notation into the JSON of a document of shape
// sh, by the rules stemkn.Form gives. The limits apply as the form is read,
// as they do to JSON, since a post of a few megabytes can ask for a problem
// in every field or a list of any length.
func DecodeForm(values url.Values, sh *Shape, limits Limits) Post {
	root := &formNode{}
	var out Post
	out.Fields = map[string]string{}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names) // deterministic unknown-field problems
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
	w := formWriter{fields: out.Fields, dateInputs: &out.DateInputs, problems: &out.Problems, limits: limits}
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
	problems   *[]Problem
	limits     Limits
	stopped    bool // a limit was reached: no more findings
}

func (w *formWriter) problem(code Code, path, variant string, params map[string]any) {
	if w.limits.Findings > 0 && len(*w.problems) >= w.limits.Findings {
		w.tooLarge(path, "findings", w.limits.Findings)
	}
	if w.stopped {
		return
	}
	*w.problems = append(*w.problems, Problem{Code: code, Path: path, Params: params, Variant: variant})
}

// tooLarge reports the first limit the form reaches; it makes no more findings after.
func (w *formWriter) tooLarge(path, limit string, max int) {
	if w.stopped {
		return
	}
	*w.problems = append(*w.problems, Problem{Code: TooLarge, Path: path,
		Params: map[string]any{"limit": limit, "max": int64(max)}, Variant: limit})
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

func (w *formWriter) object(n *formNode, sh *Shape, path string) {
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
			if v := FirstValue(c.values); v != "" {
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
					w.fields[p+"/"+strconv.Itoa(k)] = item.name
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
					w.object(row, f.elem, p+"/"+strconv.Itoa(k))
				}
				w.buf = append(w.buf, ']')
			}
		}
	}
	w.unknown(n, sh, path)
	w.buf = append(w.buf, '}')
}

// unknown reports form fields under a document group that the group does not have.
func (w *formWriter) unknown(n *formNode, sh *Shape, path string) {
	var names []string
	for name, c := range n.children {
		if _, f := sh.lookup(name); f == nil && c.hasValue() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		w.problem(UnknownField, path+"/"+string(appendPointerKey(nil, name)), "", map[string]any{"name": name})
	}
}

// present reports whether an optional group has a value: in the fields its
// shape names (presentWith), else in any field.
func (w *formWriter) present(n *formNode, sh *Shape) bool {
	if len(sh.presentWith) == 0 {
		return n.hasValue()
	}
	for _, name := range sh.presentWith {
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
	text := strings.TrimSpace(FirstValue(n.values))
	if text == "" {
		return
	}
	if f.kind == kindMoney {
		a, err := budget.Parse(text)
		switch {
		case errors.Is(err, budget.ErrRange):
			w.problem(Overflow, path, "", map[string]any{"value": text})
		case err != nil:
			w.problem(Format, path, "money", map[string]any{"format": "money", "value": text})
		default:
			sep(f.name)
			w.buf = strconv.AppendInt(w.buf, int64(a), 10)
		}
		return
	}
	i, err := strconv.ParseInt(text, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		w.problem(Maximum, path, "", map[string]any{"max": int64(maxInt64)})
	case err != nil:
		w.problem(Format, path, "integer", map[string]any{"format": "integer", "value": text})
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
			w.problem(Format, path, "boolean", map[string]any{"format": "boolean", "value": v})
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
	if v := FirstValue(n.values); v != "" {
		sep(f.name)
		w.buf = appendJSONString(w.buf, v)
		return
	}
	var names [3]string
	var texts [3]string
	for i, p := range eligibility.DateParts {
		if part := n.children[string(p)]; part != nil {
			texts[i] = FirstValue(part.values)
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
	params := map[string]any{"format": "date", "parts": wrong}
	variant := "date-real"
	switch problem.Fault {
	case eligibility.DateIncomplete:
		variant, params["missing"] = "date-missing", partNames(problem.Missing)
	case eligibility.DateYearDigits:
		variant = "date-year"
	}
	w.fields[path] = names[slices.Index(eligibility.DateParts[:], problem.Wrong[0])]
	w.problem(Format, path, variant, params)
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

// FirstValue is the first value of a repeated form field that is not
// blank: the one that counts.
func FirstValue(vals []string) string {
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
