package stemkn

import (
	"strings"
	"testing"

	"github.com/stemkn/stemkn/eligibility"
	"github.com/stretchr/testify/require"
)

// Every rule of stem-kn-2011, tested by changing one thing in a
// valid, eligible application (testdata/stem-kn-2011-valid.json) and checking
// the exact findings, the outcome of every rule and the eligibility verdict.

const validFixture = "stem-kn-2011-valid.json"

// The rule ids of stem-kn-2011, in the scheme's order.
var stemKN2011Rules = []string{
	"theme", "areaOfInterest", "reflection", "subjectSpread", "fundedInstitutions", "commitments",
	"dates", "duration", "deadline", "currency", "budgetLines", "categories", "cap",
	"categoryShares.resources", "mathematics",
}

// withoutFunding are the outcomes of the rules that apply only to a request
// for money, when there is none.
var withoutFunding = map[string]Outcome{
	"fundedInstitutions": NotApplicable, "commitments": NotApplicable, "duration": NotApplicable,
	"currency": NotApplicable, "budgetLines": NotApplicable, "categories": NotApplicable,
	"cap": NotApplicable, "categoryShares.resources": NotApplicable,
}

// ruleCase is one change to the valid fixture and everything the validator
// must say about it.
type ruleCase struct {
	name    string
	changes []change
	mode    Mode
	want    []seen
	// rules lists the rules whose outcome is not "passed".
	rules    map[string]Outcome
	verdict  verdict
	message  string // when set, the first finding's exact message
	messages []string
}

func unfunded(extra map[string]Outcome) map[string]Outcome {
	out := map[string]Outcome{}
	for k, v := range withoutFunding {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	base := loadDoc(t, validFixture)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := validate(t, base.with(t, tc.changes...).bytes(t), Options{Mode: tc.mode})
			want := tc.want
			if want == nil {
				want = []seen{}
			}
			require.Equal(t, want, summary(res))
			wantRules := map[string]Outcome{}
			for _, id := range stemKN2011Rules {
				wantRules[id] = Passed
			}
			for id, o := range tc.rules {
				require.Contains(t, wantRules, id, "rule %s is one of the scheme's", id)
				wantRules[id] = o
			}
			require.Equal(t, wantRules, outcomes(res))
			require.Equal(t, tc.verdict, verdictOf(res))
			require.Equal(t, !hasError(want), res.Valid)
			if tc.message != "" {
				require.Equal(t, tc.message, res.Findings[0].Message)
			}
			for i, m := range tc.messages {
				require.Equal(t, m, res.Findings[i].Message)
			}
		})
	}
}

func hasError(fs []seen) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

func TestValidFixtureIsValidAndEligible(t *testing.T) {
	res := validate(t, readFixture(t, validFixture), Options{})
	require.Equal(t, "stem-kn-2011", res.Scheme)
	require.True(t, res.Valid)
	require.Equal(t, Findings{}, res.Findings)
	require.Equal(t, eligible, verdictOf(res))
	var ids []string
	for _, r := range res.Rules {
		ids = append(ids, r.Rule)
		require.Equal(t, Passed, r.Outcome, r.Rule)
		require.NotEmpty(t, r.Title, r.Rule)
	}
	require.Equal(t, stemKN2011Rules, ids)
	for _, r := range freshScheme("stem-kn-2011").rules() {
		require.True(t, r.cite.Reference != "" || r.cite.Note != "", "rule %s cites its source, or says why it has none", r.id)
	}
}

func TestCalderAsksForTooMuchOnResources(t *testing.T) {
	res := validate(t, readFixture(t, "calder.json"), Options{})
	require.Equal(t, []seen{e(CodeCategoryShare, "/funding/lines")}, summary(res))
	require.Equal(t, "Resources must be no more than 20% of the total: £400.00 of £1,600.00 is 25%", res.Findings[0].Message)
	require.Equal(t, Params{"category": "resources", "limit": int64(20), "amount": int64(40000), "total": int64(160000),
		"percent": "25%", "currency": "GBP"}, res.Findings[0].Params)
	require.Equal(t, "categoryShares.resources", res.Findings[0].Rule)
	require.Equal(t, ineligible, verdictOf(res))
	require.Equal(t, Failed, outcomes(res)["categoryShares.resources"])
}

func lines(supplyCover, resources int64) change {
	return set("/funding/lines", []any{
		map[string]any{"category": "supply-cover", "amount": supplyCover},
		map[string]any{"category": "resources", "amount": resources},
	})
}

func TestTotalMayNotExceedTwoThousandPounds(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "exactly £2,000 passes", changes: []change{lines(160000, 40000)}, verdict: eligible},
		{name: "£2,000.01 fails", changes: []change{lines(160001, 40000)},
			want: []seen{e(CodeCap, "/funding/lines")}, rules: map[string]Outcome{"cap": Failed}, verdict: ineligible,
			message: "The total must be £2,000.00 or less: it is £2,000.01"},
		{name: "one line of £2,000.01 fails, and that line passes the cap alone", changes: []change{
			set("/funding/lines", []any{map[string]any{"category": "travel", "amount": 200001}})},
			want:  []seen{e(CodeCap, "/funding/lines"), e(CodeMaximum, "/funding/lines/0/amount")},
			rules: map[string]Outcome{"cap": Failed}, verdict: ineligible,
			messages: []string{"The total must be £2,000.00 or less: it is £2,000.01", "The amount of budget line 1 must be £2,000.00 or less"}},
		{name: "one line of exactly £2,000 passes", changes: []change{set("/funding/lines", []any{map[string]any{"category": "travel", "amount": 200000}})},
			verdict: eligible},
		{name: "no funding asked is not applicable", changes: []change{del("/funding")},
			rules: unfunded(nil), verdict: eligible},
	})
}

