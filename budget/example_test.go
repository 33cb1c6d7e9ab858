package budget_test

import (
	"errors"
	"fmt"

	"github.com/stemkn/stemkn/budget"
)

func ExampleParse() {
	for _, typed := range []string{"£1,200.50", "1200.5", "1,200", "0.05", "1,20", "-12.00", "92233720368547758.08"} {
		pence, err := budget.Parse(typed)
		switch {
		case errors.Is(err, budget.ErrFormat):
			fmt.Printf("%q is not an amount of money\n", typed)
		case errors.Is(err, budget.ErrRange):
			fmt.Printf("%q is too large\n", typed)
		default:
			fmt.Printf("%q is %d pence\n", typed, pence)
		}
	}
	// Output:
	// "£1,200.50" is 120050 pence
	// "1200.5" is 120050 pence
	// "1,200" is 120000 pence
	// "0.05" is 5 pence
	// "1,20" is not an amount of money
	// "-12.00" is not an amount of money
	// "92233720368547758.08" is too large
}

func ExampleFormat() {
	fmt.Println(budget.Format(200000, "GBP"))
	fmt.Println(budget.Format(1250000, "EUR"))
	fmt.Println(budget.Format(-150, "GBP"))
	fmt.Println(budget.Format(5, "GBP"))
	fmt.Println(budget.Format(120050, "XYZ"))
	// Output:
	// £2,000.00
	// €12,500.00
	// -£1.50
	// £0.05
	// 1,200.50 XYZ
}

// STEM Knowledge Networks: "no more than 20% of the funding should be spent
// on resources".
func ExampleShareWithin() {
	lines := []budget.Line{
		{Category: "supply-cover", Amount: 159999},
		{Category: "resources", Amount: 40001},
	}
	total, _ := budget.Total(lines)
	resources, _ := budget.CategoryTotal(lines, "resources")
	fmt.Println(budget.ShareWithin(40000, 200000, 20))
	fmt.Println(budget.ShareWithin(resources, total, 20))
	fmt.Printf("Resources must be no more than 20%% of the total: %s of %s is %s\n",
		budget.Format(resources, "GBP"), budget.Format(total, "GBP"), budget.PercentOf(resources, total))
	// Output:
	// true
	// false
	// Resources must be no more than 20% of the total: £400.01 of £2,000.00 is 20.01%
}

// Erasmus+ 2016 project management and implementation: €500 a month for the
// coordinator and €250 for each other organisation, for at most 10
// organisations.
func ExampleUnitCost_Allowance() {
	management := budget.UnitCost{CoordinatorPerMonth: 50000, PartnerPerMonth: 25000, MaxOrganisations: 10}
	for _, organisations := range []int{3, 10, 14} {
		cents, _ := management.Allowance(36, organisations)
		fmt.Printf("%d organisations for 36 months: %s\n", organisations, budget.Format(cents, "EUR"))
	}
	// Output:
	// 3 organisations for 36 months: €36,000.00
	// 10 organisations for 36 months: €99,000.00
	// 14 organisations for 36 months: €99,000.00
}

// Erasmus+ 2016 strategic partnerships: "€12,500 per month of duration, and
// €450,000 in all".
func ExampleMonthlyCap_For() {
	grant := budget.MonthlyCap{PerMonth: 1250000, Ceiling: 45000000}
	fmt.Println(budget.Format(grant.For(20), "EUR"))
	fmt.Println(budget.Format(grant.For(36), "EUR"))
	// Output:
	// €250,000.00
	// €450,000.00
}
