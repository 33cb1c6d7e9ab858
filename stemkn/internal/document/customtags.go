package document

import (
	"strings"

	"github.com/stemkn/stemkn/eligibility"
)

// A customTag is a validate tag of ours: how Go checks a value and how the
// JSON Schema export says the same thing. Declaring both in one place keeps
// the Go validator and the schema in step.
type customTag struct {
	name    string
	code    Code              // the problem's code when the check fails
	check   func(string) bool // the Go check
	pattern string            // the schema's "pattern", and/or
	format  string            // the schema's "format", or
	enum    func() []string   // the schema's "enum"
	// length is the number of characters of a fixed-length value, said
	// beside its pattern as minLength and maxLength: a validator whose $
	// matches before a final newline (Python's re) still refuses
	// "107552\n". oneLine says, for a value of no fixed length, that it
	// has no line break ("not": {"pattern": "\n"}), for the same reason.
	length  int
	oneLine bool
}

// EmailPattern is the shape an email address must have: something, an @,
// and a domain with a dot in it. It is deliberately loose (the only real
// check of an address is sending to it) and written so that Go, ECMAScript
// and every JSON Schema validator read it alike.
const EmailPattern = `^[^@ \t\r\n]+@[^@ \t\r\n]+\.[^@ \t\r\n]+$`

// PostcodePattern is a UK postcode in capitals with its space, as Royal Mail writes it.
const PostcodePattern = `^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$`

// CompanyNumberPattern is a Companies House company number: eight digits, or
// two capital letters (such as SC or NI) and six digits.
const CompanyNumberPattern = `^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})$`

var customTags = []customTag{
	// A date's pattern says its shape; its format, which validators need
	// not assert, and Go say the calendar (no 31 April).
	{name: "date", code: Format, check: isDate, pattern: eligibility.DatePattern, format: "date", length: 10},
	{name: "email", code: Format, check: isEmail, pattern: EmailPattern, oneLine: true},
	{name: "urn", code: Format, check: eligibility.IsURN, pattern: eligibility.URNPattern, length: 6},
	{name: "ukprn", code: Format, check: eligibility.IsUKPRN, pattern: eligibility.UKPRNPattern, length: 8},
	{name: "pic", code: Format, check: eligibility.IsPIC, pattern: eligibility.PICPattern, length: 9},
	{name: "postcode", code: Format, check: isPostcode, pattern: PostcodePattern, oneLine: true},
	{name: "company-number", code: Format, check: isCompanyNumber, pattern: CompanyNumberPattern, length: 8},
	{name: "country", code: Enum, enum: eligibility.CountryCodes},
	{name: "subdivision", code: Enum, enum: eligibility.Subdivisions},
	{name: "region", code: Enum, enum: regionSlugs},
	{name: "phase", code: Enum, enum: eligibility.Phases},
	{name: "establishment-type", code: Enum, enum: establishmentTypeSlugs},
}

// TagSchema is the JSON Schema form of one of stemkn's own validate tags:
// a Pattern (with a Format beside it for dates, with Length or OneLine),
// or an Enum.
type TagSchema struct {
	// Pattern is an ECMAScript regular expression that RE2 and Python's re
	// read alike.
	Pattern string
	// Format is a JSON Schema format name, such as "date".
	Format string
	// Enum lists the values allowed.
	Enum []string
	// Length is the number of characters a fixed-length value has (0 when
	// its length varies): the schema's minLength and maxLength.
	Length int
	// OneLine says the value has no line break: the schema's
	// "not": {"pattern": "\n"}.
	OneLine bool
}

// CustomTagSchema returns the JSON Schema form of stemkn's own validate tag
// name (such as "urn" or "date"), and false when name is not one of ours
// (validator's own tags, such as "required" and "max", are not). It is how
// the schema generator (internal/schemagen) reads the table that also
// registers the Go checks, so the two cannot say different things.
func CustomTagSchema(name string) (TagSchema, bool) {
	for _, t := range customTags {
		if t.name == name {
			ts := TagSchema{Pattern: t.pattern, Format: t.format, Length: t.length, OneLine: t.oneLine}
			if t.enum != nil {
				ts.Enum = t.enum()
			}
			return ts, true
		}
	}
	return TagSchema{}, false
}

func regionSlugs() []string {
	var out []string
	for _, r := range eligibility.Regions() {
		out = append(out, r.Slug)
	}
	return out
}

func establishmentTypeSlugs() []string {
	var out []string
	for _, t := range eligibility.EstablishmentTypes() {
		out = append(out, t.Slug)
	}
	return out
}

func isDate(s string) bool {
	_, ok := eligibility.ParseDate(s)
	return ok
}

// isEmail is EmailPattern without a regular expression (it runs on every
// keystroke in the widget): one @, no spaces, and a dot in the domain with
// something either side of it.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || strings.IndexByte(s[at+1:], '@') >= 0 || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	// The domain is "x.y" with x and y not empty: a dot strictly inside it.
	domain := s[at+1:]
	return len(domain) >= 3 && strings.IndexByte(domain[1:len(domain)-1], '.') >= 0
}

func isPostcode(s string) bool {
	// Outward code: A9, A99, AA9, AA99, A9A, AA9A; then a space and 9AA.
	n := len(s)
	if n < 6 || n > 8 || s[n-4] != ' ' || !isDigit(s[n-3]) || !isUpper(s[n-2]) || !isUpper(s[n-1]) {
		return false
	}
	out := s[:n-4]
	letters := 0
	for letters < len(out) && letters < 2 && isUpper(out[letters]) {
		letters++
	}
	if letters == 0 || letters >= len(out) || !isDigit(out[letters]) {
		return false
	}
	rest := out[letters+1:]
	return len(rest) == 0 || len(rest) == 1 && (isDigit(rest[0]) || isUpper(rest[0]))
}

func isCompanyNumber(s string) bool {
	if len(s) != 8 {
		return false
	}
	start := 0
	if isUpper(s[0]) && isUpper(s[1]) {
		start = 2
	}
	for i := start; i < 8; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// tagCodes maps our custom tags to the codes they report with.
var tagCodes = func() map[string]Code {
	m := make(map[string]Code, len(customTags))
	for _, t := range customTags {
		m[t.name] = t.code
	}
	return m
}()
