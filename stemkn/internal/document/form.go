package document

import (
	"errors"
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
// in every field or a list of any length. currency is the ISO 4217 code
// amounts are typed in: one typed with another currency's sign ("$5" where
// pounds are asked for) is a format problem. With "" any sign Parse knows
// is read.
func DecodeForm(values map[string][]string, sh *Shape, limits Limits, currency string) Post {
	root := &formNode{}
	var out Post
	out.Fields = map[string]string{}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names)   // deterministic unknown-field problems
	var unsplit []string // names under a document field that are not bracket notation
	for _, name := range names {
		segs, rest := splitFormName(name)
		if len(segs) == 0 {
			continue
		}
		if _, f := sh.lookup(segs[0]); f == nil {
			continue // the host's own field
		}
		if rest != "" {
			if FirstValue(values[name]) != "" {
				unsplit = append(unsplit, name)
			}
			continue
		}
		root.insert(segs, validUTF8(values[name]), name)
	}
	w := formWriter{fields: out.Fields, dateInputs: &out.DateInputs, problems: &out.Problems, limits: limits}
	w.currency, w.oneCurrency = budget.LookupCurrency(currency)
	w.object(root, sh, "", 0)
	for _, name := range unsplit {
		segs, rest := splitFormName(name)
		path := pointerOf(append(segs, rest))
		w.fields[path] = name
		w.problem(FormName, path, "name", map[string]any{"name": replaceInvalid(name)})
	}
	out.Document = w.buf
	return out
}

