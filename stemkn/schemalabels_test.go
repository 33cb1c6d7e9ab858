package stemkn_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// schemaPlace is one property (or list item) of an exported schema, by the
// JSON Pointer pattern of the values it judges.
type schemaPlace struct {
	pattern string
	schema  map[string]any
}

// schemaPlaces lists every property and list item of a schema, following
// $refs into its definitions.
func schemaPlaces(t *testing.T, schema map[string]any) []schemaPlace {
	t.Helper()
	defs, _ := schema["$defs"].(map[string]any)
	var out []schemaPlace
	var inside func(o map[string]any, pattern string, depth int)
	field := func(p map[string]any, pattern string, depth int) {
		out = append(out, schemaPlace{pattern, p})
		if ref, ok := p["$ref"].(string); ok {
			p = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		inside(p, pattern, depth+1)
	}
	inside = func(o map[string]any, pattern string, depth int) {
		require.Less(t, depth, 20)
		if props, ok := o["properties"].(map[string]any); ok {
			for name, p := range props {
				field(p.(map[string]any), pattern+"/"+name, depth)
			}
		}
		if items, ok := o["items"].(map[string]any); ok {
			field(items, pattern+"/*", depth)
		}
	}
	if _, ok := schema["properties"]; ok {
		inside(schema, "", 0)
	} else {
		for _, name := range []string{"Application", "OfferDocument"} {
			inside(defs[name].(map[string]any), "", 0)
		}
	}
	return out
}

// everySchema is the base schema and every built-in scheme's, in a language.
func everySchema(t *testing.T, m *stemkn.Messages) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	var base map[string]any
	require.NoError(t, json.Unmarshal(stemkn.BaseSchemaIn(m), &base))
	out["base"] = base
	for _, s := range stemkn.NewCatalogue().Schemes() {
		data, err := stemkn.SchemaIn(s, m)
		require.NoError(t, err)
		var schema map[string]any
		require.NoError(t, json.Unmarshal(data, &schema))
		out[s.ID] = schema
	}
	return out
}

// choicesOf gives the labelled choices of a place's schema (in it, its
// else, its items or their else) as value → title, or nil.
func choicesOf(p map[string]any) map[string]string {
	for _, o := range []any{p, p["else"], p["items"]} {
		m, _ := o.(map[string]any)
		if items, ok := m["else"].(map[string]any); ok && m["oneOf"] == nil {
			m = items
		}
		if list, ok := m["oneOf"].([]any); ok {
			out := map[string]string{}
			for _, e := range list {
				c := e.(map[string]any)
				title, _ := c["title"].(string)
				out[c["const"].(string)] = title
			}
			return out
		}
	}
	return nil
}

func TestEveryPropertyHasATitleAndADescriptionForPeople(t *testing.T) {
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	for _, m := range []*stemkn.Messages{stemkn.DefaultMessages(), cy} {
		for id, schema := range everySchema(t, m) {
			require.NotEmpty(t, schema["title"], "%s %s", m.Lang(), id)
			require.NotEmpty(t, schema["description"], "%s %s", m.Lang(), id)
			places := schemaPlaces(t, schema)
			require.Greater(t, len(places), 15, id)
			for _, p := range places {
				where := m.Lang() + " " + id + " " + p.pattern
				title, _ := m.Template("title@" + p.pattern)
				description, _ := m.Template("description@" + p.pattern)
				require.NotEmpty(t, title, where)
				require.Equal(t, title, p.schema["title"], where)
				require.Equal(t, description, p.schema["description"], where)
				require.NotContains(t, description, "is the", "%s: a description for a person, not Go doc text", where)
				for _, o := range []any{p.schema, p.schema["else"], p.schema["items"]} {
					// Countries are ISO 3166-1 codes ("GB"), which the
					// description says; stemkn has no names for them.
					if m, ok := o.(map[string]any); ok && !strings.HasSuffix(p.pattern, "/country") {
						require.Nil(t, m["enum"], "%s: a vocabulary without labels", where)
					}
				}
				for value, label := range choicesOf(p.schema) {
					require.NotEmpty(t, label, "%s: choice %s", where, value)
				}
			}
		}
	}
}

