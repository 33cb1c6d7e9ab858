package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

func TestSubjectsAreTheFourSTEMSubjects(t *testing.T) {
	require.Equal(t, []string{"science", "technology", "engineering", "mathematics"}, eligibility.Subjects())
	for _, s := range eligibility.Subjects() {
		var set eligibility.SubjectSet
		set.Add([]string{s})
		require.True(t, set.Has(s))
		require.Equal(t, 1, set.Count())
	}
	for _, s := range []string{"", "maths", "Science", "art", "stem"} {
		var set eligibility.SubjectSet
		set.Add([]string{s})
		require.False(t, set.Has(s), s)
		require.Zero(t, set.Count(), s)
	}
}

func TestSubjectSetCountsDistinctSubjectsAcrossMembers(t *testing.T) {
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
			var set eligibility.SubjectSet
			for _, m := range tt.members {
				set.Add(m)
			}
			require.Equal(t, tt.want, set.Count())
		})
	}
}

func TestSubjectSetDoesNotAllocate(t *testing.T) {
	members := [][]string{{"science", "technology"}, {"mathematics"}}
	require.Zero(t, testing.AllocsPerRun(100, func() {
		var set eligibility.SubjectSet
		for _, m := range members {
			set.Add(m)
		}
		_ = set.Has("mathematics")
	}))
}

func TestSubjectSetSaysWhetherAMemberTeachesMathematics(t *testing.T) {
	var set eligibility.SubjectSet
	set.Add([]string{"science"})
	require.False(t, set.Has("mathematics"))
	set.Add([]string{"mathematics"})
	require.True(t, set.Has("mathematics"))
	require.False(t, set.Has("maths"))
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
}
