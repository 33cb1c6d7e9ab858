package eligibility

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func period(t *testing.T, start, end string) Period {
	t.Helper()
	s, ok1 := ParseDate(start)
	e, ok2 := ParseDate(end)
	require.True(t, ok1 && ok2)
	return Period{Start: s, End: e}
}

func TestPeriodCountsItsDaysWeeksAndStartedMonths(t *testing.T) {
	for _, tc := range []struct {
		start, end                string
		inOrder                   bool
		days, weeks, startedMonth int
	}{
		{"2011-02-01", "2011-04-25", true, 84, 12, 3},
		{"2011-02-01", "2011-04-24", true, 83, 11, 3},
		{"2016-09-01", "2019-08-31", true, 1095, 156, 36},
		{"2016-09-01", "2019-09-01", true, 1096, 156, 37},
		{"2011-01-01", "2011-01-01", true, 1, 0, 1},
		{"2011-01-02", "2011-01-01", false, 0, 0, 0},
	} {
		p := period(t, tc.start, tc.end)
		require.Equal(t, tc.inOrder, p.InOrder(), "%s – %s", tc.start, tc.end)
		require.Equal(t, tc.days, p.Days(), "%s – %s", tc.start, tc.end)
		require.Equal(t, tc.weeks, p.Weeks(), "%s – %s", tc.start, tc.end)
		require.Equal(t, tc.startedMonth, p.StartedMonths(), "%s – %s", tc.start, tc.end)
	}
}

func TestPeriodContainsItsFirstAndLastDays(t *testing.T) {
	p := period(t, "2011-02-01", "2011-07-15")
	for _, tc := range []struct {
		day  string
		want bool
	}{{"2011-01-31", false}, {"2011-02-01", true}, {"2011-07-15", true}, {"2011-07-16", false}} {
		d, _ := ParseDate(tc.day)
		require.Equal(t, tc.want, p.Contains(d), tc.day)
	}
}

func TestADeadlineIsMetOnTheDayItself(t *testing.T) {
	last, _ := ParseDate("2011-01-10")
	for _, tc := range []struct {
		on   string
		want bool
	}{{"2011-01-09", true}, {"2011-01-10", true}, {"2011-01-11", false}} {
		on, _ := ParseDate(tc.on)
		require.Equal(t, tc.want, Deadline{Last: last}.Met(on), tc.on)
	}
}

// A minimum of months is met only by whole months from the start date; a
// maximum is passed by any day beyond it (a started month counts whole).
func TestWholeMonthsMeetAMinimumAndStartedMonthsPassAMaximum(t *testing.T) {
	for _, tc := range []struct {
		start, end     string
		whole, started int
	}{
		{"2011-01-15", "2012-01-14", 12, 12}, // exactly 12 months
		{"2011-01-15", "2012-01-13", 11, 12}, // a day short: 11 whole months, into a 12th
		{"2011-01-15", "2011-12-16", 11, 12}, // 11 months and 2 days
		{"2011-01-15", "2012-01-15", 12, 13}, // a day into a 13th month
		{"2016-09-01", "2019-08-31", 36, 36},
		{"2016-09-01", "2019-09-01", 36, 37},
		{"2011-01-31", "2011-02-28", 1, 1},
		{"2011-01-31", "2011-02-27", 0, 1},
		{"2012-02-29", "2013-02-28", 12, 12},
		{"2011-01-01", "2011-01-01", 0, 1},
	} {
		p := period(t, tc.start, tc.end)
		require.Equal(t, tc.whole, p.WholeMonths(), "whole months %s – %s", tc.start, tc.end)
		require.Equal(t, tc.started, p.StartedMonths(), "started months %s – %s", tc.start, tc.end)
	}
	require.Zero(t, period(t, "2011-01-02", "2011-01-01").WholeMonths())
}