func TestResourcesMayNotExceedTwentyPercent(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "exactly 20% passes", changes: []change{lines(160000, 40000)}, verdict: eligible},
		{name: "a penny more fails", changes: []change{lines(159999, 40001)},
			want: []seen{e(CodeCategoryShare, "/funding/lines")}, rules: map[string]Outcome{"categoryShares.resources": Failed},
			verdict: ineligible, message: "Resources must be no more than 20% of the total: £400.01 of £2,000.00 is 20.01%"},
		{name: "exactly 20% of an odd total passes", changes: []change{lines(4, 1)}, verdict: eligible},
		{name: "a penny over 20% of a small total fails", changes: []change{lines(3, 1)},
			want: []seen{e(CodeCategoryShare, "/funding/lines")}, rules: map[string]Outcome{"categoryShares.resources": Failed},
			verdict: ineligible, message: "Resources must be no more than 20% of the total: £0.01 of £0.04 is 25%"},
		{name: "resources alone fail", changes: []change{set("/funding/lines", []any{map[string]any{"category": "resources", "amount": 100}})},
			want: []seen{e(CodeCategoryShare, "/funding/lines")}, rules: map[string]Outcome{"categoryShares.resources": Failed},
			verdict: ineligible, message: "Resources must be no more than 20% of the total: £1.00 of £1.00 is 100%"},
		{name: "no resources pass", changes: []change{del("/funding/lines/1")}, verdict: eligible},
		{name: "shares add up across resource lines", changes: []change{
			set("/funding/lines/-", map[string]any{"category": "resources", "amount": 1})},
			want: []seen{e(CodeCategoryShare, "/funding/lines")}, rules: map[string]Outcome{"categoryShares.resources": Failed},
			verdict: ineligible, message: "Resources must be no more than 20% of the total: £300.01 of £1,500.01 is 20.01%"},
		{name: "over the cap and over the share both fail", changes: []change{lines(170000, 50000)},
			want:    []seen{e(CodeCap, "/funding/lines"), e(CodeCategoryShare, "/funding/lines")},
			rules:   map[string]Outcome{"cap": Failed, "categoryShares.resources": Failed},
			verdict: ineligible},
	})
}

func TestApplicationsCloseOnMondayTenthJanuary2011(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "submitted on 10 January passes", changes: []change{set("/submittedOn", "2011-01-10")}, verdict: eligible},
		{name: "submitted long before passes", changes: []change{set("/submittedOn", "2010-10-01")}, verdict: eligible},
		{name: "submitted on 11 January fails", changes: []change{set("/submittedOn", "2011-01-11")},
			want: []seen{e(CodeDeadline, "/submittedOn")}, rules: map[string]Outcome{"deadline": Failed}, verdict: ineligible,
			message: "The date submitted must be on or before 10 January 2011, the closing date"},
		{name: "submitted a year later fails", changes: []change{set("/submittedOn", "2012-01-10")},
			want: []seen{e(CodeDeadline, "/submittedOn")}, rules: map[string]Outcome{"deadline": Failed}, verdict: ineligible},
		{name: "no date cannot be judged", changes: []change{del("/submittedOn")},
			want: []seen{e(CodeRequired, "/submittedOn")}, rules: map[string]Outcome{"deadline": NotJudged}, verdict: unjudged,
			message: "Enter the date the application is submitted"},
		{name: "no date is only a warning in a draft", changes: []change{del("/submittedOn")}, mode: Draft,
			want: []seen{w(CodeRequired, "/submittedOn")}, rules: map[string]Outcome{"deadline": NotJudged}, verdict: unjudged},
		{name: "a date that does not exist is a format error", changes: []change{set("/submittedOn", "2011-02-29")},
			want: []seen{e(CodeFormat, "/submittedOn")}, rules: map[string]Outcome{"deadline": NotJudged}, verdict: unjudged,
			message: "The date the application is submitted must be a real date, like 2011-01-10"},
	})
}

