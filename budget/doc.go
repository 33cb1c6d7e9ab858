// Package budget is the money side of an application for funding: sums of
// money, the lines of a budget, the caps a scheme sets on them, the share of
// the funding a category may take, and the unit costs some programmes pay per
// organisation and month.
//
// Money is always a whole number of minor units of its currency (pence for
// pounds, cents for euros), the convention application documents use, so every
// sum, cap and share is exact: no floating point is used anywhere. Every
// calculation that could go past the largest amount an int64 holds says so
// (an ok result of false) instead of wrapping round to a wrong figure.
//
// The package is a leaf: it knows nothing of schemes or documents, so the
// numbers (a cap of £2,000, a 20% share for resources) come from the caller.
//
// No document reaches it. stemkn's funding blocks (funding.go) hand it a
// document's budget lines as Line values (category and amount) with the
// scheme's numbers, and word the verdict as a finding; the budget summary
// a form shows is made of the same calls. Money typed into a form field
// is read with Parse by the document machinery (stemkn/internal/document).
//
// A budget of £1,600 with £400 of resources, checked against the STEM
// Knowledge Networks rules (at most £2,000, no more than 20% on resources):
//
//	lines := []budget.Line{
//		{Category: "supply-cover", Amount: 120000},
//		{Category: "resources", Amount: 40000},
//	}
//	total, _ := budget.Total(lines)                 // 160000
//	resources, _ := budget.CategoryTotal(lines, "resources")
//	budget.WithinCap(total, 200000)                 // true
//	budget.ShareWithin(resources, total, 20)        // false: 25% of the total
//	budget.PercentOf(resources, total)              // "25%"
//	budget.Format(total, "GBP")                     // "£1,600.00"
//
// Money typed into a form field is read with [Parse]:
//
//	pence, err := budget.Parse("£1,200.50") // 120050, nil
package budget
