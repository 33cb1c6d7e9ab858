package docgen

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// Form renders a document as the HTML form post a person filling in the
// form would send: bracket names, rows with gaps in their
// indices, lists of text as repeated "[]" names, checkboxes posting "true",
// an unchecked box posting "false" or nothing, and money typed as people
// type it ("£1,234.56", "1234.56", "1,234"). It also returns the document
// the form must decode to: the same document less what a form cannot say
// (empty text is no text, an unticked box is false, an empty row is no row).
// ok is false when the document holds something a form cannot carry —
// a value of the wrong JSON type, a duplicate or unknown key, an integer
// spelled 1e3, a negative amount, text that is not UTF-8 — so the round trip
// would not be meaningful.
func Form(doc *Node, kind stemkn.DocumentKind, seed uint64) (post url.Values, want *Node, ok bool) {
	f := formRenderer{post: url.Values{}, r: rand.New(rand.NewPCG(seed, 0x5eed)), currency: "GBP"}
	// Amounts are typed with the document's currency sign, when it has a
	// currency a form would offer.
	if c := doc.At("/funding/currency"); c != nil && c.Kind == String {
		if _, known := budget.LookupCurrency(c.Text); known {
			f.currency = c.Text
		}
	}
	want, _, ok = f.object(doc, Root(kind), "")
	if !ok {
		return nil, nil, false
	}
	return f.post, want, true
}

type formRenderer struct {
	post     url.Values
	r        *rand.Rand
	currency string
}

func formName(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "[" + name + "]"
}

// object renders an object; posted says whether any field name was posted
// under it (which makes the form decoder write the object, even empty).
func (f *formRenderer) object(n *Node, fd *Field, prefix string) (want *Node, posted, ok bool) {
	if n.Kind != Object {
		return nil, false, false
	}
	want = Obj()
	seen := map[string]bool{}
	for i, key := range n.Keys {
		child := fd.Child(key)
		if child == nil || seen[key] || strings.ContainsAny(key, "[]") {
			return nil, false, false
		}
		seen[key] = true
		v, p, ok := f.value(n.Vals[i], child, formName(prefix, key))
		if !ok {
			return nil, false, false
		}
		posted = posted || p
		if v != nil {
			want.Add(key, v)
		}
	}
	return want, posted, true
}

// value renders one value and returns what the form decodes it to (nil for nothing).
func (f *formRenderer) value(n *Node, fd *Field, name string) (want *Node, posted, ok bool) {
	switch fd.Type {
	case "string":
		if n.Kind != String || !utf8.ValidString(n.Text) {
			return nil, false, false
		}
		if d, ok := eligibility.ParseDate(n.Text); ok && fd.Format == "date" && f.r.IntN(3) == 0 {
			f.dateInput(d, name)
			return Str(n.Text), true, true
		}
		f.post.Add(name, n.Text)
		if strings.TrimSpace(n.Text) == "" {
			return nil, true, true
		}
		return Str(n.Text), true, true
	case "integer":
		if !n.IsInt() {
			return nil, false, false
		}
		f.post.Add(name, n.Text)
		return Int(n.IntValue()), true, true
	case "money":
		if !n.IsInt() || n.IntValue() < 0 {
			return nil, false, false
		}
		a := budget.Amount(n.IntValue())
		f.post.Add(name, f.money(a))
		return Int(int64(a)), true, true
	case "boolean":
		return f.boolean(n, fd, name)
	case "array":
		if n.Kind != Array {
			return nil, false, false
		}
		if fd.Elem.Type == "string" {
			return f.strings(n, name)
		}
		return f.rows(n, fd.Elem, name)
	}
	// An object.
	w, posted, ok := f.object(n, fd, name)
	if !ok {
		return nil, false, false
	}
	if !f.optionalObject(fd) {
		if !posted {
			return nil, false, true
		}
		return w, true, true
	}
	// An optional group (funding, an age range) is there only when the
	// form has a value in it, so one without is not something a form can say.
	if !f.hasValue(fd, w) {
		return nil, false, false
	}
	return w, posted, true
}

// boolean posts a true or false as a checkbox, or a yes/no radio pair.
func (f *formRenderer) boolean(n *Node, fd *Field, name string) (want *Node, posted, ok bool) {
	if n.Kind != Literal || (n.Text != "true" && n.Text != "false") {
		return nil, false, false
	}
	if n.Text == "true" {
		f.post.Add(name, "true")
		return Bool(true), true, true
	}
	if f.optionalBool(fd) {
		f.post.Add(name, "false") // a "no" radio button
		return Bool(false), true, true
	}
	if f.r.IntN(2) == 0 {
		f.post.Add(name, "false")
		return nil, true, true
	}
	return nil, false, true // an unticked checkbox posts nothing
}

