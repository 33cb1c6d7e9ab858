package eligibility

import "strings"

// DatePart names one of the three fields of a date typed as GOV.UK's date
// input asks for it: day, month and year, in that order.
type DatePart string

// The parts of a date input, in the order GOV.UK lays them out.
const (
	Day   DatePart = "day"
	Month DatePart = "month"
	Year  DatePart = "year"
)

// DateParts are the three parts in order.
var DateParts = [3]DatePart{Day, Month, Year}

// DateFault says what is wrong with a date typed in parts, in the order of
// GOV.UK's date input guidance: missing information first, then information
// that cannot be correct.
type DateFault uint8

const (
	// DateFine: the parts make a real date.
	DateFine DateFault = iota
	// DateIncomplete: one or two parts are empty ("must include a month").
	DateIncomplete
	// DateNotReal: a part cannot be correct (a month of 13, a day of "x"),
	// or the parts together are no date (31 April).
	DateNotReal
	// DateYearDigits: the year is a number without 4 digits.
	DateYearDigits
)

// DateProblem is what ReadDateParts found wrong.
type DateProblem struct {
	// Fault is the kind of problem.
	Fault DateFault
	// Missing are the empty parts, for DateIncomplete.
	Missing []DatePart
	// Wrong are the parts to mark as wrong, following GOV.UK's date input
	// guidance: the one part at fault, or all three when more than one part
	// is, or when it is not clear which (31 April).
	Wrong []DatePart
}

// ReadDateParts reads a date typed into GOV.UK's date input: a day, a month
// and a year, each with spaces around it allowed. It accepts what GOV.UK's
// guidance asks services to accept: a day from 1 to 31 with or without a
// leading zero (or as an ordinal, "1st"); a month from 1 to 12 with or
// without a leading zero, or its English name in full or shortened to three
// letters ("jan", "Sept" too), in any case; a year of 4 digits. The date must
// exist (29 February only in a leap year).
//
// With every part empty the fault is DateIncomplete with all three parts
// missing; a form treats that as no date at all.
func ReadDateParts(day, month, year string) (Date, DateProblem) {
	texts := [3]string{strings.TrimSpace(day), strings.TrimSpace(month), strings.TrimSpace(year)}
	var missing []DatePart
	for i, t := range texts {
		if t == "" {
			missing = append(missing, DateParts[i])
		}
	}
	if len(missing) > 0 {
		p := DateProblem{Fault: DateIncomplete, Missing: missing, Wrong: missing}
		if len(missing) > 1 {
			p.Wrong = DateParts[:]
		}
		return Date{}, p
	}
	d, okDay := readDay(texts[0])
	m, okMonth := readMonth(texts[1])
	y, okYear := digits(texts[2])
	var wrong []DatePart
	for i, ok := range [3]bool{okDay, okMonth, okYear} {
		if !ok {
			wrong = append(wrong, DateParts[i])
		}
	}
	switch {
	case len(wrong) == 1:
		return Date{}, DateProblem{Fault: DateNotReal, Wrong: wrong}
	case len(wrong) > 1:
		return Date{}, DateProblem{Fault: DateNotReal, Wrong: DateParts[:]}
	case len(texts[2]) != 4:
		return Date{}, DateProblem{Fault: DateYearDigits, Wrong: []DatePart{Year}}
	case d > daysIn(y, m):
		return Date{}, DateProblem{Fault: DateNotReal, Wrong: DateParts[:]}
	}
	return Date{Year: y, Month: m, Day: d}, DateProblem{}
}

// readDay reads a day of the month: 1 to 31, "01" to "09", or an ordinal
// with its right suffix ("1st", "2nd", "3rd", "4th", "22nd").
func readDay(s string) (int, bool) {
	if n := len(s); n > 2 {
		suffix := strings.ToLower(s[n-2:])
		s = s[:n-2]
		if d, ok := digits(s); !ok || s == "" || len(s) > 2 || suffix != ordinalSuffix(d) {
			return 0, false
		}
	}
	d, ok := digits(s)
	if !ok || s == "" || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// readMonth reads a month: 1 to 12, "01" to "09", or an English month name
// in full or its first three letters (and "sept"), in any case.
func readMonth(s string) (int, bool) {
	if m, ok := digits(s); ok && s != "" && len(s) <= 2 {
		return m, m >= 1 && m <= 12
	}
	lower := strings.ToLower(s)
	for i, name := range monthNames {
		name = strings.ToLower(name)
		if lower == name || lower == name[:3] || i == 8 && lower == "sept" {
			return i + 1, true
		}
	}
	return 0, false
}
