package stemkn

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/eligibility"
	"github.com/stretchr/testify/require"
)

// Scheme files: extends, strictness, cycles and Scheme.Check.

const biggerKN = `{
  "id": "stem-kn-2011-bigger",
  "title": "STEM Knowledge Networks with bigger grants",
  "extends": "stem-kn-2011",
  "rules": {"cap": {"amount": 300000, "reference": "A test funder raised the cap to £3,000."}},
  "tests": [{"name": "the fixture", "document": {"scheme": "stem-kn-2011-bigger"}, "expect": {"valid": false}}]
}`

func TestExtendsOverridesAParameter(t *testing.T) {
	c := NewCatalogue()
	v := NewValidator(c) // made before the scheme is loaded: it prepares it when first asked
	loaded, err := c.Load([]byte(biggerKN))
	require.NoError(t, err)
	require.Len(t, loaded, 1)
	s := loaded[0]
	base, _ := c.Scheme("stem-kn-2011")
	require.Equal(t, "stem-kn-2011-bigger", s.ID)
	require.Equal(t, "STEM Knowledge Networks with bigger grants", s.Title)
	require.Equal(t, int64(300000), int64(s.Rules.Cap.Amount))
	require.Equal(t, "A test funder raised the cap to £3,000.", s.Rules.Cap.Reference)
	require.Equal(t, base.Themes, s.Themes, "everything else is inherited")
	require.Equal(t, base.Rules.CategoryShares, s.Rules.CategoryShares)
	require.Equal(t, base.Rules.Institutions, s.Rules.Institutions)
	require.Len(t, s.Tests, 1, "a scheme's tests are its own")
	require.Equal(t, int64(200000), int64(base.Rules.Cap.Amount), "the base scheme is unchanged")
	require.Equal(t, append(builtinIDs(), "stem-kn-2011-bigger"), schemeIDs(c))

	doc := loadDoc(t, validFixture).with(t, lines(240000, 60000)).bytes(t)
	res := v.Validate(doc, Options{Scheme: "stem-kn-2011-bigger"})
	checkContract(t, res)
	require.Equal(t, []seen{}, summary(res), "£3,000 is within the raised cap")
	require.Equal(t, eligible, verdictOf(res))
	res = v.Validate(loadDoc(t, validFixture).with(t, lines(240001, 60000)).bytes(t), Options{Scheme: "stem-kn-2011-bigger"})
	require.Equal(t, []seen{e(CodeCap, "/funding/lines")}, summary(res))
	require.Equal(t, "The total must be £3,000.00 or less: it is £3,000.01", res.Findings[0].Message)
	res = v.Validate(doc, Options{})
	require.Equal(t, []seen{e(CodeCap, "/funding/lines"), e(CodeMaximum, "/funding/lines/0/amount")}, summary(res),
		"the base scheme keeps £2,000, which the £2,400 line alone passes")

	// The scheme's own document names it, so no option is needed.
	res = v.Validate(loadDoc(t, validFixture).with(t, set("/scheme", "stem-kn-2011-bigger"), lines(240000, 60000)).bytes(t), Options{})
	require.True(t, res.Valid)
	require.Equal(t, "stem-kn-2011-bigger", res.Scheme)
}

func builtinIDs() []string { return schemeIDs(NewCatalogue()) }