// optionalBool reports whether a boolean may be absent, true or false (a
// *bool in the document type, posted by a yes/no radio pair).
func (f *formRenderer) optionalBool(fd *Field) bool { return fd.Name() == "stateFunded" }

// optionalObject reports whether an object is a pointer in the document type.
func (f *formRenderer) optionalObject(fd *Field) bool {
	return fd.Name() == "funding" || fd.Name() == "ageRange"
}

// hasValue says whether the form decoder will see an optional group: for
// funding a value in its lines, for others any value.
func (f *formRenderer) hasValue(fd *Field, w *Node) bool {
	if fd.Name() == "funding" {
		lines := w.Get("lines")
		return lines != nil && len(lines.Items) > 0
	}
	return len(w.Keys) > 0
}

func (f *formRenderer) strings(n *Node, name string) (*Node, bool, bool) {
	want := Arr()
	posted := false
	indexed := f.r.IntN(4) == 0 // a list of text inputs, rows with gaps, rather than checkboxes
	index := f.r.IntN(3)
	for _, item := range n.Items {
		if item.Kind != String || !utf8.ValidString(item.Text) {
			return nil, false, false
		}
		if indexed {
			f.post.Add(name+"["+strconv.Itoa(index)+"]", item.Text)
			index += 1 + f.r.IntN(3)
		} else {
			f.post.Add(name+"[]", item.Text)
		}
		posted = true
		if strings.TrimSpace(item.Text) != "" {
			want.Items = append(want.Items, Str(item.Text))
		}
	}
	if len(want.Items) == 0 {
		return nil, posted, true
	}
	return want, posted, true
}

// rows renders a list of objects as rows whose indices have gaps, as a
// page that lets people delete rows posts them.
func (f *formRenderer) rows(n *Node, elem *Field, name string) (*Node, bool, bool) {
	want := Arr()
	posted := false
	index := f.r.IntN(3)
	for _, item := range n.Items {
		w, p, ok := f.object(item, elem, name+"["+strconv.Itoa(index)+"]")
		if !ok {
			return nil, false, false
		}
		posted = posted || p
		if rowHasValue(item) {
			want.Items = append(want.Items, w)
		}
		index += 1 + f.r.IntN(3)
	}
	if len(want.Items) == 0 {
		return nil, posted, true
	}
	return want, posted, true
}

// rowHasValue is whether any text under a row is not blank: rows without
// are rows a host page added and the person left empty.
func rowHasValue(n *Node) bool {
	switch n.Kind {
	case String:
		return strings.TrimSpace(n.Text) != ""
	case Literal:
		return true
	}
	for _, v := range append(n.Vals, n.Items...) {
		if rowHasValue(v) {
			return true
		}
	}
	return false
}

// dateInput posts a date as GOV.UK's date input: three fields named
// NAME-day, NAME-month and NAME-year (govukDateInput with namePrefix) or
// NAME[day], NAME[month] and NAME[year], typed the ways people type them.
func (f *formRenderer) dateInput(d eligibility.Date, name string) {
	part := func(p string) string { return name + "-" + p }
	if f.r.IntN(2) == 0 {
		part = func(p string) string { return name + "[" + p + "]" }
	}
	day, month, year := strconv.Itoa(d.Day), strconv.Itoa(d.Month), fmt.Sprintf("%04d", d.Year)
	switch f.r.IntN(4) {
	case 0:
		day, month = fmt.Sprintf("%02d", d.Day), fmt.Sprintf("%02d", d.Month)
	case 1:
		month = time.Month(d.Month).String()
	case 2:
		day, month, year = " "+day+" ", strings.ToLower(time.Month(d.Month).String()[:3]), " "+year
	}
	f.post.Add(part("day"), day)
	f.post.Add(part("month"), month)
	f.post.Add(part("year"), year)
}

// money writes an amount the ways people type it, each meaning exactly the amount.
func (f *formRenderer) money(a budget.Amount) string {
	whole, pence := int64(a)/100, int64(a)%100
	plain := strconv.FormatInt(whole, 10)
	switch f.r.IntN(5) {
	case 0:
		return budget.Format(a, f.currency)
	case 1:
		return " " + budget.Format(a, f.currency)[len(symbolOf(f.currency)):] + " "
	case 2:
		if pence == 0 {
			return plain
		}
	case 3:
		if pence%10 == 0 {
			return plain + "." + strconv.FormatInt(pence/10, 10)
		}
	}
	return symbolOf(f.currency) + plain + "." + strconv.FormatInt(pence/10, 10) + strconv.FormatInt(pence%10, 10)
}

func symbolOf(currency string) string {
	if c, ok := budget.LookupCurrency(currency); ok {
		return c.Symbol
	}
	return ""
}
