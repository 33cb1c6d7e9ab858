package stemkn

// Benchmarks of hostile input at several sizes: each reports its cost per
// item (ns/item), which stays flat when a stage is linear and grows with n
// when it is not. No test asserts a time; these show the figures the README
// and the performance note quote. The inputs are benchdata's hostile ones.

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
)

// perItem reports the time per item of an input of n items.
func perItem(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
}

// BenchmarkInstitutionIDs validates documents of 1,000 to 100,000
// institutions with different ids (the list's maximum is 1,000).
func BenchmarkInstitutionIDs(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 10_000, 30_000, 100_000} {
		doc := string(benchdata.Institutions(benchdata.DistinctIDs(n)))
		b.Run("institutions="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				v.ValidateString(doc, Options{})
			}
			perItem(b, n)
		})
	}
}

// BenchmarkFormFieldFor validates a form of 1,000 to 9,000 member rows that
// give only a name, and finds the form field of every finding, as the
// widget and the demo do.
func BenchmarkFormFieldFor(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 3000, 9000} {
		form := url.Values{"scheme": {"stem-kn-2011"}}
		for i := range n {
			form.Set("network[members]["+strconv.Itoa(i)+"][name]", "Member "+strconv.Itoa(i))
		}
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				res, f := v.ValidateForm(form, Options{})
				for _, fd := range res.Findings {
					_ = f.FieldFor(fd.Path)
				}
			}
			perItem(b, n)
		})
	}
}

// BenchmarkCatalogueLoadChain loads a chain of 100 to 400 extending files.
func BenchmarkCatalogueLoadChain(b *testing.B) {
	for _, n := range []int{100, 200, 400} {
		files := benchdata.SchemeChain(n)
		b.Run("files="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := NewCatalogue().Load(files...); err != nil {
					b.Fatal(err)
				}
			}
			perItem(b, n)
		})
	}
}

// BenchmarkManyFindings validates documents of 1,000 to 10,000 members
// (the list's maximum) that each lack two values: every stage that works
// per finding (rules deciding they cannot judge, words, order, the cap).
func BenchmarkManyFindings(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 3000, 10_000} {
		doc := string(benchdata.MembersNamedOnly(n))
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				v.ValidateString(doc, Options{})
			}
			perItem(b, n)
		})
	}
}

// BenchmarkBudgetSummaryLines sums up 1,000 to 100,000 budget lines, as the
// widget does at each keystroke.
func BenchmarkBudgetSummaryLines(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 100_000} {
		doc := benchdata.BudgetLines(n)
		b.Run("lines="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				v.BudgetSummary(doc, Options{})
			}
			perItem(b, n)
		})
	}
}
