package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

var allParts = []eligibility.DatePart{eligibility.Day, eligibility.Month, eligibility.Year}

func TestReadDatePartsAcceptsWhatGOVUKAsksServicesToAccept(t *testing.T) {
	tests := []struct{ day, month, year, want string }{
		{"1", "2", "2011", "2011-02-01"},
		{"01", "02", "2011", "2011-02-01"},
		{" 10 ", " 1 ", " 2011 ", "2011-01-10"},
		{"31", "12", "2011", "2011-12-31"},
		{"29", "2", "2012", "2012-02-29"},    // a leap day
		{"29", "2", "2000", "2000-02-29"},    // a century divisible by 400
		{"28", "2", "1900", "1900-02-28"},    // the last day of February 1900
		{"1st", "jan", "2011", "2011-01-01"}, // an ordinal and a short month name
		{"2nd", "February", "2011", "2011-02-02"},
		{"3RD", "MARCH", "2011", "2011-03-03"},
		{"11th", "Sept", "2011", "2011-09-11"},
		{"22nd", "sep", "2011", "2011-09-22"},
		{"30", "april", "2011", "2011-04-30"},
		{"1", "12", "0001", "0001-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.day+"/"+tt.month+"/"+tt.year, func(t *testing.T) {
			d, p := eligibility.ReadDateParts(tt.day, tt.month, tt.year)
			require.Equal(t, eligibility.DateProblem{}, p)
			require.Equal(t, tt.want, d.String())
		})
	}
}

func TestReadDatePartsSaysWhichPartIsWrong(t *testing.T) {
	day, month, year := eligibility.Day, eligibility.Month, eligibility.Year
	P := func(parts ...eligibility.DatePart) []eligibility.DatePart { return parts }
	tests := []struct {
		name             string
		day, month, year string
		fault            eligibility.DateFault
		missing, wrong   []eligibility.DatePart
	}{
		{"no month", "1", "", "2011", eligibility.DateIncomplete, P(month), P(month)},
		{"no day", " ", "2", "2011", eligibility.DateIncomplete, P(day), P(day)},
		{"no year", "1", "2", "", eligibility.DateIncomplete, P(year), P(year)},
		// More than one part missing marks the whole date.
		{"no day or month", "", "", "2011", eligibility.DateIncomplete, P(day, month), allParts},
		{"only a day", "1", "", "", eligibility.DateIncomplete, P(month, year), allParts},
		// Missing comes before wrong.
		{"a wrong day and no month", "x", "", "2011", eligibility.DateIncomplete, P(month), P(month)},
		{"day 0", "0", "2", "2011", eligibility.DateNotReal, nil, P(day)},
		{"day 32", "32", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"day in words", "first", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"an ordinal with the wrong suffix", "1nd", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"11st", "11st", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"a three-digit day", "001", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"a negative day", "-1", "1", "2011", eligibility.DateNotReal, nil, P(day)},
		{"month 0", "1", "0", "2011", eligibility.DateNotReal, nil, P(month)},
		{"month 13", "1", "13", "2011", eligibility.DateNotReal, nil, P(month)},
		{"a month that is no month", "1", "Smarch", "2011", eligibility.DateNotReal, nil, P(month)},
		{"a three-digit month", "1", "012", "2011", eligibility.DateNotReal, nil, P(month)},
		{"a year in words", "1", "1", "twenty", eligibility.DateNotReal, nil, P(year)},
		{"a negative year", "1", "1", "-2011", eligibility.DateNotReal, nil, P(year)},
		// More than one wrong part marks the whole date.
		{"a wrong day and month", "32", "13", "2011", eligibility.DateNotReal, nil, allParts},
		{"all wrong", "a", "b", "c", eligibility.DateNotReal, nil, allParts},
		// A year of numbers, but not four of them.
		{"a two-digit year", "1", "2", "11", eligibility.DateYearDigits, nil, P(year)},
		{"a three-digit year", "1", "2", "201", eligibility.DateYearDigits, nil, P(year)},
		{"a five-digit year", "1", "2", "20111", eligibility.DateYearDigits, nil, P(year)},
		{"a year past int", "1", "2", "99999999999999999999999", eligibility.DateYearDigits, nil, P(year)},
		// Each part possible, the date not: which part is at fault is not clear.
		{"31 April", "31", "4", "2011", eligibility.DateNotReal, nil, allParts},
		{"29 February 2011", "29", "2", "2011", eligibility.DateNotReal, nil, allParts},
		{"29 February 1900", "29", "2", "1900", eligibility.DateNotReal, nil, allParts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := eligibility.ReadDateParts(tt.day, tt.month, tt.year)
			require.Equal(t, eligibility.DateProblem{Fault: tt.fault, Missing: tt.missing, Wrong: tt.wrong}, p)
		})
	}
}

func TestReadDatePartsWithEveryPartEmptyIsNoDate(t *testing.T) {
	_, p := eligibility.ReadDateParts("", " ", "")
	require.Equal(t, eligibility.DateIncomplete, p.Fault)
	require.Equal(t, allParts, p.Missing)
}
