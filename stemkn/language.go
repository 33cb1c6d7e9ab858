package stemkn

import (
	_ "embed" // the built-in catalogues
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/stemkn/stemkn/internal/jsonreflect"
	"github.com/stemkn/stemkn/internal/jsonscan"
)

// welshFile is the built-in Welsh catalogue, messages/cy.json.
//
//go:embed messages/cy.json
var welshFile []byte

// messageFiles are the built-in catalogues of the languages other than
// English, by file name. Every messages/*.json but en.json must be listed
// here (TestEveryCatalogueFileIsBuiltIn sees to it). Plain byte slices, not
// an embed.FS: a file system would link io/fs into the widget, and with it
// time's formatting and parsing, for two files.
var messageFiles = []catalogueFile{{"cy.json", welshFile}}

// catalogueFile is one built-in catalogue: its file's name and contents.
type catalogueFile struct {
	name string
	data []byte
}

//go:generate go run ./internal/msggen

// englishMessages builds the English messages once: the default, and the
// reference every other language is checked against. They come from
// messages/en.json by way of Go data that internal/msggen generates from it
// (messages.gen.go), so a start-up neither scans the file nor checks each of
// its keys and placeholders again. The tests see to it that the data is
// what the checking reader makes of the file (parseMessages) and that it is
// up to date.
var englishMessages = sync.OnceValue(func() *Messages {
	m := &Messages{lang: englishLang, name: englishName, forms: englishForms, after: englishLists,
		text: make(map[string]string, len(englishEntries))}
	for _, e := range englishEntries {
		m.text[e.key] = e.text
	}
	return m
})

// builtinLanguages reads the other built-in catalogues once, the first time
// a caller asks for a language by tag or for the list: a page in English
// (DefaultMessages) never reads them, and the Welsh catalogue, twice the
// size of the English one and checked against every built-in scheme's
// words, is most of what reading the catalogues costs. A language whose
// file has a problem — a key added to English and not yet to it — is left
// out, and MessagesIn says what is wrong with it.
var builtinLanguages = sync.OnceValue(func() builtin {
	en := englishMessages()
	out := builtin{languages: map[string]*Messages{en.lang: en}, broken: map[string]error{}}
	for _, f := range messageFiles {
		m, err := parseMessages(f.data, en, nil)
		if err != nil {
			out.broken[strings.TrimSuffix(f.name, ".json")] = err
			continue
		}
		out.languages[m.lang] = m
	}
	return out
})

// DefaultMessages returns the English messages, written in the GOV.UK error
// message style: plain, specific, and saying what to do.
func DefaultMessages() *Messages { return englishMessages() }

// builtin are the built-in languages by tag, and those whose file has a
// problem, by the file's name.
type builtin struct {
	languages map[string]*Messages
	broken    map[string]error
}

// Languages lists the tags of the built-in languages, sorted: "cy" (Welsh)
// and "en" (English).
func Languages() []string {
	var out []string
	for tag := range builtinLanguages().languages {
		out = append(out, tag)
	}
	sort.Strings(out)
	return out
}

// MessagesIn returns the built-in messages of a language, by its BCP 47
// tag. A tag with a region or script ("cy-GB") gets its language's
// messages.
func MessagesIn(lang string) (*Messages, error) {
	tag := strings.ToLower(lang)
	primary, _, _ := strings.Cut(tag, "-")
	if en := englishMessages(); primary == en.lang {
		return en, nil // without reading the other languages
	}
	b := builtinLanguages()
	for _, t := range []string{tag, primary} {
		if m, ok := b.languages[t]; ok {
			return m, nil
		}
		if err, ok := b.broken[t]; ok {
			return nil, err
		}
	}
	return nil, errors.New("stemkn: there are no messages in " + strconv.Quote(lang) + ": the languages are " + joinWith(Languages(), "and"))
}

// MessagesError is what is wrong with a catalogue file or a set of
// overrides: every problem found, not just the first.
type MessagesError struct {
	// Lang is the language of the messages.
	Lang string
	// Problems are what is wrong, each with its key.
	Problems []MessageProblem
}

