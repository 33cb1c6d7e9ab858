// Package eligibility holds the facts and small rules that decide who may
// take part in a STEM teacher-network scheme and who may receive its money:
// civil dates and durations (days, weeks and months counted inclusively),
// England's GIAS establishment types and the classes funders name
// ("maintained schools and colleges", "state-funded schools"), places (ISO
// 3166 countries, the UK's nations, England's regions, the Erasmus+
// Programme Countries of 2016), the four STEM subjects, GIAS phases of
// education, and the URN, UKPRN and PIC identifiers.
//
// Facts are data: each table names the register or document it comes from,
// and rules read the tables rather than listing cases in code. The package is
// a leaf: it imports only the standard library, and none of the packages a
// WebAssembly build would rather do without (fmt, encoding/json, regexp,
// reflect, time).
//
// A maintained-schools rule, a term of activity and an Erasmus+ duration:
//
//	maintained := eligibility.InstitutionRule{Classes: eligibility.MaintainedClasses, EnglandOnly: true}
//	school := eligibility.Institution{
//		Place:             eligibility.Place{Country: "GB", Subdivision: "GB-ENG"},
//		EstablishmentType: "academy-converter",
//	}
//	maintained.Judge(school) // NotAdmitted on its Type: an academy is state-funded, not maintained
//
//	start, _ := eligibility.ParseDate("2011-02-01")
//	end, _ := eligibility.ParseDate("2011-04-25")
//	eligibility.WeeksInclusive(start, end) // 12: at least one term
//
//	from, _ := eligibility.ParseDate("2016-09-01")
//	to, _ := eligibility.ParseDate("2019-08-31")
//	eligibility.MonthsInclusive(from, to) // 36
//
// No document reaches it. stemkn's rule blocks (network.go,
// institutions.go, plan.go, offer.go) take the facts a rule reads from a
// document — an institution's kind, place and GIAS type, the plan's dates,
// the members' subjects, the commitments ticked — into these small types,
// ask for a verdict, and word what comes back (the fact at fault, or the
// count) as a finding at the field that states it. The document
// machinery (stemkn/internal/document) checks dates, identifiers and the
// vocabularies with the same tables.
//
// Judgements take small types of their own: InstitutionRule judges an
// Institution, Period counts a programme's days, weeks and months,
// Deadline says whether a date is in time, PartnershipSize counts the
// institutions that make up a partnership, SubjectSet the subjects members
// teach, and Unagreed the commitments still to agree.
package eligibility
