package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// agreementCases are the documents the agreement test judges: every
// fixture, every fixture with each value dropped, nulled or given another
// type, and a hand-written table of boundaries with the verdict expected.
func agreementCases(t *testing.T, c *stemkn.Catalogue) []agreementCase {
	t.Helper()
	fixtures := map[string]string{} // file name -> text
	var names []string
	for _, pattern := range []string{"testdata/*.json", "testdata/schema/documents/*.json"} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			fixtures[f] = string(b)
			names = append(names, f)
		}
	}
	sort.Strings(names)
	var cases []agreementCase
	for _, f := range names {
		for _, id := range judgingSchemes(c, fixtures[f]) {
			cases = append(cases, agreementCase{name: f, scheme: id, doc: fixtures[f]})
			cases = append(cases, mutationsOf(t, f, id, fixtures[f])...)
		}
	}
	tab := boundaryTable(t, fixtures)
	require.GreaterOrEqual(t, len(tab), 60)
	return append(cases, tab...)
}

// judgingSchemes are the schemes whose schemas judge a document: the one it
// names, or every scheme when it names none that is known (then every
// schema and the validator must all reject it).
func judgingSchemes(c *stemkn.Catalogue, doc string) []string {
	var head struct {
		Scheme any `json:"scheme"`
	}
	_ = json.Unmarshal([]byte(doc), &head)
	if id, ok := head.Scheme.(string); ok {
		if _, known := c.Scheme(id); known {
			return []string{id}
		}
	}
	var ids []string
	for _, s := range c.Schemes() {
		ids = append(ids, s.ID)
	}
	return ids
}

// mutationsOf drops, nulls and retypes every value in doc, one at a time.
// The "scheme" field is left alone: a document naming another scheme is
// judged by that scheme, not by this one's schema.
func mutationsOf(t *testing.T, name, scheme, doc string) []agreementCase {
	t.Helper()
	var out []agreementCase
	for _, p := range pointers(t, parse(t, doc), "") {
		if p == "/scheme" {
			continue
		}
		v := get(t, parse(t, doc), p)
		out = append(out,
			agreementCase{name: name + " drop " + p, scheme: scheme, doc: edit(t, doc, drop(p))},
			agreementCase{name: name + " null " + p, scheme: scheme, doc: edit(t, doc, set(p, nil))},
			agreementCase{name: name + " retype " + p, scheme: scheme, doc: edit(t, doc, set(p, otherType(v)))},
		)
	}
	return out
}

// otherType is a value of another JSON type than v.
func otherType(v any) any {
	switch v.(type) {
	case string:
		return json.Number("5")
	case json.Number:
		return "5"
	case bool:
		return "true"
	case map[string]any:
		return []any{}
	}
	return map[string]any{}
}

func parse(t *testing.T, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

// pointers lists the JSON Pointer of every value under v, parents first.
func pointers(t *testing.T, v any, at string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, at+"/"+k)
			out = append(out, pointers(t, x[k], at+"/"+k)...)
		}
	case []any:
		for i, e := range x {
			p := at + "/" + strconv.Itoa(i)
			out = append(out, p)
			out = append(out, pointers(t, e, p)...)
		}
	}
	return out
}

func get(t *testing.T, v any, p string) any {
	t.Helper()
	for _, seg := range strings.Split(p[1:], "/") {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			require.NoError(t, err)
			v = x[i]
		}
	}
	return v
}

// A change is one edit of a parsed document.
type change func(t *testing.T, doc any) any

type dropped struct{}

func set(p string, v any) change {
	return func(t *testing.T, doc any) any { return put(t, doc, strings.Split(p[1:], "/"), v) }
}

func drop(p string) change { return set(p, dropped{}) }

// put sets (or with dropped{} removes) the value at path segs under v.
func put(t *testing.T, v any, segs []string, val any) any {
	t.Helper()
	if len(segs) == 0 {
		return val
	}
	switch x := v.(type) {
	case map[string]any:
		if len(segs) == 1 {
			if _, ok := val.(dropped); ok {
				delete(x, segs[0])
			} else {
				x[segs[0]] = val
			}
			return x
		}
		x[segs[0]] = put(t, x[segs[0]], segs[1:], val)
		return x
	case []any:
		i, err := strconv.Atoi(segs[0])
		require.NoError(t, err)
		if len(segs) == 1 {
			if _, ok := val.(dropped); ok {
				return append(x[:i:i], x[i+1:]...)
			}
			x[i] = val
			return x
		}
		x[i] = put(t, x[i], segs[1:], val)
		return x
	}
	t.Fatalf("no value at %v", segs)
	return nil
}