// pointerOf writes segments as a JSON Pointer.
func pointerOf(segs []string) string {
	var b []byte
	for _, seg := range segs {
		b = appendPointerKey(append(b, '/'), seg)
	}
	return string(b)
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
// "plan[startDate][day]". A name that is not bracket notation
// ("network[name", "plan[startDate]-hour") gives the names read before the
// problem and the rest, unread; rest is "" for every other name.
func splitFormName(name string) (segs []string, rest string) {
	name = replaceInvalid(name)
	open := strings.IndexByte(name, '[')
	if open < 0 {
		if stem, part, ok := cutDatePart(name); ok {
			return []string{stem, part}, ""
		}
		return []string{name}, ""
	}
	segs = []string{name[:open]}
	rest = name[open:]
	for rest != "" {
		if rest[0] != '[' {
			if _, part, ok := cutDatePart(rest); ok && part != "" && len(part)+1 == len(rest) {
				return append(segs, part), ""
			}
			return segs, rest
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return segs, rest
		}
		seg := rest[1:end]
		if seg == "" {
			seg = "[]"
		}
		segs = append(segs, seg)
		rest = rest[end+1:]
	}
	return segs, ""
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
	if seg == "[]" && len(segs) == 1 {
		n.insert(nil, vals, name) // a list of text; the node's kind says whether it may be one
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

// sortedRows are the rows with a value, in the order of their indices;
// an index at or past the items limit is no row (see strayRows).
func (n *formNode) sortedRows(items int) []*formNode {
	keys := sortedKeys(n.rows)
	out := make([]*formNode, 0, len(keys))
	for _, k := range keys {
		if k < items && n.rows[k].hasValue() {
			out = append(out, n.rows[k])
		}
	}
	return out
}

func sortedKeys[K int | string](m map[K]*formNode) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// anyName is the first name of a value under the node, blank or not.
func (n *formNode) anyName() string {
	if len(n.names) > 0 {
		return n.names[0]
	}
	for _, k := range sortedKeys(n.children) {
		if name := n.children[k].anyName(); name != "" {
			return name
		}
	}
	for _, k := range sortedKeys(n.rows) {
		if name := n.rows[k].anyName(); name != "" {
			return name
		}
	}
	return ""
}

// eachName calls yield with the name of every value under the node that is
// not blank, once per name: the node's own, then its children's by key,
// then its rows' by index.
func (n *formNode) eachName(yield func(name string)) {
	last := ""
	for i, v := range n.values {
		if strings.TrimSpace(v) != "" && n.names[i] != last {
			last = n.names[i]
			yield(last)
		}
	}
	for _, k := range sortedKeys(n.children) {
		n.children[k].eachName(yield)
	}
	for _, k := range sortedKeys(n.rows) {
		n.rows[k].eachName(yield)
	}
}

// formWriter writes the document's JSON, in the document type's field order.
type formWriter struct {
	buf        []byte
	fields     map[string]string
	dateInputs *map[string][]string
	problems   *[]Problem
	limits     Limits
	stopped    bool // a limit was reached: no more findings
	// currency is the one amounts are typed in, when oneCurrency.
	currency    budget.Currency
	oneCurrency bool
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

// object writes a group of fields; depth is how many names of a form name
// lead to n, so the rest of a name under n starts at that index.
func (w *formWriter) object(n *formNode, sh *Shape, path string, depth int) {
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
		case kindString, kindMoney, kindInt, kindIntPtr, kindBool, kindBoolPtr:
			w.leaf(c, f, p, depth+1, sep)
		case kindStruct:
			w.strayValues(c, p, depth+1, "value")
			sep(f.name)
			w.object(c, f.elem, p, depth+1)
		case kindStructPtr:
			w.strayValues(c, p, depth+1, "value")
			if w.present(c, f.elem) {
				sep(f.name)
				w.object(c, f.elem, p, depth+1)
			} else {
				// Nothing of it is written, but what it holds is still read,
				// so nothing it cannot place goes unsaid.
				mark := len(w.buf)
				w.object(c, f.elem, p, depth+1)
				w.buf = w.buf[:mark]
			}
		case kindStringList:
			w.stringList(c, f, p, depth, sep)
		case kindStructList:
			w.rows(c, f, p, depth, sep)
		}
	}
	w.unknown(n, sh, path)
	w.buf = append(w.buf, '}')
}

// stringList writes a list of text (checkboxes, a multiple select).
func (w *formWriter) stringList(c *formNode, f *field, p string, depth int, sep func(string)) {
	w.strayIndices(c, p, depth+1)
	for _, k := range sortedKeys(c.rows) {
		if k < w.limits.Items {
			w.strayUnder(c.rows[k], p+"/"+strconv.Itoa(k), depth+2)
		}
	}
	list := c.stringList(w.limits.Items)
	if len(list) == 0 || w.tooMany(len(list), p) {
		return
	}
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

// rows writes a list of groups (members, budget lines): the rows with a
// value, in the order of their indices, numbered from 0.
func (w *formWriter) rows(c *formNode, f *field, p string, depth int, sep func(string)) {
	w.strayValues(c, p, depth+1, "rows")
	w.strayIndices(c, p, depth+1)
	rows := c.sortedRows(w.limits.Items)
	if len(rows) == 0 || w.tooMany(len(rows), p) {
		return
	}
	sep(f.name)
	w.buf = append(w.buf, '[')
	for k, row := range rows {
		if k > 0 {
			w.buf = append(w.buf, ',')
		}
		rp := p + "/" + strconv.Itoa(k)
		w.strayValues(row, rp, depth+2, "value")
		w.object(row, f.elem, rp, depth+2)
	}
	w.buf = append(w.buf, ']')
}

// leaf writes one value: text, a date, money, a whole number or a checkbox.
// A list or a group of fields under it has no place in the document.
func (w *formWriter) leaf(c *formNode, f *field, p string, depth int, sep func(string)) {
	for _, k := range sortedKeys(c.rows) {
		w.strays(c.rows[k], p, depth, "list")
	}
	dateInput := f.kind == kindString && isDateField(f) && c.hasDateParts()
	for _, k := range sortedKeys(c.children) {
		if !dateInput || !slices.Contains(eligibility.DateParts[:], eligibility.DatePart(k)) {
			w.strays(c.children[k], p, depth, "group")
			continue
		}
		part := c.children[k] // a date input's day, month or year: one answer each
		for _, r := range sortedKeys(part.rows) {
			w.strays(part.rows[r], p, depth, "list")
		}
		for _, g := range sortedKeys(part.children) {
			w.strays(part.children[g], p, depth, "group")
		}
	}
	switch {
	case dateInput:
		w.dateInput(c, f, p, sep)
	case f.kind == kindString:
		if v := FirstValue(c.values); v != "" {
			sep(f.name)
			w.buf = appendJSONString(w.buf, v)
		}
	case f.kind == kindMoney || f.kind == kindInt || f.kind == kindIntPtr:
		w.number(c, f, p, sep)
	default:
		w.boolean(c, f, p, sep)
	}
}

// strays reports each form name with a value under n, a node the document
// has no place for, as a form-name finding. Its path is at the field the
// name was meant for (at) followed by the rest of the name as posted, so
// each such name has a path, and a Fields entry, of its own.
func (w *formWriter) strays(n *formNode, at string, depth int, variant string) {
	n.eachName(func(name string) {
		segs, _ := splitFormName(name)
		path := at
		if depth < len(segs) {
			path += pointerOf(segs[depth:])
		}
		params := map[string]any{"name": name, "at": at}
		if variant == "index" {
			params["part"], params["max"] = segs[depth], int64(w.limits.Items-1)
		}
		w.fields[path] = name
		w.problem(FormName, path, variant, params)
	})
}

// strayValues reports values posted as the group at path itself
// ("network[members][]", "network[institutions][0]"): a group takes fields,
// not one answer.
func (w *formWriter) strayValues(n *formNode, path string, depth int, variant string) {
	if len(n.values) > 0 {
		w.strays(&formNode{values: n.values, names: n.names}, path, depth, variant)
	}
}

// strayIndices reports what a list at path holds that is not a row: names
// whose index is not a whole number written plainly ("007", "-1", "x",
// "[]" before another name, a number past int), and indices at or past the
// items limit, which no list within the limits has.
func (w *formWriter) strayIndices(n *formNode, path string, depth int) {
	for _, k := range sortedKeys(n.children) {
		w.strays(n.children[k], path, depth, "index")
	}
	for _, k := range sortedKeys(n.rows) {
		if k >= w.limits.Items {
			w.strays(n.rows[k], path, depth, "index")
		}
	}
}

// strayUnder reports a list of text's entry that holds more than text; at
// is the entry's path by its index in the form.
func (w *formWriter) strayUnder(row *formNode, path string, depth int) {
	for _, k := range sortedKeys(row.children) {
		w.strays(row.children[k], path, depth, "group")
	}
	for _, k := range sortedKeys(row.rows) {
		w.strays(row.rows[k], path, depth, "list")
	}
}

// unknown reports form fields under a document group that the group does
// not have, rows included ("network[0]"), once per name of the group's.
func (w *formWriter) unknown(n *formNode, sh *Shape, path string) {
	var names []string
	for name, c := range n.children {
		if _, f := sh.lookup(name); f == nil && c.hasValue() {
			names = append(names, name)
		}
	}
	for k, c := range n.rows {
		if c.hasValue() {
			names = append(names, strconv.Itoa(k))
		}
	}
	slices.Sort(names)
	for _, name := range names {
		c := n.children[name]
		if c == nil {
			k, _ := strconv.Atoi(name)
			c = n.rows[k]
		}
		p := path + "/" + string(appendPointerKey(nil, name))
		c.eachName(func(formName string) {
			if _, ok := w.fields[p]; !ok {
				w.fields[p] = formName
			}
		})
		w.problem(UnknownField, p, "", map[string]any{"name": name})
	}
}

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

// stringList is a list of text's values: the node's own (NAME[]), then its
// rows' in index order, indices at or past the items limit left out.
func (n *formNode) stringList(items int) []formItem {
	var out []formItem
	add := func(m *formNode) {
		for i, v := range m.values {
			if strings.TrimSpace(v) != "" {
				out = append(out, formItem{v, m.names[i]})
			}
		}
	}
	add(n)
	for _, k := range sortedKeys(n.rows) {
		if k < items {
			add(n.rows[k])
		}
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
		if w.oneCurrency && err == nil {
			a, err = budget.ParseIn(text, w.currency)
		}
		switch {
		case errors.Is(err, budget.ErrCurrency):
			w.problem(Format, path, "money-currency", map[string]any{"format": "money", "value": text, "currency": w.currency.Code})
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
	names = datePartNames(names, n)
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
// "NAME-day", "NAME[month]" beside "NAME[day]"), or else from a name
// posted under a part (NAME[day][0], which has no place).
func datePartNames(names [3]string, n *formNode) [3]string {
	stem, open, close, found := "", "", "", false
	style := func(name, part string) {
		if found {
			return
		}
		if s, ok := strings.CutSuffix(name, "-"+part); ok {
			stem, open, close, found = s, "-", "", true
		} else if i := strings.Index(name, "["+part+"]"); i >= 0 {
			stem, open, close, found = name[:i], "[", "]", true
		}
	}
	for i, name := range names {
		if name != "" {
			style(name, string(eligibility.DateParts[i]))
		}
	}
	for _, p := range eligibility.DateParts {
		if part := n.children[string(p)]; part != nil && !found {
			style(part.anyName(), string(p))
		}
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
