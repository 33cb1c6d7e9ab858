package eligibility

// Phase groups used in programme statistics (seed 004 counts
// partnership schools as primary or secondary).
const (
	PrimaryGroup   = "primary"   // nursery, primary, middle deemed primary
	SecondaryGroup = "secondary" // secondary, middle deemed secondary, all-through, 16 plus
	OtherGroup     = "other"     // not applicable, and anything that is not a GIAS phase
)

// phases are the GIAS phases of education (the PhaseOfEducation field), with
// the group each is counted in. Source: the PhaseOfEducation (code) and
// (name) columns of the GIAS "All establishment data" download; the GIAS
// code is in the comment.
var phases = []struct {
	slug  string
	group string
}{
	{"nursery", PrimaryGroup},                   // 1 Nursery
	{"primary", PrimaryGroup},                   // 2 Primary
	{"middle-deemed-primary", PrimaryGroup},     // 3 Middle deemed primary
	{"secondary", SecondaryGroup},               // 4 Secondary
	{"middle-deemed-secondary", SecondaryGroup}, // 5 Middle deemed secondary
	{"16-plus", SecondaryGroup},                 // 6 16 plus
	{"all-through", SecondaryGroup},             // 7 All-through
	{"not-applicable", OtherGroup},              // 0 Not applicable (colleges, children's centres…)
}

// Phases returns the slugs of the GIAS phases of education: nursery, primary,
// middle-deemed-primary, secondary, middle-deemed-secondary, 16-plus,
// all-through, not-applicable. The slice is a fresh one.
func Phases() []string {
	out := make([]string, len(phases))
	for i, p := range phases {
		out[i] = p.slug
	}
	return out
}

// IsPhase reports whether slug is one of the GIAS phases of education
// (Phases).
func IsPhase(slug string) bool {
	for _, p := range phases {
		if p.slug == slug {
			return true
		}
	}
	return false
}

// PhaseGroup is the group a GIAS phase is counted in by programme statistics:
// "primary" for nursery, primary and middle-deemed-primary;
// "secondary" for secondary, middle-deemed-secondary, all-through and
// 16-plus; "other" for not-applicable and for strings that are not phases.
func PhaseGroup(phase string) string {
	for _, p := range phases {
		if p.slug == phase {
			return p.group
		}
	}
	return OtherGroup
}
