package eligibility_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

func date(t testing.TB, s string) eligibility.Date {
	t.Helper()
	d, ok := eligibility.ParseDate(s)
	require.True(t, ok, "test date %q", s)
	return d
}

func TestParseDateAcceptsRealCalendarDates(t *testing.T) {
	tests := []struct {
		in   string
		want eligibility.Date
	}{
		{"2011-01-10", eligibility.Date{Year: 2011, Month: 1, Day: 10}},
		{"2012-02-29", eligibility.Date{Year: 2012, Month: 2, Day: 29}}, // leap year
		{"2000-02-29", eligibility.Date{Year: 2000, Month: 2, Day: 29}}, // divisible by 400
		{"2011-02-28", eligibility.Date{Year: 2011, Month: 2, Day: 28}},
		{"2011-04-30", eligibility.Date{Year: 2011, Month: 4, Day: 30}},
		{"2011-01-31", eligibility.Date{Year: 2011, Month: 1, Day: 31}},
		{"2011-12-31", eligibility.Date{Year: 2011, Month: 12, Day: 31}},
		{"2011-01-01", eligibility.Date{Year: 2011, Month: 1, Day: 1}},
		{"0000-01-01", eligibility.Date{Year: 0, Month: 1, Day: 1}},
		{"0000-02-29", eligibility.Date{Year: 0, Month: 2, Day: 29}}, // year 0 is divisible by 400
		{"9999-12-31", eligibility.Date{Year: 9999, Month: 12, Day: 31}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := eligibility.ParseDate(tt.in)
			require.True(t, ok)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.in, got.String())
		})
	}
}

func TestParseDateRejectsAnythingButARealFullDate(t *testing.T) {
	for _, in := range []string{
		"",
		"1900-02-29", // century not divisible by 400
		"2011-02-29", // not a leap year
		"2012-02-30",
		"2011-04-31", // April has 30 days
		"2011-06-31",
		"2011-09-31",
		"2011-11-31",
		"2011-01-32",
		"2011-13-01",
		"2011-00-10",
		"2011-01-00",
		"2011-1-10",
		"2011-01-1",
		"11-01-10",
		" 2011-01-10",
		"2011-01-10 ",
		"2011-01-10\n",
		"+011-01-10",
		"-011-01-10",
		"2011-+1-10",
		"2011-01-+1",
		"2011/01/10",
		"2011-01-10T00:00:00Z",
		"20110110",
		"２０１１-０１-１０", // fullwidth digits
		"٢٠١١-٠١-١٠", // Arabic-Indic digits
		"10000-01-01",
		"2011-01-1a",
		"2011_01-10",
	} {
		t.Run(in, func(t *testing.T) {
			_, ok := eligibility.ParseDate(in)
			require.False(t, ok)
		})
	}
}

func TestParseDateAgreesWithTimeParse(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := randomDateLike(r)
		_, ok := eligibility.ParseDate(s)
		_, err := time.Parse(time.DateOnly, s)
		require.Equal(t, err == nil, ok, "%q", s)
	}
}

// randomDateLike makes strings shaped like dates, most of them plausible.
func randomDateLike(r *rand.Rand) string {
	b := []byte("2011-01-10")
	for i := range b {
		if i == 4 || i == 7 {
			continue
		}
		b[i] = byte('0' + r.IntN(10))
	}
	b[5] = byte('0' + r.IntN(2))
	b[8] = byte('0' + r.IntN(4))
	return string(b)
}

func TestDateStringPadsWithZeros(t *testing.T) {
	require.Equal(t, "0005-03-07", eligibility.Date{Year: 5, Month: 3, Day: 7}.String())
	require.Equal(t, "2011-01-10", eligibility.Date{Year: 2011, Month: 1, Day: 10}.String())
	require.Equal(t, "10000-01-01", eligibility.Date{Year: 10000, Month: 1, Day: 1}.String())
	require.Equal(t, "-0001-12-31", eligibility.Date{Year: -1, Month: 12, Day: 31}.String())
}

func TestDateLongIsGOVUKStyle(t *testing.T) {
	tests := map[string]string{
		"2011-01-10": "10 January 2011",
		"2011-01-01": "1 January 2011",
		"2016-09-01": "1 September 2016",
		"2019-08-31": "31 August 2019",
		"2012-02-29": "29 February 2012",
		"2011-12-25": "25 December 2011",
	}
	for in, want := range tests {
		require.Equal(t, want, date(t, in).Long(), in)
	}
	require.Equal(t, "0000-00-00", eligibility.Date{}.Long(), "a zero Date has no month name")
}

