//go:build !js

package stemkn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// basicDocuments are the documents the basic-output tests judge: the
// schema agreement corpus (fixtures, their mutations, the boundary table)
// and the generated corpus, each with the scheme it names.
func basicDocuments(t *testing.T) []agreementCase {
	t.Helper()
	cases := agreementCases(t, agreementCatalogue(t))
	for _, c := range corpus(t) {
		if utf8.Valid(c.JSON) {
			cases = append(cases, agreementCase{name: c.Scheme + "/" + c.Name, scheme: c.Scheme, doc: string(c.JSON)})
		}
	}
	return cases
}

// officialOutputSchema compiles testdata/output/schema.json, the JSON
// Schema 2020-12 output schema, at its "basic" definition, with formats
// (json-pointer, uri) asserted.
func officialOutputSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/output/schema.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://json-schema.org/draft/2020-12/output/schema"
	require.NoError(t, c.AddResource(id, doc))
	s, err := c.Compile(id + "#/$defs/basic")
	require.NoError(t, err)
	return s
}

func TestBasicOutputMatchesTheOfficialOutputSchema(t *testing.T) {
	official := officialOutputSchema(t)
	v := stemkn.NewValidator(agreementCatalogue(t))
	invalid, units := 0, 0
	for _, tc := range basicDocuments(t) {
		res := v.ValidateString(tc.doc, stemkn.Options{})
		out, err := json.Marshal(v.Basic([]byte(tc.doc), &res))
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		require.NoError(t, err)
		require.NoError(t, official.Validate(inst), "%s: %s", tc.name, out)
		if !res.Valid {
			invalid++
		}
		units += len(v.Basic([]byte(tc.doc), &res).Errors)
	}
	require.Positive(t, invalid)
	t.Logf("%d invalid documents, %d error units, all basic output by the official schema", invalid, units)
}

func TestBasicOutputHasARootUnitAndAnErrorUnitPerError(t *testing.T) {
	v := stemkn.NewValidator(nil)
	doc := `{"scheme": "stem-kn-2011", "network": {"name": "` + strings.Repeat("n", 201) + `"}}`
	res := v.ValidateString(doc, stemkn.Options{})
	basic := v.Basic([]byte(doc), &res)
	require.False(t, basic.Valid)
	require.Equal(t, "", basic.KeywordLocation)
	require.Equal(t, "", basic.InstanceLocation)
	errors := 0
	for _, f := range res.Findings {
		if f.Severity == stemkn.Error {
			errors++
		}
	}
	require.Len(t, basic.Errors, errors)
	require.Contains(t, basic.Errors, stemkn.BasicError{
		KeywordLocation:         "/properties/network/$ref/properties/name/maxLength",
		AbsoluteKeywordLocation: "https://stemkn.org/schema/stem-kn-2011.json#/$defs/Network/properties/name/maxLength",
		InstanceLocation:        "/network/name",
		Error:                   "The network's name must be 200 characters or fewer",
	})
	require.Contains(t, basic.Errors, stemkn.BasicError{
		KeywordLocation:         "/properties/network/$ref/required",
		AbsoluteKeywordLocation: "https://stemkn.org/schema/stem-kn-2011.json#/$defs/Network/required",
		InstanceLocation:        "/network",
		Error:                   "Select the lead institution",
	})

	validDoc := mustRead(t, "testdata/stem-kn-2011-valid.json")
	valid := v.Validate(validDoc, stemkn.Options{})
	require.True(t, valid.Valid)
	out, err := json.Marshal(v.Basic(validDoc, &valid))
	require.NoError(t, err)
	require.JSONEq(t, `{"valid": true, "keywordLocation": "", "instanceLocation": ""}`, string(out))
}

func TestBasicOutputPointsAtTheRuleEntryForRulesASchemaCannotSay(t *testing.T) {
	v := stemkn.NewValidator(nil)
	doc := string(mustRead(t, "testdata/stem-kn-2011-valid.json"))
	doc = strings.Replace(doc, `"submittedOn": "2011-01-07"`, `"submittedOn": "2011-01-11"`, 1)
	res := v.ValidateString(doc, stemkn.Options{})
	require.False(t, res.Valid, "the fixture is late now")
	s, _ := v.Catalogue().Scheme("stem-kn-2011")
	schema := exportedSchema(t, s)
	basic := v.Basic([]byte(doc), &res)
	require.Len(t, basic.Errors, 1)
	loc := basic.Errors[0].KeywordLocation
	require.True(t, strings.HasPrefix(loc, "/x-stemkn-rules/"), loc)
	entry, ok := resolvePointer(schema, loc).(map[string]any)
	require.True(t, ok, loc)
	require.Equal(t, "deadline", entry["rule"])
	require.Equal(t, "/submittedOn", basic.Errors[0].InstanceLocation)
}

