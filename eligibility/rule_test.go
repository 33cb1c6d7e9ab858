package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

var (
	england  = eligibility.Place{Country: "GB", Subdivision: "GB-ENG"}
	wales    = eligibility.Place{Country: "GB", Subdivision: "GB-WLS"}
	scotland = eligibility.Place{Country: "GB", Subdivision: "GB-SCT"}
	germany  = eligibility.Place{Country: "DE"}
	ukOnly   = eligibility.Place{Country: "GB"}

	yes, no = true, false

	// "maintained schools and colleges in England" (seed 000)
	maintainedInEngland = eligibility.InstitutionRule{Classes: eligibility.MaintainedClasses, EnglandOnly: true}
	// "state funded primary and secondary schools and FE colleges" (seed 004)
	stateFunded = eligibility.InstitutionRule{Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true}
	// state-funded English types, nothing said about elsewhere
	stateFundedEnglishTypes = eligibility.InstitutionRule{Classes: eligibility.StateFundedClasses}
)

func TestInstitutionRuleJudgesEachInstitution(t *testing.T) {
	tests := []struct {
		name string
		rule eligibility.InstitutionRule
		inst eligibility.Institution
		want eligibility.Verdict
	}{
		// Country or UK nation not stated.
		{"country not stated", maintainedInEngland, eligibility.Institution{EstablishmentType: "community-school"}, eligibility.Unknown},
		{"UK nation not stated", maintainedInEngland, eligibility.Institution{Place: ukOnly, EstablishmentType: "community-school"}, eligibility.Unknown},
		{"UK nation not stated, state-funded rule", stateFunded, eligibility.Institution{Place: ukOnly, StateFunded: &yes}, eligibility.Unknown},

		// In England: by GIAS type.
		{"maintained school in England", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "community-school"}, eligibility.Admitted},
		{"FE college in England", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "further-education"}, eligibility.Admitted},
		{"academy is not maintained", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "academy-converter"}, eligibility.NotAdmitted},
		{"CTC is not maintained", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "city-technology-college"}, eligibility.NotAdmitted},
		{"independent is not maintained", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "other-independent-school"}, eligibility.NotAdmitted},
		{"type not stated in England", maintainedInEngland, eligibility.Institution{Place: england}, eligibility.Unknown},
		{"unrecognised type in England", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "grammar-school"}, eligibility.NotAdmitted},
		{"StateFunded ignored in England", maintainedInEngland, eligibility.Institution{Place: england, EstablishmentType: "academy-converter", StateFunded: &yes}, eligibility.NotAdmitted},
		{"academy is state-funded", stateFunded, eligibility.Institution{Place: england, EstablishmentType: "academy-converter"}, eligibility.Admitted},
		{"CTC is state-funded", stateFunded, eligibility.Institution{Place: england, EstablishmentType: "city-technology-college"}, eligibility.Admitted},
		{"independent is not state-funded", stateFunded, eligibility.Institution{Place: england, EstablishmentType: "other-independent-school"}, eligibility.NotAdmitted},
		{"non-maintained special is not state-funded", stateFunded, eligibility.Institution{Place: england, EstablishmentType: "non-maintained-special-school"}, eligibility.NotAdmitted},
		{"type not stated, state-funded rule", stateFunded, eligibility.Institution{Place: england, StateFunded: &yes}, eligibility.Unknown},
		{"a rule with no conditions admits anyone", eligibility.InstitutionRule{}, eligibility.Institution{Place: england, EstablishmentType: "community-school"}, eligibility.Admitted},

		// Outside England, England only.
		{"Welsh school, England only", maintainedInEngland, eligibility.Institution{Place: wales, StateFunded: &yes}, eligibility.NotAdmitted},
		{"German school, England only", maintainedInEngland, eligibility.Institution{Place: germany, StateFunded: &yes}, eligibility.NotAdmitted},
		{"England only beats state-funded", eligibility.InstitutionRule{Classes: eligibility.StateFundedClasses, EnglandOnly: true, StateFundedOutsideEngland: true},
			eligibility.Institution{Place: scotland, StateFunded: &yes}, eligibility.NotAdmitted},

		// Outside England, admitted when state-funded.
		{"state-funded Scottish school", stateFunded, eligibility.Institution{Place: scotland, StateFunded: &yes}, eligibility.Admitted},
		{"state-funded German school", stateFunded, eligibility.Institution{Place: germany, StateFunded: &yes}, eligibility.Admitted},
		{"private Welsh school", stateFunded, eligibility.Institution{Place: wales, StateFunded: &no}, eligibility.NotAdmitted},
		{"funding not stated outside England", stateFunded, eligibility.Institution{Place: wales}, eligibility.Unknown},
		{"GIAS type ignored outside England", stateFunded, eligibility.Institution{Place: wales, EstablishmentType: "community-school", StateFunded: &no}, eligibility.NotAdmitted},

		// Outside England, the rule admits no one there.
		{"state-funded Welsh school, English types only", stateFundedEnglishTypes, eligibility.Institution{Place: wales, StateFunded: &yes}, eligibility.NotAdmitted},
		{"funding not stated, English types only", stateFundedEnglishTypes, eligibility.Institution{Place: germany}, eligibility.NotAdmitted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.rule.Judge(tt.inst).Verdict)
		})
	}
}