func TestFundedProgrammeLastsAtLeastTwelveWeeks(t *testing.T) {
	const start, end = "/plan/startDate", "/plan/endDate"
	runRuleCases(t, []ruleCase{
		{name: "84 days (1 Feb – 25 Apr 2011) pass", changes: []change{set(start, "2011-02-01"), set(end, "2011-04-25")}, verdict: eligible},
		{name: "83 days (1 Feb – 24 Apr 2011) fail", changes: []change{set(start, "2011-02-01"), set(end, "2011-04-24")},
			want: []seen{e(CodeDuration, end)}, rules: map[string]Outcome{"duration": Failed}, verdict: ineligible,
			message: "The programme must last at least 12 weeks: from the start date to the end date is 83 days, which is 11 whole weeks"},
		{name: "84 days without funding pass", changes: []change{set(start, "2011-02-01"), set(end, "2011-04-25"), del("/funding")},
			rules: unfunded(nil), verdict: eligible},
		{name: "83 days without funding are not applicable", changes: []change{set(start, "2011-02-01"), set(end, "2011-04-24"), del("/funding")},
			rules: unfunded(nil), verdict: eligible},
		{name: "one day without funding is not applicable", changes: []change{set(start, "2011-02-10"), set(end, "2011-02-10"),
			del("/plan/activities"), del("/funding")},
			rules: unfunded(nil), verdict: eligible},
		{name: "one day with funding fails", changes: []change{set(start, "2011-02-10"), set(end, "2011-02-10"), del("/plan/activities")},
			want: []seen{e(CodeDuration, end)}, rules: map[string]Outcome{"duration": Failed}, verdict: ineligible,
			message: "The programme must last at least 12 weeks: from the start date to the end date is 1 days, which is 0 whole weeks"},
		{name: "a leap year February counts its 29th", changes: []change{set(start, "2012-02-01"), set(end, "2012-04-24"),
			set("/plan/activities/0/date", "2012-02-10"), set("/plan/activities/1/date", "2012-03-17")},
			verdict: eligible},
	})
}

func TestProgrammeEndsOnOrAfterItStarts(t *testing.T) {
	const start, end = "/plan/startDate", "/plan/endDate"
	runRuleCases(t, []ruleCase{
		{name: "ending the day before it starts fails", changes: []change{set(start, "2011-02-01"), set(end, "2011-01-31"), del("/plan/activities")},
			want: []seen{e(CodeDates, end)}, rules: map[string]Outcome{"dates": Failed, "duration": NotJudged}, verdict: ineligible,
			message: "End date must be the same as or after the start date"},
		{name: "ending the day it starts passes without funding", changes: []change{set(start, "2011-02-01"), set(end, "2011-02-01"),
			del("/plan/activities"), del("/funding")},
			rules: unfunded(nil), verdict: eligible},
		{name: "ending before it starts fails without funding too", changes: []change{set(start, "2011-07-15"), set(end, "2011-02-01"),
			del("/plan/activities"), del("/funding")},
			want: []seen{e(CodeDates, end)}, rules: unfunded(map[string]Outcome{"dates": Failed}), verdict: ineligible},
		{name: "an activity before the start is a warning", changes: []change{set("/plan/activities/1/date", "2011-01-31")},
			want: []seen{w(CodeDates, "/plan/activities/1/date")}, verdict: eligible,
			message: "The date of activity 2 must be between the start date, 1 February 2011, and the end date, 15 July 2011"},
		{name: "an activity on the last day passes", changes: []change{set("/plan/activities/1/date", "2011-07-15")}, verdict: eligible},
		{name: "an activity the day after the end is a warning", changes: []change{set("/plan/activities/0/date", "2011-07-16")},
			want: []seen{w(CodeDates, "/plan/activities/0/date")}, verdict: eligible},
		{name: "a missing end date cannot be judged", changes: []change{del(end)},
			want: []seen{e(CodeRequired, end)}, rules: map[string]Outcome{"dates": NotJudged, "duration": NotJudged}, verdict: unjudged,
			message: "Enter the end date"},
		{name: "an impossible start date cannot be judged", changes: []change{set(start, "2011-04-31")},
			want: []seen{e(CodeFormat, start)}, rules: map[string]Outcome{"dates": NotJudged, "duration": NotJudged}, verdict: unjudged,
			message: "Start date must be a real date, like 2011-01-10"},
	})
}

func TestFundedNetworkAgreesToAllSixCommitments(t *testing.T) {
	messages := map[string]string{
		"practitionerResearch": "Confirm the network will engage in practitioner research or teacher enquiry into one of the themes",
		"minimumOneTerm":       "Confirm the network will run a programme of activity over at least one term",
		"structuredApproach":   "Confirm the network will use a structured approach to group activity",
		"submitReport":         "Confirm the network will submit a report of its activity",
		"attendDissemination":  "Confirm the network will send at least one member to a dissemination event",
		"shareOnline":          "Confirm the network will share its report and resources online",
	}
	// The commitments are one question (a set of checkboxes): one finding at
	// /plan/commitments, naming the boxes not ticked in Related.
	group := []seen{e(CodeCommitment, "/plan/commitments")}
	var cases []ruleCase
	for _, name := range freshScheme("stem-kn-2011").Rules.Commitments.Required {
		path := "/plan/commitments/" + name
		cases = append(cases,
			ruleCase{name: name + " unticked fails when funded", changes: []change{set(path, false)},
				want: group, rules: map[string]Outcome{"commitments": Failed}, verdict: ineligible,
				message: messages[name]},
			ruleCase{name: name + " left out fails when funded", changes: []change{del(path)},
				want: group, rules: map[string]Outcome{"commitments": Failed}, verdict: ineligible,
				message: messages[name]},
			ruleCase{name: name + " unticked is not applicable without funding", changes: []change{set(path, false), del("/funding")},
				rules: unfunded(nil), verdict: eligible},
		)
	}
	cases = append(cases,
		ruleCase{name: "none ticked gives one finding for the group", changes: []change{set("/plan/commitments", map[string]any{})},
			want: group, rules: map[string]Outcome{"commitments": Failed}, verdict: ineligible,
			message: "Confirm the network agrees to all 6 commitments"},
		ruleCase{name: "two unticked are counted", changes: []change{set("/plan/commitments/submitReport", false), del("/plan/commitments/shareOnline")},
			want: group, rules: map[string]Outcome{"commitments": Failed}, verdict: ineligible,
			message: "Confirm the network agrees to all 6 commitments: 2 are not selected"},
		ruleCase{name: "none ticked without funding passes", changes: []change{set("/plan/commitments", map[string]any{}), del("/funding")},
			rules: unfunded(nil), verdict: eligible},
		ruleCase{name: "a commitment given as text is a type error", changes: []change{set("/plan/commitments/submitReport", "yes")},
			want: []seen{e(CodeType, "/plan/commitments/submitReport")}, rules: map[string]Outcome{"commitments": NotJudged}, verdict: unjudged,
			message: "The commitment to submit a report must be true or false, not text"},
	)
	runRuleCases(t, cases)
}

