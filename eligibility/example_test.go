package eligibility_test

import (
	"fmt"
	"strings"

	"github.com/stemkn/stemkn/eligibility"
)

func ExampleParseDate() {
	for _, s := range []string{"2011-01-10", "2012-02-29", "2011-02-29", "2011-1-10"} {
		d, ok := eligibility.ParseDate(s)
		if !ok {
			fmt.Printf("%s: not a date\n", s)
			continue
		}
		fmt.Printf("%s: %s, weekday %d\n", s, d.Long(), d.Weekday())
	}
	// Output:
	// 2011-01-10: 10 January 2011, weekday 1
	// 2012-02-29: 29 February 2012, weekday 3
	// 2011-02-29: not a date
	// 2011-1-10: not a date
}

func ExampleMonthsInclusive() {
	for _, period := range [][2]string{
		{"2016-09-01", "2019-08-31"},
		{"2016-09-01", "2018-04-30"},
		{"2016-09-15", "2017-09-14"},
		{"2016-09-15", "2017-09-15"},
		{"2011-01-31", "2011-02-28"},
	} {
		start, _ := eligibility.ParseDate(period[0])
		end, _ := eligibility.ParseDate(period[1])
		fmt.Printf("%s – %s: %d\n", start.Long(), end.Long(), eligibility.MonthsInclusive(start, end))
	}
	// Output:
	// 1 September 2016 – 31 August 2019: 36
	// 1 September 2016 – 30 April 2018: 20
	// 15 September 2016 – 14 September 2017: 12
	// 15 September 2016 – 15 September 2017: 13
	// 31 January 2011 – 28 February 2011: 1
}

func ExampleWeeksInclusive() {
	start, _ := eligibility.ParseDate("2011-02-01")
	for _, s := range []string{"2011-04-25", "2011-04-24"} {
		end, _ := eligibility.ParseDate(s)
		fmt.Printf("to %s: %d days, %d weeks\n", end.Long(),
			eligibility.DaysInclusive(start, end), eligibility.WeeksInclusive(start, end))
	}
	// Output:
	// to 25 April 2011: 84 days, 12 weeks
	// to 24 April 2011: 83 days, 11 weeks
}

func ExampleInstitutionRule_Judge() {
	// "this funding is only available to maintained schools and colleges in
	// England" (STEM Knowledge Networks, 2011)
	rule := eligibility.InstitutionRule{Classes: eligibility.MaintainedClasses, EnglandOnly: true}
	england := eligibility.Place{Country: "GB", Subdivision: "GB-ENG"}
	stateFunded := true
	for _, inst := range []eligibility.Institution{
		{Place: england, EstablishmentType: "community-school"},
		{Place: england, EstablishmentType: "sixth-form-centres"},
		{Place: england, EstablishmentType: "academy-converter"},
		{Place: england},
		{Place: eligibility.Place{Country: "GB", Subdivision: "GB-WLS"}, StateFunded: &stateFunded},
	} {
		j := rule.Judge(inst)
		fmt.Printf("%s %q: %s\n", inst.Place.Subdivision, inst.EstablishmentType, strings.TrimSpace(j.Verdict.String()+" "+j.Fact.String()))
	}
	// Output:
	// GB-ENG "community-school": admitted
	// GB-ENG "sixth-form-centres": admitted
	// GB-ENG "academy-converter": not-admitted type
	// GB-ENG "": unknown type
	// GB-WLS "": not-admitted nation
}

func ExampleInstitutionRule_Judge_phases() {
	// "Primary schools across the Hemel Hempstead area have united"
	// (BreakingYourLocalNews, 24 September 2022): the GIAS phase primary,
	// where the primary phase group also counts nursery and middle deemed
	// primary.
	phase := eligibility.InstitutionRule{Kinds: []string{"school"}, Phases: []string{"primary"}}
	group := eligibility.InstitutionRule{Kinds: []string{"school"}, PhaseGroups: []string{eligibility.PrimaryGroup}}
	england := eligibility.Place{Country: "GB", Subdivision: "GB-ENG"}
	for _, p := range []string{"primary", "nursery", "middle-deemed-primary", "secondary", ""} {
		school := eligibility.Institution{Kind: "school", Place: england, Phase: p}
		fmt.Printf("%q: phases %s, phase groups %s\n", p, phase.Judge(school).Verdict, group.Judge(school).Verdict)
	}
	// Output:
	// "primary": phases admitted, phase groups admitted
	// "nursery": phases not-admitted, phase groups admitted
	// "middle-deemed-primary": phases not-admitted, phase groups admitted
	// "secondary": phases not-admitted, phase groups not-admitted
	// "": phases unknown, phase groups unknown
}
