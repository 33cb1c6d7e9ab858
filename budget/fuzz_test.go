package budget_test

import (
	"errors"
	"testing"

	"github.com/stemkn/stemkn/budget"
)

// FuzzParse checks that Parse survives any text, never accepts a negative
// amount, and that whatever it accepts reads back the same once formatted.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"£1,200.50", "1200.5", "1,200", "1200", "£1200", "€12,500.00", "$3.20",
		" 1,200.50 ", "0.05", "0", "92233720368547758.07", "92233720368547758.08",
		"99999999999999999999", "-12.00", "+5", "1.005", "1,20", "12,00,000",
		"1\u00a0200", "１２００", "1\u200b200", "1\x00", "1e3", "0x10", "½",
		"££1", "", "£", ".", "1.", ".5", "\xff",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := budget.Parse(s)
		if err != nil {
			if !errors.Is(err, budget.ErrFormat) && !errors.Is(err, budget.ErrRange) {
				t.Fatalf("Parse(%q): unexpected error %v", s, err)
			}
			if a != 0 {
				t.Fatalf("Parse(%q) = %d with error %v, want 0", s, a, err)
			}
			return
		}
		if a < 0 {
			t.Fatalf("Parse(%q) = %d, a negative amount", s, a)
		}
		formatted := budget.Format(a, "GBP")
		back, err := budget.Parse(formatted)
		if err != nil || back != a {
			t.Fatalf("Parse(%q) = %d, formatted %q, which parses as %d, %v", s, a, formatted, back, err)
		}
	})
}
