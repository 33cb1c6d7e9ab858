package stemkn

import (
	"math"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
)

// BudgetSummary decodes an application and sums up its budget against the
// scheme (opts.Scheme, else the document's own), with the categories'
// titles in the validator's language. Values that do not decode
// count as absent: the summary is for showing as people type, while Validate
// says what is wrong. ok is false when the scheme is unknown or judges offers.
func (v *Validator) BudgetSummary(doc []byte, opts Options) (sum BudgetSummary, ok bool) {
	text := string(doc)
	id := opts.Scheme
	if id == "" && len(text) <= v.limits.Bytes {
		id = peekScheme(text, v.limits)
	}
	c, known := v.scheme(id)
	if !known || c.Kind == KindOffer {
		return BudgetSummary{}, false
	}
	var app Application
	var ignored Findings
	read(text, applicationShape, unsafe.Pointer(&app), v.limits, &ignored)
	sum = budgetSummary(c.Scheme, c.rules, &app)
	for i := range sum.Categories {
		sum.Categories[i].Title = v.messages.CategoryTitle(c.Scheme, sum.Categories[i].ID)
	}
	return sum, true
}

// BudgetSummary sums up an application's budget against the scheme.
func (s *Scheme) BudgetSummary(app *Application) BudgetSummary {
	return budgetSummary(s, s.rules(), app)
}

// budgetSummary sums up app's budget against scheme s, whose compiled
// rules are rules.
func budgetSummary(s *Scheme, rules []rule, app *Application) BudgetSummary {
	cur := s.Currency
	money := func(a budget.Amount) string { return budget.Format(a, cur) }
	var lines []budget.Line
	if app.Funding != nil {
		for _, l := range app.Funding.Lines {
			lines = append(lines, budget.Line{Category: l.Category, Amount: l.Amount})
		}
	}
	sum := BudgetSummary{Currency: cur, Categories: make([]CategorySpend, 0, len(s.Categories))}
	total, ok := budget.Total(lines)
	sum.Overflow = !ok
	sum.Total, sum.TotalText = total, money(total)
	parts := s.categoryTotals(lines)
	for k, cat := range s.Categories {
		part := parts[k]
		sum.Categories = append(sum.Categories, CategorySpend{ID: cat.ID, Title: cat.Title, Amount: part, AmountText: money(part),
			Share: budget.PercentOf(part, total), Within: true})
	}
	b := budgetView{app: app, sum: &sum}
	for i := range rules {
		if rules[i].summary != nil {
			rules[i].summary(&b)
		}
	}
	if b.capped {
		remaining, fits := budget.Add(b.cap, -total)
		if !fits || total == math.MinInt64 {
			sum.Overflow, remaining = true, 0
		}
		limit := b.cap
		sum.Cap, sum.CapText = &limit, money(limit)
		sum.Remaining, sum.Over = &remaining, remaining < 0
		sum.RemainingText = money(max(remaining, -remaining))
	}
	return sum
}

// categoryTotals adds up the lines of each of the scheme's categories, in
// the categories' order, in one pass over the lines (a hostile document may
// have any number of them): exactly as budget.CategoryTotal, 0 for a total
// that would overflow.
func (s *Scheme) categoryTotals(lines []budget.Line) []budget.Amount {
	index := make(map[string]int, len(s.Categories))
	for k, c := range s.Categories {
		if _, seen := index[c.ID]; !seen {
			index[c.ID] = k
		}
	}
	parts := make([]budget.Amount, len(s.Categories))
	overflow := make([]bool, len(s.Categories))
	for _, l := range lines {
		k, ok := index[l.Category]
		if !ok || overflow[k] {
			continue
		}
		if parts[k], ok = budget.Add(parts[k], l.Amount); !ok {
			parts[k], overflow[k] = 0, true
		}
	}
	for k, c := range s.Categories {
		if i := index[c.ID]; i != k {
			parts[k] = parts[i] // a category listed twice (refused on loading) counts alike
		}
	}
	return parts
}