func TestDateCompareOrdersByYearMonthDay(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2011-01-10", "2011-01-10", 0},
		{"2011-01-09", "2011-01-10", -1},
		{"2011-01-11", "2011-01-10", +1},
		{"2010-12-31", "2011-01-01", -1},
		{"2011-02-01", "2011-01-31", +1},
		{"2012-01-01", "2011-12-31", +1},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, date(t, tt.a).Compare(date(t, tt.b)), "%s vs %s", tt.a, tt.b)
	}
}

// randomDate is a real date between 0000-01-01 and 9999-12-31.
func randomDate(r *rand.Rand) eligibility.Date {
	y, m := r.IntN(10000), 1+r.IntN(12)
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return eligibility.Date{Year: y, Month: m, Day: 1 + r.IntN(last)}
}

func toTime(d eligibility.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func TestDaysSinceEpochMatchesTimePackage(t *testing.T) {
	require.Equal(t, int64(0), date(t, "1970-01-01").DaysSinceEpoch())
	require.Equal(t, int64(-1), date(t, "1969-12-31").DaysSinceEpoch())
	require.Equal(t, int64(1), date(t, "1970-01-02").DaysSinceEpoch())
	require.Equal(t, int64(-719528), date(t, "0000-01-01").DaysSinceEpoch())

	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		d := randomDate(r)
		want := toTime(d).Unix() / 86400
		if toTime(d).Unix()%86400 != 0 {
			t.Fatalf("%v is not midnight", d)
		}
		require.Equal(t, want, d.DaysSinceEpoch(), d.String())
	}
}

func TestAddDaysAndWeekdayMatchTimePackage(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		d := randomDate(r)
		n := r.IntN(4000) - 2000
		got := d.AddDays(n)
		tm := toTime(d).AddDate(0, 0, n)
		require.Equal(t, eligibility.Date{Year: tm.Year(), Month: int(tm.Month()), Day: tm.Day()}, got, "%v + %d", d, n)
		require.Equal(t, int(toTime(d).Weekday()), d.Weekday(), d.String())
	}
}

func TestAddDaysCrossesMonthAndYearEnds(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2011-01-31", 1, "2011-02-01"},
		{"2011-02-28", 1, "2011-03-01"},
		{"2012-02-28", 1, "2012-02-29"},
		{"2011-12-31", 1, "2012-01-01"},
		{"2012-01-01", -1, "2011-12-31"},
		{"2011-01-10", 0, "2011-01-10"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, date(t, tt.from).AddDays(tt.n).String(), "%s%+d", tt.from, tt.n)
	}
}

func TestDeadlineOf2011WasAMonday(t *testing.T) {
	require.Equal(t, 1, date(t, "2011-01-10").Weekday())
	require.Equal(t, 4, date(t, "1970-01-01").Weekday())
	require.Equal(t, 0, date(t, "2011-01-09").Weekday())
	require.Equal(t, 6, date(t, "2011-01-08").Weekday())
}

func TestDaysInclusiveCountsBothEnds(t *testing.T) {
	tests := []struct {
		start, end string
		want       int
	}{
		{"2011-02-01", "2011-04-25", 84},
		{"2011-02-01", "2011-04-24", 83},
		{"2011-02-01", "2011-02-01", 1},
		{"2011-02-01", "2011-02-02", 2},
		{"2011-02-01", "2011-01-31", 0}, // end before start
		{"2011-02-01", "2010-02-01", 0},
		{"2012-02-28", "2012-03-01", 3}, // leap day
		{"2011-02-28", "2011-03-01", 2},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, eligibility.DaysInclusive(date(t, tt.start), date(t, tt.end)), "%s – %s", tt.start, tt.end)
	}
}

