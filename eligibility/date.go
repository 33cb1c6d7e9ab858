package eligibility

import "strconv"

// Date is a calendar date with no time of day or zone (a "civil" date), as
// written in applications: a deadline, a start date, the day a network was
// submitted. Dates are compared and counted in the proleptic Gregorian
// calendar. The zero Date is not a real date; get real ones from ParseDate.
type Date struct{ Year, Month, Day int }

// monthNames are the English month names GOV.UK writes dates with
// ("10 January 2011"), January first.
var monthNames = [12]string{
	"January",   // 1
	"February",  // 2
	"March",     // 3
	"April",     // 4
	"May",       // 5
	"June",      // 6
	"July",      // 7
	"August",    // 8
	"September", // 9
	"October",   // 10
	"November",  // 11
	"December",  // 12
}

// DatePattern is the shape of a date for JSON Schema's "pattern" keyword
// (ECMA-262, RE2 and Python's re read it alike): YYYY-MM-DD with a month
// from 01 to 12 and a day from 01 to 31. Every date ParseDate reads matches
// it; a string that matches is a real day unless its month is shorter (31
// April, 30 February, 29 February outside a leap year), which only the
// calendar, in ParseDate, can tell.
const DatePattern = `^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$`

// ParseDate reads a strict RFC 3339 full-date, "YYYY-MM-DD": exactly ten
// ASCII bytes, a four-digit year from 0000 to 9999, a two-digit month and a
// two-digit day that exist in the Gregorian calendar (2012-02-29 is a date,
// 2011-02-29, 2011-04-31, 2011-13-01 and 2011-00-10 are not). Signs, spaces,
// missing zeros and non-ASCII digits are rejected. ok is false when s is not
// a real date.
func ParseDate(s string) (d Date, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return Date{}, false
	}
	return Date{Year: year, Month: month, Day: day}, true
}

// digits reads s as a non-negative decimal number made of ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// isLeap reports whether year has a 29 February in the Gregorian calendar:
// every fourth year, except centuries not divisible by 400 (1900 is not a
// leap year, 2000 is).
func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// daysIn is the number of days in month (1–12) of year.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if isLeap(year) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// String writes d as an RFC 3339 full-date, "2011-01-10", the form ParseDate
// reads. Years outside 0000–9999 (reachable only through AddDays) are written
// with as many digits as they need and a leading '-' when negative.
func (d Date) String() string {
	b := make([]byte, 0, 10)
	year := d.Year
	if year < 0 {
		b = append(b, '-')
		year = -year
	}
	b = appendPadded(b, year, 4)
	b = append(b, '-')
	b = appendPadded(b, d.Month, 2)
	b = append(b, '-')
	b = appendPadded(b, d.Day, 2)
	return string(b)
}

