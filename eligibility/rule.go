package eligibility

import "slices"

// InstitutionRule says which institutions may take part in a scheme or
// receive its money. "Maintained schools and colleges in England" (seed 000)
// is
//
//	InstitutionRule{Kinds: []string{"school", "college"}, Classes: MaintainedClasses, EnglandOnly: true}
//
// "state funded primary and secondary schools and FE colleges" (seed 004),
// open to the UK's other nations, is
//
//	InstitutionRule{Kinds: []string{"school", "college"}, Classes: StateFundedClasses, StateFundedOutsideEngland: true}
//
// an Erasmus+ coordinator "established in a Programme Country" is
//
//	InstitutionRule{Countries: ProgrammeCountries2016()}
//
// and the Hemel partnership's "Primary schools across the Hemel Hempstead
// area" (BreakingYourLocalNews, 24 September 2022: seed 003) are schools
// whose GIAS phase is primary — not nursery schools or middle schools
// deemed primary, which the primary phase group of programme statistics
// also counts:
//
//	InstitutionRule{Kinds: []string{"school"}, Phases: []string{"primary"}}
type InstitutionRule struct {
	Kinds                     []string // the kinds of organisation admitted ("school", "college"); empty: every kind
	Countries                 []string // the countries admitted (ISO 3166-1 alpha-2); empty: every country
	Classes                   []Class  // GIAS classes admitted for schools and colleges in England; empty: the class is not judged
	EnglandOnly               bool     // only institutions in England are admitted
	StateFundedOutsideEngland bool     // outside England, where GIAS does not apply, admit institutions stated to be state-funded
	Phases                    []string // the GIAS phases admitted, exactly ("primary"; see Phases); empty, with no PhaseGroups: the phase is not judged
	PhaseGroups               []string // the phase groups admitted (PrimaryGroup, SecondaryGroup, OtherGroup; see PhaseGroup); given with Phases, a phase either admits is admitted
}

// Institution is what an InstitutionRule needs to know about one
// institution.
type Institution struct {
	Kind              string // the kind of organisation, e.g. "school"
	Place             Place
	EstablishmentType string // GIAS establishment-type slug, e.g. "community-school"; "" when not stated
	StateFunded       *bool  // whether the institution is state-funded, stated for institutions outside England; nil when not stated
	Phase             string // GIAS phase of education, e.g. "primary"; "" when not stated
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

// Fact is the fact about an institution that decides a verdict that is not
// Admitted: the one to state, or to correct.
type Fact int

// The facts a verdict can turn on.
const (
	NoFact      Fact = iota // the institution is admitted
	Kind                    // its kind of organisation
	Country                 // its country
	Nation                  // its UK nation (the ISO 3166-2 subdivision): England or not
	Type                    // its GIAS establishment type
	StateFunded             // whether it is state-funded
	Phase                   // its phase of education
)

// String names the fact: "kind", "country", "nation", "type",
// "state-funded", "phase", or "" for NoFact.
func (f Fact) String() string {
	switch f {
	case Kind:
		return "kind"
	case Country:
		return "country"
	case Nation:
		return "nation"
	case Type:
		return "type"
	case StateFunded:
		return "state-funded"
	case Phase:
		return "phase"
	}
	return ""
}

// Judgement is a rule's verdict on one institution and, unless it is
// admitted, the fact the verdict turns on: the fact not stated when the
// verdict is Unknown, the fact that does not admit it when NotAdmitted.
type Judgement struct {
	Verdict Verdict
	Fact    Fact
}

func admitted() Judgement          { return Judgement{Verdict: Admitted} }
func unknown(f Fact) Judgement     { return Judgement{Verdict: Unknown, Fact: f} }
func notAdmitted(f Fact) Judgement { return Judgement{Verdict: NotAdmitted, Fact: f} }
func (r InstitutionRule) judgesNation() bool {
	return len(r.Classes) > 0 || r.EnglandOnly || r.StateFundedOutsideEngland
}

// Judge judges one institution, in this order:
//
//   - its kind, when the rule names kinds;
//   - its country: not stated is Unknown; outside the rule's Countries,
//     when it names some, is not admitted;
//   - when the rule judges where in the UK or how an institution is
//     funded (Classes, EnglandOnly or StateFundedOutsideEngland), in the
//     United Kingdom ("GB") its nation (Subdivision), which decides
//     whether GIAS applies: not stated is Unknown;
//   - in England, its GIAS establishment type: admitted when the type
//     belongs to one of the rule's Classes (or the rule names none), not
//     admitted when it does not (an unrecognised slug belongs to no class),
//     Unknown when the type is not stated;
//   - outside England, where GIAS does not apply: not admitted when the
//     rule is EnglandOnly, or admits by class only; when the rule admits
//     StateFundedOutsideEngland, admitted or not as StateFunded says
//     (Unknown when not stated);
//   - last, when the rule names Phases or PhaseGroups, its phase: not
//     stated is Unknown; admitted when it is one of Phases or in one of
//     PhaseGroups (PhaseGroup), not admitted otherwise (a string that is
//     not a GIAS phase is in no group but OtherGroup).
func (r InstitutionRule) Judge(inst Institution) Judgement {
	j := r.judgePlace(inst)
	if j.Verdict != Admitted || len(r.Phases) == 0 && len(r.PhaseGroups) == 0 {
		return j
	}
	switch {
	case inst.Phase == "":
		return unknown(Phase)
	case r.AdmitsPhase(inst.Phase):
		return admitted()
	}
	return notAdmitted(Phase)
}

// AdmitsPhase reports whether the rule admits a GIAS phase: one of its
// Phases, or in one of its PhaseGroups (PhaseGroup). A rule that names
// neither judges no phase and admits every one.
func (r InstitutionRule) AdmitsPhase(phase string) bool {
	if len(r.Phases) == 0 && len(r.PhaseGroups) == 0 {
		return true
	}
	return slices.Contains(r.Phases, phase) || slices.Contains(r.PhaseGroups, PhaseGroup(phase))
}

// judgePlace judges an institution by all but its phase: its kind, where
// it is and how it is funded.
func (r InstitutionRule) judgePlace(inst Institution) Judgement {
	p := inst.Place
	switch {
	case len(r.Kinds) > 0 && !slices.Contains(r.Kinds, inst.Kind):
		return notAdmitted(Kind)
	case p.Country == "":
		return unknown(Country)
	case len(r.Countries) > 0 && !slices.Contains(r.Countries, p.Country):
		return notAdmitted(Country)
	case !r.judgesNation():
		return admitted()
	case p.Country == "GB" && p.Subdivision == "":
		return unknown(Nation)
	case p.InEngland():
		return r.judgeInEngland(inst.EstablishmentType)
	}
	outside := Country // where the institution is, outside England
	if p.Country == "GB" {
		outside = Nation
	}
	switch {
	case r.EnglandOnly || !r.StateFundedOutsideEngland && len(r.Classes) > 0:
		return notAdmitted(outside)
	case !r.StateFundedOutsideEngland:
		return admitted()
	case inst.StateFunded == nil:
		return unknown(StateFunded)
	case *inst.StateFunded:
		return admitted()
	}
	return notAdmitted(StateFunded)
}

// judgeInEngland judges an institution in England by its GIAS type.
func (r InstitutionRule) judgeInEngland(establishmentType string) Judgement {
	switch {
	case len(r.Classes) == 0:
		return admitted()
	case establishmentType == "":
		return unknown(Type)
	case InClass(establishmentType, r.Classes):
		return admitted()
	}
	return notAdmitted(Type)
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
