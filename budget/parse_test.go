package budget_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

func TestParseReadsMoneyAsPeopleTypeIt(t *testing.T) {
	tests := []struct {
		typed string
		want  budget.Amount
	}{
		{"£1,200.50", 120050},
		{"1200.5", 120050},
		{"1,200", 120000},
		{"1200", 120000},
		{"£1200", 120000},
		{"€12,500.00", 1250000},
		{"$3.20", 320},
		{" 1,200.50 ", 120050},
		{"\t£2,000\n", 200000},
		{"\r\n5\r\n", 500},
		{"0.05", 5},
		{"0.5", 50},
		{"0", 0},
		{"0.00", 0},
		{"£0", 0},
		{"1", 100},
		{"999", 99900},
		{"1,000", 100000},
		{"12,000", 1200000},
		{"123,456,789.01", 12345678901},
		{"1,000,000.99", 100000099},
		{"007", 700},
		{"00000000000000000000000001", 100},
		{"92233720368547758.07", math.MaxInt64},
		{"92,233,720,368,547,758.07", math.MaxInt64},
		{"92233720368547758.06", math.MaxInt64 - 1},
		{"92233720368547758", math.MaxInt64 - 7},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got, err := budget.Parse(tt.typed)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestParseRejectsWhatIsNotMoney(t *testing.T) {
	typed := []string{
		// Nothing to read.
		"", " ", "\t\n", "£", "€", "$", ".", ",", "£.", "£,",
		// Signs: a line of a budget is never negative.
		"-12.00", "-1", "-0", "-£1.50", "£-1.50", "+5", "+£5", "1-", "--1",
		// Decimals: one point, then one or two digits.
		"1.005", "1.000", "0.001", "1.", "£1.", ".5", ".05", "1.2.3", "1..2", "1.5.",
		// Commas only group thousands in threes.
		"1,20", "12,00,000", "1,2000", "1,0000", ",100", "100,", "1,,000",
		"1234,567", "0,100", "00,100", "1,000.5,0", "1.000,50", "1,000,00",
		// Currency signs: one, at the start, straight before the digits.
		"££1", "£€1", "1£", "1.00£", "£ 1", "1 GBP", "GBP 1", "€-1", "¥100", "1$",
		// Letters and other notations.
		"abc", "1a", "a1", "1e3", "1E3", "0x10", "0b1", "1_000", "12 000",
		"NaN", "Inf", "one", "1/2",
		// Characters that look like digits or spaces but are not.
		"1\u00a0200", "\u00a01200", "1200\u00a0", "１２００", "1\u200b200",
		"\u200b1", "1\x00", "\x001", "½", "1½", "٣", "\u2212" + "5", "1\u2009000",
		"1\u066b50", "\xff", "£\xff1", "\xc2",
	}
	for _, s := range typed {
		t.Run(s, func(t *testing.T) {
			got, err := budget.Parse(s)
			require.ErrorIs(t, err, budget.ErrFormat)
			require.Zero(t, got)
		})
	}
}

func TestParseRejectsAmountsTooLargeToHold(t *testing.T) {
	typed := []string{
		"92233720368547758.08",
		"92,233,720,368,547,758.08",
		"92233720368547759",
		"92233720368547758.1",
		"99999999999999999999",
		"10000000000000000000",
		"18446744073709551616",
		"£99,999,999,999,999,999,999.99",
		"123456789012345678901234567890",
	}
	for _, s := range typed {
		t.Run(s, func(t *testing.T) {
			got, err := budget.Parse(s)
			require.ErrorIs(t, err, budget.ErrRange)
			require.Zero(t, got)
		})
	}
}

func TestParseReportsFormatBeforeRange(t *testing.T) {
	// A slip in a huge number is a slip, not a size problem.
	_, err := budget.Parse("99999999999999999999.999")
	require.ErrorIs(t, err, budget.ErrFormat)
	_, err = budget.Parse("-99999999999999999999")
	require.ErrorIs(t, err, budget.ErrFormat)
}

func TestParseErrorsAreDistinct(t *testing.T) {
	require.NotErrorIs(t, budget.ErrFormat, budget.ErrRange)
	require.NotEmpty(t, budget.ErrFormat.Error())
	require.NotEmpty(t, budget.ErrRange.Error())
}

func TestParseInRejectsAnotherCurrencysSign(t *testing.T) {
	gbp, _ := budget.LookupCurrency("GBP")
	eur, _ := budget.LookupCurrency("EUR")
	tests := []struct {
		typed string
		in    budget.Currency
		want  budget.Amount
		err   error
	}{
		{"£5", gbp, 500, nil},
		{"5", gbp, 500, nil},
		{" £1,200.50 ", gbp, 120050, nil},
		{"$5", gbp, 0, budget.ErrCurrency},
		{"€500", gbp, 0, budget.ErrCurrency},
		{" €500.00", gbp, 0, budget.ErrCurrency},
		{"€500", eur, 50000, nil},
		{"£500", eur, 0, budget.ErrCurrency},
		{"$1.005", gbp, 0, budget.ErrFormat}, // no amount at all, whatever its sign
		{"$$5", gbp, 0, budget.ErrFormat},
		{"$99999999999999999999", gbp, 0, budget.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.typed+" in "+tt.in.Code, func(t *testing.T) {
			got, err := budget.ParseIn(tt.typed, tt.in)
			require.ErrorIs(t, err, tt.err)
			if tt.err == nil {
				require.NoError(t, err)
			}
			require.Equal(t, tt.want, got)
		})
	}
}
