package budget

import (
	"strconv"
	"strings"
)

// Amount is a sum of money in minor units of its currency (pence for GBP,
// cents for EUR): £2,000 is Amount(200000).
type Amount int64

// Currency describes an ISO 4217 currency the schemes use.
type Currency struct {
	Code     string // the ISO 4217 code, such as "GBP"
	Symbol   string // the sign written before an amount, such as "£"
	Exponent int    // the number of decimals: minor units per major unit = 10^Exponent
}

// LookupCurrency returns the currency with the given ISO 4217 code, written in
// capitals: pounds sterling ("GBP", £), euros ("EUR", €) and US dollars
// ("USD", $). ok is false for any other code.
func LookupCurrency(code string) (Currency, bool) {
	switch code {
	case "GBP":
		return Currency{Code: "GBP", Symbol: "£", Exponent: 2}, true
	case "EUR":
		return Currency{Code: "EUR", Symbol: "€", Exponent: 2}, true
	case "USD":
		return Currency{Code: "USD", Symbol: "$", Exponent: 2}, true
	}
	return Currency{}, false
}

// Format renders an amount for people in the GOV.UK style: the currency
// symbol, thousands separated by commas and always the currency's decimals,
// as in "£2,000.00", "€12,500.00", "-£1.50" and "£0.05". An amount in a
// currency this package does not know is shown with two decimals and its code
// after it, as in "1,200.50 XYZ" (or with no code at all when the code is
// empty). Every int64 amount renders, the most negative one included.
func Format(a Amount, currency string) string {
	c, known := LookupCurrency(currency)
	if !known {
		c = Currency{Code: currency, Exponent: 2}
	}
	var b strings.Builder
	if a < 0 {
		b.WriteByte('-')
	}
	b.WriteString(c.Symbol)
	b.WriteString(decimal(magnitude(int64(a)), c.Exponent))
	if !known && currency != "" {
		b.WriteString(" ")
		b.WriteString(currency)
	}
	return b.String()
}

// magnitude is |a| as an unsigned number: negating in uint64 keeps the
// most negative int64, whose size has no int64 of its own.
func magnitude(a int64) uint64 {
	m := uint64(a)
	if a < 0 {
		m = -m
	}
	return m
}

// decimal writes minor units as major units with grouped thousands and
// exactly exponent decimals.
func decimal(minor uint64, exponent int) string {
	unit := uint64(1)
	for range exponent {
		unit *= 10
	}
	whole := groupThousands(strconv.FormatUint(minor/unit, 10))
	// A currency without minor units (such as the yen) has no decimal point.
	if exponent == 0 {
		return whole
	}
	frac := strconv.FormatUint(minor%unit, 10)
	return whole + "." + strings.Repeat("0", exponent-len(frac)) + frac
}

// groupThousands puts a comma before every third digit from the right.
func groupThousands(digits string) string {
	var b strings.Builder
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(digits[:lead])
	for i := lead; i < len(digits); i += 3 {
		b.WriteByte(',')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