func TestVerdictNames(t *testing.T) {
	require.Equal(t, "unknown", eligibility.Unknown.String())
	require.Equal(t, "admitted", eligibility.Admitted.String())
	require.Equal(t, "not-admitted", eligibility.NotAdmitted.String())
	require.Equal(t, eligibility.Verdict(0), eligibility.Unknown, "the zero Verdict is Unknown")
}

// A verdict that is not Admitted names the fact it turns on: the one a form
// asks for, or the one at fault.
func TestJudgementsNameTheFactTheyTurnOn(t *testing.T) {
	schoolsAndColleges := []string{"school", "college"}
	maintained := eligibility.InstitutionRule{Kinds: schoolsAndColleges, Classes: eligibility.MaintainedClasses, EnglandOnly: true}
	state := eligibility.InstitutionRule{Kinds: schoolsAndColleges, Classes: eligibility.StateFundedClasses, StateFundedOutsideEngland: true}
	coordinator := eligibility.InstitutionRule{Countries: eligibility.ProgrammeCountries2016()}
	primary := eligibility.InstitutionRule{Kinds: []string{"school"}, PhaseGroups: []string{eligibility.PrimaryGroup}}
	statePrimary := state
	statePrimary.PhaseGroups = []string{eligibility.PrimaryGroup}
	us := eligibility.Place{Country: "US"}
	tests := []struct {
		name string
		rule eligibility.InstitutionRule
		inst eligibility.Institution
		want eligibility.Judgement
	}{
		{"a school in England", maintained, eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "community-school"},
			eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"an employer is not a school or college", maintained, eligibility.Institution{Kind: "employer", Place: england, EstablishmentType: "community-school"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Kind}},
		{"an independent school whose kind is other", state, eligibility.Institution{Kind: "other", Place: england, EstablishmentType: "other-independent-school"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Kind}},
		{"an independent school", state, eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "other-independent-school"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Type}},
		{"a funded school in Wales turns on its nation", maintained, eligibility.Institution{Kind: "school", Place: wales, StateFunded: &yes},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Nation}},
		{"a funded school in Germany turns on its country", maintained, eligibility.Institution{Kind: "school", Place: germany, StateFunded: &yes},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Country}},
		{"the UK nation not stated", maintained, eligibility.Institution{Kind: "school", Place: ukOnly},
			eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Nation}},
		{"the type not stated", maintained, eligibility.Institution{Kind: "school", Place: england},
			eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Type}},
		{"state funding not stated in Scotland", state, eligibility.Institution{Kind: "school", Place: scotland},
			eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.StateFunded}},
		{"not state-funded in Scotland", state, eligibility.Institution{Kind: "school", Place: scotland, StateFunded: &no},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.StateFunded}},
		{"a coordinator in a Programme Country", coordinator, eligibility.Institution{Kind: "pd-centre", Place: germany}, eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"a coordinator in the UK in 2016, its nation not stated", coordinator, eligibility.Institution{Kind: "university", Place: ukOnly},
			eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"a coordinator in a Partner Country", coordinator, eligibility.Institution{Kind: "university", Place: us},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Country}},
		{"a coordinator whose country is not stated", coordinator, eligibility.Institution{Kind: "university"},
			eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Country}},
		{"a primary school", primary, eligibility.Institution{Kind: "school", Place: england, Phase: "primary"}, eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"a middle school deemed primary", primary, eligibility.Institution{Kind: "school", Place: england, Phase: "middle-deemed-primary"},
			eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"a secondary school is not a primary school", primary, eligibility.Institution{Kind: "school", Place: england, Phase: "secondary"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Phase}},
		{"a middle school deemed secondary", primary, eligibility.Institution{Kind: "school", Place: england, Phase: "middle-deemed-secondary"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Phase}},
		{"a phase that is not a GIAS phase", primary, eligibility.Institution{Kind: "school", Place: england, Phase: "infant"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Phase}},
		{"the phase not stated", primary, eligibility.Institution{Kind: "school", Place: england},
			eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Phase}},
		{"the kind is judged before the phase", primary, eligibility.Institution{Kind: "employer", Place: england, Phase: "primary"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Kind}},
		{"a state-funded primary school", statePrimary, eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "community-school", Phase: "primary"},
			eligibility.Judgement{Verdict: eligibility.Admitted}},
		{"the type is judged before the phase", statePrimary, eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "other-independent-school", Phase: "secondary"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Type}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.rule.Judge(tt.inst))
		})
	}
}