func schemeIDs(c *Catalogue) []string {
	var ids []string
	for _, s := range c.Schemes() {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestExtendsAmongFilesAndNullRemoves(t *testing.T) {
	c := NewCatalogue()
	child := `{"id": "kn-child", "title": "Child", "extends": "kn-parent", "rules": {"mathematics": null}}`
	parent := `{"id": "kn-parent", "title": "Parent", "extends": "stem-kn-2011", "rules": {"cap": {"amount": 100000, "reference": "Parent cap."}}}`
	loaded, err := c.Load([]byte(child), []byte(parent))
	require.NoError(t, err)
	require.Equal(t, []string{"kn-child", "kn-parent"}, []string{loaded[0].ID, loaded[1].ID})
	require.Equal(t, int64(100000), int64(loaded[0].Rules.Cap.Amount), "from the parent file")
	require.Nil(t, loaded[0].Rules.Mathematics, "null removes a rule")
	require.NotNil(t, loaded[1].Rules.Mathematics)
	v := NewValidator(c)
	res := v.Validate(loadDoc(t, validFixture).with(t, set("/network/members/0/subjects", []any{"technology"})).bytes(t), Options{Scheme: "kn-child"})
	require.Equal(t, []seen{e(CodeCap, "/funding/lines"), e(CodeMaximum, "/funding/lines/0/amount")}, summary(res),
		"the parent's cap, and no mathematics advice")
	require.Equal(t, "The total must be £1,000.00 or less: it is £1,500.00", res.Findings[0].Message)
}

// TestExtendsKeepsAmountsExact: a parent's amounts pass through the merge
// patch as exact integers, up to the largest a scheme may name; past it
// (2^53 + 1 here) the file is refused, not rounded.
func TestExtendsKeepsAmountsExact(t *testing.T) {
	c := NewCatalogue()
	parent := `{"id": "huge", "title": "Huge", "currency": "GBP", "rules": {"cap": {"amount": 999999999999999, "reference": "A very large cap."}}}`
	child := `{"id": "huge-child", "title": "Huge child", "extends": "huge"}`
	loaded, err := c.Load([]byte(parent), []byte(child))
	require.NoError(t, err)
	require.Equal(t, int64(999999999999999), int64(loaded[0].Rules.Cap.Amount))
	require.Equal(t, int64(999999999999999), int64(loaded[1].Rules.Cap.Amount))
	_, err = c.Load([]byte(strings.Replace(parent, "999999999999999", "9007199254740993", 1)))
	require.EqualError(t, err, "scheme huge: cap.amount must be from 1 to 1000000000000000, not 9007199254740993")
}

func TestSchemeFilesAreStrict(t *testing.T) {
	cases := []struct {
		name   string
		files  []string
		scheme string
		says   string
	}{
		{"not JSON", []string{`{"id": `}, "file", "not a JSON scheme object"},
		{"a list", []string{`[]`}, "file", "not a JSON scheme object: the file holds a JSON array, not an object"},
		{"null", []string{`null`}, "file", "not a JSON scheme object: the file holds a JSON null, not an object"},
		{"a string", []string{` "stem-kn-2011" `}, "file", "not a JSON scheme object: the file holds a JSON string, not an object"},
		{"a number", []string{`5`}, "file", "not a JSON scheme object: the file holds a JSON number, not an object"},
		{"a boolean", []string{`true`}, "file", "not a JSON scheme object: the file holds a JSON bool, not an object"},
		{"an id that is not text", []string{`{"id": 5}`}, "file", "not a JSON scheme object: json: cannot unmarshal number into Go struct field id of type string"},
		{"no id", []string{`{"title": "No id"}`}, "file", "has no id"},
		{"the same id twice", []string{`{"id": "a", "title": "A", "rules": {}}`, `{"id": "a", "title": "A", "rules": {}}`}, "a", "is given twice"},
		{"no title", []string{`{"id": "a", "rules": {}}`}, "a", "needs an id and a title"},
		{"an unknown rule", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"maxPupils": {"min": 3, "reference": "x"}}}`},
			"a", `unknown field "maxPupils"`},
		{"an unknown field", []string{`{"id": "a", "title": "A", "colour": "red", "rules": {}}`}, "a", `unknown field "colour"`},
		{"an unknown field in a rule", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"cap": {"amount": 1, "reference": "x", "max": 2}}}`},
			"a", `unknown field "max"`},
		{"a misspelt rule parameter", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"cap": {"ammount": 1}}}`},
			"a", `unknown field "ammount"`},
		{"a rule without a reference", []string{`{"id": "a", "title": "A", "currency": "GBP", "rules": {"cap": {"amount": 100}}}`},
			"a", "rule cap has no reference"},
		{"a reference of white space", []string{`{"id": "a", "title": "A", "themes": [{"id": "t", "title": "T"}], "rules": {"theme": {"reference": " \n"}}}`},
			"a", "rule theme has no reference"},
		{"an inherited rule losing its reference", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"deadline": {"reference": null}}}`},
			"a", "rule deadline has no reference"},
		{"a wrong type", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"cap": {"amount": "£2,000", "reference": "x"}}}`},
			"a", "cannot unmarshal string"},
		{"a fractional amount", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2011", "rules": {"cap": {"amount": 2000.5, "reference": "x"}}}`},
			"a", "cannot unmarshal number 2000.5"},
		{"a cycle of two", []string{`{"id": "a", "title": "A", "extends": "b", "rules": {}}`, `{"id": "b", "title": "B", "extends": "a", "rules": {}}`},
			"a", "extends itself through a → b → a"},
		{"a cycle of three", []string{`{"id": "a", "title": "A", "extends": "b"}`, `{"id": "b", "title": "B", "extends": "c"}`, `{"id": "c", "title": "C", "extends": "a"}`},
			"a", "extends itself through a → b → c → a"},
		{"a scheme extending itself", []string{`{"id": "a", "title": "A", "extends": "a", "rules": {}}`}, "a", "extends itself through a → a"},
		{"a built-in id extending itself", []string{`{"id": "stem-kn-2011", "title": "A", "extends": "stem-kn-2011"}`}, "stem-kn-2011",
			"extends itself through stem-kn-2011 → stem-kn-2011"},
		{"an unknown parent", []string{`{"id": "a", "title": "A", "extends": "stem-kn-2099", "rules": {}}`}, "a", "extends stem-kn-2099, which is not a known scheme"},
		{"an unknown grandparent", []string{`{"id": "a", "title": "A", "extends": "b"}`, `{"id": "b", "title": "B", "extends": "nope"}`}, "b", "extends nope, which is not a known scheme"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCatalogue()
			var files [][]byte
			for _, f := range tc.files {
				files = append(files, []byte(f))
			}
			loaded, err := c.Load(files...)
			require.Error(t, err)
			require.Nil(t, loaded)
			var se *SchemeError
			require.True(t, errors.As(err, &se), "%T", err)
			require.Equal(t, tc.scheme, se.Scheme)
			require.Contains(t, se.Problem, tc.says)
			require.True(t, strings.HasPrefix(err.Error(), "scheme "+tc.scheme+": "), err.Error())
			require.Equal(t, builtinIDs(), schemeIDs(c), "a failed load adds nothing")
		})
	}
}

