package stemkn_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/document"
	"github.com/stretchr/testify/require"
)

// baseDefs returns the definitions of the embedded base schema.
func baseDefs(t *testing.T) map[string]any {
	t.Helper()
	var base map[string]any
	require.NoError(t, json.Unmarshal(stemkn.BaseSchema(), &base))
	defs, ok := base["$defs"].(map[string]any)
	require.True(t, ok)
	return defs
}

// TestBaseSchemaMatchesEveryValidateTag walks every field of the document
// types and checks that its schema says what its validate tag says, and
// nothing more.
func TestBaseSchemaMatchesEveryValidateTag(t *testing.T) {
	defs := baseDefs(t)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(st reflect.Type) {
		if seen[st] {
			return
		}
		seen[st] = true
		def, ok := defs[st.Name()].(map[string]any)
		require.True(t, ok, "no definition for %s", st.Name())
		require.Equal(t, false, def["additionalProperties"], st.Name())
		require.Equal(t, "object", def["type"], st.Name())
		props := def["properties"].(map[string]any)
		require.Len(t, props, st.NumField(), st.Name())
		required := stringsOf(def["required"])
		for i := 0; i < st.NumField(); i++ {
			sf := st.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			prop, ok := props[name].(map[string]any)
			require.True(t, ok, "%s.%s has no property %s", st.Name(), sf.Name, name)
			where := st.Name() + "." + sf.Name
			require.NotEmpty(t, prop["title"], "%s has no title from the catalogue", where)
			require.NotEmpty(t, prop["description"], "%s has no description from the catalogue", where)
			checkField(t, where, prop, sf.Type, sf.Tag.Get("validate"), slices.Contains(required, name))
			ft := sf.Type
			if ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				walk(ft)
			}
		}
	}
	walk(reflect.TypeFor[stemkn.Application]())
	walk(reflect.TypeFor[stemkn.OfferDocument]())
	require.Len(t, defs, len(seen), "the base schema has definitions no document type uses")
}

// constraintKeywords are the keywords that restrict a value.
var constraintKeywords = []string{"minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
	"uniqueItems", "enum", "oneOf", "pattern", "format", "anyOf", "const", "if", "else", "not"}

func checkField(t *testing.T, where string, prop map[string]any, ft reflect.Type, tag string, required bool) {
	t.Helper()
	field, items := splitTag(tag)
	kind := ft.Kind()
	switch {
	case ft == reflect.TypeFor[budget.Amount]() || kind == reflect.Int64:
		require.Equal(t, "integer", prop["type"], where)
	case kind == reflect.String:
		require.Equal(t, "string", prop["type"], where)
	case kind == reflect.Pointer && ft.Elem().Kind() == reflect.Int64:
		require.Equal(t, "integer", prop["type"], where, "a whole number that may be absent")
	case kind == reflect.Bool || kind == reflect.Pointer && ft.Elem().Kind() == reflect.Bool:
		require.Equal(t, "boolean", prop["type"], where)
	case kind == reflect.Slice:
		require.Equal(t, "array", prop["type"], where)
	case kind == reflect.Struct || kind == reflect.Pointer:
		st := ft
		if kind == reflect.Pointer {
			st = ft.Elem()
		}
		require.Equal(t, "#/$defs/"+st.Name(), prop["$ref"], where)
	}

	// Required in the object: the tag says required, or a struct held by
	// value has something required in it.
	_, wantRequired := field["required"]
	if kind == reflect.Struct {
		wantRequired = structHasRequired(ft)
	}
	require.Equal(t, wantRequired, required, "%s required", where)

	want := map[string]any{} // keyword -> value, on the property itself
	branch := map[string]any{}
	target := want
	if _, ok := field["omitempty"]; ok && kind == reflect.String {
		target = branch // validator skips "" with omitempty; the schema says so with if/else
	}
	lower := func(text string) {
		n, err := strconv.ParseFloat(text, 64)
		require.NoError(t, err)
		switch kind {
		case reflect.String:
			target["minLength"] = n
		case reflect.Slice:
			want["minItems"] = n
		default:
			want["minimum"] = n
		}
	}
	if v, ok := field["min"]; ok {
		lower(v)
	}
	if _, ok := field["required"]; ok {
		if _, hasMin := field["min"]; !hasMin || field["min"] == "0" {
			lower("1")
		}
	}
	if v, ok := field["max"]; ok {
		n, err := strconv.ParseFloat(v, 64)
		require.NoError(t, err)
		switch kind {
		case reflect.String:
			want["maxLength"] = n
		case reflect.Slice:
			want["maxItems"] = n
		default:
			want["maximum"] = n
		}
	}
	if _, ok := field["unique"]; ok {
		want["uniqueItems"] = true
	}
	if v, ok := field["oneof"]; ok {
		target["enum"] = anyStrings(strings.Fields(v))
	}
	for name := range field {
		if ts, ok := document.CustomTagSchema(name); ok {
			addTagSchema(target, ts)
		}
	}
	if len(branch) > 0 {
		want["if"] = map[string]any{"const": ""}
		want["else"] = branch
	}
	require.Equal(t, want, constraintsOf(prop), "%s: validate:%q", where, tag)

	if kind == reflect.Slice && ft.Elem().Kind() == reflect.String {
		itemWant := map[string]any{}
		if v, ok := items["oneof"]; ok {
			itemWant["enum"] = anyStrings(strings.Fields(v))
		}
		for name := range items {
			if ts, ok := document.CustomTagSchema(name); ok {
				addTagSchema(itemWant, ts)
			}
		}
		itemSchema := prop["items"].(map[string]any)
		require.Equal(t, "string", itemSchema["type"], where)
		require.Equal(t, itemWant, constraintsOf(itemSchema), "%s items: validate:%q", where, tag)
	}
}