func TestMembersSpanAtLeastTwoStemSubjects(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "two subjects pass", verdict: eligible},
		{name: "one subject fails", changes: []change{set("/network/members/1/subjects", []any{"mathematics"}),
			set("/network/members/2/subjects", []any{"mathematics"})},
			want: []seen{e(CodeSubjectSpread, "/network/members")}, rules: map[string]Outcome{"subjectSpread": Failed}, verdict: ineligible,
			message: "Add members from across STEM subjects: between them, members must teach at least 2 of science, technology, engineering and mathematics"},
		{name: "one subject fails without funding too", changes: []change{set("/network/members/0/subjects", []any{"science"}), del("/funding")},
			want:  []seen{e(CodeSubjectSpread, "/network/members"), w(CodeMathematics, "/network/members")},
			rules: unfunded(map[string]Outcome{"subjectSpread": Failed, "mathematics": Failed}), verdict: ineligible},
		{name: "no subjects at all fail", changes: []change{del("/network/members/0/subjects"), del("/network/members/1/subjects"),
			del("/network/members/2/subjects")},
			want:  []seen{e(CodeSubjectSpread, "/network/members"), w(CodeMathematics, "/network/members")},
			rules: map[string]Outcome{"subjectSpread": Failed, "mathematics": Failed}, verdict: ineligible},
		{name: "two subjects from one member pass", changes: []change{set("/network/members/0/subjects", []any{"mathematics", "engineering"}),
			set("/network/members/1/subjects", []any{"mathematics"}), set("/network/members/2/subjects", []any{})},
			verdict: eligible},
		{name: "all four pass", changes: []change{set("/network/members/2/subjects", []any{"technology", "engineering"})}, verdict: eligible},
		{name: "a subject outside STEM is an enum error", changes: []change{set("/network/members/1/subjects", []any{"history"})},
			want:  []seen{e(CodeEnum, "/network/members/1/subjects/0")},
			rules: map[string]Outcome{"subjectSpread": NotJudged, "mathematics": NotJudged}, verdict: unjudged},
		{name: "a repeated subject is a duplicate", changes: []change{set("/network/members/1/subjects", []any{"science", "science"})},
			want:  []seen{e(CodeDuplicate, "/network/members/1/subjects")},
			rules: map[string]Outcome{"subjectSpread": NotJudged, "mathematics": NotJudged}, verdict: unjudged,
			message: "Select each subject of member 2 only once"},
	})
}