// Every keywordLocation names a keyword of the scheme's exported schema, or
// a rule's entry under x-stemkn-rules, or the schema as a whole; an
// absoluteKeywordLocation names the same place without "$ref"s. A finding
// the schema says (Finding.SchemaExpressible) points at a keyword that says
// it, and santhosh-tekuri/jsonschema, judging the document by the same
// schema, reports that keyword failing at that place.
func TestBasicKeywordLocationsAreRealPlacesInTheExportedSchema(t *testing.T) {
	c := agreementCatalogue(t)
	v := stemkn.NewValidator(c)
	schemas := map[string]any{}
	expresses := map[string]bool{}
	byCode := map[string]int{}
	whole, checked := 0, 0
	for _, tc := range basicDocuments(t) {
		res := v.ValidateString(tc.doc, stemkn.Options{})
		if res.Valid {
			continue
		}
		schema, ok := schemas[res.Scheme]
		if !ok {
			s, known := c.Scheme(res.Scheme)
			if known {
				schema = exportedSchema(t, s)
				expresses[res.Scheme] = true
			} else {
				require.NoError(t, json.Unmarshal(stemkn.BaseSchema(), &schema))
			}
			schemas[res.Scheme] = schema
		}
		basic := v.Basic([]byte(tc.doc), &res)
		// A repeated key is read one way by stemkn and another by JSON
		// tools: the value a keyword judges is not known.
		repeatedKey := slices.ContainsFunc(res.Findings, func(f stemkn.Finding) bool { return f.Code == stemkn.CodeDuplicate && f.Variant == "key" })
		// Malformed JSON cannot be judged by a keyword at all: the findings
		// before the syntax error are placed, but no JSON tool reads the value.
		malformed := slices.ContainsFunc(res.Findings, func(f stemkn.Finding) bool { return f.Code == stemkn.CodeSyntax })
		errs := 0
		for i, f := range res.Findings {
			if f.Severity != stemkn.Error {
				continue
			}
			u := basic.Errors[errs]
			errs++
			where := tc.name + ": finding " + strconv.Itoa(i) + " " + string(f.Code) + " at " + f.Path + " → " + u.KeywordLocation
			require.NotNil(t, resolvePointer(schema, u.KeywordLocation), where)
			if u.AbsoluteKeywordLocation != "" {
				id, ptr, found := strings.Cut(u.AbsoluteKeywordLocation, "#")
				require.True(t, found, where)
				require.Equal(t, schemaID(schema), id, where)
				require.Equal(t, resolvePointer(schema, u.KeywordLocation), resolvePlain(schema, ptr), where)
			}
			if u.KeywordLocation == "" {
				require.False(t, f.SchemaExpressible() && f.Code != stemkn.CodeSyntax && expresses[res.Scheme] && !repeatedKey, "%s: a finding the schema says has no keyword", where)
				whole++
				continue
			}
			byCode[string(f.Code)]++
			if !f.SchemaExpressible() || !expresses[res.Scheme] || repeatedKey || malformed {
				continue
			}
			require.False(t, strings.HasPrefix(u.KeywordLocation, "/x-stemkn-rules"), where)
			require.False(t, keywordPasses(t, schema, u.KeywordLocation, tc.doc, u.InstanceLocation),
				"%s: the keyword does not fail on the value at %s", where, u.InstanceLocation)
			checked++
		}
	}
	t.Logf("error units by code: %v; %d about the document as a whole", byCode, whole)
	t.Logf("%d units of findings the schema says, each keyword failing on its value", checked)
}

// keywordPasses judges the value at instance in doc by the keyword at loc
// alone (with its object's "properties" beside an "additionalProperties",
// its "if" beside a "then"),
// formats asserted, as santhosh-tekuri/jsonschema does.
func keywordPasses(t *testing.T, schema any, loc, doc, instance string) bool {
	t.Helper()
	i := strings.LastIndexByte(loc, '/')
	keyword := loc[i+1:]
	parent, _ := resolvePointer(schema, loc[:i]).(map[string]any)
	alone := map[string]any{"$schema": "https://json-schema.org/draft/2020-12/schema", keyword: parent[keyword]}
	switch keyword {
	case "additionalProperties":
		names := map[string]any{}
		for k := range parent["properties"].(map[string]any) {
			names[k] = true
		}
		alone["properties"] = names
	case "then", "else":
		alone["if"] = parent["if"]
	}
	data, err := json.Marshal(alone)
	require.NoError(t, err)
	sch, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("alone.json", sch))
	compiled, err := c.Compile("alone.json")
	require.NoError(t, err, "%s", data)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	require.NoError(t, err)
	return compiled.Validate(resolvePlain(inst, instance)) == nil
}

func exportedSchema(t *testing.T, s *stemkn.Scheme) any {
	t.Helper()
	data, err := stemkn.Schema(s)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

func schemaID(schema any) string {
	m, _ := schema.(map[string]any)
	id, _ := m["$id"].(string)
	return id
}

// resolvePointer follows a keyword location from the schema's root: a
// "$ref" segment goes where the reference points. It gives nil for a
// place the schema does not have.
func resolvePointer(schema any, ptr string) any {
	cur := schema
	if ptr == "" {
		return cur
	}
	for _, seg := range strings.Split(ptr[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if seg == "$ref" {
			m, _ := cur.(map[string]any)
			ref, ok := m["$ref"].(string)
			if !ok || !strings.HasPrefix(ref, "#") {
				return nil
			}
			cur = resolvePlain(schema, ref[1:])
			continue
		}
		cur = step(cur, seg)
		if cur == nil {
			return nil
		}
	}
	return cur
}

// resolvePlain follows a JSON Pointer as RFC 6901 reads it.
func resolvePlain(schema any, ptr string) any {
	cur := schema
	if ptr == "" {
		return cur
	}
	for _, seg := range strings.Split(ptr[1:], "/") {
		cur = step(cur, strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~"))
		if cur == nil {
			return nil
		}
	}
	return cur
}

func step(cur any, seg string) any {
	switch x := cur.(type) {
	case map[string]any:
		return x[seg]
	case []any:
		i, err := strconv.Atoi(seg)
		if err != nil || i < 0 || i >= len(x) {
			return nil
		}
		return x[i]
	}
	return nil
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	return data
}