func addTagSchema(target map[string]any, ts document.TagSchema) {
	if ts.Pattern != "" {
		target["pattern"] = ts.Pattern
	}
	if ts.Format != "" {
		target["format"] = ts.Format
	}
	if ts.Enum != nil {
		target["enum"] = anyStrings(ts.Enum)
	}
	if ts.Length > 0 {
		target["minLength"], target["maxLength"] = float64(ts.Length), float64(ts.Length)
	}
	if ts.OneLine {
		target["not"] = map[string]any{"pattern": `\n`}
	}
}

// splitTag parses a validate tag into its rules before and after dive.
func splitTag(tag string) (field, items map[string]string) {
	field, items = map[string]string{}, map[string]string{}
	cur := field
	if tag == "" {
		return
	}
	for _, part := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(part, "=")
		if name == "dive" {
			cur = items
			continue
		}
		cur[name] = param
	}
	return
}

func structHasRequired(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		field, _ := splitTag(sf.Tag.Get("validate"))
		if _, ok := field["required"]; ok || sf.Type.Kind() == reflect.Struct && structHasRequired(sf.Type) {
			return true
		}
	}
	return false
}

// constraintsOf are the keywords of s that restrict a value, labelled
// choices (a oneOf of const and title) read as the enum they stand for.
func constraintsOf(s map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range constraintKeywords {
		if v, ok := s[k]; ok {
			out[k] = v
		}
	}
	if values, ok := choiceValues(s); ok {
		out["enum"] = values
		delete(out, "oneOf")
	}
	if e, ok := out["else"].(map[string]any); ok {
		out["else"] = constraintsOf(e)
	}
	return out
}

// choiceValues reads labelled choices, a oneOf of {const, title} each
// with a title, as the list of their values.
func choiceValues(s map[string]any) ([]any, bool) {
	list, ok := s["oneOf"].([]any)
	if !ok {
		return nil, false
	}
	var out []any
	for _, e := range list {
		c, ok := e.(map[string]any)
		if !ok || len(c) != 2 || c["title"] == "" || c["title"] == nil {
			return nil, false
		}
		out = append(out, c["const"])
	}
	return out, true
}

func stringsOf(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, e := range list {
		out = append(out, e.(string))
	}
	return out
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func knSchema(t *testing.T) map[string]any {
	t.Helper()
	s, ok := stemkn.NewCatalogue().Scheme("stem-kn-2011")
	require.True(t, ok)
	data, err := stemkn.Schema(s)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(data, &out))
	return out
}

