package budget_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

func TestResourcesMayBeTwentyPercentOfTwoThousandPoundsButNoMore(t *testing.T) {
	tests := []struct {
		name string
		part budget.Amount
		want bool
	}{
		{"a penny under 20%", 39999, true},
		{"exactly 20%", 40000, true},
		{"a penny over 20%", 40001, false},
		{"nothing", 0, true},
		{"everything", 200000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, budget.ShareWithin(tt.part, 200000, 20))
		})
	}
}

func TestShareWithinIsExactAtTheEdgesOfInt64(t *testing.T) {
	const maxA, minA = budget.Amount(math.MaxInt64), budget.Amount(math.MinInt64)
	tests := []struct {
		name        string
		part, total budget.Amount
		percent     int64
		want        bool
	}{
		{"all of the largest amount is 100%", maxA, maxA, 100, true},
		{"all of the largest amount is over 99%", maxA, maxA, 99, false},
		{"the largest part of a total one smaller is over 100%", maxA, maxA - 1, 100, false},
		{"the largest part of the largest total at the largest percent", maxA, maxA, math.MaxInt64, true},
		{"a fifth of the largest amount, rounded down", maxA / 5, maxA, 20, true},
		{"a fifth of the largest amount, rounded up", maxA/5 + 1, maxA, 20, false},
		{"the smallest part is within any positive share", minA, maxA, 1, true},
		{"the largest part of the smallest total", maxA, minA, math.MaxInt64, false},
		{"the smallest part of the smallest total at 100%", minA, minA, 100, true},
		{"the smallest part of the smallest total at 101%", minA, minA, 101, false},
		{"the smallest part of the smallest total at 99%", minA, minA, 99, true},
		{"the smallest part of the smallest total at the smallest percent", minA, minA, math.MinInt64, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, budget.ShareWithin(tt.part, tt.total, tt.percent))
			require.Equal(t, shareWithinOracle(tt.part, tt.total, tt.percent), tt.want, "the oracle agrees")
		})
	}
}

func TestShareWithinTakesNegativeValuesLiterally(t *testing.T) {
	tests := []struct {
		name        string
		part, total budget.Amount
		percent     int64
		want        bool
	}{
		{"nothing of a negative total is over its share", 0, -100, 20, false},
		{"a part exactly the share of a negative total", -20, -100, 20, true},
		{"a part just above the share of a negative total", -19, -100, 20, false},
		{"a negative part of a positive total", -1, 100, 20, true},
		{"nothing is within a zero share", 0, 100, 0, true},
		{"a penny is over a zero share", 1, 100, 0, false},
		{"nothing is over a negative share", 0, 100, -1, false},
		{"a negative part within a negative share", -1, 100, -1, true},
		{"anything of nothing is within only when not positive", 1, 0, 20, false},
		{"nothing of nothing", 0, 0, 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, budget.ShareWithin(tt.part, tt.total, tt.percent))
			require.Equal(t, shareWithinOracle(tt.part, tt.total, tt.percent), tt.want, "the oracle agrees")
		})
	}
}

func TestShareWithinAgreesWithBigIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(2016, 2019))
	for range 100000 {
		part, total, percent := randomAmount(r), randomAmount(r), randomPercent(r)
		require.Equal(t, shareWithinOracle(part, total, percent), budget.ShareWithin(part, total, percent),
			"ShareWithin(%d, %d, %d)", part, total, percent)
	}
}