func TestChoicesAreLabelledInTheLanguage(t *testing.T) {
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	labels := func(m *stemkn.Messages, id, pattern string) map[string]string {
		t.Helper()
		for _, p := range schemaPlaces(t, everySchema(t, m)[id]) {
			if p.pattern == pattern {
				return choicesOf(p.schema)
			}
		}
		t.Fatalf("%s has no %s", id, pattern)
		return nil
	}
	for _, tc := range []struct {
		id, pattern, value, english, welsh string
	}{
		{"stem-kn-2011", "/network/members/*/role", "teacher", "Teacher", "Athro"},
		{"stem-kn-2011", "/network/members/*/subjects/*", "mathematics", "Mathematics", "Mathemateg"},
		{"stem-kn-2011", "/network/institutions/*/kind", "pd-centre", "Professional development centre", "Canolfan datblygiad proffesiynol"},
		{"stem-kn-2011", "/network/institutions/*/subdivision", "GB-WLS", "Wales", "Cymru"},
		{"stem-kn-2011", "/network/institutions/*/region", "yorkshire-and-the-humber", "Yorkshire and The Humber", "Swydd Efrog a'r Humber"},
		{"stem-kn-2011", "/network/institutions/*/phase", "16-plus", "16 plus", "16 a throsodd"},
		{"stem-kn-2011", "/network/institutions/*/establishmentType", "academy-converter", "Academy converter", "Academy converter"},
		{"stem-kn-2011", "/network/theme", "maths-skills", "Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering", ""},
		{"stem-kn-2011", "/funding/lines/*/category", "supply-cover", "Supply cover", ""},
		{"stem-kn-2011", "/plan/activities/*/kind", "student-activity", "Activity with students", "Gweithgaredd gyda myfyrwyr"},
		{"stem-pd-net-2016", "/plan/outputs/*/kind", "web-portal", "Web portal", "Porth gwe"},
		{"stem-exchange", "/offer/kind", "work-experience", "Work experience", ""},
		{"stem-exchange", "/offer/format", "phone-advice", "Phone advice", "Cyngor dros y ffôn"},
		{"stem-exchange", "/offer/audience/*", "fe-college", "FE colleges", ""},
	} {
		en := labels(stemkn.DefaultMessages(), tc.id, tc.pattern)
		require.Equal(t, tc.english, en[tc.value], "%s %s", tc.pattern, tc.value)
		w := labels(cy, tc.id, tc.pattern)
		require.Len(t, w, len(en), tc.pattern)
		if tc.welsh != "" {
			require.Equal(t, tc.welsh, w[tc.value], "%s %s", tc.pattern, tc.value)
		} else {
			require.NotEqual(t, en[tc.value], w[tc.value], "%s %s has its Welsh words", tc.pattern, tc.value)
		}
	}
}

// Welsh titles are the Welsh catalogue's, not English: the only titles the
// two languages share are names and initialisms that Welsh writes alike.
func TestWelshSchemasHaveWelshTitles(t *testing.T) {
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	english, welsh := everySchema(t, stemkn.DefaultMessages()), everySchema(t, cy)
	shared := map[string]bool{}
	for id := range english {
		en, w := schemaPlaces(t, english[id]), map[string]string{}
		for _, p := range schemaPlaces(t, welsh[id]) {
			w[p.pattern] = p.schema["title"].(string)
		}
		for _, p := range en {
			if p.schema["title"] == w[p.pattern] {
				shared[w[p.pattern]] = true
			}
		}
		if id != "base" {
			require.NotEqual(t, english[id]["title"], welsh[id]["title"], id)
		}
	}
	require.Equal(t, map[string]bool{"ID": true, "URN": true, "UKPRN": true, "PIC": true, "Partner": true, "Cost": true}, shared)
}

func TestSchemaTitlesAreOverriddenLikeMessages(t *testing.T) {
	m, err := stemkn.DefaultMessages().With(map[string]string{
		"title@/network/name":       "What is your network called?",
		"description@/network/name": "Use the name people know it by.",
		"word.role@leader":          "school leader",
	})
	require.NoError(t, err)
	s, _ := stemkn.NewCatalogue().Scheme("stem-kn-2011")
	data, err := stemkn.SchemaIn(s, m)
	require.NoError(t, err)
	var schema map[string]any
	require.NoError(t, json.Unmarshal(data, &schema))
	for _, p := range schemaPlaces(t, schema) {
		switch p.pattern {
		case "/network/name":
			require.Equal(t, "What is your network called?", p.schema["title"])
			require.Equal(t, "Use the name people know it by.", p.schema["description"])
		case "/network/members/*/role":
			require.Equal(t, "School leader", choicesOf(p.schema)["leader"])
		}
	}
	_, err = stemkn.DefaultMessages().With(map[string]string{"title@/network/nickname": "Nickname"})
	require.ErrorContains(t, err, `"title@/network/nickname": is not a key stemkn has: no field is at "/network/nickname"`)
	_, err = stemkn.DefaultMessages().With(map[string]string{"description@/network/name": "Name of {field}"})
	require.ErrorContains(t, err, "this text has no placeholders")
}