// at follows properties (and "*" for items) through $refs.
func at(t *testing.T, schema map[string]any, path string) map[string]any {
	t.Helper()
	defs := schema["$defs"].(map[string]any)
	o := schema
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if seg == "*" {
			o = o["items"].(map[string]any)
		} else {
			o = o["properties"].(map[string]any)[seg].(map[string]any)
		}
		if ref, ok := o["$ref"].(string); ok {
			o = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	return o
}

func TestSchemeSchemaCarriesTheSchemesBounds(t *testing.T) {
	s := knSchema(t)
	require.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
	require.Equal(t, "https://stemkn.org/schema/stem-kn-2011.json", s["$id"])
	require.Equal(t, "STEM Knowledge Networks", s["title"])
	require.Contains(t, s["$comment"], `ajv.addKeyword("x-stemkn-rules")`)
	require.Equal(t, "stem-kn-2011", at(t, s, "/scheme")["const"])
	require.Equal(t, anyStrings([]string{"common-content", "careers-links", "learner-experiences-subjects", "primary-secondary",
		"maths-skills", "stem-centre-resources", "ict-collaboration", "events-clubs-impact"}), constraintsOf(at(t, s, "/network/theme"))["enum"])
	require.Contains(t, stringsOf(at(t, s, "/network")["required"]), "theme")
	require.Equal(t, anyStrings([]string{"supply-cover", "resources", "travel", "venue", "other"}), constraintsOf(at(t, s, "/funding/lines/*/category"))["enum"])
	require.Equal(t, "GBP", at(t, s, "/funding/currency")["const"])
	require.Equal(t, float64(200000), at(t, s, "/funding/lines/*/amount")["maximum"], "a line may not pass the £2,000 cap")
	require.Equal(t, float64(1), at(t, s, "/funding/lines")["minItems"])
	for _, p := range []string{"/network/areaOfInterest", "/plan/reflection"} {
		require.Equal(t, stemkn.NonBlankPattern, at(t, s, p)["pattern"], p)
		require.Equal(t, float64(1), at(t, s, p)["minLength"], p)
	}
	require.Contains(t, stringsOf(s["required"]), "submittedOn", "the deadline rule needs the date")
	require.NotContains(t, stringsOf(s["required"]), "funding", "STEM Knowledge Networks may run without funding")

	var listed []string
	for _, e := range s["x-stemkn-rules"].([]any) {
		entry := e.(map[string]any)
		require.NotEmpty(t, entry["code"])
		require.NotEmpty(t, entry["title"])
		require.True(t, entry["reference"] != "" || entry["note"] != "", "a rule cites its source or says why it has none")
		listed = append(listed, entry["rule"].(string))
	}
	require.Equal(t, []string{"subjectSpread", "fundedInstitutions", "dates", "duration", "deadline", "cap", "categoryShares.resources", "mathematics"}, listed)
	share := s["x-stemkn-rules"].([]any)[6].(map[string]any)
	require.Equal(t, map[string]any{"category": "resources", "maxPercent": float64(20)}, share["params"])
}

func TestSchemaIsStableAndPrunedToWhatTheDocumentUses(t *testing.T) {
	c := agreementCatalogue(t)
	for _, sc := range c.Schemes() {
		first, err := stemkn.Schema(sc)
		require.NoError(t, err)
		second, err := stemkn.Schema(sc)
		require.NoError(t, err)
		require.Equal(t, string(first), string(second), sc.ID)
		var s map[string]any
		require.NoError(t, json.Unmarshal(first, &s))
		defs := s["$defs"].(map[string]any)
		if sc.Kind == stemkn.KindOffer {
			require.Contains(t, defs, "Offer")
			require.NotContains(t, defs, "Network")
		} else {
			require.Contains(t, defs, "Network")
			require.NotContains(t, defs, "Offer")
		}
	}
	_, err := stemkn.Schema(nil)
	require.Error(t, err)
}

// TestRulesListedExactlyWhenTheirCodeIsNotExpressible holds the two halves
// of the schema export to each other: a rule is listed under x-stemkn-rules
// exactly when Finding.SchemaExpressible does not accept its code.
func TestRulesListedExactlyWhenTheirCodeIsNotExpressible(t *testing.T) {
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	for _, sc := range c.Schemes() {
		data, err := stemkn.Schema(sc)
		require.NoError(t, err)
		var s map[string]any
		require.NoError(t, json.Unmarshal(data, &s))
		listed := map[string]bool{}
		for _, e := range s["x-stemkn-rules"].([]any) {
			listed[e.(map[string]any)["rule"].(string)] = true
		}
		doc := `{"scheme": "` + sc.ID + `"}`
		res := v.ValidateString(doc, stemkn.Options{})
		require.NotEmpty(t, res.Rules, sc.ID)
		for _, r := range res.Rules {
			f := stemkn.Finding{Code: r.Code}
			if sr := sc.Rules.MinInstitutions; r.Rule == "minInstitutions" && (len(sr.Kinds) > 0 || sr.OtherThanLead) {
				f.Variant = "kinds" // counting only some institutions is stemkn's
			}
			require.Equal(t, !f.SchemaExpressible(), listed[r.Rule], "%s rule %s (%s)", sc.ID, r.Rule, r.Code)
		}
	}
}

func TestSchemaExpressibleCodes(t *testing.T) {
	for _, c := range []struct {
		code stemkn.Code
		want bool
	}{
		{stemkn.CodeRequired, true}, {stemkn.CodeType, true}, {stemkn.CodeMaximum, true}, {stemkn.CodeTheme, true},
		{stemkn.CodeCategory, true}, {stemkn.CodeNotFree, true}, {stemkn.CodeOverflow, true},
		{stemkn.CodeTooLarge, false}, {stemkn.CodeCap, false}, {stemkn.CodeCategoryShare, false},
		{stemkn.CodeDeadline, false}, {stemkn.CodeSubjectSpread, false}, {stemkn.CodeUnknownInstitution, false},
		{stemkn.CodeAgeRange, false}, {stemkn.CodeMathematics, false},
		{stemkn.CodeDuplicate, false}, // a repeated key or id; a repeated list entry is told apart below
	} {
		f := stemkn.Finding{Code: c.code}
		require.Equal(t, c.want, f.SchemaExpressible(), c.code)
	}
	v := stemkn.NewValidator(nil)
	repeated := func(doc string) stemkn.Finding {
		for _, f := range v.ValidateString(doc, stemkn.Options{}).Findings {
			if f.Code == stemkn.CodeDuplicate {
				return f
			}
		}
		t.Fatalf("no duplicate finding for %s", doc)
		return stemkn.Finding{}
	}
	entry := repeated(`{"scheme":"stem-kn-2011","network":{"members":[{"subjects":["science","science"]}]}}`)
	require.True(t, entry.SchemaExpressible(), "uniqueItems says a list entry may not repeat")
	key := repeated(`{"scheme":"stem-kn-2011","scheme":"stem-kn-2011"}`)
	require.False(t, key.SchemaExpressible(), "JSON tools keep one of two repeated keys silently")
	id := repeated(`{"scheme":"stem-kn-2011","network":{"institutions":[{"id":"a"},{"id":"a"}]}}`)
	require.False(t, id.SchemaExpressible(), "no JSON Schema keyword says ids are unique")
}

func findingsAt(res stemkn.Result, code stemkn.Code) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Code == code && f.Severity == stemkn.Error {
			out = append(out, f.Path)
		}
	}
	return out
}

