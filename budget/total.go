package budget

import (
	"math"
	"math/bits"
)

// Line is one line of a budget: what the money is for and how much.
type Line struct {
	Category    string // the scheme's spend category id, such as "resources" or "supply-cover"
	Amount      Amount // how much the line asks for, in minor units
	Institution string // the id of the institution that receives the money, "" when the line names none
}

// Total adds up the lines of a budget exactly. ok is false when the sum does
// not fit in an int64 of minor units; the total is then 0, never a sum that
// has wrapped round. A budget with no lines totals 0.
func Total(lines []Line) (total Amount, ok bool) {
	for _, l := range lines {
		if total, ok = Add(total, l.Amount); !ok {
			return 0, false
		}
	}
	return total, true
}

// CategoryTotal adds up the lines of one spend category, such as all the
// money asked for resources, exactly as Total does.
func CategoryTotal(lines []Line, category string) (total Amount, ok bool) {
	for _, l := range lines {
		if l.Category != category {
			continue
		}
		if total, ok = Add(total, l.Amount); !ok {
			return 0, false
		}
	}
	return total, true
}

// Add adds two amounts. ok is false, and the sum 0, when the exact sum does
// not fit in an int64.
func Add(a, b Amount) (Amount, bool) {
	sum := a + b
	// Signed addition overflows exactly when both operands share a sign the
	// result does not.
	if (a >= 0) == (b >= 0) && (sum >= 0) != (a >= 0) {
		return 0, false
	}
	return sum, true
}

// Times multiplies an amount by a count, such as a monthly rate by a number
// of months. ok is false, and the product 0, when the exact product does not
// fit in an int64.
func Times(a Amount, n int64) (Amount, bool) {
	hi, lo := bits.Mul64(magnitude(int64(a)), magnitude(n))
	negative := (a < 0) != (n < 0)
	limit := uint64(math.MaxInt64)
	if negative {
		limit++ // the most negative int64 is one further from zero
	}
	if hi != 0 || lo > limit {
		return 0, false
	}
	if negative {
		return Amount(-lo), true
	}
	return Amount(lo), true
}

// WithinCap reports whether a total is no more than a cap: £2,000.00 is
// within a £2,000 cap, £2,000.01 is not.
func WithinCap(total, cap Amount) bool {
	return total <= cap
}
