//go:build !js

package stemkn

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fullApplication fills every field, including the optional ones, with valid values.
func fullApplication() Application {
	yes := true
	return Application{
		Scheme: "stem-kn-2011", SubmittedOn: "2011-01-07",
		Network: Network{Name: "N", AreaOfInterest: "A", Theme: "maths-skills", LocalIssue: "L", Lead: "a",
			Institutions: []Institution{{ID: "a", Name: "A", Kind: "school", Country: "GB", Subdivision: "GB-ENG", URN: "107552",
				UKPRN: "10012345", PIC: "123456789", EstablishmentType: "community-school", Phase: "secondary",
				Region: "london", StateFunded: &yes, Postcode: "SW1A 1AA"}},
			Members:  []Member{{Name: "M", Email: "m@example.org", Role: "teacher", Subjects: []string{"science", "mathematics"}, Institution: "a"}},
			Partners: []Partner{{Name: "P", Kind: "employer", Contribution: "C"}}},
		Plan: Plan{StartDate: "2011-02-01", EndDate: "2011-07-15", Reflection: "R",
			Activities:  []Activity{{Title: "T", Kind: "cpd", Date: "2011-03-01"}},
			Outputs:     []Output{{Title: "O", Kind: "web-portal"}},
			Commitments: Commitments{SubmitReport: true}},
		Funding: &Funding{Currency: "GBP", Lines: []BudgetLine{{Category: "resources", Description: "D", Amount: 100, Institution: "a"}}},
		Contact: Contact{Name: "C", Email: "c@example.org", Phone: "01234"},
	}
}

func fullOffer() OfferDocument {
	return OfferDocument{Scheme: "stem-exchange", Offer: Offer{Employer: Employer{Name: "E", CompanyNumber: "SC123456"},
		Kind: "cpd", Format: "workshop", Title: "T", Description: "D", Audience: []string{"fe-college"}, Cost: 0,
		AgeRange: &AgeRange{Min: 14, Max: 18}, StartDate: "2020-01-01", EndDate: "2020-02-01", Postcode: "B1 1AA"}}
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
		sh, p := documentShape(doc)
		want := structuralFailures(doc, sh, p) // validator/v10
		require.Equal(t, len(want) == 0, sh.clean(p), "document %+v", doc)
		require.Equal(t, want, sh.failures(p), "document %+v", doc)
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