func TestWeeksInclusiveRoundsDownToWholeWeeks(t *testing.T) {
	tests := []struct {
		start, end string
		want       int
	}{
		{"2011-02-01", "2011-04-25", 12}, // 84 days: one term
		{"2011-02-01", "2011-04-24", 11}, // 83 days: a day short
		{"2011-02-01", "2011-02-07", 1},  // 7 days
		{"2011-02-01", "2011-02-06", 0},  // 6 days
		{"2011-02-01", "2011-02-01", 0},
		{"2011-02-01", "2011-01-01", 0}, // end before start
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, eligibility.WeeksInclusive(date(t, tt.start), date(t, tt.end)), "%s – %s", tt.start, tt.end)
	}
}

func TestMonthsInclusiveCountsStartedMonthsAsWhole(t *testing.T) {
	tests := []struct {
		start, end string
		want       int
	}{
		{"2016-09-01", "2019-08-31", 36}, // the Erasmus+ project in seed 002
		{"2016-09-01", "2019-09-01", 37}, // one day more
		{"2016-09-01", "2019-08-30", 36}, // one day less is still in month 36
		{"2016-09-01", "2018-04-30", 20},
		{"2016-09-01", "2018-05-01", 21},
		{"2016-09-15", "2017-09-14", 12},
		{"2016-09-15", "2017-09-15", 13},
		{"2016-09-15", "2017-09-13", 12},
		{"2011-01-31", "2011-02-28", 1}, // month end, non-leap February
		{"2011-01-31", "2011-03-01", 2},
		{"2011-01-31", "2011-03-30", 2},
		{"2011-01-31", "2011-03-31", 3},
		{"2012-01-31", "2012-02-28", 1},
		{"2012-01-31", "2012-02-29", 1}, // leap February ends month 1 too
		{"2012-01-31", "2012-03-01", 2},
		{"2012-02-29", "2013-02-28", 12},
		{"2012-02-29", "2013-03-01", 13},
		{"2011-01-28", "2011-02-27", 1},
		{"2011-01-28", "2011-02-28", 2},
		{"2011-01-01", "2011-01-01", 1}, // one day
		{"2011-01-01", "2011-01-31", 1},
		{"2011-01-01", "2011-02-01", 2},
		{"2011-12-01", "2012-11-30", 12},
		{"2011-02-01", "2011-01-31", 0}, // end before start
		{"2019-08-31", "2016-09-01", 0},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, eligibility.MonthsInclusive(date(t, tt.start), date(t, tt.end)), "%s – %s", tt.start, tt.end)
	}
}

// monthsOracle counts months by walking them one at a time with the time
// package: month k+1 begins on start's day of the month k months later, or
// on the 1st of the month after when that month is too short.
func monthsOracle(start, end eligibility.Date) int {
	s, e := toTime(start), toTime(end)
	if e.Before(s) {
		return 0
	}
	n := 0
	for begin := s; !begin.After(e); {
		n++
		first := time.Date(start.Year, time.Month(start.Month)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		if start.Day <= last {
			begin = first.AddDate(0, 0, start.Day-1)
		} else {
			begin = first.AddDate(0, 1, 0)
		}
	}
	return n
}

func TestMonthsInclusiveMatchesMonthByMonthWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 30000 {
		start := randomDate(r)
		if start.Year > 9990 {
			continue
		}
		end := start.AddDays(r.IntN(2000) - 30)
		require.Equal(t, monthsOracle(start, end), eligibility.MonthsInclusive(start, end), "%v – %v", start, end)
	}
	// Every pair of days around month ends in a leap and a non-leap year.
	for _, from := range []string{"2011-01-25", "2012-01-25", "2011-12-25"} {
		first := date(t, from)
		for i := range 15 {
			start := first.AddDays(i)
			for j := range 120 {
				end := start.AddDays(j)
				require.Equal(t, monthsOracle(start, end), eligibility.MonthsInclusive(start, end), "%v – %v", start, end)
			}
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2011-01-10", "2012-02-29", "2011-02-29", "0000-01-01", "9999-12-31", "2011-1-10", "", "２０１１-０１-１０"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := eligibility.ParseDate(s)
		_, err := time.Parse(time.DateOnly, s)
		if ok != (err == nil) {
			t.Fatalf("ParseDate(%q) ok=%v, time.Parse err=%v", s, ok, err)
		}
		if !ok {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if back, ok := eligibility.ParseDate(d.String()); !ok || back != d {
			t.Fatalf("%q does not round-trip", s)
		}
		if d.AddDays(1).AddDays(-1) != d {
			t.Fatalf("%q: AddDays(1).AddDays(-1) moved", s)
		}
	})
}
