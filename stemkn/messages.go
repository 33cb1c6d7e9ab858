package stemkn

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// Messages are every word stemkn shows people, in one language: the
// templates that word findings, the labels of fields, the titles of rules,
// vocabulary words, a scheme's own words, and the words of the page around a
// form (the error summary's title, the "Error:" prefix, the page title, the
// budget summary and the eligibility panel). Each language is a catalogue
// file (messages/en.json, messages/cy.json), checked when it is read (and
// English, the default, when it is built: see englishMessages);
// DefaultMessages is English and MessagesIn picks another.
//
// A finding's message comes from a template chosen by its code, refined by
// a variant (such as "missing" for a value a rule needs, or the name of a
// format) and by the pattern of its path (the path with list indices as
// "*"). The most specific template wins:
//
//	code.variant@pattern, code@pattern, code.variant, code
//
// Templates fill {name} from the finding's params and {field} from the label
// of its path ("label@pattern"); {1} and {2} are the 1-based list indices in
// the path. A capitalised placeholder ({Field}, {Category:category})
// capitalises its text. After the name come formats, each after a colon:
// {x:money} (minor units in the finding's currency), {x:date} ("10 January
// 2011"), {x:weekday} ("Monday"), {x:quoted}, {x:label} (the label of the
// JSON Pointer in x), {x:category}, {x:theme} and {x:strand} (the
// scheme's words), {x:scheme} (text from the scheme data, in the
// language's words), and the vocabulary formats {x:type}, {x:offer-kind},
// {x:audience}, {x:date-part}, {x:identifier} and {x:currency} ("pounds"),
// from "word.SET@ID" keys. A list is joined with "or" ({x:or}, also
// {x:list}, the default) or "and" ({x:and}), after its vocabulary format:
// {missing:date-part:and}. A language with grammatical forms (Welsh
// has "soft", the soft mutation) names one to pick a label's or a word's
// form: {field:soft}.
//
// Messages are values: With and LoadMessages give new ones, and a Messages
// is safe for concurrent use.
type Messages struct {
	lang  string
	name  string
	forms []string          // the label and word forms the language has, such as "soft"
	after map[string]string // a list word ("or") → the form of the item after it
	text  map[string]string
}

// Lang is the language's BCP 47 tag, such as "en" or "cy".
func (m *Messages) Lang() string { return m.lang }

// Name is the language's name in itself ("English", "Cymraeg"), for a
// language switch.
func (m *Messages) Name() string { return m.name }