// TestALineOverTheCapIsReportedAtItsAmount: a line that alone passes the
// cap is a maximum finding at that amount (what the schema's maximum says),
// besides the cap finding on the total.
func TestALineOverTheCapIsReportedAtItsAmount(t *testing.T) {
	kn := string(must(os.ReadFile("testdata/calder.json")))
	v := stemkn.NewValidator(nil)
	for _, c := range []struct {
		amount  string
		maximum []string
		cap     bool
	}{
		{"199999", nil, true}, // total 239,999 is over the cap; no line is
		{"200000", nil, true},
		{"200001", []string{"/funding/lines/0/amount"}, true},
	} {
		res := v.ValidateString(edit(t, kn, set("/funding/lines/0/amount", num(c.amount))), stemkn.Options{})
		require.Equal(t, c.maximum, findingsAt(res, stemkn.CodeMaximum), c.amount)
		require.Equal(t, c.cap, len(findingsAt(res, stemkn.CodeCap)) == 1, c.amount)
	}
}

// TestReferenceErrorsDoNotHideOtherRules: a duplicate or unknown
// institution id leaves the rules that look institutions up not judged, and
// every other rule judged.
func TestReferenceErrorsDoNotHideOtherRules(t *testing.T) {
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	every := string(must(os.ReadFile("testdata/schema/documents/every-rule.json")))
	doc := edit(t, every, set("/network/institutions/1/id", "hbs"), drop("/network/institutions/1/urn"),
		set("/funding/lines/0/category", "food"))
	res := v.ValidateString(doc, stemkn.Options{})
	require.Equal(t, []string{"/network/institutions/1/id"}, findingsAt(res, stemkn.CodeDuplicate))
	require.Equal(t, []string{"/network/institutions/1/urn"}, findingsAt(res, stemkn.CodeRequired), "the identifiers rule ran")
	require.Equal(t, []string{"/funding/lines/0/category"}, findingsAt(res, stemkn.CodeCategory))
	outcome := map[string]stemkn.Outcome{}
	for _, r := range res.Rules {
		outcome[r.Rule] = r.Outcome
	}
	require.Equal(t, stemkn.Failed, outcome["categories"])
	require.Equal(t, stemkn.Passed, outcome["minInstitutions"])
	require.Equal(t, stemkn.NotJudged, outcome["fundedInstitutions"], "which institution is the lead is ambiguous")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
