package budget

import "math"

// UnitCost is a per-month allowance paid per organisation, such as the
// Erasmus+ 2016 "project management and implementation" unit cost: €500 a
// month for the coordinating organisation, €250 a month for each other
// participating organisation, counted for at most 10 organisations in all.
type UnitCost struct {
	CoordinatorPerMonth Amount // paid each month for the coordinating organisation
	PartnerPerMonth     Amount // paid each month for each other organisation
	MaxOrganisations    int    // how many organisations, coordinator included, are paid for at most; 0 or less means no limit
}

// Allowance is the most the unit cost allows for a project of the given
// whole months and number of organisations (coordinator included):
// months × (coordinator rate + (organisations counted − 1) × partner rate),
// where only the first MaxOrganisations organisations are counted. A project
// with no months or no organisations (or a negative number of either) is
// allowed 0. ok is false when the allowance does not fit in an int64.
//
// With the Erasmus+ 2016 rates, a 36-month project of 14 organisations is
// allowed 36 × (€500 + 9 × €250) = €99,000.
func (u UnitCost) Allowance(months, organisations int) (Amount, bool) {
	if months <= 0 || organisations <= 0 {
		return 0, true
	}
	perMonth, ok := u.perMonth(u.counted(organisations))
	if !ok {
		return 0, false
	}
	return Times(perMonth, int64(months))
}

// counted is how many of the organisations the unit cost pays for.
func (u UnitCost) counted(organisations int) int {
	if u.MaxOrganisations > 0 {
		return min(organisations, u.MaxOrganisations)
	}
	return organisations
}

// perMonth is the monthly allowance for the coordinator and counted-1 partners.
func (u UnitCost) perMonth(counted int) (Amount, bool) {
	partners, ok := Times(u.PartnerPerMonth, int64(counted-1))
	if !ok {
		return 0, false
	}
	return Add(u.CoordinatorPerMonth, partners)
}

// MonthlyCap is a cap that grows with the length of a project up to an
// overall ceiling, such as Erasmus+ 2016's strategic partnerships: "€12,500
// per month of duration, and €450,000 in all".
type MonthlyCap struct {
	PerMonth Amount // how much the cap grows for each month of the project
	Ceiling  Amount // the most the cap can be, whatever the length; 0 means no ceiling
}

// For returns the cap for a project of the given number of months (the
// caller counts them; stemkn counts every month a project runs into, so
// 20 months and a day are 21): PerMonth × months, but never more than the Ceiling. A product too large for an int64
// is held at the Ceiling (or at the largest int64 when there is no ceiling)
// rather than wrapping. A project of no months (or a negative number) has a
// cap of 0.
//
// With the Erasmus+ 2016 figures, 20 months gives €250,000 and 36 months
// gives the €450,000 ceiling.
func (c MonthlyCap) For(months int) Amount {
	if months <= 0 {
		return 0
	}
	capped, ok := Times(c.PerMonth, int64(months))
	if !ok {
		capped = saturated(c.PerMonth)
	}
	if c.Ceiling != 0 && capped > c.Ceiling {
		return c.Ceiling
	}
	return capped
}

// saturated is the int64 a product of a positive count and rate would
// overflow past: the largest for a positive rate, the smallest for a negative
// one.
func saturated(rate Amount) Amount {
	if rate < 0 {
		return math.MinInt64
	}
	return math.MaxInt64
}