// appendPadded appends the decimal n (n >= 0) with leading zeros to width.
func appendPadded(b []byte, n, width int) []byte {
	for limit := 1; width > 1; width-- {
		limit *= 10
		if n < limit {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Long writes d the way GOV.UK writes dates in text: day without a leading
// zero, month in full, four-digit year ("10 January 2011"). A Date whose
// month is not 1–12 is written as String does.
func (d Date) Long() string {
	if d.Month < 1 || d.Month > 12 {
		return d.String()
	}
	return strconv.Itoa(d.Day) + " " + monthNames[d.Month-1] + " " + strconv.Itoa(d.Year)
}

// Compare returns -1 when d is before e, 0 when they are the same day and +1
// when d is after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(d.Month - e.Month)
	default:
		return sign(d.Day - e.Day)
	}
}

// sign is -1, 0 or +1 as n is negative, zero or positive.
func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// DaysSinceEpoch is the number of days from 1970-01-01 to d, negative for
// earlier dates, in the proleptic Gregorian calendar. d must be a real date.
//
// The arithmetic is Howard Hinnant's days_from_civil: years are counted from
// 1 March so that the leap day falls at the end of the year, and grouped in
// 400-year eras of 146097 days.
func (d Date) DaysSinceEpoch() int64 {
	y := int64(d.Year)
	m := int64(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                             // year of era, 0–399
	doy := (153*((m+9)%12)+2)/5 + int64(d.Day) - 1 // day of the March-based year, 0–365
	doe := yoe*365 + yoe/4 - yoe/100 + doy         // day of era, 0–146096
	return era*146097 + doe - 719468               // 719468 days from 0000-03-01 to 1970-01-01
}

// dateFromEpochDays is the inverse of DaysSinceEpoch (Hinnant's
// civil_from_days).
func dateFromEpochDays(days int64) Date {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // 0–146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // 0–399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // 0–365
	mp := (5*doy + 2) / 153                                // March-based month, 0–11
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	year := yoe + era*400
	if month <= 2 {
		year++
	}
	return Date{Year: int(year), Month: int(month), Day: int(day)}
}

// floorDiv divides rounding towards minus infinity (Go's / truncates).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// AddDays returns the date n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date {
	return dateFromEpochDays(d.DaysSinceEpoch() + int64(n))
}

// Weekday is the day of the week of d: 0 for Sunday, 1 for Monday … 6 for
// Saturday (the numbering of Go's time.Weekday and JavaScript's getDay).
func (d Date) Weekday() int {
	// 1970-01-01 was a Thursday (4).
	w := (d.DaysSinceEpoch() + 4) % 7
	if w < 0 {
		w += 7
	}
	return int(w)
}

// DaysInclusive counts the days from start to end with both counted, as a
// programme of activity "from 1 February to 25 April" is counted: 1 Feb – 25
// Apr 2011 is 84 days, and a one-day event is 1. It is 0 when end is before
// start.
func DaysInclusive(start, end Date) int {
	n := end.DaysSinceEpoch() - start.DaysSinceEpoch() + 1
	if n < 0 {
		return 0
	}
	return int(n)
}

// WeeksInclusive counts the whole weeks in DaysInclusive(start, end), rounding
// down: 84 days (1 Feb – 25 Apr 2011) are 12 weeks, 83 days (1 Feb – 24 Apr
// 2011) are 11. stem-kn-2011 takes the call's "a term" as 12 weeks (its rule's note says so).
func WeeksInclusive(start, end Date) int {
	return DaysInclusive(start, end) / 7
}

// MonthsInclusive counts the months of duration from start to end, both days
// included, a started month counting as a whole one — the way a maximum
// duration is passed by any day beyond it, and the months a per-month
// grant is paid for.
//
// It is the whole months (WholeMonths) plus one when days are left over.
// Month k of the period ends on the day before start's day of the month, k
// months later; when that month is too short the day is clamped to its last
// day. So a whole month is complete when the day after end reaches start's
// day of the month, or the 1st of the next month when the month has no such
// day:
//
//	1 Sep 2016 – 31 Aug 2019   36 (the day after end is 1 Sep 2019)
//	1 Sep 2016 – 30 Apr 2018   20
//	15 Sep 2016 – 14 Sep 2017  12
//	15 Sep 2016 – 15 Sep 2017  13 (one day into a 13th month)
//	31 Jan 2011 – 28 Feb 2011   1 (month 1 ends "30 Feb", clamped to 28 Feb)
//	29 Feb 2012 – 28 Feb 2013  12 (month 12 ends "28 Feb 2013")
//	1 Jan 2011 – 1 Jan 2011     1
//
// It is 0 when end is before start.
func MonthsInclusive(start, end Date) int {
	m := WholeMonths(start, end)
	if end.Compare(start) >= 0 && monthBegins(start, m).Compare(end.AddDays(1)) < 0 {
		m++ // days are left over: a started month counts as a whole one
	}
	return m
}

// WholeMonths counts the whole months from start to end, both days
// included: the months a minimum duration is met by. A month is whole when
// it has run from start's day of the month to the day before it, a month
// later (see MonthsInclusive for short months):
//
//	15 Jan 2011 – 14 Jan 2012  12
//	15 Jan 2011 – 16 Dec 2011  11 (a day short of a 12th month)
//	1 Sep 2016 – 31 Aug 2019   36
//	1 Jan 2011 – 1 Jan 2011     0
//
// It is 0 when end is before start.
func WholeMonths(start, end Date) int {
	if end.Compare(start) < 0 {
		return 0
	}
	after := end.AddDays(1)
	// The largest m whose (m+1)th month begins on or before after. The
	// calendar-month difference is at most one too many.
	m := (after.Year-start.Year)*12 + after.Month - start.Month
	for m > 0 && monthBegins(start, m).Compare(after) > 0 {
		m--
	}
	return m
}

// monthBegins is the first day of month m+1 of a period that starts on
// start: the same day of the month, m months later, or the 1st of the month
// after when that month is too short to have the day.
func monthBegins(start Date, m int) Date {
	months := int64(start.Year)*12 + int64(start.Month-1) + int64(m)
	year := int(floorDiv(months, 12))
	month := int(months-int64(year)*12) + 1
	if start.Day <= daysIn(year, month) {
		return Date{Year: year, Month: month, Day: start.Day}
	}
	if month == 12 {
		return Date{Year: year + 1, Month: 1, Day: 1}
	}
	return Date{Year: year, Month: month + 1, Day: 1}
}
