package docgen

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// A mutation makes one hostile change to a document tree and says what it did.
type mutation struct {
	name   string
	weight int
	apply  func(w *writer, doc *Node) (site string, ok bool)
}

var mutations = []mutation{
	{"drop-required", 8, (*writer).dropRequired},
	{"drop-any", 4, (*writer).dropAny},
	{"wrong-type", 10, (*writer).wrongType},
	{"null", 3, (*writer).null},
	{"out-of-range", 8, (*writer).outOfRange},
	{"bad-format", 8, (*writer).badFormat},
	{"enum", 6, (*writer).badEnum},
	{"unknown-field", 5, (*writer).unknownField},
	{"duplicate-key", 5, (*writer).duplicateKey},
	{"duplicate-id", 3, (*writer).duplicateID},
	{"duplicate-entry", 2, (*writer).duplicateEntry},
	{"broken-reference", 4, (*writer).brokenReference},
	{"integer-spelling", 8, (*writer).integerSpelling},
	{"negative-money", 2, (*writer).negativeMoney},
	{"tricky-date", 6, (*writer).trickyDate},
	{"unicode", 8, (*writer).unicode},
	{"blank-text", 4, (*writer).blankText},
	{"empty-list", 3, (*writer).emptyList},
	{"other-scheme", 2, (*writer).otherScheme},
	{"many-items", 2, (*writer).manyItems},
}

var totalWeight = func() int {
	n := 0
	for _, m := range mutations {
		n += m.weight
	}
	return n
}()

// mutate applies one mutation that fits the document.
func (w *writer) mutate(doc *Node) string {
	for range 20 {
		k := w.r.IntN(totalWeight)
		for _, m := range mutations {
			if k -= m.weight; k < 0 {
				if site, ok := m.apply(w, doc); ok {
					return m.name + "@" + site
				}
				break
			}
		}
	}
	return "none"
}

// sites lists the document's values that pass keep.
func (w *writer) sites(doc *Node, keep func(s Site, f *Field) bool) []Site {
	var out []Site
	for _, s := range doc.Sites() {
		if keep(s, w.fields[s.Pattern]) {
			out = append(out, s)
		}
	}
	return out
}

func (w *writer) pickSite(doc *Node, keep func(s Site, f *Field) bool) (Site, bool) {
	list := w.sites(doc, keep)
	if len(list) == 0 {
		return Site{}, false
	}
	return list[w.r.IntN(len(list))], true
}

func (w *writer) dropRequired(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return s.Parent != nil && f != nil && f.Required })
	if ok {
		s.Remove()
	}
	return s.Path, ok
}

func (w *writer) dropAny(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return s.Parent != nil })
	if ok {
		s.Remove()
	}
	return s.Path, ok
}

// wrongType puts a value of another JSON type where one is.
func (w *writer) wrongType(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return true })
	if !ok {
		return "", false
	}
	have := jsonType(s.Node)
	for {
		v := w.anyValue()
		if jsonType(v) != have {
			s.Replace(v)
			return s.Path, true
		}
	}
}

func (w *writer) null(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return s.Parent != nil })
	if ok {
		s.Replace(Lit("null"))
	}
	return s.Path, ok
}

// jsonType is a value's JSON type, integers apart from other numbers.
func jsonType(n *Node) string {
	switch n.Kind {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	}
	switch t := n.Text; {
	case t == "true" || t == "false":
		return "boolean"
	case t == "null":
		return "null"
	case strings.HasPrefix(t, "\""):
		return "string"
	case strings.ContainsAny(t, ".eE"):
		return "number"
	}
	return "integer"
}

func (w *writer) anyValue() *Node {
	values := []func() *Node{
		func() *Node { return Str("12") },
		func() *Node { return Str("") },
		func() *Node { return Str("true") },
		func() *Node { return Int(12) },
		func() *Node { return Int(0) },
		func() *Node { return Lit("1.5") },
		func() *Node { return Bool(true) },
		func() *Node { return Bool(false) },
		func() *Node { return Lit("null") },
		func() *Node { return Obj() },
		func() *Node { return Obj("name", Str("x")) },
		func() *Node { return Arr() },
		func() *Node { return Strs("science") },
		func() *Node { return Arr(Obj("id", Str("x"))) },
	}
	return values[w.r.IntN(len(values))]()
}