// "Primary schools across the Hemel Hempstead area" (BreakingYourLocalNews,
// 24 September 2022: seed 003) admits the GIAS phase primary and no other,
// where the primary phase group also admits nursery schools and middle
// schools deemed primary; a rule naming both phases and groups admits a
// phase either admits.
func TestInstitutionRuleAdmitsExactPhases(t *testing.T) {
	primaryPhase := eligibility.InstitutionRule{Kinds: []string{"school"}, Phases: []string{"primary"}}
	primaryGroup := eligibility.InstitutionRule{Kinds: []string{"school"}, PhaseGroups: []string{eligibility.PrimaryGroup}}
	primaryOrSixthForm := eligibility.InstitutionRule{Phases: []string{"primary", "16-plus"}}
	secondaryGroupOrNursery := eligibility.InstitutionRule{Phases: []string{"nursery"}, PhaseGroups: []string{eligibility.SecondaryGroup}}
	statePrimary := eligibility.InstitutionRule{Kinds: []string{"school"}, Classes: eligibility.StateFundedClasses, Phases: []string{"primary"}}
	school := func(phase string) eligibility.Institution {
		return eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "community-school", Phase: phase}
	}
	admitted := eligibility.Judgement{Verdict: eligibility.Admitted}
	notPhase := eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Phase}
	tests := []struct {
		name string
		rule eligibility.InstitutionRule
		inst eligibility.Institution
		want eligibility.Judgement
	}{
		{"a primary school, by phase", primaryPhase, school("primary"), admitted},
		{"a nursery school is not a primary school", primaryPhase, school("nursery"), notPhase},
		{"a middle school deemed primary is not a primary school", primaryPhase, school("middle-deemed-primary"), notPhase},
		{"a secondary school, by phase", primaryPhase, school("secondary"), notPhase},
		{"a phase that is not a GIAS phase", primaryPhase, school("Primary"), notPhase},
		{"the phase not stated", primaryPhase, school(""), eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Phase}},
		{"the kind is judged before the phase", primaryPhase, eligibility.Institution{Kind: "employer", Place: england, Phase: "primary"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Kind}},
		{"the type is judged before the phase", statePrimary, eligibility.Institution{Kind: "school", Place: england, EstablishmentType: "other-independent-school", Phase: "nursery"},
			eligibility.Judgement{Verdict: eligibility.NotAdmitted, Fact: eligibility.Type}},
		{"a state-funded primary school", statePrimary, school("primary"), admitted},
		{"a nursery school, by group", primaryGroup, school("nursery"), admitted},
		{"a middle school deemed primary, by group", primaryGroup, school("middle-deemed-primary"), admitted},
		{"one of several phases", primaryOrSixthForm, school("16-plus"), admitted},
		{"another of several phases", primaryOrSixthForm, school("primary"), admitted},
		{"none of several phases", primaryOrSixthForm, school("all-through"), notPhase},
		{"both: a phase of the phases", secondaryGroupOrNursery, school("nursery"), admitted},
		{"both: a phase of the groups", secondaryGroupOrNursery, school("all-through"), admitted},
		{"both: a phase of neither", secondaryGroupOrNursery, school("primary"), notPhase},
		{"both: the phase not stated", secondaryGroupOrNursery, school(""), eligibility.Judgement{Verdict: eligibility.Unknown, Fact: eligibility.Phase}},
		{"no phases and no groups: the phase is not judged", eligibility.InstitutionRule{Kinds: []string{"school"}}, school(""), admitted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.rule.Judge(tt.inst))
		})
	}
}

