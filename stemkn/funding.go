package stemkn

import (
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/budget"
)

// The funding family: the money an application asks for — whether it must
// ask, the currency, the budget lines and their categories, the caps, each
// category's share and the unit-cost allowance.

// FundingRequiredRule: the application asks for money (required at /funding).
type FundingRequiredRule struct{ Citation }

func (p *FundingRequiredRule) rule(*Scheme) rule {
	return rule{id: "fundingRequired", code: CodeRequired, cite: p.Citation,
		inputs: []string{"/funding"}, check: p.check, schema: p.schema}
}

func (p *FundingRequiredRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return ev.missing(CodeRequired, "/funding", nil)
	}
	return Passed
}

func (p *FundingRequiredRule) schema(d *schemaDoc) bool {
	d.require("/funding")
	return true
}

// currencyRule is every application scheme's with a currency: amounts are
// in the scheme's currency (budget.currency).
func currencyRule(s *Scheme) (rule, bool) {
	cur := s.Currency
	r := rule{id: "currency", code: CodeCurrency, titleParams: Params{"currency": cur},
		own: true, cite: Citation{Note: "stemkn's own check, in every application scheme with a currency: the scheme pays in " + cur + ", its currency."},
		inputs: []string{"/funding/currency"},
		params: Params{"currency": cur}, check: checkCurrency,
		schema: func(d *schemaDoc) bool {
			d.at("/funding/currency").set("const", cur)
			return true
		}}
	return r, s.Kind != KindOffer && cur != ""
}

func checkCurrency(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if got := ev.app.Funding.Currency; got != ev.scheme.Currency {
		ev.report("/funding/currency", Params{"currency": ev.scheme.Currency, "given": got})
		return Failed
	}
	return Passed
}

// budgetLinesRule is every application scheme's with a currency: a request
// for funding lists what the money is for (budget.empty).
func budgetLinesRule(s *Scheme) (rule, bool) {
	r := rule{id: "budgetLines", code: CodeEmpty,
		own: true, cite: Citation{Note: "stemkn's own check, in every application scheme with a currency: funding is asked for line by line, so a request lists at least one budget line."},
		inputs: []string{"/funding"}, check: checkLines,
		schema: func(d *schemaDoc) bool {
			atLeast(d.at("/funding/lines"), "minItems", 1)
			d.require("/funding/lines")
			return true
		}}
	return r, s.Kind != KindOffer && s.Currency != ""
}

func checkLines(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if len(ev.app.Funding.Lines) == 0 {
		return ev.missing(CodeEmpty, "/funding/lines", nil)
	}
	return Passed
}

// CategoriesRule: budget lines use the scheme's spend categories
// (budget.category).
type CategoriesRule struct{ Citation }

func (p *CategoriesRule) rule(s *Scheme) rule {
	return rule{id: "categories", code: CodeCategory, cite: p.Citation,
		inputs: []string{"/funding/lines/*/category"}, check: p.check,
		schema: func(d *schemaDoc) bool {
			ids := make([]string, len(s.Categories))
			for i, c := range s.Categories {
				ids[i] = c.ID
			}
			d.at("/funding/lines/*/category").set("enum", stringList(ids))
			return true
		},
		verify: func() string {
			if len(s.Categories) == 0 {
				return "has a categories rule but no categories"
			}
			return ""
		}}
}

func (p *CategoriesRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	outcome := Passed
	for i, l := range ev.app.Funding.Lines {
		if _, ok := ev.scheme.categories[l.Category]; !ok {
			ev.report("/funding/lines/"+strconv.Itoa(i)+"/category", Params{"category": l.Category})
			outcome = Failed
		}
	}
	return outcome
}

// CategoryNeedRule allows a spend category only when the plan has
// something, such as multiplier events only with intellectual outputs
// (budget.category, message budget.category.needs).
type CategoryNeedRule struct {
	// Category is the spend category.
	Category string `json:"category"`
	// Needs is what the plan must have: "outputs" (intellectual outputs).
	Needs string `json:"needs"`
	Citation
}

func (p *CategoryNeedRule) rule(s *Scheme) rule {
	return rule{id: "categoryNeeds." + p.Category, code: CodeCategory, cite: p.Citation, params: p,
		titleParams: Params{"category": p.Category},
		inputs:      []string{"/funding/lines", "/plan/outputs"}, check: p.check, schema: p.schema,
		verify: func() string {
			if !s.hasCategory(p.Category) || p.Needs != "outputs" {
				return "category need for " + p.Category + " needs a scheme category and needs \"outputs\""
			}
			return ""
		}}
}

func (p *CategoryNeedRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if len(ev.app.Plan.Outputs) > 0 {
		return Passed
	}
	outcome := Passed
	for i, l := range ev.app.Funding.Lines {
		if l.Category == p.Category {
			ev.report("/funding/lines/"+strconv.Itoa(i)+"/category", Params{"category": l.Category, "needs": p.Needs}).Variant = "needs"
			outcome = Failed
		}
	}
	return outcome
}

