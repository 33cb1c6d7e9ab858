package stemkn

import (
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// message is one row of a message table: a key and its text.
type message struct{ key, text string }

// Messages words findings. A message comes from a template chosen by the
// finding's code, refined by a variant (such as "missing" for a value a rule
// needs, or the name of a format) and by the pattern of its path (the path
// with list indices as "*"). The most specific template wins:
//
//	code.variant@pattern, code@pattern, code.variant, code
//
// Templates fill {name} from the finding's params and {field} from the label
// of its path; {1} and {2} are the 1-based list indices in the path. A
// capitalised placeholder ({Field}, {Category:category}) capitalises its
// text. Formats: {x:money} (minor units in the finding's currency),
// {x:date} ("10 January 2011"), {x:and} (a list joined with "and"),
// {x:label} (the label of the JSON Pointer in x), {x:currency} ("pounds"),
// {x:quoted}, {x:category} and {x:theme}
// (titles from the scheme), {x:list} (a list joined with "or"), {x:type}
// (a JSON type in words), {x:offer-kind} ("CPD", "work experience"), {x:audience} ("FE colleges", …). Labels are keyed "label@pattern".
//
// Hosts translate or reword by overriding any key (see With).
type Messages struct {
	text map[string]string
}

// With returns a copy of the messages with some templates or labels replaced.
func (m *Messages) With(overrides map[string]string) *Messages {
	n := &Messages{text: make(map[string]string, len(m.text)+len(overrides))}
	for k, v := range m.text {
		n.text[k] = v
	}
	for k, v := range overrides {
		n.text[k] = v
	}
	return n
}

// Keys lists the template and label keys, for hosts preparing a translation.
func (m *Messages) Keys() []string {
	out := make([]string, 0, len(m.text))
	for k := range m.text {
		out = append(out, k)
	}
	return out
}

// Template returns the text for a key, and whether there is one.
func (m *Messages) Template(key string) (string, bool) {
	t, ok := m.text[key]
	return t, ok
}

func (m *Messages) apply(fs Findings, s *compiled) {
	var scheme *Scheme
	if s != nil {
		scheme = s.Scheme
	}
	for i := range fs {
		fs[i].Message = m.Message(&fs[i], scheme)
	}
}

// Message words one finding. scheme may be nil.
func (m *Messages) Message(f *Finding, scheme *Scheme) string {
	pattern, indices := pathPattern(f.Path)
	code := string(f.Code)
	var tmpl string
	for _, key := range [...]string{code + "." + f.Variant + "@" + pattern, code + "@" + pattern, code + "." + f.Variant, code} {
		if t, ok := m.text[key]; ok {
			tmpl = t
			break
		}
	}
	if tmpl == "" {
		tmpl = "{Field} has a problem (" + code + ")"
	}
	return m.fill(tmpl, f, scheme, pattern, indices)
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

func (m *Messages) label(pattern string, indices []string) string {
	if l, ok := m.text["label@"+pattern]; ok {
		return fillIndices(l, indices)
	}
	if pattern == "" {
		return "the document"
	}
	return `"` + pattern[strings.LastIndexByte(pattern, '/')+1:] + `"`
}

func fillIndices(s string, indices []string) string {
	for i, v := range indices {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", v)
	}
	return s
}

func (m *Messages) fill(tmpl string, f *Finding, scheme *Scheme, pattern string, indices []string) string {
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
		b.WriteString(m.placeholder(tmpl[open+1:open+end], f, scheme, pattern, indices))
		tmpl = tmpl[open+end+1:]
	}
}

func (m *Messages) placeholder(name string, f *Finding, scheme *Scheme, pattern string, indices []string) string {
	name, format, _ := strings.Cut(name, ":")
	upper := name != "" && name[0] >= 'A' && name[0] <= 'Z'
	if upper {
		name = strings.ToLower(name[:1]) + name[1:]
	}
	var text string
	switch {
	case name == "field":
		text = m.label(pattern, indices)
	case format == "label":
		at, _ := f.Params[name].(string)
		text = m.label(pathPattern(at))
	case name >= "1" && name <= "9" && len(name) == 1:
		if k := int(name[0] - '1'); k < len(indices) {
			text = indices[k]
		}
	default:
		text = formatParam(f.Params[name], format, f.Params, scheme)
	}
	if upper {
		return capitalise(text)
	}
	return text
}

func formatParam(v any, format string, params Params, scheme *Scheme) string {
	switch x := v.(type) {
	case int64:
		if format == "money" {
			cur, _ := params["currency"].(string)
			if cur == "" && scheme != nil {
				cur = scheme.Currency
			}
			if cur == "" {
				cur = "GBP"
			}
			return budget.Format(budget.Amount(x), cur)
		}
		return strconv.FormatInt(x, 10)
	case []string:
		if format == "and" {
			return joinAnd(x)
		}
		if format == "audience" {
			words := make([]string, len(x))
			for i, a := range x {
				words[i] = formatParam(a, format, params, scheme)
			}
			return joinOr(words)
		}
		return joinOr(x)
	case string:
		return formatText(x, format, scheme)
	}
	return ""
}

// formatText writes a text param in a format (see Messages).
func formatText(x, format string, scheme *Scheme) string {
	switch format {
	case "date":
		if d, ok := eligibility.ParseDate(x); ok {
			return d.Long()
		}
	case "quoted":
		return `"` + x + `"`
	case "offer-kind":
		if w, ok := offerKindWords[x]; ok {
			return w
		}
	case "audience":
		if w, ok := audienceWords[x]; ok {
			return w
		}
	case "type":
		return jsonTypeWords[x]
	case "currency":
		if w, ok := currencyWords[x]; ok {
			return w
		}
	case "category":
		if scheme != nil {
			return scheme.categoryTitle(x)
		}
	case "theme":
		if scheme != nil {
			for _, t := range scheme.Themes {
				if t.ID == x {
					return t.Title
				}
			}
		}
	}
	return x
}

// currencyWords name currencies as a sentence does: "Enter the amount in pounds".
var currencyWords = map[string]string{"GBP": "pounds", "EUR": "euros", "USD": "US dollars"}

var offerKindWords = map[string]string{"cpd": "CPD", "work-experience": "work experience"}

var audienceWords = map[string]string{
	"fe-college": "FE colleges", "private-training-provider": "private training providers",
	"education-charity": "education charities", "school": "schools", "university": "universities",
}

var jsonTypeWords = map[string]string{
	"string": "text", "integer": "a whole number", "boolean": "true or false",
	"object": "a group of fields", "array": "a list", "number": "a number", "null": "empty",
}