// MessageProblem is one thing wrong with a catalogue.
type MessageProblem struct {
	// Key is the key at fault ("" for the file as a whole).
	Key string
	// Problem says what is wrong.
	Problem string
}

// maxReported bounds how many problems Error spells out.
const maxReported = 20

func (e *MessagesError) Error() string {
	var b strings.Builder
	b.WriteString("stemkn: messages")
	if e.Lang != "" {
		b.WriteString(" (" + e.Lang + ")")
	}
	b.WriteString(": ")
	for i, p := range e.Problems {
		if i == maxReported {
			b.WriteString("; and " + strconv.Itoa(len(e.Problems)-i) + " more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		if p.Key != "" {
			b.WriteString(strconv.Quote(p.Key) + ": ")
		}
		b.WriteString(p.Problem)
	}
	return b.String()
}

// catalogueMeta is the "_meta" object of a catalogue file.
type catalogueMeta struct {
	// Lang is the language's BCP 47 tag.
	Lang string `json:"lang"`
	// Name is the language's name in itself.
	Name string `json:"name"`
	// Extends names a built-in language whose messages the file overrides
	// key by key; without it the file must have every key.
	Extends string `json:"extends"`
	// Forms are the grammatical forms every label and vocabulary word has
	// in the language, beside its plain one (Welsh: "soft").
	Forms []string `json:"forms"`
	// Lists say which form the last item of a list takes after the list
	// word ("or": "soft" in Welsh, after "neu").
	Lists map[string]string `json:"lists"`
	// Note says what the file is.
	Note string `json:"note"`
	// Review lists keys whose text a speaker of the language should review.
	Review []string `json:"review"`
	// Sources says, by key, where a text comes from.
	Sources map[string]string `json:"sources"`
}

// LoadMessages reads a catalogue file (JSON, like messages/en.json). A file
// whose _meta has "extends" overrides that built-in language key by key;
// one without it is a whole language and must have every key. Unknown
// keys, missing keys and placeholders a message cannot fill are errors,
// reported together as a *MessagesError.
func LoadMessages(data []byte) (*Messages, error) {
	return parseMessages(data, DefaultMessages(), MessagesIn)
}

// With returns a copy of the messages with some keys given other texts, in
// the same language. The keys must be ones the language has (or a
// template for a labelled path: "required@/network/name"), and a text may
// use only the placeholders the English message for its key fills; any
// problem is a *MessagesError.
func (m *Messages) With(overrides map[string]string) (*Messages, error) {
	n := m.clone()
	c := checker{ref: DefaultMessages(), m: n}
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.set(k, overrides[k])
	}
	return n, c.err()
}

func (m *Messages) clone() *Messages {
	n := *m
	n.text = make(map[string]string, len(m.text))
	for k, v := range m.text {
		n.text[k] = v
	}
	return &n
}