// Keys lists the keys, sorted: templates, labels, rule titles, words and
// the page's words, for hosts preparing a translation.
func (m *Messages) Keys() []string {
	out := make([]string, 0, len(m.text))
	for k := range m.text {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Template returns the text for a key, and whether there is one.
func (m *Messages) Template(key string) (string, bool) {
	t, ok := m.text[key]
	return t, ok
}

// Words returns the keys that start with prefix and their texts, such as
// "ui." for the page's words the widget shows.
func (m *Messages) Words(prefix string) map[string]string {
	out := map[string]string{}
	for k, v := range m.text {
		if strings.HasPrefix(k, prefix) {
			out[k] = v
		}
	}
	return out
}

// Text fills the template at key with values by name, for the page's words
// ("ui.page-title" with {"title": …}). A placeholder without a value is
// left as it is; an unknown key gives "".
func (m *Messages) Text(key string, values map[string]string) string {
	return fillNamed(m.text[key], values)
}

// Label returns the label of the field at an RFC 6901 JSON Pointer, in the
// messages' language, and whether it has one. A concrete path gets its list
// indices filled in ("/network/members/0/email": "the email address of
// member 1"); a pattern, with "*" for each index, gets the template
// ("/network/members/*/email": "the email address of member {1}"). The root
// "" is the document as a whole.
func (m *Messages) Label(pointer string) (string, bool) {
	if strings.Contains(pointer, "*") {
		t, ok := m.text["label@"+pointer]
		return t, ok
	}
	pattern, indices := pathPattern(pointer)
	t, ok := m.text["label@"+pattern]
	return fillIndices(t, indices), ok
}

// LabelPatterns lists the JSON Pointer patterns that have a label, sorted.
func (m *Messages) LabelPatterns() []string {
	var out []string
	for k := range m.text {
		if p, ok := strings.CutPrefix(k, "label@"); ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func (m *Messages) apply(fs Findings, s *compiled) {
	var scheme *Scheme
	var words *wordIndex
	if s != nil {
		scheme, words = s.Scheme, s.words
	}
	for i := range fs {
		fs[i].Message = m.message(&fs[i], scheme, words)
	}
}

// Message words one finding. scheme may be nil.
func (m *Messages) Message(f *Finding, scheme *Scheme) string { return m.message(f, scheme, nil) }

// message words one finding; words are the scheme's words, when the
// scheme is compiled (else they are listed when a template needs them).
func (m *Messages) message(f *Finding, scheme *Scheme, words *wordIndex) string {
	pattern, indices := pathPattern(f.Path)
	c := filling{m: m, f: f, params: f.Params, scheme: scheme, words: words, pattern: pattern, indices: indices}
	tmpl, ok := m.findingTemplate(string(f.Code), f.Variant, pattern)
	if !ok {
		tmpl, c.code = m.text["fallback"], string(f.Code)
	}
	return c.fill(tmpl)
}

// findingTemplate picks the most specific template for a finding.
func (m *Messages) findingTemplate(code, variant, pattern string) (string, bool) {
	if variant != "" {
		if t, ok := m.text[code+"."+variant+"@"+pattern]; ok {
			return t, true
		}
	}
	if t, ok := m.text[code+"@"+pattern]; ok {
		return t, true
	}
	if variant != "" {
		if t, ok := m.text[code+"."+variant]; ok {
			return t, true
		}
	}
	t, ok := m.text[code]
	return t, ok
}

// pathPattern replaces list indices with "*" and returns them 1-based.
func pathPattern(path string) (string, []string) {
	if path == "" {
		return "", nil
	}
	var b strings.Builder
	var indices []string
	for _, seg := range strings.Split(path[1:], "/") {
		b.WriteByte('/')
		if n, err := strconv.Atoi(seg); err == nil && n >= 0 && seg == strconv.Itoa(n) {
			b.WriteByte('*')
			indices = append(indices, strconv.Itoa(n+1))
			continue
		}
		b.WriteString(seg)
	}
	return b.String(), indices
}

// label is the label of a path pattern in a form ("" for the plain one).
// A path without a label is named by its last segment.
func (m *Messages) label(pattern string, indices []string, form string) string {
	if form != "" {
		if l, ok := m.text["label."+form+"@"+pattern]; ok {
			return fillIndices(l, indices)
		}
	}
	if l, ok := m.text["label@"+pattern]; ok {
		return fillIndices(l, indices)
	}
	return `"` + pattern[strings.LastIndexByte(pattern, '/')+1:] + `"`
}

// word is a vocabulary word in a form, or id itself when the set lacks it.
func (m *Messages) word(set, form, id string) string {
	if form != "" {
		if w, ok := m.text["word."+set+"."+form+"@"+id]; ok {
			return w
		}
	}
	if w, ok := m.text["word."+set+"@"+id]; ok {
		return w
	}
	return id
}

func fillIndices(s string, indices []string) string {
	for i, v := range indices {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", v)
	}
	return s
}

// fillNamed fills {name} placeholders from values, leaving others as they are.
func fillNamed(tmpl string, values map[string]string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			break
		}
		b.WriteString(tmpl[:open])
		name := tmpl[open+1 : open+end]
		if v, ok := values[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[open : open+end+1])
		}
		tmpl = tmpl[open+end+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// filling is what one template is filled from.
type filling struct {
	m       *Messages
	f       *Finding // nil for a rule title
	params  Params
	scheme  *Scheme
	words   *wordIndex // the scheme's words; nil until needed, unless compiled
	pattern string
	indices []string
	code    string // the code, for the fallback template
}

func (c *filling) fill(tmpl string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:open])
		b.WriteString(c.placeholder(tmpl[open+1 : open+end]))
		tmpl = tmpl[open+end+1:]
	}
}

// placeholderParts splits "name:format:format" into the name and its formats.
func placeholderParts(ph string) (string, []string) {
	name, rest, found := strings.Cut(ph, ":")
	if !found {
		return name, nil
	}
	return name, strings.Split(rest, ":")
}

// Kinds of format.
const (
	formatJoin  = "join"  // and, or, list
	formatValue = "value" // money, date, category…
	formatVocab = "vocab" // a value format that words ids from a word set
)

// formats are the formats a placeholder may name, by kind; a language's
// forms come on top.
var formats = map[string]string{
	"and": formatJoin, "or": formatJoin, "list": formatJoin,
	"money": formatValue, "date": formatValue, "weekday": formatValue, "quoted": formatValue,
	"label": formatValue, "category": formatValue, "theme": formatValue, "strand": formatValue, "scheme": formatValue,
	"type": formatVocab, "offer-kind": formatVocab, "audience": formatVocab, "date-part": formatVocab, "identifier": formatVocab, "currency": formatVocab,
}

func (c *filling) placeholder(ph string) string {
	name, fmts := placeholderParts(ph)
	upper := name != "" && name[0] >= 'A' && name[0] <= 'Z'
	if upper {
		name = strings.ToLower(name[:1]) + name[1:]
	}
	var value, join, form string
	for _, f := range fmts {
		switch formats[f] {
		case formatJoin:
			join = f
		case formatValue, formatVocab:
			value = f
		default:
			form = f
		}
	}
	var text string
	switch {
	case name == "field":
		text = c.m.label(c.pattern, c.indices, form)
	case name == "code" && c.code != "":
		text = c.code
	case len(name) == 1 && name >= "1" && name <= "9":
		if k := int(name[0] - '1'); k < len(c.indices) {
			text = c.indices[k]
		}
	default:
		text = c.param(c.params[name], value, join, form)
	}
	if upper {
		return capitalise(text)
	}
	return text
}

func (c *filling) param(v any, format, join, form string) string {
	switch x := v.(type) {
	case int64:
		if format == "money" {
			cur, _ := c.params["currency"].(string)
			if cur == "" && c.scheme != nil {
				cur = c.scheme.Currency
			}
			if cur == "" {
				cur = "GBP"
			}
			return budget.Format(budget.Amount(x), cur)
		}
		return strconv.FormatInt(x, 10)
	case []string:
		words := make([]string, len(x))
		for i, s := range x {
			f := form
			if i > 0 && i == len(x)-1 {
				if after := c.m.after[joinWord(join)]; after != "" {
					f = after
				}
			}
			words[i] = c.text(s, format, f)
		}
		return c.m.join(words, join)
	case string:
		return c.text(x, format, form)
	}
	return ""
}

func joinWord(join string) string {
	if join == "and" {
		return "and"
	}
	return "or"
}

// join joins items as a list in a sentence: "a, b or c".
func (m *Messages) join(items []string, join string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + m.word("list", "", joinWord(join)) + " " + items[len(items)-1]
}

// text words one string param in a format.
func (c *filling) text(x, format, form string) string {
	switch format {
	case "date":
		if d, ok := eligibility.ParseDate(x); ok {
			return c.m.date(d)
		}
	case "weekday":
		if d, ok := eligibility.ParseDate(x); ok {
			return c.m.word("weekday", form, weekdayIDs[d.Weekday()])
		}
	case "quoted":
		return `"` + x + `"`
	case "label":
		pattern, indices := pathPattern(x)
		return c.m.label(pattern, indices, form)
	case "type", "offer-kind", "audience", "date-part", "identifier", "currency":
		return c.m.word(format, form, x)
	case "category":
		if english, ok := c.schemeWords().byPlace["categories/"+x]; ok {
			return inSentence(c.m.schemeWord(c.scheme, "categories/"+x, english))
		}
		return x
	case "theme":
		return c.placeWord("themes/"+x, x)
	case "strand":
		return inSentence(c.placeWord("strands/"+x, x))
	case "scheme":
		return c.schemeText(x)
	}
	return x
}

// weekdayIDs name the days of the week in "word.weekday@ID" keys, by
// eligibility.Date.Weekday (0 is Sunday).
var weekdayIDs = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// date is a date as people read it: "10 January 2011".
func (m *Messages) date(d eligibility.Date) string {
	return strconv.Itoa(d.Day) + " " + m.word("month", "", strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(d.Year)
}

// CategoryTitle is a spend category's title in the messages' language, as
// a heading or table cell shows it ("Supply cover").
func (m *Messages) CategoryTitle(s *Scheme, id string) string {
	for _, cat := range s.Categories {
		if cat.ID == id {
			return m.schemeWord(s, "categories/"+id, cat.Title)
		}
	}
	return id
}

// themeWord is a theme's title in the messages' language.
func (m *Messages) themeWord(s *Scheme, id string) string {
	if s == nil {
		return id
	}
	for _, t := range s.Themes {
		if t.ID == id {
			return m.schemeWord(s, "themes/"+id, t.Title)
		}
	}
	return id
}

// inSentence gives a title a small first letter, for the middle of a
// sentence, unless its first word is an acronym ("STEM learning coaching").
func inSentence(title string) string {
	first, size := utf8.DecodeRuneInString(title)
	if size == 0 || !unicode.IsUpper(first) {
		return title
	}
	if next, _ := utf8.DecodeRuneInString(title[size:]); unicode.IsUpper(next) {
		return title
	}
	return string(unicode.ToLower(first)) + title[size:]
}

// A scheme's own words in the messages' language (see schemewords.go).

// schemeWord is the language's word for the scheme's word at place, whose
// English is english.
func (m *Messages) schemeWord(s *Scheme, place, english string) string {
	if s == nil {
		return english
	}
	if w, ok := m.text["scheme@"+s.ID+"/"+place]; ok {
		return w
	}
	if s.Extends != "" {
		if parent, ok := builtinWordIndex()[s.Extends+"/"+place]; ok && parent == english {
			if w, ok := m.text["scheme@"+s.Extends+"/"+place]; ok {
				return w
			}
		}
	}
	return english
}

// schemeWords are the scheme's words, indexed once for the filling (a
// compiled scheme brings its own index).
func (c *filling) schemeWords() *wordIndex {
	if c.words == nil {
		var words []schemeWord
		if c.scheme != nil {
			words = schemeWords(c.scheme)
		}
		c.words = indexWords(words)
	}
	return c.words
}

// schemeText is the language's words for a text taken from the scheme data
// (a finding's "who" or "need"), found by its English.
func (c *filling) schemeText(english string) string {
	if place, ok := c.schemeWords().byEnglish[english]; ok {
		return c.m.schemeWord(c.scheme, place, english)
	}
	return english
}

// placeWord is the language's word for the scheme's word at place ("strands/
// dissemination"), or orElse when the scheme has none there.
func (c *filling) placeWord(place, orElse string) string {
	if english, ok := c.schemeWords().byPlace[place]; ok {
		return c.m.schemeWord(c.scheme, place, english)
	}
	return orElse
}

// SchemeTitle is a scheme's title in the messages' language.
func (m *Messages) SchemeTitle(s *Scheme) string { return m.schemeWord(s, "title", s.Title) }
