package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

func TestSubjectsAreTheFourSTEMSubjects(t *testing.T) {
	require.Equal(t, []string{"science", "technology", "engineering", "mathematics"}, eligibility.Subjects())
	for _, s := range eligibility.Subjects() {
		require.True(t, eligibility.IsSubject(s))
	}
	for _, s := range []string{"", "maths", "Science", "art", "stem"} {
		require.False(t, eligibility.IsSubject(s), s)
	}
}

func TestSubjectSpreadCountsDistinctSubjectsAcrossMembers(t *testing.T) {
	tests := []struct {
		name    string
		members [][]string
		want    int
	}{
		{"no members", nil, 0},
		{"members with no subjects", [][]string{{}, nil}, 0},
		{"one subject", [][]string{{"mathematics"}}, 1},
		{"same subject twice is one", [][]string{{"mathematics"}, {"mathematics"}}, 1},
		{"two members two subjects", [][]string{{"mathematics"}, {"science"}}, 2},
		{"one member two subjects", [][]string{{"mathematics", "science"}}, 2},
		{"all four", [][]string{{"science", "technology"}, {"engineering"}, {"mathematics", "science"}}, 4},
		{"unknown strings ignored", [][]string{{"maths", "art", ""}, {"Science"}}, 0},
		{"unknown beside known", [][]string{{"maths"}, {"science"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, eligibility.SubjectSpread(tt.members))
		})
	}
}

func TestSubjectSpreadDoesNotAllocate(t *testing.T) {
	members := [][]string{{"science", "technology"}, {"mathematics"}}
	require.Zero(t, testing.AllocsPerRun(100, func() { eligibility.SubjectSpread(members) }))
}

func TestPhaseGroupsForProgrammeStatistics(t *testing.T) {
	tests := map[string]string{
		"nursery":                 "primary",
		"primary":                 "primary",
		"middle-deemed-primary":   "primary",
		"secondary":               "secondary",
		"middle-deemed-secondary": "secondary",
		"all-through":             "secondary",
		"16-plus":                 "secondary",
		"not-applicable":          "other",
		"":                        "other",
		"Primary":                 "other",
		"sixth-form":              "other",
	}
	for phase, want := range tests {
		require.Equal(t, want, eligibility.PhaseGroup(phase), phase)
	}
}

func TestPhasesAreTheGIASPhases(t *testing.T) {
	require.Equal(t, []string{"nursery", "primary", "middle-deemed-primary", "secondary",
		"middle-deemed-secondary", "16-plus", "all-through", "not-applicable"}, eligibility.Phases())
	for _, p := range eligibility.Phases() {
		require.True(t, eligibility.IsPhase(p))
	}
	for _, p := range []string{"", "Primary", "16plus", "all through", "other"} {
		require.False(t, eligibility.IsPhase(p), p)
	}
}