func TestNetworkHasOneOfTheEightThemes(t *testing.T) {
	scheme, ok := testValidator.Catalogue().Scheme("stem-kn-2011")
	require.True(t, ok)
	require.Len(t, scheme.Themes, 8)
	var cases []ruleCase
	for _, theme := range scheme.Themes {
		cases = append(cases, ruleCase{name: theme.ID + " passes", changes: []change{set("/network/theme", theme.ID)}, verdict: eligible})
	}
	cases = append(cases,
		ruleCase{name: "a theme of another scheme fails", changes: []change{set("/network/theme", "local-underachievement")},
			want: []seen{e(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": Failed}, verdict: ineligible,
			message: "Select one of the scheme's themes for the network"},
		ruleCase{name: "a theme's title is not its id", changes: []change{set("/network/theme", "Maths-skills")},
			want: []seen{e(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": Failed}, verdict: ineligible},
		ruleCase{name: "no theme cannot be judged", changes: []change{del("/network/theme")},
			want: []seen{e(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": NotJudged}, verdict: unjudged,
			message: "Select the network's theme"},
		ruleCase{name: "an empty theme is no theme", changes: []change{set("/network/theme", "")},
			want: []seen{e(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": NotJudged}, verdict: unjudged},
		ruleCase{name: "no theme is a warning in a draft", changes: []change{del("/network/theme")}, mode: Draft,
			want: []seen{w(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": NotJudged}, verdict: unjudged},
		ruleCase{name: "a wrong theme is still an error in a draft", changes: []change{set("/network/theme", "cooking")}, mode: Draft,
			want: []seen{e(CodeTheme, "/network/theme")}, rules: map[string]Outcome{"theme": Failed}, verdict: ineligible},
	)
	runRuleCases(t, cases)
}

func TestNetworkStatesItsAreaOfInterestAndHowTeachersReflect(t *testing.T) {
	blanks := map[string]string{"empty": "", "spaces": "   ", "tabs and new lines": "\t\n\r ",
		"no-break and em spaces": "\u00a0\u2003\u3000", "byte order mark": "\ufeff"}
	var cases []ruleCase
	for name, text := range blanks {
		cases = append(cases,
			ruleCase{name: "area of interest " + name, changes: []change{set("/network/areaOfInterest", text)},
				want:  []seen{e(CodeAreaOfInterest, "/network/areaOfInterest")},
				rules: map[string]Outcome{"areaOfInterest": NotJudged}, verdict: unjudged,
				message: "Enter the network's specific area of interest"},
			ruleCase{name: "reflection " + name, changes: []change{set("/plan/reflection", text)},
				want:  []seen{e(CodeReflection, "/plan/reflection")},
				rules: map[string]Outcome{"reflection": NotJudged}, verdict: unjudged,
				message: "Enter how teachers will reflect on their professional practice"},
		)
	}
	cases = append(cases,
		ruleCase{name: "area of interest left out", changes: []change{del("/network/areaOfInterest")},
			want: []seen{e(CodeAreaOfInterest, "/network/areaOfInterest")}, rules: map[string]Outcome{"areaOfInterest": NotJudged}, verdict: unjudged},
		ruleCase{name: "reflection left out in a draft", changes: []change{del("/plan/reflection")}, mode: Draft,
			want: []seen{w(CodeReflection, "/plan/reflection")}, rules: map[string]Outcome{"reflection": NotJudged}, verdict: unjudged},
		ruleCase{name: "one character is enough", changes: []change{set("/network/areaOfInterest", " x "), set("/plan/reflection", "—")},
			verdict: eligible},
		ruleCase{name: "a zero-width space is not white space", changes: []change{set("/network/areaOfInterest", "\u200b")},
			verdict: eligible},
	)
	runRuleCases(t, cases)
}

// TestOnlyMaintainedSchoolsAndCollegesMayLeadAFundedNetwork walks every GIAS
// establishment type: as the lead of a funded network, LA-maintained schools
// and colleges pass and every other type fails; without funding every type
// may lead.
func TestOnlyMaintainedSchoolsAndCollegesMayLeadAFundedNetwork(t *testing.T) {
	const typePath = "/network/institutions/0/establishmentType"
	types := eligibility.EstablishmentTypes()
	require.Len(t, types, 46, "41 open types and the 5 legacy ones (9, 17, 22, 23, 98)")
	maintained := map[int]bool{1: true, 2: true, 3: true, 5: true, 7: true, 12: true, 14: true, 15: true, 18: true, 31: true}
	var cases []ruleCase
	passes := 0
	for _, ty := range types {
		kind := "school"
		if ty.Code == 18 || ty.Code == 31 {
			kind = "college"
		}
		changes := []change{set(typePath, ty.Slug), set("/network/institutions/0/kind", kind)}
		if maintained[ty.Code] {
			passes++
			cases = append(cases, ruleCase{name: ty.Slug + " may lead", changes: changes, verdict: eligible})
		} else {
			cases = append(cases, ruleCase{name: ty.Slug + " may not lead", changes: changes,
				want:  []seen{e(CodeInstitutionClass, typePath)},
				rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible,
				message: "Calder Community School cannot receive STEM Knowledge Networks funding: only maintained schools and colleges in England can"})
		}
		cases = append(cases, ruleCase{name: ty.Slug + " may lead without funding", changes: append(changes, del("/funding")),
			rules: unfunded(nil), verdict: eligible})
	}
	require.Equal(t, 10, passes, "8 LA-maintained types and 2 college types")
	cases = append(cases,
		ruleCase{name: "a type GIAS does not have is an enum error", changes: []change{set(typePath, "grammar-school")},
			want: []seen{e(CodeEnum, typePath)}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged},
		ruleCase{name: "an English lead with no type cannot be judged", changes: []change{del(typePath)},
			want: []seen{e(CodeInstitutionClass, typePath)}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged,
			message: "Select the type of establishment of Calder Community School"},
		ruleCase{name: "an English lead with no type is a warning in a draft", changes: []change{del(typePath)}, mode: Draft,
			want: []seen{w(CodeInstitutionClass, typePath)}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged},
		ruleCase{name: "a university may not lead a funded network", changes: []change{set("/network/institutions/0/kind", "university")},
			want: []seen{e(CodeInstitutionClass, "/network/institutions/0/kind")}, rules: map[string]Outcome{"fundedInstitutions": Failed},
			verdict: ineligible},
	)
	runRuleCases(t, cases)
}

func TestFundedLeadIsInEngland(t *testing.T) {
	const lead = "/network/institutions/0"
	var cases []ruleCase
	// In the UK the fact at fault is the nation (subdivision), not the
	// country: GB is right, GB-WLS is not England.
	for _, nation := range []string{"GB-SCT", "GB-WLS", "GB-NIR"} {
		cases = append(cases,
			ruleCase{name: nation + " fails", changes: []change{set(lead+"/subdivision", nation), del(lead + "/establishmentType")},
				want: []seen{e(CodePlace, lead+"/subdivision")}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible,
				message: "Calder Community School cannot receive STEM Knowledge Networks funding: only maintained schools and colleges in England can"},
			ruleCase{name: nation + " with a GIAS type fails", changes: []change{set(lead+"/subdivision", nation)},
				want: []seen{e(CodePlace, lead+"/subdivision")}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible},
			ruleCase{name: nation + " state-funded fails", changes: []change{set(lead+"/subdivision", nation), set(lead+"/stateFunded", true)},
				want: []seen{e(CodePlace, lead+"/subdivision")}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible},
			ruleCase{name: nation + " may lead without funding", changes: []change{set(lead+"/subdivision", nation), del("/funding")},
				rules: unfunded(nil), verdict: eligible},
		)
	}
	cases = append(cases,
		ruleCase{name: "abroad fails", changes: []change{set(lead+"/country", "FR"), del(lead + "/subdivision"), del(lead + "/establishmentType"),
			del(lead + "/urn"), del(lead + "/region"), set(lead+"/stateFunded", true)},
			want: []seen{e(CodePlace, lead+"/country")}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible},
		ruleCase{name: "the UK with no nation cannot be judged", changes: []change{del(lead + "/subdivision")},
			want: []seen{e(CodePlace, lead+"/subdivision")}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged,
			message: "Select which part of the UK Calder Community School is in"},
		ruleCase{name: "a country code that does not exist is an enum error", changes: []change{set(lead+"/country", "UK")},
			want: []seen{e(CodeEnum, lead+"/country")}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged},
		ruleCase{name: "an academy member in Wales is fine", changes: []change{set("/network/institutions/1/subdivision", "GB-WLS")}, verdict: eligible},
	)
	runRuleCases(t, cases)
}

func TestAcademyMayJoinButNotReceiveMoney(t *testing.T) {
	const academy = "/network/institutions/1/establishmentType"
	runRuleCases(t, []ruleCase{
		{name: "an academy member without money passes", verdict: eligible},
		{name: "an academy receiving a line fails", changes: []change{set("/funding/lines/1/institution", "hva")},
			want: []seen{e(CodeInstitutionClass, academy)}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible,
			message: "Hebden Valley Academy cannot receive STEM Knowledge Networks funding: only maintained schools and colleges in England can"},
		{name: "an independent school receiving a line fails", changes: []change{set(academy, "other-independent-school"),
			set("/funding/lines/0/institution", "hva")},
			want: []seen{e(CodeInstitutionClass, academy)}, rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible},
		{name: "a maintained member receiving a line passes", changes: []change{set(academy, "voluntary-aided-school"),
			set("/funding/lines/1/institution", "hva")}, verdict: eligible},
		{name: "the lead named on a line is judged once", changes: []change{set("/funding/lines/1/institution", "ccs"),
			set("/network/institutions/0/establishmentType", "free-schools")},
			want: []seen{e(CodeInstitutionClass, "/network/institutions/0/establishmentType")}, rules: map[string]Outcome{"fundedInstitutions": Failed},
			verdict: ineligible},
		{name: "an academy lead and an academy receiving money both fail", changes: []change{set("/funding/lines/1/institution", "hva"),
			set("/network/institutions/0/establishmentType", "academy-sponsor-led")},
			want:  []seen{e(CodeInstitutionClass, "/network/institutions/0/establishmentType"), e(CodeInstitutionClass, academy)},
			rules: map[string]Outcome{"fundedInstitutions": Failed}, verdict: ineligible},
		{name: "an independent member without money passes", changes: []change{set(academy, "other-independent-school")}, verdict: eligible},
	})
}

func TestInstitutionReferencesMustExist(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "an unknown lead", changes: []change{set("/network/lead", "nope")},
			want: []seen{e(CodeUnknownInstitution, "/network/lead")}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged,
			message: `Select the lead institution from the network's institutions: there is no institution with the ID "nope"`},
		// A rule whose input is broken is not judged, even one that would
		// not apply: the document must be mended before it can be judged.
		{name: "an unknown lead without funding", changes: []change{set("/network/lead", "nope"), del("/funding")},
			want:  []seen{e(CodeUnknownInstitution, "/network/lead")},
			rules: unfunded(map[string]Outcome{"fundedInstitutions": NotJudged}), verdict: unjudged},
		{name: "an unknown member institution", changes: []change{set("/network/members/2/institution", "Hva")},
			want:    []seen{e(CodeUnknownInstitution, "/network/members/2/institution")},
			verdict: eligible, // no rule of the scheme reads a member's institution
			message: `Select the institution of member 3 from the network's institutions: there is no institution with the ID "Hva"`},
		{name: "an unknown line institution", changes: []change{set("/funding/lines/1/institution", "xyz")},
			want:  []seen{e(CodeUnknownInstitution, "/funding/lines/1/institution")},
			rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged,
			message: `Select the institution that receives budget line 2 from the network's institutions: there is no institution with the ID "xyz"`},
		{name: "all three at once, in document order", changes: []change{set("/network/lead", "a"), set("/network/members/0/institution", "b"),
			set("/funding/lines/0/institution", "c")},
			want: []seen{e(CodeUnknownInstitution, "/network/lead"), e(CodeUnknownInstitution, "/network/members/0/institution"),
				e(CodeUnknownInstitution, "/funding/lines/0/institution")},
			rules:   map[string]Outcome{"fundedInstitutions": NotJudged},
			verdict: unjudged},
	})
}

func TestInstitutionIDsAreUnique(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "a repeated id", changes: []change{set("/network/institutions/1/id", "ccs"), set("/network/members/2/institution", "ccs")},
			want: []seen{e(CodeDuplicate, "/network/institutions/1/id")}, rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged,
			message: `Give institution 2 a different ID: "ccs" is already used`},
		{name: "ids differing only in case are different", changes: []change{set("/network/institutions/1/id", "CCS"),
			set("/network/members/2/institution", "CCS")}, verdict: eligible},
		{name: "each repeat is reported once", changes: []change{
			set("/network/institutions/1/id", "ccs"), set("/network/members/2/institution", "ccs"),
			set("/network/institutions/-", map[string]any{"id": "ccs", "name": "Third", "kind": "other", "country": "FR"})},
			want:  []seen{e(CodeDuplicate, "/network/institutions/1/id"), e(CodeDuplicate, "/network/institutions/2/id")},
			rules: map[string]Outcome{"fundedInstitutions": NotJudged}, verdict: unjudged},
	})
}

func TestNoMathematicsTeacherIsOnlyAdvice(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "a mathematics teacher", verdict: eligible},
		{name: "no mathematics teacher", changes: []change{set("/network/members/0/subjects", []any{"technology"})},
			want: []seen{w(CodeMathematics, "/network/members")}, rules: map[string]Outcome{"mathematics": Failed}, verdict: eligible,
			message: "Think about inviting a teacher of mathematics: the NCETM is keen for teachers of mathematics to form STEM Knowledge Networks"},
		{name: "no mathematics teacher without funding", changes: []change{set("/network/members/0/subjects", []any{"technology"}), del("/funding")},
			want: []seen{w(CodeMathematics, "/network/members")}, rules: unfunded(map[string]Outcome{"mathematics": Failed}), verdict: eligible},
	})
	res := validate(t, loadDoc(t, validFixture).with(t, set("/network/members/0/subjects", []any{"technology"})).bytes(t), Options{})
	require.True(t, res.Valid)
	for _, r := range res.Rules {
		require.Equal(t, r.Rule == "mathematics", r.Advice, "only the mathematics rule is advice")
	}
}

func TestFundingNeedsBudgetLines(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "an empty list of lines", changes: []change{set("/funding/lines", []any{})},
			want: []seen{e(CodeEmpty, "/funding/lines")}, rules: map[string]Outcome{"budgetLines": NotJudged}, verdict: unjudged,
			message: "Add at least one budget line, or remove the request for funding"},
		{name: "no lines", changes: []change{del("/funding/lines")},
			want: []seen{e(CodeEmpty, "/funding/lines")}, rules: map[string]Outcome{"budgetLines": NotJudged}, verdict: unjudged},
		{name: "no lines in a draft", changes: []change{del("/funding/lines")}, mode: Draft,
			want: []seen{w(CodeEmpty, "/funding/lines")}, rules: map[string]Outcome{"budgetLines": NotJudged}, verdict: unjudged},
		{name: "one line of a penny", changes: []change{set("/funding/lines", []any{map[string]any{"category": "venue", "amount": 1}})},
			verdict: eligible},
		{name: "a line of nothing", changes: []change{set("/funding/lines/0/amount", 0)},
			want: []seen{e(CodeRequired, "/funding/lines/0/amount")}, verdict: unjudged,
			rules: map[string]Outcome{"cap": NotJudged, "categoryShares.resources": NotJudged, "budgetLines": NotJudged}},
		{name: "a category the scheme does not fund", changes: []change{set("/funding/lines/0/category", "equipment")},
			want: []seen{e(CodeCategory, "/funding/lines/0/category")}, rules: map[string]Outcome{"categories": Failed}, verdict: ineligible,
			message: "Select a spend category the scheme funds for budget line 1"},
	})
}

func TestFundingIsInPounds(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "euros fail", changes: []change{set("/funding/currency", "EUR")},
			want: []seen{e(CodeCurrency, "/funding/currency")}, rules: map[string]Outcome{"currency": Failed}, verdict: ineligible,
			message: "Select GBP as the currency: the scheme pays in GBP"},
		{name: "a currency stemkn does not know is an enum error", changes: []change{set("/funding/currency", "USD")},
			want: []seen{e(CodeEnum, "/funding/currency")}, verdict: unjudged,
			rules: map[string]Outcome{"currency": NotJudged, "budgetLines": NotJudged}},
		{name: "lower case is not the code", changes: []change{set("/funding/currency", "gbp")},
			want: []seen{e(CodeEnum, "/funding/currency")}, verdict: unjudged,
			rules: map[string]Outcome{"currency": NotJudged, "budgetLines": NotJudged}},
		{name: "no currency", changes: []change{del("/funding/currency")},
			want: []seen{e(CodeRequired, "/funding/currency")}, verdict: unjudged,
			rules:   map[string]Outcome{"currency": NotJudged, "budgetLines": NotJudged},
			message: "Select the currency"},
	})
}