func TestSchemeCheck(t *testing.T) {
	good := func() *Scheme { s := freshScheme("stem-kn-2011"); return s }
	require.NoError(t, good().Check())
	cases := []struct {
		name   string
		change func(*Scheme)
		says   string // "" when the change is allowed
	}{
		{"a share of 100%", func(s *Scheme) { s.Rules.CategoryShares[0].MaxPercent = 100 }, ""},
		{"a share of 101%", func(s *Scheme) { s.Rules.CategoryShares[0].MaxPercent = 101 }, "maxPercent must be from 0 to 100, not 101"},
		{"a share of 0%", func(s *Scheme) { s.Rules.CategoryShares[0].MaxPercent = 0 }, ""},
		{"a share of -1%", func(s *Scheme) { s.Rules.CategoryShares[0].MaxPercent = -1 }, "maxPercent must be from 0 to 100, not -1"},
		{"a share of a category the scheme does not have", func(s *Scheme) { s.Rules.CategoryShares[0].Category = "equipment" },
			"category share for equipment needs a scheme category"},
		{"a share of a category by its title", func(s *Scheme) { s.Rules.CategoryShares[0].Category = "Resources" },
			"category share for Resources needs a scheme category"},
		{"a category need for a category the scheme does not have", func(s *Scheme) {
			s.Rules.CategoryNeeds = []CategoryNeedRule{{Category: "multiplier-events", Needs: "outputs", Citation: Citation{Reference: "x"}}}
		}, "category need for multiplier-events"},
		{"a category need for something other than outputs", func(s *Scheme) {
			s.Rules.CategoryNeeds = []CategoryNeedRule{{Category: "travel", Needs: "activities", Citation: Citation{Reference: "x"}}}
		}, `needs "outputs"`},
		{"a unit cost for no organisations", func(s *Scheme) {
			s.Rules.UnitCost = &UnitCostRule{Category: "travel", MaxOrganisations: 0, Citation: Citation{Reference: "x"}}
		}, "unitCost.maxOrganisations must be from 1 to 1000, not 0"},
		{"a unit cost for one organisation", func(s *Scheme) {
			s.Rules.UnitCost = &UnitCostRule{Category: "travel", MaxOrganisations: 1, Citation: Citation{Reference: "x"}}
		}, ""},
		{"a deadline that does not exist", func(s *Scheme) { s.Rules.Deadline.Date = "2011-02-29" }, "deadline 2011-02-29 is not a real date"},
		{"a deadline written the British way", func(s *Scheme) { s.Rules.Deadline.Date = "10/01/2011" }, "is not a real date (YYYY-MM-DD)"},
		{"a deadline in a leap year", func(s *Scheme) { s.Rules.Deadline.Date = "2012-02-29" }, ""},
		{"an unknown class", func(s *Scheme) { s.Rules.Institutions[0].Classes = []eligibility.Class{"grammar"} },
			"names class grammar, which is not a GIAS class"},
		{"every known class", func(s *Scheme) {
			s.Rules.Institutions[0].Classes = []eligibility.Class{eligibility.LAMaintained, eligibility.AcademyOrFreeSchool,
				eligibility.College, eligibility.Independent, eligibility.CityTechnologyCollege, eligibility.NonMaintainedSpecial}
		}, ""},
		{"an institution rule applying to nobody", func(s *Scheme) { s.Rules.Institutions[0].Applies = "partners" }, "use lead, funded, others or all"},
		{"an unknown kind of document", func(s *Scheme) { s.Kind = "grant" }, "use application or offer"},
		{"an unknown currency", func(s *Scheme) { s.Currency = "XYZ" }, "currency XYZ, which stemkn does not know"},
		{"money rules without a currency", func(s *Scheme) { s.Currency = "" }, "money rules but no currency"},
		{"a theme rule without themes", func(s *Scheme) { s.Themes = nil }, "theme rule but no themes"},
		{"a categories rule without categories", func(s *Scheme) { s.Categories = nil; s.Rules.CategoryShares = nil },
			"categories rule but no categories"},
		{"an unknown identifier", func(s *Scheme) {
			s.Rules.Identifiers = &IdentifierRule{Required: []string{"vat"}, Citation: Citation{Reference: "x"}}
		},
			"identifiers rule names vat"},
		{"an unknown commitment", func(s *Scheme) { s.Rules.Commitments.Required = append(s.Rules.Commitments.Required, "bringCake") },
			"commitments rule names bringCake"},
		{"an application rule in an offer scheme", func(s *Scheme) {
			s.Kind = KindOffer
			s.Rules = Rules{Theme: s.Rules.Theme}
		}, "rule theme does not apply to the scheme's kind of document"},
		{"an offer rule in an application scheme", func(s *Scheme) {
			s.Rules.FreeOffer = &FreeOfferRule{Kinds: []string{"cpd"}, Citation: Citation{Reference: "x"}}
		},
			"rule freeOffer does not apply to the scheme's kind of document"},
		{"offer rules in an offer scheme", func(s *Scheme) {
			s.Kind = KindOffer
			s.Rules = Rules{FreeOffer: &FreeOfferRule{Kinds: []string{"cpd"}, Citation: Citation{Reference: "x"}},
				Audience: &AudienceRule{Kinds: []string{"cpd"}, Allowed: []string{"fe-college"}, Citation: Citation{Reference: "x"}},
				AgeRange: &AgeRangeRule{Kinds: []string{"work-experience"}, Citation: Citation{Reference: "x"}}}
		}, ""},
		{"no id", func(s *Scheme) { s.ID = "" }, "needs an id and a title"},
		{"a rule with no reference", func(s *Scheme) { s.Rules.Mathematics.Reference = "" }, "rule mathematics has no reference"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := good()
			tc.change(s)
			err := s.Check()
			if tc.says == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.says)
		})
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bigger.json")
	require.NoError(t, os.WriteFile(path, []byte(biggerKN), 0o600))
	c := NewCatalogue()
	s, err := c.LoadFile(path)
	require.NoError(t, err)
	require.Equal(t, "stem-kn-2011-bigger", s.ID)
	_, err = c.LoadFile(filepath.Join(dir, "missing.json"))
	require.ErrorIs(t, err, os.ErrNotExist)
	require.Panics(t, func() { NewCatalogue().MustLoad([]byte(`{"id": "a"}`)) })
	require.NotPanics(t, func() { NewCatalogue().MustLoad([]byte(biggerKN)) })
}

