package stemkn_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
)

// formSeeds are form posts (URL-encoded) that open the fuzzer's way into
// every part of form decoding: the fixtures posted as a person would post
// them, and the awkward corners of bracket names, rows, money and checkboxes.
func formSeeds(f *testing.F) []string {
	seeds := []string{
		"",
		"scheme=stem-kn-2011",
		"scheme=stem-exchange&offer[kind]=cpd&offer[cost]=£0.00&offer[audience][]=fe-college",
		"network[members][0][subjects][]=science&network[members][0][subjects][]=&network[members][7][subjects][]=mathematics",
		"funding[currency]=GBP&funding[lines][3][amount]=£1,200.50&funding[lines][10][amount]=1,200&funding[lines][11][amount]=1200.5",
		"funding[lines][0][amount]=92233720368547758.08&funding[lines][1][amount]=-1&funding[lines][2][amount]=1e3",
		"plan[commitments][submitReport]=false&plan[commitments][submitReport]=true&plan[commitments][shareOnline]=yes",
		"network[institutions][0][stateFunded]=true&network[institutions][1][stateFunded]=false&network[institutions][2][stateFunded]=",
		"network[colour]=blue&network[members][0][hat]=x&csrf=abc&submit=Send",
		"network[members][-1][name]=x&network[members][01][name]=y&network[members][99999999999999999999][name]=z",
		"network[members][0]=x&network=y&network[name][]=a&network[name][0]=b",
		"a[&]=1&network[&network]]=2&network[[name]]=3&[name]=4",
		"offer[ageRange][min]=18&offer[ageRange][max]=1e2&offer[ageRange][max]=99999999999999999999",
		"network[name]=%FF%FE&contact[email]=%C0%AF&network[lead]=%00",
		"network[name]=%E2%80%AE%D8%B4&network[members][0][name]=e%CC%81",
		// GOV.UK date inputs, both namings, whole, partial and impossible.
		"plan[startDate]-day=1&plan[startDate]-month=2&plan[startDate]-year=2011&submittedOn-day=7&submittedOn-month=jan&submittedOn-year=2011",
		"plan[endDate][day]=31&plan[endDate][month]=4&plan[endDate][year]=2011&plan[startDate][day]=&plan[startDate][month]=13",
		"plan[activities][0][date]-day=1st&plan[activities][0][date]-month=Sept&plan[activities][0][date]-year=11&plan[startDate]=2011-02-01&plan[startDate]-day=2",
		"offer[startDate]-day=x&offer[startDate]-month=&offer[startDate]-year=2024&scheme=stem-exchange&plan[startDate][hour]=1&plan[startDate][day]=1",
		// Names the document cannot place: bad indices, lists and groups where one answer goes, values where groups go.
		"network[members][007][name]=a&network[members][-1][name]=b&network[members][x][name]=c&network[members][][name]=d",
		"network[members][]=Asha&network[members][100000][name]=e&network[members][99999][name]=f&funding[lines]=1",
		"network[name][0]=a&network[name][foo]=b&network[institutions][0]=c&network[institutions][0][id]=d&network=e",
		"network[members][0][subjects][x]=science&network[members][0][subjects][2][x]=y&funding[currency][0]=GBP",
		"network[name=a&plan[startDate]-hour=b&network]=c&network[0][name]=d&network[members][0][name]-day=e",
	}
	files, _ := filepath.Glob("testdata/*.json")
	v := builtinValidator
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		tree, err := docgen.Parse(data)
		if err != nil {
			continue // not a document fixture
		}
		kind := stemkn.KindApplication
		if id := tree.Get("scheme"); id != nil {
			if s, ok := v.Catalogue().Scheme(id.Text); ok {
				kind = s.Kind
			}
		}
		if post, _, ok := docgen.Form(tree, kind, uint64(i)); ok {
			seeds = append(seeds, post.Encode())
		}
	}
	return seeds
}

// FuzzDecodeForm posts arbitrary forms. Whatever the form, decoding and
// validating it never panic, the decoded document is well-formed UTF-8 JSON
// that validates without a syntax finding, and every finding's path is an
// RFC 6901 JSON Pointer.
func FuzzDecodeForm(f *testing.F) {
	for i, s := range formSeeds(f) {
		f.Add(s, uint8(i))
	}
	v := builtinValidator
	schemes := v.Catalogue().Schemes()
	f.Fuzz(func(t *testing.T, raw string, pick uint8) {
		values, _ := url.ParseQuery(raw) // what a server reads from a post, even a broken one
		opts := stemkn.Options{}
		if pick&1 == 1 {
			opts.Mode = stemkn.Draft
		}
		if k := int(pick >> 1); k > 0 {
			opts.Scheme = schemes[k%len(schemes)].ID
		}
		form := v.DecodeForm(values, opts)
		if !utf8.Valid(form.Document) || !json.Valid(form.Document) {
			t.Fatalf("the form decodes to text that is not UTF-8 JSON: %q", form.Document)
		}
		requirePointers(t, form.Findings, "form")
		for path := range form.Fields {
			if !isPointer(path) {
				t.Fatalf("Fields has %q, which is not a JSON Pointer", path)
			}
		}
		res, again := v.ValidateForm(values, opts)
		if string(again.Document) != string(form.Document) {
			t.Fatalf("the same form decodes to two documents:\n%s\n%s", form.Document, again.Document)
		}
		requirePointers(t, res.Findings, "result")
		requireNothingTypedLost(t, v, values, opts, again, res)
		if hasCode(res, stemkn.CodeSyntax) {
			t.Fatalf("validating the form's document reports syntax: %v\n%s", res.Findings, form.Document)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatalf("the result does not marshal: %v", err)
		}
		if direct := v.Validate(form.Document, opts); hasCode(direct, stemkn.CodeSyntax) {
			t.Fatalf("the form's document does not read as JSON: %v\n%s", direct.Findings, form.Document)
		}
	})
}

