package stemkn

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
)

func summaryOf(t *testing.T, lines string) BudgetSummary {
	t.Helper()
	doc := `{"scheme":"stem-kn-2011","funding":{"currency":"GBP","lines":[` + lines + `]}}`
	sum, ok := NewValidator(nil).BudgetSummary([]byte(doc), Options{})
	require.True(t, ok)
	return sum
}

func TestBudgetSummaryShowsTotalCapAndRemaining(t *testing.T) {
	tests := []struct {
		name      string
		lines     string
		total     string
		remaining string
		over      bool
	}{
		{"no lines", ``, "£0.00", "£2,000.00", false},
		{"a penny under the cap", `{"category":"travel","amount":199999}`, "£1,999.99", "£0.01", false},
		{"at the cap", `{"category":"travel","amount":200000}`, "£2,000.00", "£0.00", false},
		{"a penny over the cap", `{"category":"travel","amount":200001}`, "£2,000.01", "£0.01", true},
		{"lines without an amount count as nothing", `{"category":"travel"},{"category":"venue","amount":120050}`, "£1,200.50", "£799.50", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := summaryOf(t, tt.lines)
			require.Equal(t, "GBP", sum.Currency)
			require.Equal(t, tt.total, sum.TotalText)
			require.Equal(t, "£2,000.00", sum.CapText)
			require.Equal(t, tt.remaining, sum.RemainingText)
			require.Equal(t, tt.over, sum.Over)
		})
	}
}

func TestBudgetSummaryResourcesShareAgainstTwentyPercent(t *testing.T) {
	tests := []struct {
		name     string
		resource budget.Amount
		share    string
		within   bool
	}{
		{"exactly 20%", 40000, "20%", true},
		{"a penny over 20%", 40001, "20.01%", false},
		{"a penny under 20%", 39999, "20%", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := `{"category":"supply-cover","amount":` + strconv.Itoa(int(200000-tt.resource)) + `},{"category":"resources","amount":` + strconv.Itoa(int(tt.resource)) + `}`
			sum := summaryOf(t, lines)
			require.Len(t, sum.Categories, 5)
			res := sum.Categories[1]
			require.Equal(t, "resources", res.ID)
			require.Equal(t, "Resources", res.Title)
			require.Equal(t, tt.share, res.Share)
			require.Equal(t, tt.within, res.Within)
			require.NotNil(t, res.MaxPercent)
			require.EqualValues(t, 20, *res.MaxPercent)
			require.Nil(t, sum.Categories[0].MaxPercent)
		})
	}
}

func TestBudgetSummaryNeedsAnApplicationScheme(t *testing.T) {
	_, ok := NewValidator(nil).BudgetSummary([]byte(`{"scheme":"no-such-scheme"}`), Options{})
	require.False(t, ok)
}

func TestBudgetSummaryReportsAmountsTooLargeToAdd(t *testing.T) {
	sum := summaryOf(t, `{"category":"travel","amount":9223372036854775807},{"category":"venue","amount":1}`)
	require.True(t, sum.Overflow)
	require.Equal(t, "£0.00", sum.TotalText)
}

func TestBudgetSummaryMonthlyCapFollowsThePlanDates(t *testing.T) {
	s := &Scheme{ID: "eu", Title: "EU", Currency: "EUR",
		Rules: Rules{MonthlyCap: &MonthlyCapRule{PerMonth: 1250000, Ceiling: 45000000, Citation: Citation{Reference: "Erasmus+"}}}}
	tests := []struct {
		name       string
		start, end string
		cap        string
	}{
		{"twenty months", "2016-09-01", "2018-04-30", "€250,000.00"},
		{"twenty months and a day: a 21st month started", "2016-09-01", "2018-05-01", "€262,500.00"},
		{"thirty-six months reach the ceiling", "2016-09-01", "2019-08-31", "€450,000.00"},
		{"no dates yet: the ceiling", "", "", "€450,000.00"},
		{"end before start: the ceiling", "2018-01-01", "2017-01-01", "€450,000.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := &Application{Plan: Plan{StartDate: tt.start, EndDate: tt.end}}
			require.Equal(t, tt.cap, s.BudgetSummary(app).CapText)
		})
	}
}