// schema: when a line has the category, the plan has outputs.
func (p *CategoryNeedRule) schema(d *schemaDoc) bool {
	if p.Needs != "outputs" {
		return false
	}
	line := newObject().set("type", "object").
		set("properties", newObject().set("category", newObject().set("const", p.Category))).
		set("required", []any{"category"})
	uses := nest("/funding/lines", newObject().set("type", "array").set("contains", line), true)
	d.when(uses, nest("/plan/outputs", newObject().set("type", "array").set("minItems", int64(1)), true))
	return true
}

// total adds up the budget lines, reporting an overflow rather than wrapping.
func (ev *evaluation) total() (budget.Amount, bool) {
	t, ok := budget.Total(ev.lines())
	if !ok {
		ev.out.Add(Finding{Code: CodeOverflow, Severity: Error, Path: "/funding/lines", Rule: ev.rule.id})
	}
	return t, ok
}

// CapRule is the most that may be asked for (budget.cap).
type CapRule struct {
	// Amount is the cap in minor units of the scheme's currency.
	Amount budget.Amount `json:"amount"`
	Citation
}

func (p *CapRule) rule(s *Scheme) rule {
	return rule{id: "cap", code: CodeCap, titleParams: Params{"amount": int64(p.Amount)},
		cite: p.Citation, params: p, inputs: []string{"/funding/lines/*/amount"}, check: p.check, schema: p.schema,
		summary: func(b *budgetView) { b.limit(p.Amount) }}
}

func (p *CapRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	total, ok := ev.total()
	if !ok {
		return Failed
	}
	if budget.WithinCap(total, p.Amount) {
		return Passed
	}
	cur := ev.scheme.Currency
	ev.report("/funding/lines", Params{"total": int64(total), "cap": int64(p.Amount), "currency": cur})
	// A line that alone passes the cap is also a bound on that field, the
	// part of the cap a JSON Schema can say (see schema).
	for i, l := range ev.app.Funding.Lines {
		if l.Amount > p.Amount {
			ev.out.Add(Finding{Code: CodeMaximum, Severity: Error, Path: "/funding/lines/" + strconv.Itoa(i) + "/amount",
				Params: Params{"max": int64(p.Amount), "currency": cur}, Rule: ev.rule.id})
		}
	}
	return Failed
}

// schema says the part of a cap a schema can: no one line may pass it.
// The total is left to stemkn.
func (p *CapRule) schema(d *schemaDoc) bool {
	atMost(d.at("/funding/lines/*/amount"), "maximum", int64(p.Amount))
	return false
}

// MonthlyCapRule is a cap that grows with the programme's length
// (budget.cap, message budget.cap.monthly). The months are the months the
// programme runs into, from its start date to its end date, both days
// counted: a started month counts whole (eligibility.MonthsInclusive), so
// 1 Sep 2016 – 30 Apr 2018 is 20 months and a day more is 21.
type MonthlyCapRule struct {
	// PerMonth is the most for each month of the programme, in minor units.
	PerMonth budget.Amount `json:"perMonth"`
	// Ceiling is the most in all, in minor units.
	Ceiling budget.Amount `json:"ceiling"`
	Citation
}

func (p *MonthlyCapRule) rule(s *Scheme) rule {
	return rule{id: "monthlyCap", code: CodeCap, cite: p.Citation, params: p,
		titleParams: Params{"perMonth": int64(p.PerMonth), "ceiling": int64(p.Ceiling)},
		inputs:      []string{"/funding/lines", "/plan/startDate", "/plan/endDate"}, check: p.check, summary: p.summary}
}

// limit is the cap for a programme of months, a started month counting
// whole.
func (p *MonthlyCapRule) limit(months int) budget.Amount {
	return budget.MonthlyCap{PerMonth: p.PerMonth, Ceiling: p.Ceiling}.For(months)
}

func (p *MonthlyCapRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	period, ok := ev.planPeriod()
	if !ok || !period.InOrder() {
		return NotJudged
	}
	months := period.StartedMonths()
	limit := p.limit(months)
	total, ok := ev.total()
	if !ok {
		return Failed
	}
	if budget.WithinCap(total, limit) {
		return Passed
	}
	ev.report("/funding/lines", Params{"total": int64(total), "cap": int64(limit), "months": int64(months),
		"perMonth": int64(p.PerMonth), "ceiling": int64(p.Ceiling), "currency": ev.scheme.Currency}).Variant = "monthly"
	return Failed
}

// summary: the cap for the plan's months, or the ceiling while the dates
// are not known.
func (p *MonthlyCapRule) summary(b *budgetView) {
	if period, ok := planPeriod(&b.app.Plan); ok && period.InOrder() {
		b.limit(p.limit(period.StartedMonths()))
		return
	}
	b.limit(p.Ceiling)
}