func requirePointers(t *testing.T, fs stemkn.Findings, where string) {
	t.Helper()
	for _, f := range fs {
		if !isPointer(f.Path) {
			t.Fatalf("%s finding %s has path %q, which is not a JSON Pointer", where, f.Code, f.Path)
		}
	}
}

// isPointer reports whether p is an RFC 6901 JSON Pointer: empty, or
// "/"-separated reference tokens of Unicode text in which "~" is always
// followed by 0 or 1.
func isPointer(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != '/' || !utf8.ValidString(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 == len(p) || (p[i+1] != '0' && p[i+1] != '1')) {
			return false
		}
	}
	return true
}

// requireNothingTypedLost holds the form decoder to its promise: every form
// name under a document field with something typed in it is placed (Fields
// names it), or has a form-name finding, or sits under an unknown field
// (one unknown-field finding for the field and all under it), unless a
// limit stopped the reading or the name is posted twice over (the same
// field under two names: NAME and NAME[], a date whole and in parts; the
// first counts).
func requireNothingTypedLost(t *testing.T, v *stemkn.Validator, values url.Values, opts stemkn.Options, form stemkn.Form, res stemkn.Result) {
	t.Helper()
	if hasCode(res, stemkn.CodeTooLarge) {
		return
	}
	fields := applicationFields
	id := opts.Scheme
	for _, v := range values["scheme"] {
		if id == "" && strings.TrimSpace(v) != "" {
			id = v
		}
	}
	if s, ok := v.Catalogue().Scheme(id); ok && s.Kind == stemkn.KindOffer {
		fields = offerFields
	}
	placed := map[string]bool{}
	for _, name := range form.Fields {
		placed[name] = true
	}
	for _, names := range form.DateInputs {
		for _, name := range names {
			placed[name] = true
		}
	}
	var unknown []string
	for _, f := range form.Findings {
		switch f.Code {
		case stemkn.CodeFormName:
			placed[f.Params["name"].(string)] = true
		case stemkn.CodeUnknownField:
			unknown = append(unknown, f.Path)
		}
	}
	for name, vals := range values {
		if placed[name] || strings.TrimSpace(strings.Join(vals, "")) == "" {
			continue
		}
		if strings.ContainsRune(name, utf8.RuneError) || !utf8.ValidString(name) {
			continue // two names may read as one
		}
		stem := strings.TrimSuffix(name, "[]")
		for _, p := range []string{"-day", "-month", "-year", "[day]", "[month]", "[year]"} {
			stem = strings.TrimSuffix(stem, p)
		}
		if stem != name && (placed[stem] || len(values[stem]) > 0 || len(values[stem+"[]"]) > 0) {
			continue // posted twice over
		}
		root, _, bracketed := strings.Cut(name, "[")
		for _, p := range []string{"-day", "-month", "-year"} {
			if r, ok := strings.CutSuffix(root, p); ok && !bracketed {
				root = r // a date input's part: NAME-day
			}
		}
		if !slices.Contains(fields, root) {
			continue // the host's own
		}
		if slices.ContainsFunc(unknown, func(p string) bool { return underUnknown(name, p) }) {
			continue
		}
		t.Fatalf("%q (typed %q) is neither placed nor reported\nfields: %v\nfindings: %v", name, vals, form.Fields, form.Findings)
	}
}

// applicationFields and offerFields are the first names of each kind of
// document's fields; other first names are the host's own.
var (
	applicationFields = []string{"scheme", "submittedOn", "network", "plan", "funding", "contact"}
	offerFields       = []string{"scheme", "offer"}
)

// underUnknown reports whether a form name lies under the unknown field at
// a path: the path's names, in brackets, begin the form name.
func underUnknown(name, path string) bool {
	segs := strings.Split(path[1:], "/")
	prefix := segs[0]
	for _, s := range segs[1:] {
		if s == "[]" {
			prefix += "[]" // a "[]" before another name
			continue
		}
		prefix += "[" + strings.NewReplacer("~1", "/", "~0", "~").Replace(s) + "]"
	}
	return strings.HasPrefix(name, prefix) || len(segs) > 2 // under a row, whose index the document renumbers
}
