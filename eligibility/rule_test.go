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

func TestInstitutionRuleAdmits(t *testing.T) {
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
		{"no classes admit nobody in England", eligibility.InstitutionRule{}, eligibility.Institution{Place: england, EstablishmentType: "community-school"}, eligibility.NotAdmitted},

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
			require.Equal(t, tt.want, tt.rule.Admits(tt.inst))
		})
	}
}

func TestVerdictNames(t *testing.T) {
	require.Equal(t, "unknown", eligibility.Unknown.String())
	require.Equal(t, "admitted", eligibility.Admitted.String())
	require.Equal(t, "not-admitted", eligibility.NotAdmitted.String())
	require.Equal(t, eligibility.Verdict(0), eligibility.Unknown, "the zero Verdict is Unknown")
}
