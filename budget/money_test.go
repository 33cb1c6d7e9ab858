package budget_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

func TestLookupCurrencyKnowsTheSchemesCurrencies(t *testing.T) {
	tests := []struct {
		code string
		want budget.Currency
	}{
		{"GBP", budget.Currency{Code: "GBP", Symbol: "£", Exponent: 2}},
		{"EUR", budget.Currency{Code: "EUR", Symbol: "€", Exponent: 2}},
		{"USD", budget.Currency{Code: "USD", Symbol: "$", Exponent: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := budget.LookupCurrency(tt.code)
			require.True(t, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestLookupCurrencyRejectsOtherCodes(t *testing.T) {
	for _, code := range []string{"", "gbp", "Gbp", "GBP ", "JPY", "XYZ", "£"} {
		t.Run(code, func(t *testing.T) {
			got, ok := budget.LookupCurrency(code)
			require.False(t, ok)
			require.Zero(t, got)
		})
	}
}

func TestFormatWritesMoneyInTheGovukStyle(t *testing.T) {
	tests := []struct {
		amount   budget.Amount
		currency string
		want     string
	}{
		{200000, "GBP", "£2,000.00"},
		{1250000, "EUR", "€12,500.00"},
		{-150, "GBP", "-£1.50"},
		{5, "GBP", "£0.05"},
		{0, "GBP", "£0.00"},
		{1, "GBP", "£0.01"},
		{-1, "GBP", "-£0.01"},
		{99, "GBP", "£0.99"},
		{100, "GBP", "£1.00"},
		{99999, "GBP", "£999.99"},
		{100000, "GBP", "£1,000.00"},
		{120050, "GBP", "£1,200.50"},
		{99999999, "GBP", "£999,999.99"},
		{100000000, "GBP", "£1,000,000.00"},
		{4500000000, "EUR", "€45,000,000.00"},
		{1999, "USD", "$19.99"},
		{math.MaxInt64, "GBP", "£92,233,720,368,547,758.07"},
		{math.MinInt64, "GBP", "-£92,233,720,368,547,758.08"},
		{math.MinInt64 + 1, "EUR", "-€92,233,720,368,547,758.07"},
		{120050, "XYZ", "1,200.50 XYZ"},
		{-120050, "XYZ", "-1,200.50 XYZ"},
		{5, "gbp", "0.05 gbp"},
		{120050, "", "1,200.50"},
		{math.MinInt64, "XYZ", "-92,233,720,368,547,758.08 XYZ"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			require.Equal(t, tt.want, budget.Format(tt.amount, tt.currency))
		})
	}
}

func TestFormattedMoneyParsesBackToTheSameAmount(t *testing.T) {
	amounts := []budget.Amount{0, 1, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000,
		120050, 1250000, 45000000, math.MaxInt64 - 1, math.MaxInt64}
	for p := budget.Amount(1); p > 0 && p <= math.MaxInt64/10; p *= 10 {
		amounts = append(amounts, p-1, p, p+1)
	}
	r := rand.New(rand.NewPCG(2011, 110))
	for range 2000 {
		amounts = append(amounts, budget.Amount(r.Int64()), budget.Amount(r.Int64N(1_000_000_00)))
	}
	for _, a := range amounts {
		for _, currency := range []string{"GBP", "EUR", "USD"} {
			got, err := budget.Parse(budget.Format(a, currency))
			require.NoError(t, err, "%d %s", a, currency)
			require.Equal(t, a, got)
		}
	}
}
