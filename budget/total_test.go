package budget_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

func TestAddIsExactOrSaysItOverflowed(t *testing.T) {
	tests := []struct {
		name   string
		a, b   budget.Amount
		want   budget.Amount
		wantOK bool
	}{
		{"small sums add", 120000, 40000, 160000, true},
		{"zero adds nothing", 0, 0, 0, true},
		{"mixed signs never overflow", math.MaxInt64, math.MinInt64, -1, true},
		{"just reaches the largest amount", math.MaxInt64 - 1, 1, math.MaxInt64, true},
		{"one past the largest amount overflows", math.MaxInt64, 1, 0, false},
		{"largest plus largest overflows", math.MaxInt64, math.MaxInt64, 0, false},
		{"just reaches the smallest amount", math.MinInt64 + 1, -1, math.MinInt64, true},
		{"one below the smallest amount overflows", math.MinInt64, -1, 0, false},
		{"smallest plus smallest overflows", math.MinInt64, math.MinInt64, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := budget.Add(tt.a, tt.b)
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
			got, ok = budget.Add(tt.b, tt.a)
			require.Equal(t, tt.wantOK, ok, "addition is symmetric")
			require.Equal(t, tt.want, got)
		})
	}
}

func TestTimesIsExactOrSaysItOverflowed(t *testing.T) {
	tests := []struct {
		name   string
		a      budget.Amount
		n      int64
		want   budget.Amount
		wantOK bool
	}{
		{"a monthly rate for 36 months", 1250000, 36, 45000000, true},
		{"no months", 1250000, 0, 0, true},
		{"the largest amount once", math.MaxInt64, 1, math.MaxInt64, true},
		{"the largest amount twice overflows", math.MaxInt64, 2, 0, false},
		{"the smallest amount once", math.MinInt64, 1, math.MinInt64, true},
		{"the smallest amount negated overflows", math.MinInt64, -1, 0, false},
		{"the largest amount negated", math.MaxInt64, -1, math.MinInt64 + 1, true},
		{"just below the largest product", math.MaxInt64 / 2, 2, math.MaxInt64 - 1, true},
		{"just above the largest product", math.MaxInt64/2 + 1, 2, 0, false},
		{"exactly the smallest product", math.MinInt64 / 2, 2, math.MinInt64, true},
		{"just below the smallest product", math.MinInt64/2 - 1, 2, 0, false},
		{"negative times negative", -3, -4, 12, true},
		{"the smallest amount squared overflows", math.MinInt64, math.MinInt64, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := budget.Times(tt.a, tt.n)
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestTimesAgreesWithBigIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	minInt, maxInt := big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)
	for range 20000 {
		a, n := randomAmount(r), int64(randomAmount(r))
		want := new(big.Int).Mul(big.NewInt(int64(a)), big.NewInt(n))
		fits := want.Cmp(minInt) >= 0 && want.Cmp(maxInt) <= 0
		got, ok := budget.Times(a, n)
		require.Equal(t, fits, ok, "%d × %d", a, n)
		if fits {
			require.Equal(t, want.Int64(), int64(got), "%d × %d", a, n)
		}
	}
}

func TestTotalAddsEveryLine(t *testing.T) {
	lines := []budget.Line{
		{Category: "supply-cover", Amount: 120000, Institution: "ccs"},
		{Category: "resources", Amount: 40000},
		{Category: "resources", Amount: 20000, Institution: "ccs"},
	}
	total, ok := budget.Total(lines)
	require.True(t, ok)
	require.Equal(t, budget.Amount(180000), total)

	resources, ok := budget.CategoryTotal(lines, "resources")
	require.True(t, ok)
	require.Equal(t, budget.Amount(60000), resources)

	travel, ok := budget.CategoryTotal(lines, "travel")
	require.True(t, ok)
	require.Zero(t, travel)
}

func TestTotalOfNoLinesIsZero(t *testing.T) {
	total, ok := budget.Total(nil)
	require.True(t, ok)
	require.Zero(t, total)
	total, ok = budget.CategoryTotal(nil, "resources")
	require.True(t, ok)
	require.Zero(t, total)
}

func TestTotalNeverWrapsRound(t *testing.T) {
	tests := []struct {
		name   string
		lines  []budget.Line
		want   budget.Amount
		wantOK bool
	}{
		{"exactly the largest amount", lines(math.MaxInt64-1, 1), math.MaxInt64, true},
		{"one past the largest amount", lines(math.MaxInt64, 1), 0, false},
		{"past the largest and back again", lines(math.MaxInt64, 1, -1), 0, false},
		{"exactly the smallest amount", lines(math.MinInt64+1, -1), math.MinInt64, true},
		{"one below the smallest amount", lines(math.MinInt64, -1), 0, false},
		{"a negative line brings it back within range", lines(math.MaxInt64, -1, 1), math.MaxInt64, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := budget.Total(tt.lines)
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
			got, ok = budget.CategoryTotal(tt.lines, "other")
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestCategoryTotalIgnoresOtherCategoriesOverflowing(t *testing.T) {
	l := []budget.Line{
		{Category: "travel", Amount: math.MaxInt64},
		{Category: "travel", Amount: math.MaxInt64},
		{Category: "resources", Amount: 40000},
	}
	_, ok := budget.Total(l)
	require.False(t, ok)
	resources, ok := budget.CategoryTotal(l, "resources")
	require.True(t, ok)
	require.Equal(t, budget.Amount(40000), resources)
}

func TestWithinCapAllowsTheCapItself(t *testing.T) {
	const cap = budget.Amount(200000)
	require.True(t, budget.WithinCap(cap-1, cap))
	require.True(t, budget.WithinCap(cap, cap))
	require.False(t, budget.WithinCap(cap+1, cap))
	require.True(t, budget.WithinCap(math.MinInt64, math.MinInt64))
	require.False(t, budget.WithinCap(math.MaxInt64, math.MaxInt64-1))
}

// lines makes "other" lines of the given amounts.
func lines(amounts ...budget.Amount) []budget.Line {
	l := make([]budget.Line, len(amounts))
	for i, a := range amounts {
		l[i] = budget.Line{Category: "other", Amount: a}
	}
	return l
}

// randomAmount draws amounts of every size, with the edges of int64 and
// small numbers drawn often, since that is where arithmetic goes wrong.
func randomAmount(r *rand.Rand) budget.Amount {
	switch r.IntN(6) {
	case 0:
		return budget.Amount(r.Int64N(21) - 10)
	case 1:
		return math.MaxInt64 - budget.Amount(r.Int64N(10))
	case 2:
		return math.MinInt64 + budget.Amount(r.Int64N(10))
	case 3:
		return budget.Amount(r.Int64N(1<<32) - 1<<31)
	}
	return budget.Amount(r.Uint64())
}
