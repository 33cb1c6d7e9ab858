package stemkn

// Benchmarks of hostile input at several sizes: each reports its cost per
// item (ns/item), which stays flat when a stage is linear and grows with n
// when it is not. No test asserts a time; these show the figures the README
// and the performance note quote.

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// institutionsDocument is an application with n institutions that have
// only an id, all different: the worst case for a duplicate-id check that
// compares each id with those before it.
func institutionsDocument(n int) string {
	var b strings.Builder
	b.WriteString(`{"scheme":"stem-kn-2011","network":{"institutions":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"i` + strconv.Itoa(i) + `"}`)
	}
	b.WriteString(`]}}`)
	return b.String()
}

// BenchmarkInstitutionIDs validates documents of 1,000 to 100,000
// institutions (the list's maximum is 1,000).
func BenchmarkInstitutionIDs(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 10_000, 30_000, 100_000} {
		doc := institutionsDocument(n)
		b.Run("institutions="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				v.ValidateString(doc, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// memberRowsForm is a form post of n member rows that give only a name, so
// every row has findings (its role and institution are missing).
func memberRowsForm(n int) url.Values {
	form := url.Values{"scheme": {"stem-kn-2011"}}
	for i := range n {
		form.Set("network[members]["+strconv.Itoa(i)+"][name]", "Member "+strconv.Itoa(i))
	}
	return form
}

// BenchmarkFormFieldFor validates a form of 1,000 to 9,000 member rows and
// finds the form field of every finding, as the widget and the demo do.
func BenchmarkFormFieldFor(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 3000, 9000} {
		form := memberRowsForm(n)
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				res, f := v.ValidateForm(form, Options{})
				for _, fd := range res.Findings {
					_ = f.FieldFor(fd.Path)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// schemeChain is n scheme files, each extending the one before it; the
// first extends enthuse-2022.
func schemeChain(n int) [][]byte {
	files := make([][]byte, n)
	parent := "enthuse-2022"
	for i := range n {
		id := "chain-" + strconv.Itoa(i)
		files[i] = []byte(`{"id":"` + id + `","extends":"` + parent + `","title":"Chain ` + strconv.Itoa(i) + `"}`)
		parent = id
	}
	return files
}

// BenchmarkCatalogueLoadChain loads a chain of 100 to 400 extending files.
func BenchmarkCatalogueLoadChain(b *testing.B) {
	for _, n := range []int{100, 200, 400} {
		files := schemeChain(n)
		b.Run("files="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := NewCatalogue().Load(files...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// membersNamesOnlyDocument is an application of n members that give only a
// name: three findings each (role, institution; subjects for the rules).
func membersNamesOnlyDocument(n int) string {
	var b strings.Builder
	b.WriteString(`{"scheme":"stem-kn-2011","network":{"members":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"name":"Member ` + strconv.Itoa(i) + `"}`)
	}
	b.WriteString(`]}}`)
	return b.String()
}

// BenchmarkManyFindings validates documents of 1,000 to 10,000 members
// (the list's maximum) that each lack two values: every stage that works
// per finding (rules deciding they cannot judge, words, order, the cap).
func BenchmarkManyFindings(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 3000, 10_000} {
		doc := membersNamesOnlyDocument(n)
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				v.ValidateString(doc, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// linesDocument is an application asking for n budget lines of £1 each
// (the list's maximum is 1,000).
func linesDocument(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"scheme":"enthuse-2022","funding":{"currency":"GBP","lines":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"category":"resources","amount":100}`)
	}
	b.WriteString(`]}}`)
	return []byte(b.String())
}

// BenchmarkBudgetSummaryLines sums up 1,000 to 100,000 budget lines, as the
// widget does at each keystroke.
func BenchmarkBudgetSummaryLines(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range []int{1000, 100_000} {
		doc := linesDocument(n)
		b.Run("lines="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				v.BudgetSummary(doc, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}
