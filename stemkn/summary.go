package stemkn

import (
	"math"
	"unsafe"

	"github.com/stemkn/stemkn/budget"
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

// budgetView is an application's budget as a summary is made of it: each
// rule with a part in the summary (a cap, a category's share) adds it.
type budgetView struct {
	app    *Application
	sum    *BudgetSummary
	cap    budget.Amount
	capped bool
}

// limit lowers the summary's cap to a: the most the scheme allows is the
// least of its caps.
func (b *budgetView) limit(a budget.Amount) {
	if !b.capped || a < b.cap {
		b.cap, b.capped = a, true
	}
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
