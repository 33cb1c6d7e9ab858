package stemkn

import (
	"math"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// BudgetSummary is what an application asks for set against what its scheme
// allows: the running total, the cap and what remains, and each spend
// category's share. The widget shows it live beside the budget lines, and a
// server can show the same figures; amounts come both as minor units and as
// text in the GOV.UK style ("£1,200.50"), worked out exactly in Go.
type BudgetSummary struct {
	// Currency is the ISO 4217 code of every amount (the scheme's).
	Currency string `json:"currency"`
	// Total is the sum of the budget lines that have an amount.
	Total budget.Amount `json:"total"`
	// TotalText is Total for people.
	TotalText string `json:"totalText"`
	// Cap is the most the scheme allows, when it has a cap. A monthly cap
	// is worked out for the plan's dates, or is its ceiling without them.
	Cap *budget.Amount `json:"cap,omitempty"`
	// CapText is Cap for people.
	CapText string `json:"capText,omitempty"`
	// Remaining is Cap less Total; negative when the total is over the cap.
	Remaining *budget.Amount `json:"remaining,omitempty"`
	// RemainingText is Remaining for people, without a sign: see Over.
	RemainingText string `json:"remainingText,omitempty"`
	// Over is true when the total is more than the cap.
	Over bool `json:"over"`
	// Overflow is true when the amounts are too large to add up; the
	// figures are then 0.
	Overflow bool `json:"overflow,omitempty"`
	// Categories are the scheme's spend categories in the scheme's order.
	Categories []CategorySpend `json:"categories"`
}

// CategorySpend is the money asked for in one spend category.
type CategorySpend struct {
	// ID is the category's id, such as "resources".
	ID string `json:"id"`
	// Title is the category as people read it.
	Title string `json:"title"`
	// Amount is the sum of the category's lines.
	Amount budget.Amount `json:"amount"`
	// AmountText is Amount for people.
	AmountText string `json:"amountText"`
	// Share is Amount as a percentage of the total, rounded up ("20.01%").
	Share string `json:"share"`
	// MaxPercent is the largest share the scheme allows, when it limits one.
	MaxPercent *int64 `json:"maxPercent,omitempty"`
	// Within is false when the category is over its largest share.
	Within bool `json:"within"`
}

// BudgetSummary decodes an application and sums up its budget against the
// scheme (opts.Scheme, else the document's own), with the categories'
// titles in the validator's language. Values that do not decode count as
// absent: the summary is for showing as people type, while Validate says
// what is wrong. ok is false when the scheme is unknown or judges offers.
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
	sum = c.Scheme.BudgetSummary(&app)
	for i := range sum.Categories {
		sum.Categories[i].Title = v.messages.CategoryTitle(c.Scheme, sum.Categories[i].ID)
	}
	return sum, true
}

// BudgetSummary sums up an application's budget against the scheme.
func (s *Scheme) BudgetSummary(app *Application) BudgetSummary {
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
	if limit, capped := s.capFor(app); capped {
		remaining, fits := budget.Add(limit, -total)
		if !fits || total == math.MinInt64 {
			sum.Overflow, remaining = true, 0
		}
		sum.Cap, sum.CapText = &limit, money(limit)
		sum.Remaining, sum.Over = &remaining, remaining < 0
		if remaining < 0 {
			sum.RemainingText = money(-remaining)
		} else {
			sum.RemainingText = money(remaining)
		}
	}
	parts := s.categoryTotals(lines)
	for k, cat := range s.Categories {
		part := parts[k]
		spend := CategorySpend{ID: cat.ID, Title: cat.Title, Amount: part, AmountText: money(part),
			Share: budget.PercentOf(part, total), Within: true}
		for i := range s.Rules.CategoryShares {
			if sh := &s.Rules.CategoryShares[i]; sh.Category == cat.ID {
				limit := sh.MaxPercent
				spend.MaxPercent = &limit
				spend.Within = budget.ShareWithin(part, total, limit)
			}
		}
		sum.Categories = append(sum.Categories, spend)
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

// capFor is the most the scheme allows the application: its cap, or its
// monthly cap over the plan's months (the ceiling when the dates are not
// known yet), whichever is less.
func (s *Scheme) capFor(app *Application) (budget.Amount, bool) {
	r := &s.Rules
	var limit budget.Amount
	capped := false
	if r.Cap != nil {
		limit, capped = r.Cap.Amount, true
	}
	if mc := r.MonthlyCap; mc != nil {
		monthly := mc.Ceiling
		start, ok1 := eligibility.ParseDate(app.Plan.StartDate)
		end, ok2 := eligibility.ParseDate(app.Plan.EndDate)
		if ok1 && ok2 && end.Compare(start) >= 0 {
			monthly = budget.MonthlyCap{PerMonth: mc.PerMonth, Ceiling: mc.Ceiling}.For(eligibility.MonthsInclusive(start, end))
		}
		if !capped || monthly < limit {
			limit, capped = monthly, true
		}
	}
	return limit, capped
}