// parseMessages reads a catalogue file, checking it against ref (the English
// messages; nil while reading English itself). builtin finds the language a
// file extends; it is nil while the built-in catalogues are read, which
// extend nothing.
func parseMessages(data []byte, ref *Messages, builtin func(string) (*Messages, error)) (*Messages, error) {
	entries, meta, problems := decodeCatalogue(data)
	if len(problems) > 0 {
		return nil, &MessagesError{Lang: meta.Lang, Problems: problems}
	}
	c := checker{ref: ref}
	var m *Messages
	if meta.Extends != "" {
		if builtin == nil {
			return nil, &MessagesError{Lang: meta.Lang, Problems: []MessageProblem{{Key: "_meta", Problem: "a built-in catalogue extends nothing"}}}
		}
		base, err := builtin(meta.Extends)
		if err != nil {
			return nil, &MessagesError{Lang: meta.Lang, Problems: []MessageProblem{{Key: "_meta", Problem: "extends " + strconv.Quote(meta.Extends) + ": " + strings.TrimPrefix(err.Error(), "stemkn: ")}}}
		}
		m = c.extending(base, meta)
	} else {
		m = c.newLanguage(meta, len(entries))
	}
	c.m = m
	inFile := make(map[string]bool, len(entries))
	for _, e := range entries {
		c.set(e.key, e.text)
		inFile[e.key] = true
	}
	if meta.Extends == "" {
		c.complete()
	}
	for _, k := range meta.Review {
		if !inFile[k] {
			c.problem("_meta", "review lists "+strconv.Quote(k)+", which is not a key of the file")
		}
	}
	for k := range meta.Sources {
		if !inFile[k] {
			c.problem("_meta", "sources names "+strconv.Quote(k)+", which is not a key of the file")
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// extending is the messages of a file that overrides base, a built-in
// language, key by key.
func (c *checker) extending(base *Messages, meta catalogueMeta) *Messages {
	if meta.Lang != "" && !strings.EqualFold(meta.Lang, base.lang) {
		c.problem("_meta", "has lang "+strconv.Quote(meta.Lang)+" but extends "+strconv.Quote(meta.Extends))
	}
	if len(meta.Forms) > 0 || len(meta.Lists) > 0 {
		c.problem("_meta", "forms and lists belong to the language, not to a file that extends it")
	}
	m := base.clone()
	if meta.Name != "" {
		m.name = meta.Name
	}
	return m
}

// newLanguage is the messages of a whole catalogue, with its forms and
// lists checked; its texts are set after.
func (c *checker) newLanguage(meta catalogueMeta, size int) *Messages {
	if meta.Lang == "" {
		c.problem("_meta", `needs "lang", the language's tag (such as "cy"), or "extends", a built-in language to override`)
	}
	m := &Messages{lang: meta.Lang, name: meta.Name, forms: meta.Forms, after: meta.Lists, text: make(map[string]string, size)}
	if m.name == "" {
		m.name = m.lang
	}
	for _, f := range meta.Forms {
		if _, clash := formats[f]; clash || !isIdentifier(f) {
			c.problem("_meta", "form "+strconv.Quote(f)+" cannot be a form: a form is a word of letters that is not a format's name")
		}
	}
	for word, form := range meta.Lists {
		if word != "and" && word != "or" {
			c.problem("_meta", "lists names "+strconv.Quote(word)+": only \"and\" and \"or\" join lists")
		}
		if !slices.Contains(meta.Forms, form) {
			c.problem("_meta", "lists gives "+strconv.Quote(word)+" the form "+strconv.Quote(form)+", which is not one of the language's forms")
		}
	}
	return m
}

// decodeCatalogue reads a catalogue file's entries in file order and its
// _meta, refusing what encoding/json would let through: a repeated key, a
// text that is not a string, trailing data.
func decodeCatalogue(data []byte) ([]catalogueEntry, catalogueMeta, []MessageProblem) {
	if entries, metaValue, ok := scanCatalogue(data); ok {
		var meta catalogueMeta
		if problem := decodeMeta(metaValue, &meta); problem != nil {
			return entries, meta, []MessageProblem{*problem}
		}
		return entries, meta, nil
	}
	return readCatalogue(data)
}

// readCatalogue is decodeCatalogue over the whole file parsed: slower
// than scanCatalogue, it reads any file and says what is wrong with one.
func readCatalogue(data []byte) ([]catalogueEntry, catalogueMeta, []MessageProblem) {
	var meta catalogueMeta
	fail := func(problem string) ([]catalogueEntry, catalogueMeta, []MessageProblem) {
		return nil, meta, []MessageProblem{{Problem: problem}}
	}
	v, err := jsonscan.Parse(data, jsonscan.MaxDepth)
	if syntax, ok := err.(*jsonscan.SyntaxError); ok && syntax.Problem == jsonscan.Trailing {
		return fail("the file has more after its object")
	}
	if err != nil {
		return fail("the file is not well-formed JSON: " + err.Error())
	}
	file, ok := v.(*jsonscan.Object)
	if !ok {
		return fail("a catalogue file is a JSON object of keys and texts")
	}
	var entries []catalogueEntry
	var problems []MessageProblem
	seen := make(map[string]bool, len(file.Keys))
	hasMeta := false
	for i, key := range file.Keys {
		if seen[key] {
			problems = append(problems, MessageProblem{Key: key, Problem: "appears more than once"})
		}
		seen[key] = true
		if key == "_meta" {
			hasMeta = true
			if problem := decodeMeta(file.Values[i], &meta); problem != nil {
				problems = append(problems, *problem)
			}
			continue
		}
		text, ok := file.Values[i].(string)
		if !ok {
			problems = append(problems, MessageProblem{Key: key, Problem: "the text must be a JSON string"})
			continue
		}
		entries = append(entries, catalogueEntry{key, text})
	}
	if !hasMeta {
		problems = append(problems, MessageProblem{Key: "_meta", Problem: `is missing: a catalogue file says its language in "_meta"`})
	}
	return entries, meta, problems
}

// decodeMeta reads a catalogue's _meta, as jsonscan parsed it, saying what
// is wrong with it.
func decodeMeta(v any, meta *catalogueMeta) *MessageProblem {
	if err := jsonreflect.Decode(v, meta, true); err != nil {
		return &MessageProblem{Key: "_meta", Problem: "must be an object of lang, name, extends, forms, lists, note, review and sources: " + err.Error()}
	}
	return nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// checker checks the keys and texts put into a Messages.
type checker struct {
	ref      *Messages // the English reference; nil while reading English
	m        *Messages
	problems []MessageProblem
}

func (c *checker) problem(key, problem string) {
	c.problems = append(c.problems, MessageProblem{Key: key, Problem: problem})
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return &MessagesError{Lang: c.m.lang, Problems: c.problems}
}

// set checks a key and its text and, when both are good, puts them in.
func (c *checker) set(key, text string) {
	k, ok := c.classify(key)
	if !ok {
		return
	}
	if strings.TrimSpace(text) == "" {
		c.problem(key, "the text is empty")
		return
	}
	if c.placeholders(key, text, k) {
		c.m.text[key] = text
	}
}

// keyInfo is what a key is, for checking its text.
type keyInfo struct {
	kind   string // "finding", "label", "word", "ui", "rule", "scheme"
	stars  int    // list indices in the key's path pattern (-1: no pattern)
	ref    string // the reference text the key's placeholders are checked against ("" when none)
	hasRef bool
}

// classify says what a key is, reporting an unknown one.
func (c *checker) classify(key string) (keyInfo, bool) {
	info := keyInfo{stars: -1}
	refText := func(k string) {
		if c.ref != nil {
			info.ref, info.hasRef = c.ref.text[k]
		}
	}
	known := func(k string) bool { return c.ref == nil || c.ref.has(k) }
	switch {
	case key == "fallback":
		info.kind = "finding"
		refText(key)
		return info, true
	case strings.HasPrefix(key, "title@"), strings.HasPrefix(key, "description@"):
		// A field's title and description in the exported JSON Schema.
		_, pattern, _ := strings.Cut(key, "@")
		if pattern == "" || pattern[0] != '/' {
			c.problem(key, "a field's title or description has the key title@PATTERN or description@PATTERN, with PATTERN a JSON Pointer")
			return info, false
		}
		if !known(key) {
			c.problem(key, "is not a key stemkn has: no field is at "+strconv.Quote(pattern))
			return info, false
		}
		info.kind = "word"
		return info, true
	case strings.HasPrefix(key, "ui."), strings.HasPrefix(key, "rule@"), strings.HasPrefix(key, "schema."):
		info.kind = "ui"
		if strings.HasPrefix(key, "rule@") {
			info.kind = "rule"
		}
		if !known(key) {
			c.problem(key, "is not a key stemkn has")
			return info, false
		}
		refText(key)
		return info, true
	case strings.HasPrefix(key, "label"):
		return c.classifyLabel(key)
	case strings.HasPrefix(key, "word."):
		return c.classifyWord(key)
	case strings.HasPrefix(key, "scheme@"):
		if p := c.schemePlace(key[len("scheme@"):]); p != "" {
			c.problem(key, p)
			return info, false
		}
		info.kind = "scheme"
		return info, true
	}
	return c.classifyFinding(key)
}

// classifyFinding says what a finding template's key is
// (code[.variant][@pattern]) and which English text it is checked against,
// reporting one stemkn does not have.
func (c *checker) classifyFinding(key string) (keyInfo, bool) {
	info := keyInfo{stars: -1, kind: "finding"}
	base, pattern, hasPattern := strings.Cut(key, "@")
	if hasPattern {
		info.stars = strings.Count(pattern, "*")
	}
	if c.ref == nil {
		if base == "" || strings.ContainsAny(base, " {}") {
			c.problem(key, "is not a key: a template's key is code[.variant][@pattern]")
			return info, false
		}
		return info, true
	}
	if c.ref.has(key) {
		info.ref, info.hasRef = c.ref.text[key]
		return info, true
	}
	if !c.ref.has(base) && !c.ref.has(codeOf(base)) {
		c.problem(key, "is not a key stemkn has: there is no finding "+strconv.Quote(base))
		return info, false
	}
	if hasPattern && !c.ref.has("label@"+pattern) {
		c.problem(key, "is not a key stemkn has: no field is at "+strconv.Quote(pattern))
		return info, false
	}
	// The reference is what a finding with this key would get in English.
	for _, k := range []string{base + "@" + pattern, codeOf(base) + "@" + pattern, base, codeOf(base)} {
		if t, ok := c.ref.text[k]; ok {
			info.ref, info.hasRef = t, true
			break
		}
	}
	return info, true
}

// classifyLabel says what a label's key is (label@PATTERN or
// label.FORM@PATTERN), reporting one stemkn does not have.
func (c *checker) classifyLabel(key string) (keyInfo, bool) {
	info := keyInfo{stars: -1}
	name, pattern, found := strings.Cut(key, "@")
	form, formed := strings.CutPrefix(name, "label.")
	if !found || (name != "label" && !formed) || (pattern != "" && pattern[0] != '/') {
		c.problem(key, "a label's key is label@PATTERN or label.FORM@PATTERN, with PATTERN a JSON Pointer")
		return info, false
	}
	if formed && !slices.Contains(c.m.forms, form) {
		c.problem(key, c.noForm(form))
		return info, false
	}
	if c.ref != nil && !c.ref.has("label@"+pattern) {
		c.problem(key, "is not a key stemkn has: no field is at "+strconv.Quote(pattern))
		return info, false
	}
	info.kind, info.stars = "label", strings.Count(pattern, "*")
	return info, true
}

// classifyWord says what a vocabulary word's key is (word.SET@ID or
// word.SET.FORM@ID), reporting one stemkn does not have.
func (c *checker) classifyWord(key string) (keyInfo, bool) {
	info := keyInfo{stars: -1}
	name, id, found := strings.Cut(key[len("word."):], "@")
	set, form, formed := strings.Cut(name, ".")
	if !found || set == "" || id == "" {
		c.problem(key, "a word's key is word.SET@ID or word.SET.FORM@ID")
		return info, false
	}
	if formed && !slices.Contains(c.m.forms, form) {
		c.problem(key, c.noForm(form))
		return info, false
	}
	if c.ref != nil && !c.ref.has("word."+set+"@"+id) {
		c.problem(key, "is not a key stemkn has")
		return info, false
	}
	info.kind = "word"
	return info, true
}

// codeOf drops a template key's variant: "format.date" is about "format".
func codeOf(base string) string {
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		return base[:i]
	}
	return base
}

func (m *Messages) has(key string) bool { _, ok := m.text[key]; return ok }

func (c *checker) noForm(form string) string {
	if len(c.m.forms) == 0 {
		return "uses the form " + strconv.Quote(form) + ", but the language " + strconv.Quote(c.m.lang) + " has no forms"
	}
	return "uses the form " + strconv.Quote(form) + ", but the forms of " + strconv.Quote(c.m.lang) + " are " + joinWith(c.m.forms, "and")
}

// placeholders checks a text's placeholders against what its key can fill,
// reporting any that cannot be filled. It says whether the text is good.
func (c *checker) placeholders(key, text string, k keyInfo) bool {
	before := len(c.problems)
	var refNames map[string][]string // name → its value formats in the reference
	if k.hasRef {
		refNames = placeholderNames(k.ref)
	}
	rest := text
	for {
		open, close := strings.IndexByte(rest, '{'), strings.IndexByte(rest, '}')
		if open < 0 && close < 0 {
			break
		}
		if open < 0 || (close >= 0 && close < open) {
			c.problem(key, "has a } with no { before it")
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			c.problem(key, "has a { with no } after it")
			break
		}
		if inner := strings.IndexByte(rest[open+1:open+end], '{'); inner >= 0 {
			c.problem(key, "has a { inside a placeholder")
			break
		}
		c.placeholder(key, rest[open:open+end+1], k, refNames)
		rest = rest[open+end+1:]
	}
	return len(c.problems) == before
}

// placeholder checks one placeholder ("{name:format}").
func (c *checker) placeholder(key, ph string, k keyInfo, refNames map[string][]string) {
	name, fmts := placeholderParts(ph[1 : len(ph)-1])
	lower := name
	if name != "" && name[0] >= 'A' && name[0] <= 'Z' {
		lower = strings.ToLower(name[:1]) + name[1:]
	}
	bad := func(why string) { c.problem(key, ph+" "+why) }
	switch k.kind {
	case "word", "scheme":
		bad("cannot be filled: this text has no placeholders")
		return
	case "label":
		if n, err := strconv.Atoi(name); err != nil || n < 1 || n > k.stars || len(fmts) > 0 {
			bad("cannot be filled: a label fills only {1} to {" + strconv.Itoa(max(k.stars, 1)) + "}, the list indices in its path")
		}
		return
	}
	if name == "" {
		bad("has no name")
		return
	}
	value, ok := c.valueFormat(fmts, bad)
	if !ok {
		return
	}
	switch {
	case lower == "field":
		if k.kind != "finding" {
			bad("cannot be filled: only a finding's message has a field")
		} else if value != "" {
			bad("cannot be filled: {field} takes only a form, such as {field:soft}")
		}
		return
	case len(name) == 1 && name >= "1" && name <= "9":
		n := int(name[0] - '0')
		if k.stars >= 0 && n > k.stars && refNames[name] == nil {
			bad("cannot be filled: the path has " + strconv.Itoa(k.stars) + " list indices")
		}
		return
	}
	if !k.hasRef {
		return // English, the reference: it decides the names
	}
	want, ok := refNames[lower]
	if !ok {
		bad("cannot be filled: the English message fills " + namesOf(refNames))
		return
	}
	if !slices.Contains(want, value) {
		bad("should be written " + formatted(name, want) + ", as in the English message")
	}
}

// valueFormat is the format of a placeholder's value among its formats
// (not a list's join, not a form), reporting one that is none of these.
func (c *checker) valueFormat(fmts []string, bad func(string)) (string, bool) {
	var value string
	for _, f := range fmts {
		kind, isFormat := formats[f]
		switch {
		case isFormat && kind != formatJoin:
			value = f
		case isFormat:
		case slices.Contains(c.m.forms, f):
		default:
			bad("names " + strconv.Quote(f) + ", which is neither a format nor a form of " + strconv.Quote(c.m.lang))
			return "", false
		}
	}
	return value, true
}

// placeholderNames lists a reference text's placeholder names (first letter
// small) with the value formats each is written with.
func placeholderNames(text string) map[string][]string {
	out := map[string][]string{}
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			return out
		}
		name, fmts := placeholderParts(text[open+1 : open+end])
		if name != "" && name[0] >= 'A' && name[0] <= 'Z' {
			name = strings.ToLower(name[:1]) + name[1:]
		}
		value := ""
		for _, f := range fmts {
			if kind, ok := formats[f]; ok && kind != formatJoin {
				value = f
			}
		}
		if !slices.Contains(out[name], value) {
			out[name] = append(out[name], value)
		}
		text = text[open+end+1:]
	}
}

func namesOf(names map[string][]string) string {
	var list []string
	for n, fs := range names {
		if n != "field" {
			list = append(list, formatted(n, fs))
		}
	}
	if len(list) == 0 {
		return "nothing but {field} and list indices"
	}
	sort.Strings(list)
	return joinWith(list, "and")
}

func formatted(name string, fmts []string) string {
	var out []string
	for _, f := range fmts {
		if f == "" {
			out = append(out, "{"+name+"}")
		} else {
			out = append(out, "{"+name+":"+f+"}")
		}
	}
	return joinWith(out, "or")
}

// complete reports the keys a whole-language catalogue lacks: every key of
// the reference, each label and word in each of the language's forms, and
// (for a language other than English, whose words the schemes are written
// in) every word of the built-in schemes.
func (c *checker) complete() {
	if c.ref == nil {
		return
	}
	var missing []string
	for key := range c.ref.text {
		if !c.m.has(key) {
			missing = append(missing, key)
		}
		for _, form := range c.m.forms {
			if f := formed(key, form); f != "" && !c.m.has(f) {
				missing = append(missing, f)
			}
		}
	}
	if !strings.EqualFold(c.m.lang, "en") {
		for _, w := range builtinSchemeWords() {
			if !c.m.has(w.key) {
				missing = append(missing, w.key)
			}
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		c.problem(k, "is missing")
	}
}

// formed is a label's or word's key in a form ("label.soft@/plan"), or ""
// for a key that has no forms.
func formed(key, form string) string {
	switch {
	case strings.HasPrefix(key, "label@"):
		return "label." + form + key[len("label"):]
	case strings.HasPrefix(key, "word."):
		set, id, _ := strings.Cut(key[len("word."):], "@")
		if formSets[set] {
			return "word." + set + "." + form + "@" + id
		}
	}
	return ""
}

// formSets are the word sets whose words have the language's forms: they
// are the ones that stand in sentences where a form changes a word (a
// Welsh word after "neu", "or", takes the soft mutation).
var formSets = map[string]bool{"type": true, "offer-kind": true, "audience": true, "date-part": true}

// Check reports the words of the schemes that the messages do not give in
// their language, as a *MessagesError: a host that loads a scheme file and
// shows a language other than English adds the file's words (With, or a
// catalogue file) and checks them here. English messages lack nothing, the
// scheme data being English.
func (m *Messages) Check(schemes ...*Scheme) error {
	if strings.EqualFold(m.lang, "en") {
		return nil
	}
	c := checker{m: m}
	for _, s := range schemes {
		for _, w := range schemeWords(s) {
			if got := m.schemeWord(s, w.place, w.english); got == w.english {
				if _, own := m.text["scheme@"+s.ID+"/"+w.place]; !own {
					c.problem("scheme@"+s.ID+"/"+w.place, "is missing: the scheme's English is "+strconv.Quote(w.english))
				}
			}
		}
	}
	return c.err()
}

// schemePlace says what is wrong with the SCHEME/PLACE of a scheme word's
// key, or "". A built-in scheme's words are known; another scheme's (a
// scheme file's) may be any place a scheme can have a word.
func (c *checker) schemePlace(sp string) string {
	id, place, ok := strings.Cut(sp, "/")
	if !ok || id == "" {
		return "a scheme word's key is scheme@SCHEME/PLACE, such as scheme@stem-kn-2011/categories/resources"
	}
	if builtinScheme(id) {
		if _, ok := builtinWordIndex()[sp]; !ok {
			return "is not a word of the scheme " + strconv.Quote(id) + ": its words are at " + strings.Join(builtinPlaces(id), ", ")
		}
		return ""
	}
	parts := strings.Split(place, "/")
	switch {
	case len(parts) == 1 && parts[0] == "title",
		len(parts) == 2 && (parts[0] == "themes" || parts[0] == "categories") && parts[1] != "",
		len(parts) == 3 && parts[0] == "institutions" && parts[1] != "" && (parts[2] == "title" || parts[2] == "who" || parts[2] == "does"),
		len(parts) == 3 && parts[0] == "activities" && isIndex(parts[1]) && parts[2] == "name",
		len(parts) == 2 && parts[0] == "minInstitutions" && parts[1] == "who",
		len(parts) == 2 && parts[0] == "strands" && parts[1] != "":
		return ""
	}
	return "is not a place a scheme has words: title, themes/ID, categories/ID, institutions/ID/title (or who, does), activities/N/name, minInstitutions/who or strands/ID"
}

func isIndex(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && strconv.Itoa(n) == s
}
