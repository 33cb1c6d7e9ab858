package budget

import (
	"math/bits"
	"strconv"
)

// ShareWithin reports whether part is no more than percent per cent of total,
// as in STEM Knowledge Networks' "no more than 20% of the funding should be
// spent on resources": £400.00 of £2,000.00 is within 20%, £400.01 is not.
//
// The test is exactly part*100 <= total*percent, worked out in 128 bits, so it
// never overflows and never rounds, whatever int64 values it is given. It is
// taken literally for negative values too: with a negative total and a
// positive percent only a part at or below the (negative) share passes, so a
// part of 0 fails. Budgets are never negative, so callers reject negative
// amounts before asking about shares.
func ShareWithin(part, total Amount, percent int64) bool {
	return product(int64(part), 100).atMost(product(int64(total), percent))
}

// PercentOf renders part as a percentage of total for messages, such as
// "30%" or "20.01%". The figure is rounded up (away from zero) to at most two
// decimals, with trailing zeros dropped, so that a share just over a limit
// never reads as the limit itself: £400.01 of £2,000.00 is 20.0005%, shown as
// "20.01%", and 1 of 3 is "33.34%". A total of 0 gives "0%". The arithmetic is
// exact integer arithmetic for any int64 values; a negative share starts
// with "-".
func PercentOf(part, total Amount) string {
	if part == 0 || total == 0 {
		return "0%"
	}
	// The percentage in hundredths is part*10000/total, rounded up; its
	// numerator needs up to 77 bits.
	hi, lo := bits.Mul64(magnitude(int64(part)), 10000)
	hi, lo, rest := divide(hi, lo, magnitude(int64(total)))
	if rest != 0 {
		var carry uint64
		lo, carry = bits.Add64(lo, 1, 0)
		hi += carry
	}
	hi, lo, hundredths := divide(hi, lo, 100)
	s := decimal128(hi, lo) + hundredthsSuffix(hundredths)
	if (part < 0) != (total < 0) {
		s = "-" + s
	}
	return s + "%"
}

// hundredthsSuffix writes the decimals of a percentage with trailing zeros
// dropped: 0 is "", 50 is ".5", 1 is ".01".
func hundredthsSuffix(h uint64) string {
	switch {
	case h == 0:
		return ""
	case h%10 == 0:
		return "." + strconv.FormatUint(h/10, 10)
	case h < 10:
		return ".0" + strconv.FormatUint(h, 10)
	}
	return "." + strconv.FormatUint(h, 10)
}

// wide is a signed 128-bit integer, wide enough for the product of any two
// int64 values.
type wide struct {
	hi int64
	lo uint64
}

// product is a*b, exactly.
func product(a, b int64) wide {
	hi, lo := bits.Mul64(magnitude(a), magnitude(b))
	// Both magnitudes are at most 2^63, so hi is below 2^62 and fits.
	w := wide{hi: int64(hi), lo: lo}
	if (a < 0) != (b < 0) {
		return w.negated()
	}
	return w
}

// negated is -w in two's complement.
func (w wide) negated() wide {
	lo, borrow := bits.Sub64(0, w.lo, 0)
	return wide{hi: -w.hi - int64(borrow), lo: lo}
}

// atMost reports w <= v.
func (w wide) atMost(v wide) bool {
	if w.hi != v.hi {
		return w.hi < v.hi
	}
	return w.lo <= v.lo
}

// divide divides the unsigned 128-bit number hi:lo by d, returning the
// 128-bit quotient and the remainder. d must not be 0.
func divide(hi, lo, d uint64) (qhi, qlo, rest uint64) {
	qhi, rest = hi/d, hi%d
	// rest < d, which is what bits.Div64 needs to not panic.
	qlo, rest = bits.Div64(rest, lo, d)
	return qhi, qlo, rest
}

// decimal128 writes the unsigned 128-bit number hi:lo in base ten.
func decimal128(hi, lo uint64) string {
	if hi == 0 {
		return strconv.FormatUint(lo, 10)
	}
	var digits [40]byte // 2^128 has 39 digits
	i := len(digits)
	for hi != 0 || lo != 0 {
		var d uint64
		hi, lo, d = divide(hi, lo, 10)
		i--
		digits[i] = byte('0' + d)
	}
	return string(digits[i:])
}