func TestPercentOfRoundsUpSoAShareOverALimitNeverReadsAsTheLimit(t *testing.T) {
	const maxA, minA = budget.Amount(math.MaxInt64), budget.Amount(math.MinInt64)
	tests := []struct {
		part, total budget.Amount
		want        string
	}{
		{60000, 200000, "30%"},
		{40000, 200000, "20%"},
		{40001, 200000, "20.01%"},
		{39999, 200000, "20%"},
		{1, 3, "33.34%"},
		{2, 3, "66.67%"},
		{1, 2, "50%"},
		{1, 8, "12.5%"},
		{1, 100, "1%"},
		{1, 10000, "0.01%"},
		{1, 10001, "0.01%"},
		{1, 20000, "0.01%"},
		{1, maxA, "0.01%"},
		{101, 10000, "1.01%"},
		{110, 10000, "1.1%"},
		{200000, 200000, "100%"},
		{200001, 200000, "100.01%"},
		{300000, 200000, "150%"},
		{0, 200000, "0%"},
		{0, 0, "0%"},
		{200000, 0, "0%"},
		{maxA, maxA, "100%"},
		{maxA - 1, maxA, "100%"},
		{maxA, 1, "922337203685477580700%"},
		{minA, 1, "-922337203685477580800%"},
		{maxA, 3, "307445734561825860233.34%"},
		{minA, minA, "100%"},
		{minA, -1, "922337203685477580800%"},
		{-1, 3, "-33.34%"},
		{1, -3, "-33.34%"},
		{-1, -3, "33.34%"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			require.Equal(t, tt.want, budget.PercentOf(tt.part, tt.total))
			require.Equal(t, percentOfOracle(tt.part, tt.total), tt.want, "the oracle agrees")
		})
	}
}

func TestPercentOfAgreesWithBigIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(2000, 20))
	for range 100000 {
		part, total := randomAmount(r), randomAmount(r)
		require.Equal(t, percentOfOracle(part, total), budget.PercentOf(part, total),
			"PercentOf(%d, %d)", part, total)
	}
}

// shareWithinOracle is part*100 <= total*percent in arbitrary precision.
func shareWithinOracle(part, total budget.Amount, percent int64) bool {
	left := new(big.Int).Mul(big.NewInt(int64(part)), big.NewInt(100))
	right := new(big.Int).Mul(big.NewInt(int64(total)), big.NewInt(percent))
	return left.Cmp(right) <= 0
}

// percentOfOracle renders |part|*100/|total| rounded up to hundredths, in
// arbitrary precision, independently of the package's 128-bit arithmetic.
func percentOfOracle(part, total budget.Amount) string {
	if part == 0 || total == 0 {
		return "0%"
	}
	p := new(big.Int).Abs(big.NewInt(int64(part)))
	q := new(big.Int).Abs(big.NewInt(int64(total)))
	p.Mul(p, big.NewInt(10000))
	hundredths, rest := new(big.Int).QuoRem(p, q, new(big.Int))
	if rest.Sign() != 0 {
		hundredths.Add(hundredths, big.NewInt(1))
	}
	s := hundredths.String()
	if len(s) < 3 {
		s = strings.Repeat("0", 3-len(s)) + s
	}
	whole, frac := s[:len(s)-2], strings.TrimRight(s[len(s)-2:], "0")
	if frac != "" {
		whole += "." + frac
	}
	if (part < 0) != (total < 0) {
		whole = "-" + whole
	}
	return whole + "%"
}

func randomPercent(r *rand.Rand) int64 {
	switch r.IntN(3) {
	case 0:
		return r.Int64N(201) - 50
	case 1:
		return int64(randomAmount(r))
	}
	return r.Int64N(101)
}

func TestShareWithinAgreesWithBigIntegersRightAtTheLimit(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2500))
	for range 100000 {
		total, percent := randomAmount(r), r.Int64N(101)
		// The part that is exactly the share, or a minor unit either side of it.
		share := new(big.Int).Mul(big.NewInt(int64(total)), big.NewInt(percent))
		share.Quo(share, big.NewInt(100))
		share.Add(share, big.NewInt(r.Int64N(3)-1))
		if !share.IsInt64() {
			continue
		}
		part := budget.Amount(share.Int64())
		require.Equal(t, shareWithinOracle(part, total, percent), budget.ShareWithin(part, total, percent),
			"ShareWithin(%d, %d, %d)", part, total, percent)
	}
}
