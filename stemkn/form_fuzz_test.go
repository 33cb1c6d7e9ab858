package stemkn_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
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
