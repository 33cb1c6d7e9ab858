package eligibility

// Period is a programme of activity: the calendar days from Start to End,
// both included. The durations of scheme rules are counted on it.
type Period struct{ Start, End Date }

// InOrder reports whether the period ends on or after the day it starts.
func (p Period) InOrder() bool { return p.End.Compare(p.Start) >= 0 }

// Contains reports whether d is one of the period's days.
func (p Period) Contains(d Date) bool {
	return d.Compare(p.Start) >= 0 && d.Compare(p.End) <= 0
}

// Days counts the period's days (DaysInclusive): 1 Feb – 25 Apr 2011 is 84.
func (p Period) Days() int { return DaysInclusive(p.Start, p.End) }

// Weeks counts the whole weeks in its days (WeeksInclusive): 84 days are
// 12 weeks, 83 are 11.
func (p Period) Weeks() int { return WeeksInclusive(p.Start, p.End) }

// StartedMonths counts its months with a started month counting whole
// (MonthsInclusive): 1 Sep 2016 – 31 Aug 2019 is 36, and a day into a
// 37th month makes 37.
func (p Period) StartedMonths() int { return MonthsInclusive(p.Start, p.End) }

// WholeMonths counts its whole months (WholeMonths): a minimum of 12
// months is met by 15 Jan 2011 – 14 Jan 2012, not by 15 Jan – 16 Dec 2011.
func (p Period) WholeMonths() int { return WholeMonths(p.Start, p.End) }

// Deadline is the last day on which something is accepted, compared as a
// calendar date: an application sent on the day itself is in time.
type Deadline struct{ Last Date }

// Met reports whether something sent on the day on is in time.
func (d Deadline) Met(on Date) bool { return on.Compare(d.Last) <= 0 }
