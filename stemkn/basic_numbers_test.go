package stemkn

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

func TestCompareNumbersIsExactOnEitherSideOfABound(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"1", "1", 0},
		{"1.0", "1", 0},
		{"10e-1", "1", 0},
		{"100", "1e2", 0},
		{"1E+2", "100", 0},
		{"0.000123", "1.23e-4", 0},
		{"-0", "0", 0},
		{"0.000", "0e5", 0},
		{"2", "10", -1}, // not by the text: "2" > "10"
		{"10", "2", 1},
		{"-2", "-10", 1},
		{"-10", "-2", -1},
		{"-1", "0", -1},
		{"0", "-1", 1},
		{"0.5", "-0.5", 1},
		{"120000", "120001", -1}, // a cap in pence and a penny over
		{"120001", "120000", 1},
		{"119999.99", "120000", -1},
		{"120000.01", "120000", 1},
		{"99.9999", "1e2", -1},
		{"100.0001", "1e2", 1},
		{"123456789012345678901234567890", "123456789012345678901234567891", -1},
		{"123456789012345678901234567891", "123456789012345678901234567890", 1},
		{"1e-400", "0", 1}, // below a double's range, still above zero
		{"-1e-400", "0", -1},
		{"1e400", "1e399", 1},
		{"0.1", "0.10000000000000000001", -1},
	} {
		got, ok := compareNumbers(jsonscan.Number(c.a), jsonscan.Number(c.b))
		require.True(t, ok, "%s ? %s", c.a, c.b)
		require.Equal(t, c.want, got, "%s ? %s", c.a, c.b)
		back, _ := compareNumbers(jsonscan.Number(c.b), jsonscan.Number(c.a))
		require.Equal(t, -c.want, back, "%s ? %s", c.b, c.a)
	}
}

func TestCompareNumbersRefusesWhatIsNotANumber(t *testing.T) {
	for _, s := range []string{"", "-", ".", "e5", "1e", "1e+", "1x", "1.2.3", "0x10", "1/2", "NaN", "Infinity", " 1",
		"1e1000000000000001"} {
		_, ok := compareNumbers(jsonscan.Number(s), "1")
		require.False(t, ok, "%q", s)
	}
	_, ok := compareNumbers("1", "1e1000000000000000")
	require.True(t, ok, "an exponent of 10^15 is still read")
}

// The comparison agrees with math/big's exact rationals on many made-up
// numbers (the widget leaves math/big out; the tests may use it).
func TestCompareNumbersAgreesWithBigRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2011))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	number := func() string {
		s := ""
		if rng.IntN(3) == 0 {
			s = "-"
		}
		if rng.IntN(4) == 0 {
			s += "0"
		} else {
			s += strconv.Itoa(1+rng.IntN(9)) + digits(rng.IntN(6))
		}
		if rng.IntN(2) == 0 {
			s += "." + digits(1+rng.IntN(5))
		}
		if rng.IntN(3) == 0 {
			s += "e" + []string{"", "+", "-"}[rng.IntN(3)] + strconv.Itoa(rng.IntN(12))
		}
		return s
	}
	for range 20_000 {
		a, b := number(), number()
		if rng.IntN(5) == 0 {
			b = a // equal texts, and below, the same value written otherwise
		}
		x, _ := new(big.Rat).SetString(a)
		y, _ := new(big.Rat).SetString(b)
		got, ok := compareNumbers(jsonscan.Number(a), jsonscan.Number(b))
		require.True(t, ok, "%s ? %s", a, b)
		require.Equal(t, x.Cmp(y), got, "%s ? %s", a, b)
	}
}
