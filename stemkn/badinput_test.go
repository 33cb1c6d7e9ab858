package stemkn_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
	"github.com/stretchr/testify/require"
)

// The README's "Bad input and limits" section says what each kind of bad
// input gets. These tests run every row and hold the README to the answers:
// a row of the table is the line badInputRow makes, word for word.

// funded is a valid stem-kn-2011 application whose funding lines are given.
func funded(lines string) string {
	return strings.Replace(goodApplication, `"contact"`, `"funding":{"currency":"GBP","lines":[`+lines+`]},"contact"`, 1)
}

const goodApplication = `{"scheme":"stem-kn-2011","submittedOn":"2011-01-07","network":{"name":"Calder Valley Maths in STEM Network",` +
	`"areaOfInterest":"Graphs and algebra across maths and science","theme":"maths-skills","lead":"ccs",` +
	`"institutions":[{"id":"ccs","name":"Calder Community School","kind":"school","country":"GB","subdivision":"GB-ENG",` +
	`"urn":"107552","establishmentType":"community-school","phase":"secondary","region":"yorkshire-and-the-humber"}],` +
	`"members":[{"name":"Asha Patel","role":"coordinator","subjects":["mathematics","science"],"institution":"ccs"}]},` +
	`"plan":{"startDate":"2011-02-01","endDate":"2011-07-15","reflection":"Lesson study each half term",` +
	`"commitments":{"practitionerResearch":true,"minimumOneTerm":true,"structuredApproach":true,"submitReport":true,"attendDissemination":true,"shareOnline":true}},` +
	`"contact":{"name":"Asha Patel","email":"a.patel@calder.example.org"}}`

func withDate(date string) string { return strings.Replace(goodApplication, "2011-02-01", date, 1) }

// badInput is one row of the table: an input and the one finding (code,
// path, message) it must get. Other findings the input may also get (a
// fragment lacks required fields) are not the row's business.
type badInput struct {
	what    string // the kind of bad input
	example string // the example, as the README shows it
	doc     string
	code    stemkn.Code // "" for none: the input is accepted
	path    string
	message string
}