func TestIsPhaseKnowsTheGIASPhasesOnly(t *testing.T) {
	for _, p := range eligibility.Phases() {
		require.True(t, eligibility.IsPhase(p), p)
	}
	for _, p := range []string{"", "Primary", "infant", "middle", "primary ", eligibility.SecondaryGroup + "s", eligibility.OtherGroup} {
		require.False(t, eligibility.IsPhase(p), p)
	}
}

// "at least four other schools" counts schools besides the lead: four pass,
// three fail, and neither the lead nor a college counts.
func TestPartnershipSizeCountsTheKindsItNames(t *testing.T) {
	four := eligibility.PartnershipSize{Min: 4, Kinds: []string{"school"}, OtherThanLead: true}
	tests := []struct {
		name  string
		kinds []string
		lead  int
		want  int
	}{
		{"the lead and four schools", []string{"school", "school", "school", "school", "school"}, 0, 4},
		{"the lead and three schools", []string{"school", "school", "school", "school"}, 0, 3},
		{"a college lead and four schools", []string{"college", "school", "school", "school", "school"}, 0, 4},
		{"an employer does not count", []string{"school", "school", "school", "school", "employer"}, 0, 3},
		{"a college partner does not count", []string{"school", "school", "school", "school", "college"}, 0, 3},
		{"no lead found: every school counts", []string{"school", "school"}, -1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, four.Count(len(tt.kinds), func(i int) string { return tt.kinds[i] }, tt.lead))
		})
	}
	every := eligibility.PartnershipSize{Min: 3}
	require.Equal(t, 3, every.Count(3, func(int) string { return "employer" }, 0), "with no kinds every institution counts, the lead too")
}

func TestUnagreedListsTheCommitmentsNotAgreed(t *testing.T) {
	agreed := map[string]bool{"submitReport": true}
	got := eligibility.Unagreed([]string{"practitionerResearch", "submitReport", "shareOnline"}, func(n string) bool { return agreed[n] })
	require.Equal(t, []string{"practitionerResearch", "shareOnline"}, got)
	require.Nil(t, eligibility.Unagreed([]string{"submitReport"}, func(n string) bool { return agreed[n] }))
}

// AdmitsPhase is the test Judge applies to a stated phase: a rule that names no phase and no
// group admits every phase, however odd.
func TestAdmitsPhase(t *testing.T) {
	byPhase := eligibility.InstitutionRule{Phases: []string{"primary"}}
	byGroup := eligibility.InstitutionRule{PhaseGroups: []string{eligibility.SecondaryGroup}}
	none := eligibility.InstitutionRule{}
	for _, p := range append(eligibility.Phases(), "Primary", "") {
		require.Equal(t, p == "primary", byPhase.AdmitsPhase(p), p)
		require.Equal(t, eligibility.PhaseGroup(p) == eligibility.SecondaryGroup, byGroup.AdmitsPhase(p), p)
		require.True(t, none.AdmitsPhase(p), p)
	}
}