// outOfRange puts a number, text or list just inside or just outside its bounds.
func (w *writer) outOfRange(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool {
		return f != nil && (f.Min != nil || f.Max != nil) && (f.Type != "array" || f.Max != nil && *f.Max <= 60 || f.Min != nil)
	})
	if !ok {
		return "", false
	}
	f := w.fields[s.Pattern]
	var bounds []int64
	if f.Min != nil {
		bounds = append(bounds, *f.Min-1, *f.Min)
	}
	if f.Max != nil {
		bounds = append(bounds, *f.Max, *f.Max+1)
	}
	n := bounds[w.r.IntN(len(bounds))]
	switch f.Type {
	case "integer", "money":
		s.Replace(Int(n))
	case "string":
		s.Replace(Str(w.textOf(int(max(n, 0)))))
	case "array":
		if n > 60 || f.Elem == nil {
			return "", false
		}
		s.Replace(w.listOf(f.Elem, s.Node, int(max(n, 0))))
	}
	return s.Path + "=" + strconv.FormatInt(n, 10), true
}

// listOf makes a list of n items like the list's own (or made up when it is empty).
func (w *writer) listOf(elem *Field, have *Node, n int) *Node {
	out := Arr()
	for i := range n {
		if have.Kind == Array && len(have.Items) > 0 {
			item := have.Items[i%len(have.Items)].Clone()
			if elem.Type == "string" && len(elem.OneOf) > 0 {
				item = Str(elem.OneOf[i%len(elem.OneOf)])
			}
			out.Items = append(out.Items, item)
			continue
		}
		if len(elem.OneOf) > 0 {
			out.Items = append(out.Items, Str(elem.OneOf[i%len(elem.OneOf)]))
		} else {
			out.Items = append(out.Items, Str("item "+strconv.Itoa(i)))
		}
	}
	return out
}

// badValues are wrong values for each custom format, and for dates the
// near misses people type.
var badValues = map[string][]string{
	"date": {"2011-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-1-7", "07/01/2011", "2011-01-07T00:00:00Z",
		"2011-01-7", "11-01-07", "20110107", "2011/01/07", " 2011-01-07", "2011-01-07 ", "２０１１-01-07", "+2011-01-07", "1900-02-29",
		"2011-02-30", "2100-02-29", "yesterday", "2011-1-07"},
	"email":              {"asha", "asha@", "@calder.example.org", "asha@calder", "a b@c.org", "a@b@c.org", "asha@.org", "asha@org.", "a@b.c\n"},
	"urn":                {"10755", "1075520", "10755a", "１０７５５２", " 107552", "107 552"},
	"ukprn":              {"20012345", "1001234", "100123456", "1001234x", "10012 34"},
	"pic":                {"94912345", "9491234567", "94912345x", "949 12345"},
	"postcode":           {"ls1 4ap", "LS14AP", "LS1  4AP", "LS1 4A", "1S1 4AP", "LS1 4AP ", "LSS1 4AP"},
	"company-number":     {"1234567", "123456789", "SC12345", "sc123456", "12-34567"},
	"country":            {"UK", "EL", "gb", "GBR", "XX", "England"},
	"subdivision":        {"GB-EN", "gb-eng", "ENG", "GB-XYZ", "England"},
	"region":             {"yorkshire", "London", "north east", "wales"},
	"phase":              {"Primary", "middle", "sixth-form", "ks3"},
	"establishment-type": {"academy", "Community school", "community_school", "welsh-school", "grammar-school"},
}

func (w *writer) badFormat(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && badValues[f.Format] != nil })
	if !ok {
		return "", false
	}
	v := w.pick(badValues[w.fields[s.Pattern].Format])
	s.Replace(Str(v))
	return s.Path + "=" + strconv.Quote(v), true
}

func (w *writer) badEnum(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && len(f.OneOf) > 0 })
	if !ok {
		return "", false
	}
	good := w.pick(w.fields[s.Pattern].OneOf)
	variants := []string{strings.ToUpper(good), " " + good, good + " ", strings.ReplaceAll(good, "-", "_"), good + "\u200b",
		"ѕcience", "other-thing", "", "USD", "GBP ", "maths"}
	v := w.pick(variants)
	s.Replace(Str(v))
	return s.Path + "=" + strconv.Quote(v), true
}

var unknownNames = []string{"colour", "Name", "network_name", "", "a/b", "~0", "__proto__", "constructor", "é", "scheme ", "funding\u0000"}

func (w *writer) unknownField(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return s.Node.Kind == Object })
	if !ok {
		return "", false
	}
	name := w.pick(unknownNames)
	s.Node.Add(name, w.anyValue())
	return s.Path + "/" + pointerToken(name), true
}