func TestCataloguesDoNotShareSchemes(t *testing.T) {
	a, b := NewCatalogue(), NewCatalogue()
	sa, _ := a.Scheme("stem-kn-2011")
	sb, _ := b.Scheme("stem-kn-2011")
	require.NotSame(t, sa, sb)
	sa.Rules.Cap.Amount = 1
	require.Equal(t, int64(200000), int64(sb.Rules.Cap.Amount))
	_, ok := a.Scheme("nope")
	require.False(t, ok)
}

// TestASchemeJudgesOnlyItsKindOfDocument: Go values of the other kind of
// document get a finding, not a panic.
func TestASchemeJudgesOnlyItsKindOfDocument(t *testing.T) {
	v := offerValidator(t)
	res := v.ValidateApplication(&Application{Scheme: "test-offers"}, Options{})
	checkContract(t, res)
	require.Contains(t, summary(res), e(CodeSchemeUnknown, "/scheme"))
	require.Nil(t, res.Eligible)
	require.Empty(t, res.Rules)
	for _, f := range res.Findings {
		if f.Code == CodeSchemeUnknown {
			require.Equal(t, `Select a scheme for this kind of document: "test-offers" judges a different kind`, f.Message)
		}
	}
	res = v.ValidateOffer(&OfferDocument{Scheme: "stem-kn-2011"}, Options{})
	checkContract(t, res)
	require.Contains(t, summary(res), e(CodeSchemeUnknown, "/scheme"))
	require.Empty(t, res.Rules)
	res = v.ValidateOffer(&OfferDocument{Scheme: "test-offers", Offer: Offer{Employer: Employer{Name: "Acme"}, Kind: "cpd",
		Format: "workshop", Title: "Lab tour", Audience: []string{"fe-college"}}}, Options{})
	require.Equal(t, []seen{}, summary(res))
	require.Equal(t, eligible, verdictOf(res))
}