// TestMistakesElsewhereLeaveEligibilityJudged: a rule is not judged only when
// something it reads is wrong, so a mistyped email address or an over-long
// description does not hide whether the network is eligible.
func TestMistakesElsewhereLeaveEligibilityJudged(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "a member's email address", changes: []change{set("/network/members/1/email", "tom at calder")},
			want: []seen{e(CodeFormat, "/network/members/1/email")}, verdict: eligible,
			message: "Enter the email address of member 2 in the correct format, like name@example.com"},
		{name: "an institution's URN", changes: []change{set("/network/institutions/0/urn", "10755")},
			want: []seen{e(CodeFormat, "/network/institutions/0/urn")}, verdict: eligible,
			message: "The URN of institution 1 must be 6 digits"},
		{name: "a partner's contribution", changes: []change{set("/network/partners/0/contribution", strings.Repeat("x", 1001))},
			want: []seen{e(CodeMaxLength, "/network/partners/0/contribution")}, verdict: eligible},
		{name: "a member's role", changes: []change{set("/network/members/0/role", "boss")},
			want: []seen{e(CodeEnum, "/network/members/0/role")}, verdict: eligible,
			message: "Select the role of member 1 from the list"},
		{name: "but not a member's subjects", changes: []change{set("/network/members/0/subjects", []any{"maths"})},
			want:  []seen{e(CodeEnum, "/network/members/0/subjects/0")},
			rules: map[string]Outcome{"subjectSpread": NotJudged, "mathematics": NotJudged}, verdict: unjudged},
		{name: "but not the lead's type", changes: []change{set("/network/institutions/0/establishmentType", "Community school")},
			want: []seen{e(CodeEnum, "/network/institutions/0/establishmentType")}, rules: map[string]Outcome{"fundedInstitutions": NotJudged},
			verdict: unjudged},
		{name: "but not a line's amount", changes: []change{set("/funding/lines/0/amount", 0)},
			want:  []seen{e(CodeRequired, "/funding/lines/0/amount")},
			rules: map[string]Outcome{"budgetLines": NotJudged, "cap": NotJudged, "categoryShares.resources": NotJudged}, verdict: unjudged},
	})
}