// ShareRule limits one category to a share of the total
// (budget.category-share).
type ShareRule struct {
	// Category is the spend category.
	Category string `json:"category"`
	// MaxPercent is the largest share, in whole percent.
	MaxPercent int64 `json:"maxPercent"`
	Citation
}

func (p *ShareRule) rule(s *Scheme) rule {
	return rule{id: "categoryShares." + p.Category, code: CodeCategoryShare, cite: p.Citation, params: p,
		titleParams: Params{"category": p.Category, "maxPercent": p.MaxPercent},
		inputs:      []string{"/funding/lines/*/amount", "/funding/lines/*/category"}, check: p.check, summary: p.summary,
		verify: func() string {
			if !s.hasCategory(p.Category) || p.MaxPercent < 0 || p.MaxPercent > 100 {
				return "category share for " + p.Category + " needs a scheme category and a percentage from 0 to 100"
			}
			return ""
		}}
}

func (p *ShareRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	lines := ev.lines()
	total, ok1 := budget.Total(lines)
	part, ok2 := budget.CategoryTotal(lines, p.Category)
	if !ok1 || !ok2 {
		return NotJudged // the cap rule reports the overflow
	}
	if budget.ShareWithin(part, total, p.MaxPercent) {
		return Passed
	}
	ev.report("/funding/lines", Params{"category": p.Category, "limit": p.MaxPercent, "amount": int64(part),
		"total": int64(total), "percent": budget.PercentOf(part, total), "currency": ev.scheme.Currency}).Related = ev.amountsOf(p.Category)
	return Failed
}

// summary: the category's largest share, and whether it is within it.
func (p *ShareRule) summary(b *budgetView) {
	for i := range b.sum.Categories {
		if c := &b.sum.Categories[i]; c.ID == p.Category {
			limit := p.MaxPercent
			c.MaxPercent = &limit
			c.Within = budget.ShareWithin(c.Amount, b.sum.Total, limit)
		}
	}
}

// amountsOf points at the amount of each budget line of a category: what
// a rule about that category's share of the money is about.
func (ev *evaluation) amountsOf(category string) []string {
	var out []string
	for i, l := range ev.app.Funding.Lines {
		if l.Category == category {
			out = append(out, "/funding/lines/"+strconv.Itoa(i)+"/amount")
		}
	}
	return out
}

// UnitCostRule limits a category to a unit-cost allowance that depends on
// the programme's months and the number of organisations (budget.unit-cost).
type UnitCostRule struct {
	// Category is the spend category the allowance covers.
	Category string `json:"category"`
	// CoordinatorPerMonth is the monthly amount for the coordinating (lead) organisation.
	CoordinatorPerMonth budget.Amount `json:"coordinatorPerMonth"`
	// PartnerPerMonth is the monthly amount for each other organisation.
	PartnerPerMonth budget.Amount `json:"partnerPerMonth"`
	// MaxOrganisations is how many organisations count at most, the coordinator included.
	MaxOrganisations int `json:"maxOrganisations"`
	Citation
}

func (p *UnitCostRule) rule(s *Scheme) rule {
	return rule{id: "unitCost", code: CodeUnitCost, cite: p.Citation, params: p,
		titleParams: Params{"category": p.Category, "coordinatorPerMonth": int64(p.CoordinatorPerMonth),
			"partnerPerMonth": int64(p.PartnerPerMonth), "maxOrganisations": int64(p.MaxOrganisations)},
		inputs: []string{"/funding/lines", "/plan/startDate", "/plan/endDate", "/network/institutions"}, check: p.check,
		verify: func() string {
			if !s.hasCategory(p.Category) || p.MaxOrganisations < 1 {
				return "unit cost needs a scheme category and at least one organisation"
			}
			return ""
		}}
}

func (p *UnitCostRule) check(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	period, ok := ev.planPeriod()
	if !ok || !period.InOrder() {
		return NotJudged
	}
	months, orgs := period.StartedMonths(), len(ev.app.Network.Institutions)
	allowance, ok := budget.UnitCost{CoordinatorPerMonth: p.CoordinatorPerMonth, PartnerPerMonth: p.PartnerPerMonth,
		MaxOrganisations: p.MaxOrganisations}.Allowance(months, orgs)
	part, ok2 := budget.CategoryTotal(ev.lines(), p.Category)
	if !ok || !ok2 {
		return NotJudged
	}
	if part <= allowance {
		return Passed
	}
	ev.report("/funding/lines", Params{"category": p.Category, "amount": int64(part), "allowance": int64(allowance),
		"months": int64(months), "organisations": int64(min(orgs, p.MaxOrganisations)), "currency": ev.scheme.Currency}).Related = ev.amountsOf(p.Category)
	return Failed
}

// hasCategory reports whether the scheme has the spend category.
func (s *Scheme) hasCategory(id string) bool {
	return slices.ContainsFunc(s.Categories, func(c Category) bool { return c.ID == id })
}
