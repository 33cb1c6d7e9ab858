package stemkn

import (
	"math"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
)

// BudgetSummary decodes an application and sums up its budget against the
// scheme (opts.Scheme, else the document's own). Values that do not decode
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
	return budgetSummary(c.Scheme, c.rules, &app), true
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
	for _, cat := range s.Categories {
		part, _ := budget.CategoryTotal(lines, cat.ID)
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
