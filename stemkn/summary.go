package stemkn

import (
	"strconv"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/internal/jsonscan"
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

// AppendJSON appends the summary's JSON to b and returns the extended
// slice: exactly what json.Marshal writes for it, without reflection (the
// widget sends a summary with every answer to a form).
func (s *BudgetSummary) AppendJSON(b []byte) []byte {
	b = append(b, `{"currency":`...)
	b = jsonscan.AppendString(b, s.Currency)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(s.Total), 10)
	b = append(b, `,"totalText":`...)
	b = jsonscan.AppendString(b, s.TotalText)
	if s.Cap != nil {
		b = append(b, `,"cap":`...)
		b = strconv.AppendInt(b, int64(*s.Cap), 10)
	}
	if s.CapText != "" {
		b = append(b, `,"capText":`...)
		b = jsonscan.AppendString(b, s.CapText)
	}
	if s.Remaining != nil {
		b = append(b, `,"remaining":`...)
		b = strconv.AppendInt(b, int64(*s.Remaining), 10)
	}
	if s.RemainingText != "" {
		b = append(b, `,"remainingText":`...)
		b = jsonscan.AppendString(b, s.RemainingText)
	}
	b = append(b, `,"over":`...)
	b = strconv.AppendBool(b, s.Over)
	if s.Overflow {
		b = append(b, `,"overflow":true`...)
	}
	b = append(b, `,"categories":`...)
	if s.Categories == nil {
		return append(b, "null}"...)
	}
	b = append(b, '[')
	for i := range s.Categories {
		if i > 0 {
			b = append(b, ',')
		}
		b = s.Categories[i].appendJSON(b)
	}
	return append(b, "]}"...)
}

func (c *CategorySpend) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = jsonscan.AppendString(b, c.ID)
	b = append(b, `,"title":`...)
	b = jsonscan.AppendString(b, c.Title)
	b = append(b, `,"amount":`...)
	b = strconv.AppendInt(b, int64(c.Amount), 10)
	b = append(b, `,"amountText":`...)
	b = jsonscan.AppendString(b, c.AmountText)
	b = append(b, `,"share":`...)
	b = jsonscan.AppendString(b, c.Share)
	if c.MaxPercent != nil {
		b = append(b, `,"maxPercent":`...)
		b = strconv.AppendInt(b, *c.MaxPercent, 10)
	}
	b = append(b, `,"within":`...)
	b = strconv.AppendBool(b, c.Within)
	return append(b, '}')
}
