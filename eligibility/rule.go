package eligibility

import "slices"

// InstitutionRule says which institutions may take part in a scheme or
// receive its money. "Maintained schools and colleges in England" (seed 000)
// is
//
//	InstitutionRule{Classes: MaintainedClasses, EnglandOnly: true}
//
// and "state funded primary and secondary schools and FE colleges" (seed
// 004), open to the UK's other nations, is
//
//	InstitutionRule{Classes: StateFundedClasses, StateFundedOutsideEngland: true}
type InstitutionRule struct {
	Classes                   []Class // GIAS classes admitted for schools and colleges in England
	EnglandOnly               bool    // only institutions in England are admitted
	StateFundedOutsideEngland bool    // outside England, where GIAS does not apply, admit institutions stated to be state-funded
}

// Institution is what an InstitutionRule needs to know about one
// institution.
type Institution struct {
	Place             Place
	EstablishmentType string // GIAS establishment-type slug, e.g. "community-school"; "" when not stated
	StateFunded       *bool  // whether the institution is state-funded, stated for institutions outside England; nil when not stated
}

// Verdict is a rule's judgement on one institution.
type Verdict int

// The verdicts of a rule.
const (
	// Unknown means the institution is not described well enough to judge
	// (its country, its UK nation, its GIAS type or whether it is
	// state-funded is not stated).
	Unknown Verdict = iota
	// Admitted means the rule admits the institution.
	Admitted
	// NotAdmitted means the rule does not admit the institution.
	NotAdmitted
)

// String names the verdict: "unknown", "admitted" or "not-admitted".
func (v Verdict) String() string {
	switch v {
	case Admitted:
		return "admitted"
	case NotAdmitted:
		return "not-admitted"
	}
	return "unknown"
}

// Admits judges one institution.
//
// In England an institution is judged by its GIAS establishment type: it is
// admitted when the type belongs to one of the rule's Classes, not admitted
// when it does not (an unrecognised slug belongs to no class), and Unknown
// when the type is not stated.
//
// Outside England GIAS does not apply. The institution is not admitted when
// the rule is EnglandOnly; otherwise, when the rule admits
// StateFundedOutsideEngland, it is admitted or not as its StateFunded says
// (Unknown when not stated); otherwise it is not admitted.
//
// The verdict is Unknown when the country is not stated, or when the country
// is the United Kingdom ("GB") and the nation (Subdivision) is not, since
// that decides whether GIAS applies.
func (r InstitutionRule) Admits(inst Institution) Verdict {
	p := inst.Place
	if p.Country == "" || (p.Country == "GB" && p.Subdivision == "") {
		return Unknown
	}
	if p.InEngland() {
		return r.admitsInEngland(inst.EstablishmentType)
	}
	switch {
	case r.EnglandOnly:
		return NotAdmitted
	case !r.StateFundedOutsideEngland:
		return NotAdmitted
	case inst.StateFunded == nil:
		return Unknown
	case *inst.StateFunded:
		return Admitted
	}
	return NotAdmitted
}

// admitsInEngland judges an institution in England by its GIAS type.
func (r InstitutionRule) admitsInEngland(establishmentType string) Verdict {
	switch {
	case establishmentType == "":
		return Unknown
	case InClass(establishmentType, r.Classes):
		return Admitted
	}
	return NotAdmitted
}

// PartnershipSize is how many institutions a partnership must have: at
// least Min of those whose kind is one of Kinds (any kind when Kinds is
// empty), the lead not counted when OtherThanLead. The ENTHUSE programme's
// "work in partnership with at least four other schools" (seed 004) is
//
//	PartnershipSize{Min: 4, Kinds: []string{"school"}, OtherThanLead: true}
type PartnershipSize struct {
	Min           int      // the least number that count
	Kinds         []string // the kinds of institution that count; empty: every kind
	OtherThanLead bool     // the lead institution does not count
}

// Count counts the n institutions of a partnership that count towards its
// size, given each one's kind and the index of the lead (-1 when there is
// none).
func (p PartnershipSize) Count(n int, kind func(i int) string, lead int) int {
	count := 0
	for i := 0; i < n; i++ {
		if p.OtherThanLead && i == lead {
			continue
		}
		if len(p.Kinds) == 0 || slices.Contains(p.Kinds, kind(i)) {
			count++
		}
	}
	return count
}

// Unagreed lists the commitments of required, by name, that agreed says
// the applicant has not agreed to, in required's order: what is still to
// be agreed before the application can be funded. It is nil when every one
// is agreed.
func Unagreed(required []string, agreed func(name string) bool) []string {
	var out []string
	for _, name := range required {
		if !agreed(name) {
			out = append(out, name)
		}
	}
	return out
}
