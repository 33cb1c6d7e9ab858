package budget

import (
	"errors"
	"math"
	"strings"
)

// Parse rejects typed money with one of these two errors; compare with
// errors.Is.
var (
	// ErrFormat means the text is not an amount of money as Parse accepts it:
	// empty, letters, a sign, two decimal points, more than two decimals,
	// misplaced commas, or characters that only look like digits.
	ErrFormat = errors.New("budget: not an amount of money")
	// ErrRange means the text is a well-formed amount too large to hold:
	// more than 92,233,720,368,547,758.07 in major units.
	ErrRange = errors.New("budget: amount of money too large")
	// ErrCurrency means the text is an amount in another currency than the
	// one asked for: "$5" or "€500" where pounds are asked for (ParseIn).
	ErrCurrency = errors.New("budget: amount in another currency")
)

// minorDigits is the number of decimals Parse reads: every currency the
// schemes use has two.
const minorDigits = 2

// currencySymbols are the signs a person may type before an amount.
var currencySymbols = [...]string{"£", "€", "$"}

// Parse reads money as a person types it into a form field and returns it
// exactly, in minor units of a currency with two decimals: "£1,200.50",
// "1200.5", "1,200", "1200", "£1200", "€12,500.00" and " 1,200.50 " all
// mean what they say, and "0.05" is 5.
//
// The rules, so that a typing slip is reported rather than guessed at:
//   - spaces, tabs and line breaks around the amount are ignored; any other
//     space (such as a no-break space) is not;
//   - one currency sign, £, € or $, may come first, directly before the digits;
//   - the whole part has at least one digit; commas are accepted only as
//     thousands separators in correct groups of three ("1,200,000", not
//     "1,20" or "12,00,000");
//   - a decimal point is followed by one or two digits ("1.5" is 150,
//     "1.005" and "1." are rejected);
//   - only the ASCII digits 0 to 9 count as digits;
//   - negative amounts are rejected, because a line of a budget is never
//     negative; a leading "+" is rejected too.
//
// Parse returns ErrFormat for text that breaks these rules and ErrRange for a
// well-formed amount that does not fit in an int64 of minor units.
func Parse(s string) (Amount, error) {
	s = strings.Trim(s, " \t\r\n")
	s = withoutSymbol(s)
	whole, frac, hasPoint := strings.Cut(s, ".")
	if !wellGrouped(whole) || (hasPoint && !isFraction(frac)) {
		return 0, ErrFormat
	}
	frac += strings.Repeat("0", minorDigits-len(frac))
	return minorUnits(strings.ReplaceAll(whole, ",", "") + frac)
}

// ParseIn is Parse for an amount in one currency: text that starts with
// another currency's sign ("$5", "€500" where pounds are asked for) is not
// read as that currency's amount, nor as one of this currency: it returns
// ErrCurrency, so the person can be asked for the amount in the right
// currency. An amount with this currency's sign or none is read as Parse
// reads it. Text that is no amount at all is ErrFormat, as for Parse,
// whatever its sign ("$1.005").
func ParseIn(s string, c Currency) (Amount, error) {
	a, err := Parse(s)
	if err != nil {
		return 0, err
	}
	trimmed := strings.Trim(s, " \t\r\n")
	for _, symbol := range currencySymbols {
		if strings.HasPrefix(trimmed, symbol) && symbol != c.Symbol {
			return 0, ErrCurrency
		}
	}
	return a, nil
}

// withoutSymbol drops one leading currency sign.
func withoutSymbol(s string) string {
	for _, symbol := range currencySymbols {
		if rest, found := strings.CutPrefix(s, symbol); found {
			return rest
		}
	}
	return s
}

// wellGrouped reports whether whole is a run of digits, or digits grouped in
// threes by commas with a first group of one to three digits that does not
// start with a zero.
func wellGrouped(whole string) bool {
	groups := strings.Split(whole, ",")
	if len(groups) == 1 {
		return len(whole) > 0 && allDigits(whole)
	}
	first := groups[0]
	if len(first) < 1 || len(first) > 3 || first[0] == '0' || !allDigits(first) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

// isFraction reports whether frac is the one or two digits after a decimal
// point.
func isFraction(frac string) bool {
	return len(frac) >= 1 && len(frac) <= minorDigits && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// minorUnits turns a string of ASCII digits into an amount, refusing any
// value past the largest int64 instead of wrapping.
func minorUnits(digits string) (Amount, error) {
	var v int64
	for i := 0; i < len(digits); i++ {
		d := int64(digits[i] - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, ErrRange
		}
		v = v*10 + d
	}
	return Amount(v), nil
}