// duplicateKey repeats a member of an object, with the same or another value.
func (w *writer) duplicateKey(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return s.Node.Kind == Object && len(s.Node.Keys) > 0 })
	if !ok {
		return "", false
	}
	k := w.r.IntN(len(s.Node.Keys))
	v := s.Node.Vals[k].Clone()
	if w.chance(50) {
		v = w.anyValue()
	}
	s.Node.Add(s.Node.Keys[k], v)
	return s.Path + "/" + pointerToken(s.Node.Keys[k]), true
}

func (w *writer) duplicateID(doc *Node) (string, bool) {
	insts := doc.At("/network/institutions")
	if insts == nil || insts.Kind != Array || len(insts.Items) < 2 {
		return "", false
	}
	i, j := w.r.IntN(len(insts.Items)), w.r.IntN(len(insts.Items))
	if i == j || insts.Items[i].Kind != Object || insts.Items[j].Kind != Object || insts.Items[i].Get("id") == nil {
		return "", false
	}
	insts.Items[j].Set("id", insts.Items[i].Get("id").Clone())
	return "/network/institutions/" + strconv.Itoa(j) + "/id", true
}

// duplicateEntry repeats an entry of a list of text that must be unique.
func (w *writer) duplicateEntry(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool {
		return f != nil && f.Unique && s.Node.Kind == Array && len(s.Node.Items) > 0
	})
	if ok {
		s.Node.Items = append(s.Node.Items, s.Node.Items[w.r.IntN(len(s.Node.Items))].Clone())
	}
	return s.Path, ok
}

func (w *writer) brokenReference(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool {
		return s.Pattern == "/network/lead" || s.Pattern == "/network/members/*/institution" || s.Pattern == "/funding/lines/*/institution"
	})
	if ok {
		s.Replace(Str(w.pick([]string{"nowhere", "CCS", "ccs ", "0"})))
	}
	return s.Path, ok
}

// integerSpellings are ways of writing a whole number that JSON allows
// ("%d" is the value), and numbers that are not whole or do not fit.
var integerSpellings = []string{"%d.0", "%d.00", "%de0", "%dE+0", "%d0e-1", "-0", "0.0", "1e3", "1E3", "1.5", "0.5", "1e-1",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1e19", "1e400", "1e-400",
	"123456789012345678901234567890", "1000000000000", "1000000000001", "0e10", "-1"}

func (w *writer) integerSpelling(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool {
		return f != nil && (f.Type == "integer" || f.Type == "money") && s.Node.IsInt()
	})
	if !ok {
		return "", false
	}
	text := strings.ReplaceAll(w.pick(integerSpellings), "%d", s.Node.Text)
	if strings.HasPrefix(s.Node.Text, "-") && strings.Contains(text, "-"+s.Node.Text) {
		text = s.Node.Text
	}
	s.Replace(Lit(text))
	return s.Path + "=" + text, true
}

func (w *writer) negativeMoney(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && f.Type == "money" && s.Node.IsInt() })
	if ok {
		s.Replace(Int(-max(s.Node.IntValue(), 1)))
	}
	return s.Path, ok
}

var trickyDates = []string{"2012-02-29", "2011-02-29", "2011-04-31", "2011-12-31", "2012-01-01", "2000-02-29", "1900-02-29",
	"2016-08-31", "2019-08-31", "0000-01-01", "9999-12-31", "2011-01-10", "2011-01-11", "2011-02-28", "2011-03-01", "2024-02-29"}

func (w *writer) trickyDate(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && f.Format == "date" })
	if ok {
		s.Replace(Str(w.pick(trickyDates)))
	}
	return s.Path, ok
}

// unicodeTexts are texts real and hostile: accents both precomposed and
// combining, right-to-left text and marks, zero-width characters, emoji
// sequences, NUL and line separators, and escapes that only JSON text can
// carry (a lone surrogate).
var unicodeTexts = []*Node{
	Str("Zoë Siân Nguyễn"), Str("Zoe\u0308 Sia\u0302n"), Str("مدرسة كالدر"), Str("\u202eloohcs\u202c"), Str("a\u200bb\u200c\u200d"),
	Str("👩\u200d🔬👨🏽\u200d🏫"), Str("🇬🇧"), Str("\ufeffCalder"), Str("line\u2028separator"), Str("nul\u0000inside"),
	Str("tab\there"), Str("\u00a0"), Str("\u3000"), Str("\u180e"), Lit(`"\ud800"`), Lit(`"\udc00x"`), Lit(`"\ud83d\ude00"`),
	Lit(`"\u0041\u00e9"`), Lit(`"\/slash"`), Str("<script>alert(1)</script>"), Str("'; DROP TABLE networks;--"),
	Str("${jndi:ldap://x}"), Str("\u0301leading combining mark"), Str("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), Str("Ｆｕｌｌｗｉｄｔｈ"),
}

func (w *writer) unicode(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && f.Type == "string" })
	if ok {
		s.Replace(unicodeTexts[w.r.IntN(len(unicodeTexts))].Clone())
	}
	return s.Path, ok
}