// TestDraftLeavesRulesOnMissingValuesUnjudged: in a draft a missing value is
// a warning, and the rules that need it wait for it rather than failing.
func TestDraftLeavesRulesOnMissingValuesUnjudged(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{name: "no currency", changes: []change{del("/funding/currency")}, mode: Draft,
			want: []seen{w(CodeRequired, "/funding/currency")}, verdict: unjudged,
			rules: map[string]Outcome{"currency": NotJudged, "budgetLines": NotJudged}},
		{name: "no spend category", changes: []change{del("/funding/lines/0/category")}, mode: Draft,
			want: []seen{w(CodeRequired, "/funding/lines/0/category")}, verdict: unjudged,
			rules: map[string]Outcome{"categories": NotJudged, "categoryShares.resources": NotJudged, "budgetLines": NotJudged}},
		{name: "no amount", changes: []change{del("/funding/lines/1/amount")}, mode: Draft,
			want: []seen{w(CodeRequired, "/funding/lines/1/amount")}, verdict: unjudged,
			rules: map[string]Outcome{"cap": NotJudged, "categoryShares.resources": NotJudged, "budgetLines": NotJudged}},
		{name: "no kind of institution", changes: []change{del("/network/institutions/0/kind")}, mode: Draft,
			want: []seen{w(CodeRequired, "/network/institutions/0/kind")}, verdict: unjudged,
			rules: map[string]Outcome{"fundedInstitutions": NotJudged}},
		{name: "no country", changes: []change{del("/network/institutions/0/country")}, mode: Draft,
			want: []seen{w(CodeRequired, "/network/institutions/0/country")}, verdict: unjudged,
			rules: map[string]Outcome{"fundedInstitutions": NotJudged}},
		{name: "no member's institution", changes: []change{del("/network/members/0/institution")}, mode: Draft,
			want: []seen{w(CodeRequired, "/network/members/0/institution")}, verdict: eligible},
		{name: "no institution id", changes: []change{del("/network/institutions/0/id")}, mode: Draft,
			want: []seen{w(CodeRequired, "/network/institutions/0/id")}, verdict: unjudged,
			rules: map[string]Outcome{"fundedInstitutions": NotJudged}},
		{name: "no institution id when submitting", changes: []change{del("/network/institutions/0/id")},
			want: []seen{e(CodeRequired, "/network/institutions/0/id")}, verdict: unjudged,
			rules:   map[string]Outcome{"fundedInstitutions": NotJudged},
			message: "Enter the ID of institution 1"},
	})
}
