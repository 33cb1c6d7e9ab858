package budget_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

// erasmusManagement is the Erasmus+ 2016 "project management and
// implementation" unit cost for strategic partnerships.
var erasmusManagement = budget.UnitCost{CoordinatorPerMonth: 50000, PartnerPerMonth: 25000, MaxOrganisations: 10}

// erasmusGrant is the Erasmus+ 2016 strategic partnership grant cap.
var erasmusGrant = budget.MonthlyCap{PerMonth: 1250000, Ceiling: 45000000}

func TestManagementAllowanceCountsAtMostTenOrganisations(t *testing.T) {
	tests := []struct {
		name                  string
		months, organisations int
		want                  budget.Amount
	}{
		{"the coordinator alone for a month", 1, 1, 50000},
		{"three organisations for 36 months", 36, 3, 36 * (50000 + 2*25000)},
		{"nine organisations for 36 months", 36, 9, 36 * (50000 + 8*25000)},
		{"ten organisations for 36 months", 36, 10, 36 * (50000 + 9*25000)},
		{"eleven organisations are paid as ten", 36, 11, 36 * (50000 + 9*25000)},
		{"fourteen organisations are paid as ten", 36, 14, 9900000},
		{"twelve months", 12, 3, 12 * (50000 + 2*25000)},
		{"no months", 0, 3, 0},
		{"negative months", -1, 3, 0},
		{"no organisations", 36, 0, 0},
		{"negative organisations", 36, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := erasmusManagement.Allowance(tt.months, tt.organisations)
			require.True(t, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestAllowanceWithoutAMaximumCountsEveryOrganisation(t *testing.T) {
	u := budget.UnitCost{CoordinatorPerMonth: 100, PartnerPerMonth: 10}
	got, ok := u.Allowance(2, 101)
	require.True(t, ok)
	require.Equal(t, budget.Amount(2*(100+100*10)), got)
}

func TestAllowanceSaysWhenItOverflows(t *testing.T) {
	tests := []struct {
		name                  string
		unit                  budget.UnitCost
		months, organisations int
		want                  budget.Amount
		wantOK                bool
	}{
		{"the largest rate for a month", budget.UnitCost{CoordinatorPerMonth: math.MaxInt64}, 1, 1, math.MaxInt64, true},
		{"the largest rate for two months", budget.UnitCost{CoordinatorPerMonth: math.MaxInt64}, 2, 1, 0, false},
		{"the partners' rate overflows on its own", budget.UnitCost{PartnerPerMonth: math.MaxInt64}, 1, 3, 0, false},
		{"the partners' rate just fits", budget.UnitCost{PartnerPerMonth: math.MaxInt64 / 2}, 1, 3, math.MaxInt64 - 1, true},
		{"coordinator and partner overflow together", budget.UnitCost{CoordinatorPerMonth: 1, PartnerPerMonth: math.MaxInt64}, 1, 2, 0, false},
		{"coordinator and partner just fit together", budget.UnitCost{CoordinatorPerMonth: 1, PartnerPerMonth: math.MaxInt64 - 1}, 1, 2, math.MaxInt64, true},
		{"many months overflow", budget.UnitCost{CoordinatorPerMonth: 1 << 33}, math.MaxInt32, 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.unit.Allowance(tt.months, tt.organisations)
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestErasmusGrantGrowsByTheMonthUpToFourHundredAndFiftyThousandEuros(t *testing.T) {
	tests := []struct {
		name   string
		months int
		want   budget.Amount
	}{
		{"one month", 1, 1250000},
		{"twelve months", 12, 15000000},
		{"twenty months", 20, 25000000},
		{"thirty-five months", 35, 43750000},
		{"thirty-six months reach the ceiling exactly", 36, 45000000},
		{"thirty-seven months stay at the ceiling", 37, 45000000},
		{"no months", 0, 0},
		{"negative months", -1, 0},
		{"months that would overflow stay at the ceiling", math.MaxInt, 45000000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, erasmusGrant.For(tt.months))
		})
	}
}

func TestMonthlyCapWithoutACeiling(t *testing.T) {
	tests := []struct {
		name   string
		cap    budget.MonthlyCap
		months int
		want   budget.Amount
	}{
		{"grows with every month", budget.MonthlyCap{PerMonth: 1250000}, 1000, 1250000000},
		{"the largest amount for one month", budget.MonthlyCap{PerMonth: math.MaxInt64}, 1, math.MaxInt64},
		{"an overflow saturates at the largest amount", budget.MonthlyCap{PerMonth: math.MaxInt64}, 2, math.MaxInt64},
		{"just fits", budget.MonthlyCap{PerMonth: math.MaxInt64 / 2}, 2, math.MaxInt64 - 1},
		{"just overflows", budget.MonthlyCap{PerMonth: math.MaxInt64/2 + 1}, 2, math.MaxInt64},
		{"a negative rate overflows to the smallest amount", budget.MonthlyCap{PerMonth: math.MinInt64}, 2, math.MinInt64},
		{"a zero rate", budget.MonthlyCap{}, 36, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.cap.For(tt.months))
		})
	}
}

func TestMonthlyCapCeilingAppliesOnBothSides(t *testing.T) {
	c := budget.MonthlyCap{PerMonth: 100, Ceiling: 1000}
	require.Equal(t, budget.Amount(900), c.For(9))
	require.Equal(t, budget.Amount(1000), c.For(10))
	require.Equal(t, budget.Amount(1000), c.For(11))
}