// blankText puts white space where text is needed: ECMAScript's white space
// (which the schema's pattern sees) and characters that look blank and are not.
func (w *writer) blankText(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool { return f != nil && f.Type == "string" && f.Format == "" && f.OneOf == nil })
	if ok {
		s.Replace(Str(w.pick([]string{" ", "\t\n", "\u00a0", "\u2003\u3000", "\u2028", "\ufeff", "\u200b", "\u180e", "\u0085", "  x  "})))
	}
	return s.Path, ok
}

func (w *writer) emptyList(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, _ *Field) bool { return s.Node.Kind == Array && len(s.Node.Items) > 0 })
	if ok {
		s.Node.Items = nil
	}
	return s.Path, ok
}

func (w *writer) otherScheme(doc *Node) (string, bool) {
	v := w.pick([]string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange", "no-such-scheme", "", "STEM-KN-2011"})
	doc.Set("scheme", Str(v))
	return "/scheme=" + strconv.Quote(v), true
}

// manyItems makes a list long: many members, lines or activities, still
// within the documented maximum.
func (w *writer) manyItems(doc *Node) (string, bool) {
	s, ok := w.pickSite(doc, func(s Site, f *Field) bool {
		return s.Node.Kind == Array && len(s.Node.Items) > 0 && f != nil && f.Type == "array"
	})
	if !ok {
		return "", false
	}
	n := 50 + w.r.IntN(200)
	if f := w.fields[s.Pattern]; f.Max != nil && int64(n) > *f.Max {
		n = int(*f.Max)
	}
	s.Replace(w.listOf(w.fields[s.Pattern].Elem, s.Node, n))
	return s.Path + "=" + strconv.Itoa(n) + " items", true
}

// breakText breaks the JSON text in ways no tree can: cut short, bytes that
// are not UTF-8, control characters, syntax JSON does not have, and nesting
// past the depth limit.
func (w *writer) breakText(text []byte) (string, []byte) {
	at := w.r.IntN(len(text))
	quote := strings.IndexByte(string(text[at:]), '"')
	inString := at
	if quote >= 0 {
		inString = at + quote + 1
	}
	splice := func(b []byte, i int, ins string) []byte {
		return append(append(append([]byte(nil), b[:i]...), ins...), b[i:]...)
	}
	switch w.r.IntN(16) {
	case 0:
		return "truncate@" + strconv.Itoa(at), text[:at]
	case 1:
		return "invalid-utf8", splice(text, inString, "\xff")
	case 2:
		return "overlong-utf8", splice(text, inString, "\xc0\xaf")
	case 3:
		return "raw-nul", splice(text, inString, "\x00")
	case 4:
		return "raw-newline-in-string", splice(text, inString, "\n")
	case 5:
		return "bom", append([]byte("\ufeff"), text...)
	case 6:
		return "trailing-garbage", append(text, " x"...)
	case 7:
		return "trailing-comma", append(text[:len(text)-1:len(text)-1], ",}"...)
	case 8:
		return "two-documents", append(append([]byte(nil), text...), text...)
	case 9:
		return "single-quotes", []byte(strings.ReplaceAll(string(text), `"`, `'`))
	case 10:
		return "comment", splice(text, 1, "/* note */")
	case 11:
		depth := 60 + w.r.IntN(50)
		nest := strings.Repeat("[", depth) + strings.Repeat("]", depth)
		return "nesting-" + strconv.Itoa(depth), splice(text, 1, `"deep":`+nest+",")
	case 12:
		return "bad-escape", splice(text, inString, `\x41`)
	case 13:
		return "surrogate-escapes", splice(text, inString, `\ud800\u0041\udbff\udfff`)
	case 14:
		var b bytes.Buffer
		if json.Indent(&b, text, "\r\n", w.pick([]string{"\t", "  ", " \t "})) != nil {
			return "whitespace", text
		}
		return "whitespace", append([]byte(" \t"), b.Bytes()...)
	}
	return "empty-or-scalar", []byte(w.pick([]string{"", " ", "null", "[]", "\"text\"", "0", "{", "}", "{}", "[{}]", "true"}))
}

// Mutations lists the names of the mutations the generator makes.
func Mutations() []string {
	out := make([]string, len(mutations))
	for i, m := range mutations {
		out[i] = m.name
	}
	return out
}
