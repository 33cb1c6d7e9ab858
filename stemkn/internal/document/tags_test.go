//go:build !js

package document_test

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/document"
	"github.com/stretchr/testify/require"
)

// fullApplication fills every field, including the optional ones, with valid values.
func fullApplication() stemkn.Application {
	yes := true
	return stemkn.Application{
		Scheme: "stem-kn-2011", SubmittedOn: "2011-01-07",
		Network: stemkn.Network{Name: "N", AreaOfInterest: "A", Theme: "maths-skills", LocalIssue: "L", Lead: "a",
			Institutions: []stemkn.Institution{{ID: "a", Name: "A", Kind: "school", Country: "GB", Subdivision: "GB-ENG", URN: "107552",
				UKPRN: "10012345", PIC: "123456789", EstablishmentType: "community-school", Phase: "secondary",
				Region: "london", StateFunded: &yes, Postcode: "SW1A 1AA"}},
			Members:  []stemkn.Member{{Name: "M", Email: "m@example.org", Role: "teacher", Subjects: []string{"science", "mathematics"}, Institution: "a"}},
			Partners: []stemkn.Partner{{Name: "P", Kind: "employer", Contribution: "C"}}},
		Plan: stemkn.Plan{StartDate: "2011-02-01", EndDate: "2011-07-15", Reflection: "R",
			Activities:  []stemkn.Activity{{Title: "T", Kind: "cpd", Date: "2011-03-01"}},
			Outputs:     []stemkn.Output{{Title: "O", Kind: "web-portal"}},
			Strands:     []stemkn.Strand{{Title: "S", Kind: "dissemination"}},
			Commitments: stemkn.Commitments{SubmitReport: true}},
		Funding: &stemkn.Funding{Currency: "GBP", Lines: []stemkn.BudgetLine{{Category: "resources", Description: "D", Amount: 100, Institution: "a"}}},
		Contact: stemkn.Contact{Name: "C", Email: "c@example.org", Phone: "01234"},
	}
}

func fullOffer() stemkn.OfferDocument {
	return stemkn.OfferDocument{Scheme: "stem-exchange", Offer: stemkn.Offer{Employer: stemkn.Employer{Name: "E", CompanyNumber: "SC123456"},
		Kind: "cpd", Format: "workshop", Title: "T", Description: "D", Audience: []string{"fe-college"}, Cost: 0,
		AgeRange: &stemkn.AgeRange{Min: 14, Max: age(18)}, StartDate: "2020-01-01", EndDate: "2020-02-01", Postcode: "B1 1AA"}}
}

// stringProbes are values that sit on either side of the tags' bounds and formats.
var stringProbes = []string{"", "x", " ", "science", "teacher", "GB", "UK", "GB-ENG", "GBP", "london", "secondary",
	"community-school", "academy-converter", "107552", "10755", "1075520", "10012345", "20012345", "123456789",
	"12345678", "m@example.org", "m@example", "m @x.org", "@x.org", "2011-02-28", "2011-02-29", "2012-02-29",
	"2011-13-01", "SW1A 1AA", "sw1a 1aa", "SC123456", "1234567", "cpd", "workshop", "fe-college",
	strings.Repeat("é", 200), strings.Repeat("é", 201), strings.Repeat("x", 2001), strings.Repeat("😀", 64), strings.Repeat("😀", 65)}

var intProbes = []int64{0, 1, -1, 120, 121, 1_000_000_000_000, 1_000_000_000_001, -1 << 63}

// mutations calls visit with every single-field change of the value at v,
// undoing each change after the visit, until visit returns true: that change
// is then kept and mutations returns true.
func mutations(v reflect.Value, visit func() bool) bool {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if mutations(v.Field(i), visit) {
				return true
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			return false
		}
		if mutations(v.Elem(), visit) {
			return true
		}
		old := reflect.ValueOf(v.Interface())
		v.Set(reflect.Zero(v.Type()))
		if visit() {
			return true
		}
		v.Set(old)
	case reflect.String:
		old := v.String()
		for _, p := range stringProbes {
			v.SetString(p)
			if visit() {
				return true
			}
		}
		v.SetString(old)
	case reflect.Int64:
		old := v.Int()
		for _, p := range intProbes {
			v.SetInt(p)
			if visit() {
				return true
			}
		}
		v.SetInt(old)
	case reflect.Bool:
		v.SetBool(!v.Bool())
		if visit() {
			return true
		}
		v.SetBool(!v.Bool())
	case reflect.Slice:
		old := reflect.ValueOf(v.Interface())
		// Work on a copy so element changes never leak into the saved slice.
		cp := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, old.Len()), old)
		v.Set(cp)
		for i := 0; i < v.Len(); i++ {
			if mutations(v.Index(i), visit) {
				return true
			}
		}
		for _, next := range []reflect.Value{
			reflect.Zero(v.Type()),            // nil
			reflect.MakeSlice(v.Type(), 0, 0), // empty, not nil
			reflect.AppendSlice(cp, old),      // every entry twice
		} {
			v.Set(next)
			if visit() {
				return true
			}
		}
		v.Set(old)
	}
	return false
}

// TestTagProgramsAgreeWithValidator holds the compiled tag programs (the
// pre-check, and the engine of the WebAssembly build) to validator/v10: the
// same verdict and the same failures, on every single-field mutation of
// full documents and on random triples of mutations.
func TestTagProgramsAgreeWithValidator(t *testing.T) {
	check := func(doc any) {
		sh, p := shapeOf(doc)
		want := document.EngineFailures(sh, doc, p) // validator/v10
		require.Equal(t, len(want) == 0, document.Clean(sh, doc, p), "document %+v", doc)
		require.Equal(t, want, document.ProgramFailures(sh, p), "document %+v", doc)
		require.Equal(t, want, nilIfEmpty(document.Check(sh, doc)), "document %+v", doc)
	}
	app := fullApplication()
	check(&app)
	n := 0
	mutations(reflect.ValueOf(&app).Elem(), func() bool { check(&app); n++; return false })
	offer := fullOffer()
	check(&offer)
	mutations(reflect.ValueOf(&offer).Elem(), func() bool { check(&offer); n++; return false })
	require.Greater(t, n, 2000)

	// Pairs of mutations, drawn at random, catch ops that mask one another.
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		app := fullApplication()
		for range 3 {
			k := 0
			stop := r.IntN(1500)
			mutations(reflect.ValueOf(&app).Elem(), func() bool { k++; return k > stop })
		}
		check(&app)
	}
}

// The shapes of stemkn's document types, compiled as stemkn compiles them.
var (
	lists = []document.List{document.ListOf[stemkn.Institution](), document.ListOf[stemkn.Member](),
		document.ListOf[stemkn.Partner](), document.ListOf[stemkn.Activity](), document.ListOf[stemkn.Output](),
		document.ListOf[stemkn.Strand](), document.ListOf[stemkn.BudgetLine]()}
	applicationShape = document.Compile(reflect.TypeFor[stemkn.Application](), lists, nil)
	offerShape       = document.Compile(reflect.TypeFor[stemkn.OfferDocument](), lists, nil)
)

func shapeOf(doc any) (*document.Shape, unsafe.Pointer) {
	switch d := doc.(type) {
	case *stemkn.Application:
		return applicationShape, unsafe.Pointer(d)
	case *stemkn.OfferDocument:
		return offerShape, unsafe.Pointer(d)
	}
	panic("not a document")
}

func nilIfEmpty(ps []document.Problem) []document.Problem {
	if len(ps) == 0 {
		return []document.Problem{}
	}
	return ps
}

func age(n int64) *int64 { return &n }