var badInputs = []badInput{
	{"Malformed JSON", "a comma before `}`", `{"scheme":"stem-kn-2011",}`,
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is something other than a field name in quotes at line 1, column 26"},
	{"Truncated input", "the text stops inside a string", `{"scheme":"stem-kn-2011","network":{"name":"Cal`,
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is the end of the input inside text at line 1, column 48"},
	{"Empty input", "no bytes at all", ``,
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is the end of the input where a value should be at line 1, column 1"},
	{"Two documents", "`{…} {}`", goodApplication + ` {}`,
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is more text after the end of the document at line 1, column " + strconv.Itoa(len([]rune(goodApplication))+2)},
	{"Byte order mark", "`EF BB BF` before `{`", "\ufeff" + goodApplication,
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is a character that cannot start a value at line 1, column 1"},
	{"Duplicate keys", "`\"scheme\"` twice; the first counts", strings.Replace(goodApplication, `"submittedOn"`, `"scheme":"enthuse-2014","submittedOn"`, 1),
		stemkn.CodeDuplicate, "/scheme", "The scheme appears more than once: remove the repeat"},
	{"Wrong type", "`\"members\": \"Asha Patel\"`", strings.Replace(goodApplication, `"members":[{"name":"Asha Patel","role":"coordinator","subjects":["mathematics","science"],"institution":"ccs"}]`, `"members":"Asha Patel"`, 1),
		stemkn.CodeType, "/network/members", "The members must be a list, not text"},
	{"Null", "`\"funding\": null`", strings.Replace(goodApplication, `"contact"`, `"funding":null,"contact"`, 1),
		stemkn.CodeType, "/funding", "The funding must be a group of fields, not empty"},
	{"Amount past int64", "`9223372036854775808`", funded(`{"category":"venue","amount":9223372036854775808}`),
		stemkn.CodeOverflow, "/funding/lines/0/amount", "The amount of budget line 1 is too large: check it is in pence or cents"},
	{"Amounts whose sum would overflow", "two lines of `9000000000000000000`: each is over the line maximum, so no sum is made", funded(`{"category":"venue","amount":9000000000000000000},{"category":"travel","amount":9000000000000000000}`),
		stemkn.CodeMaximum, "/funding/lines/1/amount", "The amount of budget line 2 must be £10,000,000,000.00 or less"},
	{"Negative money", "`-100`", funded(`{"category":"venue","amount":-100}`),
		stemkn.CodeMinimum, "/funding/lines/0/amount", "The amount of budget line 1 must be £0.01 or more"},
	{"`1e3` for an integer", "`1e5` pence: read as 100000, as JSON Schema counts it", funded(`{"category":"venue","amount":1e5}`),
		"", "", ""},
	{"`1.0` for an integer", "`20000.0` pence: read as 20000", funded(`{"category":"venue","amount":20000.0}`),
		"", "", ""},
	{"A fraction for an integer", "`1.5` pence", funded(`{"category":"venue","amount":1.5}`),
		stemkn.CodeType, "/funding/lines/0/amount", "The amount of budget line 1 must be a whole number, not a number"},
	{"Impossible date", "`2011-02-29`", withDate("2011-02-29"),
		stemkn.CodeFormat, "/plan/startDate", "Start date must be a real date, like 2011-01-10"},
	{"Leap day", "`2012-02-29` is a date", strings.Replace(strings.Replace(goodApplication, "2011-07-15", "2012-07-15", 1), "2011-02-01", "2012-02-29", 1),
		"", "", ""},
	{"Ambiguous date", "`01/02/2011`", withDate("01/02/2011"),
		stemkn.CodeFormat, "/plan/startDate", "Start date must be a real date, like 2011-01-10"},
	{"Date without zeros", "`2011-2-1`", withDate("2011-2-1"),
		stemkn.CodeFormat, "/plan/startDate", "Start date must be a real date, like 2011-01-10"},
	{"Text one character too long", "a network name of 201 characters (counted in code points, so `é` written `e\\u0301` is two)", strings.Replace(goodApplication, "Calder Valley Maths in STEM Network", strings.Repeat("e\u0301", 100)+"x", 1),
		stemkn.CodeMaxLength, "/network/name", "The network's name must be 200 characters or fewer"},
	{"10 MB string", "a name of 10,485,760 bytes", `{"scheme":"stem-kn-2011","network":{"name":"` + strings.Repeat("x", 10<<20) + `"}}`,
		stemkn.CodeTooLarge, "", "The document must be 8388608 bytes or smaller"},
	{"100-deep nesting", "100 nested lists under an unknown field", `{"scheme":"stem-kn-2011","deep":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
		stemkn.CodeTooLarge, "/deep", "The document must be nested no more than 64 levels deep"},
	{"A list past the item limit", "100,001 subjects", `{"scheme":"stem-kn-2011","network":{"members":[{"subjects":[` + strings.Repeat(`"science",`, 100_000) + `"science"]}]}}`,
		stemkn.CodeTooLarge, "/network/members/0/subjects", "The subjects of member 1 must have no more than 100000 entries"},
	{"A flood of problems", "1,001 unknown fields", `{"scheme":"stem-kn-2011",` + unknownFields(1000) + `"y":1}`,
		stemkn.CodeTooLarge, "/y", "The document has more than 1000 problems: fix the ones listed and send it again"},
	{"Invalid UTF-8", "the byte `FF` in a name", strings.Replace(goodApplication, "Calder Valley", "Calder \xff Valley", 1),
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is text that is not UTF-8 at line 1, column 79"},
	{"NUL byte", "a raw `00` byte in a name", strings.Replace(goodApplication, "Calder Valley", "Calder\x00Valley", 1),
		stemkn.CodeSyntax, "", "The document cannot be read as JSON: there is a control character inside text at line 1, column 78"},
	{"Escaped NUL", "`\\u0000` in a name is text like any other", strings.Replace(goodApplication, "Calder Valley", `Calder\u0000Valley`, 1),
		"", "", ""},
	{"Lone surrogate", "`\\ud800` reads as U+FFFD, as encoding/json reads it", strings.Replace(goodApplication, "Calder Valley", `Calder\ud800Valley`, 1),
		"", "", ""},
	{"Unknown field", "`\"colour\": \"blue\"` in the network", strings.Replace(goodApplication, `"lead":"ccs"`, `"lead":"ccs","colour":"blue"`, 1),
		stemkn.CodeUnknownField, "/network/colour", `Remove "colour": it is not a field this document can have`},
}

func TestBadInputTable(t *testing.T) {
	for _, b := range badInputs {
		t.Run(b.what, func(t *testing.T) {
			res := builtinValidator.ValidateString(b.doc, stemkn.Options{})
			if b.code == "" {
				require.True(t, res.Valid, "%v", res.Findings)
				return
			}
			i := slices.IndexFunc(res.Findings, func(f stemkn.Finding) bool { return f.Code == b.code && f.Path == b.path })
			require.GreaterOrEqual(t, i, 0, "no %s at %q in %v", b.code, b.path, res.Findings)
			require.Equal(t, b.message, res.Findings[i].Message)
			require.False(t, res.Valid)
			// Each is answered alike by the form path's decoder and the
			// WebAssembly build: see the agreement tests.
		})
	}
}

// badSchemeFiles are scheme files Catalogue.Load refuses, with its error.
var badSchemeFiles = []struct {
	what    string
	example string
	files   []string
	err     string
}{
	{"Scheme file with an unknown rule", "`\"rules\": {\"colour\": …}`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"colour":{"reference":"r"}}}`},
		`scheme x: json: unknown field "colour"`},
	{"Scheme file with a rule without a reference", "`\"cap\": {\"amount\": 100}` with no `reference`", []string{`{"id":"x","title":"X","currency":"GBP","rules":{"cap":{"amount":100}}}`},
		"scheme x: rule cap has no reference: every rule says where it comes from"},
	{"Circular `extends`", "`a` extends `b`, `b` extends `a`", []string{`{"id":"a","title":"A","extends":"b"}`, `{"id":"b","title":"B","extends":"a"}`},
		"scheme a: extends itself through a → b → a"},
	{"A scheme that extends itself", "`a` extends `a`", []string{`{"id":"a","title":"A","extends":"a"}`},
		"scheme a: extends itself through a → a"},
	{"`extends` an unknown scheme", "`\"extends\": \"nope\"`", []string{`{"id":"x","title":"X","extends":"nope"}`},
		"scheme x: extends nope, which is not a known scheme"},
	{"Scheme file with a negative cap", "`\"cap\": {\"amount\": -1, …}`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"cap":{"amount":-1,"reference":"r"}}}`},
		"scheme x: cap.amount must be from 1 to 1000000000000000, not -1"},
	{"Scheme file with a negative longest programme", "`\"duration\": {\"maxMonths\": -1, …}`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"duration":{"maxMonths":-1,"reference":"r"}}}`},
		"scheme x: duration.maxMonths must be from 0 to 1200, not -1"},
	{"Scheme file with a count no document can reach", "`\"subjectSpread\": {\"min\": 9223372036854775807, …}`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"subjectSpread":{"min":9223372036854775807,"reference":"r"}}}`},
		"scheme x: subjectSpread.min must be from 0 to 4, not 9223372036854775807"},
	{"Scheme file with a theme given twice", "two themes with the id `a`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","themes":[{"id":"a","title":"A"},{"id":"a","title":"B"}]}`},
		"scheme x: has the theme a twice: each theme id is given once"},
	{"Scheme file with a key given twice", "`\"cap\"` twice in `rules`", []string{`{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"cap":{"amount":100,"reference":"r"},"cap":{"amount":5,"reference":"r"}}}`},
		`scheme x: gives "cap" twice in one object: give each key once`},
}

func TestBadSchemeFiles(t *testing.T) {
	for _, b := range badSchemeFiles {
		t.Run(b.what, func(t *testing.T) {
			var data [][]byte
			for _, f := range b.files {
				data = append(data, []byte(f))
			}
			c := stemkn.NewCatalogue()
			before := len(c.Schemes())
			_, err := c.Load(data...)
			require.EqualError(t, err, b.err)
			require.Len(t, c.Schemes(), before, "a refused file adds nothing")
		})
	}
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

func badInputRow(b badInput) string {
	code, path, msg := "accepted", "—", "—"
	if b.code != "" {
		code, path, msg = "`"+string(b.code)+"`", "`"+b.path+"`", b.message
		if b.path == "" {
			path = `""`
		}
	}
	return "| " + b.what + " | " + cell(b.example) + " | " + code + " | " + path + " | " + cell(msg) + " |"
}

func schemeFileRow(what, example, err string) string {
	return "| " + what + " | " + cell(example) + " | `Catalogue.Load` error | — | " + cell(err) + " |"
}

// fieldLimitRows lists every bound of document.go's validate tags: the
// documented longest text, largest list and range of each number.
func fieldLimitRows() []string {
	var rows []string
	seen := map[string]bool{}
	for _, kind := range []stemkn.DocumentKind{stemkn.KindApplication, stemkn.KindOffer} {
		fields := docgen.Fields(kind)
		var patterns []string
		for p := range fields {
			patterns = append(patterns, p)
		}
		slices.Sort(patterns)
		for _, p := range patterns {
			f := fields[p]
			if f.Max == nil || seen[p] {
				continue
			}
			seen[p] = true
			var bound string
			switch f.Type {
			case "string":
				bound = fmt.Sprintf("at most %s characters", group(*f.Max))
			case "array":
				bound = fmt.Sprintf("at most %s entries", group(*f.Max))
			default:
				lo := int64(0)
				if f.Min != nil {
					lo = *f.Min
				}
				bound = fmt.Sprintf("%s to %s", group(lo), group(*f.Max))
			}
			rows = append(rows, "| `"+p+"` | "+bound+" |")
		}
	}
	return rows
}

func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// The README's section is what these tests check, row for row.
func TestReadmeBadInputSectionMatchesTheTests(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md")) // the package is one level down

	require.NoError(t, err)
	readme := string(data)
	start := strings.Index(readme, "## Bad input and limits")
	require.GreaterOrEqual(t, start, 0)
	section := readme[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	var want []string
	for _, b := range badInputs {
		want = append(want, badInputRow(b))
	}
	for _, b := range badSchemeFiles {
		want = append(want, schemeFileRow(b.what, b.example, b.err))
	}
	want = append(want, fieldLimitRows()...)
	l := stemkn.DefaultLimits
	want = append(want,
		"| Bytes | "+group(int64(l.Bytes))+" (8 MiB) | the whole document |",
		"| Depth | "+group(int64(l.Depth))+" | nesting of objects and lists |",
		"| Items | "+group(int64(l.Items))+" | entries in any one list |",
		"| Findings | "+group(int64(l.Findings))+" | findings made while reading the JSON or a form post; and findings a result lists (then one `too-large` finding says there are more) |")
	var missing []string
	for _, row := range want {
		if !strings.Contains(section, row+"\n") {
			missing = append(missing, row)
		}
	}
	require.Empty(t, missing, "README.md's \"Bad input and limits\" section lacks these rows:\n%s", strings.Join(missing, "\n"))
	require.Equal(t, reflect.TypeFor[stemkn.Limits]().NumField(), 4, "a new limit needs a row in the README")
}