func edit(t *testing.T, doc string, changes ...change) string {
	t.Helper()
	v := parse(t, doc)
	for _, c := range changes {
		v = c(t, v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return b.String()
}

func list(vs ...any) []any { return append([]any{}, vs...) }

func repeat(v any, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func num(s string) json.Number { return json.Number(s) }

var (
	valid   = func() *bool { b := true; return &b }()
	invalid = func() *bool { b := false; return &b }()
)

// boundaryTable is the hand-written table: both sides of every bound, the
// formats, the scheme rules a schema expresses, and the ones it does not
// (which must leave the structural verdict valid).
func boundaryTable(t *testing.T, fixtures map[string]string) []agreementCase {
	kn := fixtures["testdata/calder.json"]
	every := fixtures["testdata/schema/documents/every-rule.json"]
	offer := fixtures["testdata/schema/documents/offer.json"]
	require.NotEmpty(t, kn)
	require.NotEmpty(t, every)
	require.NotEmpty(t, offer)
	var out []agreementCase
	add := func(name, scheme, base string, expect *bool, changes ...change) {
		out = append(out, agreementCase{name: "table " + name, scheme: scheme, doc: edit(t, base, changes...), expect: expect})
	}
	raw := func(name, scheme, doc string, expect *bool) {
		out = append(out, agreementCase{name: "table " + name, scheme: scheme, doc: doc, expect: expect})
	}
	const knID, everyID, outputsID, offerID = "stem-kn-2011", "schema-test-every-rule", "schema-test-outputs", "schema-test-offer"
	amount := "/funding/lines/0/amount"

	// Fixtures as they are.
	add("calder", knID, kn, valid)
	add("every rule", everyID, every, valid)
	add("offer", offerID, offer, valid)

	// Integers and money.
	for _, c := range []struct {
		text   string
		expect *bool
	}{
		{"0", invalid}, {"-1", invalid}, {"1", valid}, {"1.0", valid}, {"1e3", valid}, {"1.0e5", valid},
		{"1.5", invalid}, {"200000", valid}, {"200001", invalid}, {"1000000000000", invalid},
		{"1000000000001", invalid}, {"99999999999999999999", invalid}, {"-99999999999999999999", invalid},
		{"2E2", valid}, {"0.5e1", valid}, {"120000.000", valid},
	} {
		add("amount "+c.text, knID, kn, c.expect, set(amount, num(c.text)))
	}
	add("amount as text", knID, kn, invalid, set(amount, "120000"))
	add("lines each within the cap, total over it", knID, kn, valid,
		set(amount, num("190000")), set("/funding/lines/1/amount", num("30000")))

	// Dates.
	for _, c := range []struct {
		date   string
		expect *bool
	}{
		{"2011-02-29", invalid}, {"2012-02-29", valid}, {"1900-02-29", invalid}, {"2000-02-29", valid},
		{"2011-04-31", invalid}, {"2011-13-01", invalid}, {"2011-00-10", invalid}, {"2011-1-01", invalid},
		{"2011-01-01 ", invalid}, {"2011-01-01\n", invalid}, {"٢٠١١-٠١-٠١", invalid}, {"0000-01-01", valid},
		{"9999-12-31", valid}, {"2011/01/01", invalid}, {"20110101", invalid}, {"", invalid},
	} {
		add("start date "+strconv.Quote(c.date), knID, kn, c.expect, set("/plan/startDate", c.date))
	}
	add("activity date empty", knID, kn, valid, set("/plan/activities/0/date", ""))
	add("activity date 2011-02-30", knID, kn, invalid, set("/plan/activities/0/date", "2011-02-30"))
	add("submittedOn empty with a deadline", knID, kn, invalid, set("/submittedOn", ""))
	add("submittedOn missing with a deadline", knID, kn, invalid, drop("/submittedOn"))
	add("submittedOn after the deadline", knID, kn, valid, set("/submittedOn", "2011-01-11"))

	// Emails.
	for _, c := range []struct {
		email  string
		expect *bool
	}{
		{"a@b", invalid}, {"a@b.c", valid}, {"a @b.c", invalid}, {"a@@b.c", invalid}, {"@b.c", invalid},
		{"a@b.", invalid}, {"a@.b", invalid}, {"a@.b.c", valid}, {"a@b..", valid}, {"é@ü.de", valid},
		{"a@b.c\n", invalid}, {"a\t@b.c", invalid}, {"a@b\u00a0.c", valid}, {"", valid},
	} {
		add("member email "+strconv.Quote(c.email), knID, kn, c.expect, set("/network/members/0/email", c.email))
	}
	add("contact email empty", knID, kn, invalid, set("/contact/email", ""))

	// Identifiers and codes.
	inst := "/network/institutions/0/"
	for _, c := range []struct {
		field, value string
		expect       *bool
	}{
		{"urn", "12345", invalid}, {"urn", "1234567", invalid}, {"urn", "10755a", invalid},
		{"urn", "١٠٧٥٥٢", invalid}, {"urn", "107552\n", invalid}, {"urn", "", valid}, {"urn", "000000", valid},
		{"ukprn", "10001234", valid}, {"ukprn", "20001234", invalid}, {"ukprn", "1000123", invalid},
		{"pic", "123456789", valid}, {"pic", "12345678", invalid},
		{"country", "UK", invalid}, {"country", "FR", valid}, {"country", "gb", invalid},
		{"subdivision", "GB-XXX", invalid}, {"subdivision", "GB-SCT", valid}, {"subdivision", "", valid},
		{"region", "north", invalid}, {"region", "london", valid},
		{"phase", "Secondary", invalid}, {"phase", "all-through", valid},
		{"establishmentType", "academy", invalid}, {"establishmentType", "academy-converter", valid},
		{"kind", "School", invalid}, {"kind", "university", valid},
	} {
		add(c.field+" "+strconv.Quote(c.value), knID, kn, c.expect, set(inst+c.field, c.value))
	}
	add("stateFunded true", knID, kn, valid, set(inst+"stateFunded", true))
	add("stateFunded null", knID, kn, invalid, set(inst+"stateFunded", nil))

	// Unknown fields.
	for _, p := range []string{"/extra", "/network/foo", inst + "Urn", "/funding/lines/0/vat", "/plan/commitments/other", "/contact/address"} {
		add("unknown field "+p, knID, kn, invalid, set(p, "x"))
	}

	// Vocabularies.
	add("role boss", knID, kn, invalid, set("/network/members/0/role", "boss"))
	add("theme not the scheme's", knID, kn, invalid, set("/network/theme", "maths"))
	add("theme empty", knID, kn, invalid, set("/network/theme", ""))
	add("theme missing", knID, kn, invalid, drop("/network/theme"))
	add("category not the scheme's", knID, kn, invalid, set("/funding/lines/0/category", "food"))
	add("currency USD", knID, kn, invalid, set("/funding/currency", "USD"))
	add("currency EUR in a GBP scheme", knID, kn, invalid, set("/funding/currency", "EUR"))
	add("subjects all four", knID, kn, valid, set("/network/members/0/subjects", list("science", "technology", "engineering", "mathematics")))
	add("subjects repeated", knID, kn, invalid, set("/network/members/0/subjects", list("science", "science")))
	add("subjects five", knID, kn, invalid, set("/network/members/0/subjects", list("science", "technology", "engineering", "mathematics", "science")))
	add("subjects empty", knID, kn, valid, set("/network/members/0/subjects", list()))
	add("subject art", knID, kn, invalid, set("/network/members/0/subjects", list("art")))

	// Lengths counted in code points, with letters of two and four bytes.
	for _, c := range []struct {
		name   string
		value  string
		expect *bool
	}{
		{"200 é", strings.Repeat("é", 200), valid}, {"201 é", strings.Repeat("é", 201), invalid},
		{"200 emoji", strings.Repeat("😀", 200), valid}, {"201 emoji", strings.Repeat("😀", 201), invalid},
		{"199 emoji and é", strings.Repeat("😀", 199) + "é", valid},
	} {
		add("network name "+c.name, knID, kn, c.expect, set("/network/name", c.value))
	}
	add("phone 40 ☎", knID, kn, valid, set("/contact/phone", strings.Repeat("☎", 40)))
	add("phone 41 ☎", knID, kn, invalid, set("/contact/phone", strings.Repeat("☎", 41)))
	add("name empty", knID, kn, invalid, set("/network/name", ""))

	// Text a rule needs.
	for _, c := range []struct {
		name, value string
		expect      *bool
	}{
		{"spaces", "   ", invalid}, {"no-break space and line separator", "\u00a0\u2028", invalid},
		{"ideographic space and BOM", "\u3000\ufeff", invalid}, {"vertical tab", "\v", invalid},
		{"next line", "\u0085", valid}, {"zero-width space", "\u200b", valid}, {"one letter", "x", valid},
	} {
		add("area of interest "+c.name, knID, kn, c.expect, set("/network/areaOfInterest", c.value))
	}
	add("reflection tab", knID, kn, invalid, set("/plan/reflection", "\t"))
	add("reflection missing", knID, kn, invalid, drop("/plan/reflection"))

	// Lists.
	partner := map[string]any{"name": "Hub", "kind": "stem-ambassadors"}
	add("partners 100", knID, kn, valid, set("/network/partners", repeat(partner, 100)))
	add("partners 101", knID, kn, invalid, set("/network/partners", repeat(partner, 101)))
	add("institutions empty", knID, kn, invalid, set("/network/institutions", list()))

	// Funding and commitments.
	add("no funding", knID, kn, valid, drop("/funding"))
	add("no funding, nothing agreed", knID, kn, valid, drop("/funding"), drop("/plan/commitments"))
	add("funding with no lines", knID, kn, invalid, set("/funding/lines", list()))
	add("funding without lines", knID, kn, invalid, drop("/funding/lines"))
	add("funding empty object", knID, kn, invalid, set("/funding", map[string]any{}))
	add("funding null", knID, kn, invalid, set("/funding", nil))
	add("funded, report not agreed", knID, kn, invalid, set("/plan/commitments/submitReport", false))
	add("funded, commitments missing", knID, kn, invalid, drop("/plan/commitments"))
	add("resources over 20%", knID, kn, valid, set("/funding/lines/1/amount", num("60000")))
	add("funding for an academy", knID, kn, valid, set(inst+"establishmentType", "academy-converter"))

	// References between ids, which no schema sees, leave the rest judged.
	add("line names an unknown institution", knID, kn, valid, set("/funding/lines/0/institution", "nowhere"))
	add("unknown institution and a line over the cap", knID, kn, invalid,
		set("/funding/lines/0/institution", "nowhere"), set(amount, num("250000")))
	add("unknown institution and a category not the scheme's", knID, kn, invalid,
		set("/funding/lines/0/institution", "nowhere"), set("/funding/lines/0/category", "food"))
	add("unknown lead", knID, kn, valid, set("/network/lead", "nowhere"))
	add("duplicate institution ids", everyID, every, valid, set("/network/institutions/1/id", "hbs"))
	add("one institution, and lines naming the one dropped", everyID, every, invalid, drop("/network/institutions/1"))
	add("duplicate institution ids and a URN missing", everyID, every, invalid,
		set("/network/institutions/1/id", "hbs"), drop("/network/institutions/1/urn"))

	// Scheme and document shape.
	add("scheme unknown", knID, kn, invalid, set("/scheme", "no-such-scheme"))
	add("scheme missing", knID, kn, invalid, drop("/scheme"))
	add("scheme a number", knID, kn, invalid, set("/scheme", num("5")))
	raw("document an array", knID, `[]`, invalid)
	raw("document null", knID, `null`, invalid)
	raw("document text", knID, `"stem-kn-2011"`, invalid)
	raw("repeated key, both good", knID, strings.Replace(kn, `"name": "Calder Valley Maths in STEM Network",`,
		`"name": "Calder Valley Maths in STEM Network", "name": "Calder Valley STEM",`, 1), valid)

	// Every application rule (testdata/schema/schemes/every-rule.json).
	add("local issue missing", everyID, every, invalid, drop("/network/localIssue"))
	add("local issue blank", everyID, every, invalid, set("/network/localIssue", " \n"))
	add("URN missing where required", everyID, every, invalid, drop("/network/institutions/1/urn"))
	add("URN empty where required", everyID, every, invalid, set("/network/institutions/1/urn", ""))
	add("no student activity", everyID, every, invalid, drop("/plan/activities/1"))
	add("student activity now a visit", everyID, every, invalid, set("/plan/activities/1/kind", "visit"))
	add("lesson study counts as CPD", everyID, every, valid, set("/plan/activities/0/kind", "lesson-study"))
	add("no activities", everyID, every, invalid, drop("/plan/activities"))
	add("no funding where required", everyID, every, invalid, drop("/funding"))
	add("unfunded, commitment not agreed", everyID, every, invalid, set("/plan/commitments/shareOnline", false))
	add("commitments missing", everyID, every, invalid, drop("/plan/commitments"))
	add("venue without outputs", everyID, every, invalid, drop("/plan/outputs"))
	add("venue with no outputs", everyID, every, invalid, set("/plan/outputs", list()))
	add("no venue, no outputs", everyID, every, valid, drop("/funding/lines/2"), drop("/plan/outputs"))
	add("travel over its unit cost", everyID, every, valid, set("/funding/lines/1/amount", num("100000")))
	add("over the monthly cap", everyID, every, valid, set("/plan/endDate", "2011-02-28"))
	add("longer than a year", everyID, every, valid, set("/plan/endDate", "2012-12-31"))
	add("outputs two", outputsID, every, valid, set("/scheme", outputsID))
	add("outputs one", outputsID, every, invalid, set("/scheme", outputsID), drop("/plan/outputs/1"))
	add("outputs missing", outputsID, every, invalid, set("/scheme", outputsID), drop("/plan/outputs"))
	add("outputs missing, venue too", outputsID, every, invalid, set("/scheme", outputsID), drop("/plan/outputs"), drop("/funding/lines/2"))

	// Offers (testdata/schema/schemes/offer.json).
	cpd := []change{set("/offer/kind", "cpd"), set("/offer/format", "workshop"), set("/offer/audience", list("fe-college"))}
	add("CPD offer", offerID, offer, valid, cpd...)
	add("CPD offer for schools", offerID, offer, invalid, append(cpd, set("/offer/audience", list("fe-college", "school")))...)
	add("CPD offer that costs", offerID, offer, invalid, append(cpd, set("/offer/cost", num("100")))...)
	add("CPD offer with no cost", offerID, offer, valid, append(cpd, drop("/offer/cost"))...)
	add("CPD offer with no age range", offerID, offer, valid, append(cpd, drop("/offer/ageRange"))...)
	add("work experience with no age range", offerID, offer, invalid, drop("/offer/ageRange"))
	add("work experience for schools that costs", offerID, offer, valid, set("/offer/cost", num("2500")))
	add("age range upside down", offerID, offer, valid, set("/offer/ageRange", map[string]any{"min": num("20"), "max": num("19")}))
	for _, c := range []struct {
		field, value string
		expect       *bool
	}{
		{"max", "0", invalid}, {"max", "1", valid}, {"max", "120", valid}, {"max", "121", invalid},
		{"max", "19.0", valid}, {"max", "19.5", invalid}, {"min", "-1", invalid}, {"min", "0", valid},
		{"min", "1e30", invalid},
	} {
		add("age "+c.field+" "+c.value, offerID, offer, c.expect, set("/offer/ageRange/"+c.field, num(c.value)))
	}
	add("age range empty", offerID, offer, invalid, set("/offer/ageRange", map[string]any{}))
	add("audience empty", offerID, offer, invalid, set("/offer/audience", list()))
	add("audience repeated", offerID, offer, invalid, set("/offer/audience", list("school", "school")))
	add("audience six", offerID, offer, invalid, set("/offer/audience",
		list("fe-college", "private-training-provider", "education-charity", "school", "university", "school")))
	add("cost negative", offerID, offer, invalid, set("/offer/cost", num("-1")))
	add("cost past 64 bits", offerID, offer, invalid, set("/offer/cost", num("1e30")))
	add("kind internship", offerID, offer, invalid, set("/offer/kind", "internship"))
	add("format lecture", offerID, offer, invalid, set("/offer/format", "lecture"))
	for _, c := range []struct {
		field, value string
		expect       *bool
	}{
		{"postcode", "ol14 5qx", invalid}, {"postcode", "OL145QX", invalid}, {"postcode", "W1A 1AA", valid},
		{"postcode", "", valid}, {"startDate", "2019-02-29", invalid}, {"startDate", "", valid},
	} {
		add("offer "+c.field+" "+strconv.Quote(c.value), offerID, offer, c.expect, set("/offer/"+c.field, c.value))
	}
	for _, c := range []struct {
		value  string
		expect *bool
	}{{"SC123456", valid}, {"S1234567", invalid}, {"1234567", invalid}, {"", valid}} {
		add("company number "+strconv.Quote(c.value), offerID, offer, c.expect, set("/offer/employer/companyNumber", c.value))
	}
	add("offer document under an application scheme", knID, edit(t, offer, set("/scheme", knID)), invalid)
	return out
}
