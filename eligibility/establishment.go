package eligibility

import "slices"

// EstablishmentType is a type of establishment from England's Get
// Information about Schools (GIAS) register: the value of its
// TypeOfEstablishment field, which says how a school or college is governed
// and funded ("Community school", "Academy converter", "Further
// education").
type EstablishmentType struct {
	Slug string // stable id used in documents: the GIAS name in lower case, hyphenated, e.g. "community-school", "academy-converter", "further-education"
	Code int    // the GIAS code, e.g. 1 for "Community school"
	Name string // the GIAS name as GIAS spells it, e.g. "Community school"
}

// establishmentTypes is every TypeOfEstablishment in GIAS, in code order.
// Source: the TypeOfEstablishment (code) and (name) columns of the GIAS
// "All establishment data" download
// (https://get-information-schools.service.gov.uk/Downloads), checked
// against DfE services that carry the same code list. The legacy types (9,
// 17, 22, 23 and 98), which only closed establishments have, are in the
// register too, and so here; like 47–49 (children's centres, online
// providers) they are in no class. Slugs are the names in lower case with
// spaces as hyphens, apostrophes dropped, and both "16-19" and "16 to 19"
// written "16-to-19".
var establishmentTypes = []EstablishmentType{
	{"community-school", 1, "Community school"},                                                                    // LA-maintained; the LA employs the staff and owns the site
	{"voluntary-aided-school", 2, "Voluntary aided school"},                                                        // LA-maintained, usually with a religious foundation
	{"voluntary-controlled-school", 3, "Voluntary controlled school"},                                              // LA-maintained, foundation owns the site
	{"foundation-school", 5, "Foundation school"},                                                                  // LA-maintained, governing body employs the staff
	{"city-technology-college", 6, "City technology college"},                                                      // state-funded independent school, not LA-maintained
	{"community-special-school", 7, "Community special school"},                                                    // LA-maintained special school
	{"non-maintained-special-school", 8, "Non-maintained special school"},                                          // charitable special school, not LA-maintained
	{"independent-school-approved-for-sen-pupils", 9, "Independent school approved for SEN pupils"},                // legacy: closed establishments only
	{"other-independent-special-school", 10, "Other independent special school"},                                   // independent
	{"other-independent-school", 11, "Other independent school"},                                                   // independent
	{"foundation-special-school", 12, "Foundation special school"},                                                 // LA-maintained special school
	{"pupil-referral-unit", 14, "Pupil referral unit"},                                                             // LA-maintained alternative provision
	{"local-authority-nursery-school", 15, "Local authority nursery school"},                                       // LA-maintained nursery
	{"european-schools", 17, "European schools"},                                                                   // legacy: closed establishments only
	{"further-education", 18, "Further education"},                                                                 // FE college
	{"early-years-setting", 22, "Early years setting"},                                                             // legacy: closed establishments only
	{"playing-for-success-centres", 23, "Playing for success centres"},                                             // legacy: closed establishments only
	{"secure-units", 24, "Secure units"},                                                                           // education in secure children's homes
	{"offshore-schools", 25, "Offshore schools"},                                                                   // outside England's school system
	{"service-childrens-education", 26, "Service children's education"},                                            // Ministry of Defence schools abroad
	{"miscellaneous", 27, "Miscellaneous"},                                                                         // anything else GIAS records
	{"academy-sponsor-led", 28, "Academy sponsor led"},                                                             // academy
	{"higher-education-institutions", 29, "Higher education institutions"},                                         // universities
	{"welsh-establishment", 30, "Welsh establishment"},                                                             // in Wales: GIAS does not apply
	{"sixth-form-centres", 31, "Sixth form centres"},                                                               // sixth form college
	{"special-post-16-institution", 32, "Special post 16 institution"},                                             // independent specialist provider, post-16
	{"academy-special-sponsor-led", 33, "Academy special sponsor led"},                                             // academy
	{"academy-converter", 34, "Academy converter"},                                                                 // academy converted from an LA-maintained school
	{"free-schools", 35, "Free schools"},                                                                           // free school (an academy in law)
	{"free-schools-special", 36, "Free schools special"},                                                           // free school
	{"british-schools-overseas", 37, "British schools overseas"},                                                   // abroad
	{"free-schools-alternative-provision", 38, "Free schools alternative provision"},                               // free school
	{"free-schools-16-to-19", 39, "Free schools 16 to 19"},                                                         // free school
	{"university-technical-college", 40, "University technical college"},                                           // academy
	{"studio-schools", 41, "Studio schools"},                                                                       // academy
	{"academy-alternative-provision-converter", 42, "Academy alternative provision converter"},                     // academy
	{"academy-alternative-provision-sponsor-led", 43, "Academy alternative provision sponsor led"},                 // academy
	{"academy-special-converter", 44, "Academy special converter"},                                                 // academy
	{"academy-16-to-19-converter", 45, "Academy 16-19 converter"},                                                  // academy
	{"academy-16-to-19-sponsor-led", 46, "Academy 16 to 19 sponsor led"},                                           // academy
	{"childrens-centre", 47, "Children's centre"},                                                                  // Sure Start children's centre, not a school
	{"childrens-centre-linked-site", 48, "Children's centre linked site"},                                          // site of a children's centre
	{"online-provider", 49, "Online provider"},                                                                     // online education provider
	{"institution-funded-by-other-government-department", 56, "Institution funded by other government department"}, // funded by a department other than the DfE
	{"academy-secure-16-to-19", 57, "Academy secure 16 to 19"},                                                     // secure school run as an academy
	{"legacy-types", 98, "Legacy types"},                                                                           // legacy: closed establishments of retired types
}

// EstablishmentTypes returns every GIAS TypeOfEstablishment in code order. The
// slice is a copy: changing it does not change the register.
func EstablishmentTypes() []EstablishmentType {
	return slices.Clone(establishmentTypes)
}

// EstablishmentTypeBySlug finds a GIAS establishment type by its slug; ok is
// false when no type has that slug.
func EstablishmentTypeBySlug(slug string) (t EstablishmentType, ok bool) {
	i, ok := typeIndexBySlug[slug]
	if !ok {
		return EstablishmentType{}, false
	}
	return establishmentTypes[i], true
}

// Class is a class of establishment that funding rules name — "maintained
// schools and colleges", "state-funded schools" — defined as a set of GIAS
// establishment types (ClassCodes).
type Class string

// The classes of establishment, each with the GIAS codes it is made of.
const (
	// LAMaintained is a school maintained by a local authority: community,
	// voluntary aided, voluntary controlled, foundation, community special,
	// foundation special, pupil referral unit, LA nursery (GIAS 1, 2, 3, 5, 7,
	// 12, 14, 15).
	LAMaintained Class = "la-maintained"
	// AcademyOrFreeSchool is an academy or free school: state-funded but
	// independent of the local authority (GIAS 28, 33–36, 38–46, 57).
	AcademyOrFreeSchool Class = "academy-or-free-school"
	// College is a further education or sixth form college (GIAS 18, 31).
	College Class = "college"
	// Independent is a fee-paying independent school (GIAS 10, 11).
	Independent Class = "independent"
	// CityTechnologyCollege is a city technology college (GIAS 6):
	// state-funded but not maintained by a local authority.
	CityTechnologyCollege Class = "city-technology-college"
	// NonMaintainedSpecial is a non-maintained special school (GIAS 8): a
	// charity, neither maintained nor counted as state-funded here.
	NonMaintainedSpecial Class = "non-maintained-special"
)

// classCodes is which GIAS codes make up each class: who governs and funds
// an establishment, read from its TypeOfEstablishment alone. GIAS's own
// EstablishmentTypeGroup column is another grouping, not these classes: its
// groups ("Local authority maintained schools", "Special schools",
// "Independent schools", "Academies", "Free Schools", "Colleges",
// "Universities", "Welsh schools", "Other types"…) put special schools of
// every kind of governance, non-maintained special schools among them, in
// one group, and split academies from free schools, where a funding rule
// asks whether a school is maintained or state-funded. Types in no class
// (secure units, universities, children's centres, Welsh establishments,
// the legacy types…) are admitted by no class rule.
var classCodes = []struct {
	class Class
	codes []int
}{
	{LAMaintained, []int{1, 2, 3, 5, 7, 12, 14, 15}},
	{AcademyOrFreeSchool, []int{28, 33, 34, 35, 36, 38, 39, 40, 41, 42, 43, 44, 45, 46, 57}},
	{College, []int{18, 31}},
	{Independent, []int{10, 11}},
	{CityTechnologyCollege, []int{6}},
	{NonMaintainedSpecial, []int{8}},
}

// StateFundedClasses are the classes of state-funded schools and colleges:
// LA-maintained schools, academies and free schools, colleges and city
// technology colleges ("state funded primary and secondary schools and FE
// colleges", seed 004). Do not modify it; rules share it.
var StateFundedClasses = []Class{LAMaintained, AcademyOrFreeSchool, College, CityTechnologyCollege}

// MaintainedClasses are the classes of maintained schools and colleges:
// LA-maintained schools and colleges ("maintained schools and colleges in
// England", seed 000). Academies, free schools and city technology colleges
// are state-funded but not maintained. Do not modify it; rules share it.
var MaintainedClasses = []Class{LAMaintained, College}

// ClassCodes returns which GIAS codes belong to each class. The map
// is a fresh copy on every call.
func ClassCodes() map[Class][]int {
	m := make(map[Class][]int, len(classCodes))
	for _, c := range classCodes {
		m[c.class] = slices.Clone(c.codes)
	}
	return m
}

// ClassesOf returns the classes the GIAS establishment type with this slug
// belongs to, in the order the classes are declared. It is empty for types in
// no class (e.g. "secure-units") and for unknown slugs.
func ClassesOf(slug string) []Class {
	var classes []Class
	mask := classMaskBySlug[slug]
	for i, c := range classCodes {
		if mask&(1<<i) != 0 {
			classes = append(classes, c.class)
		}
	}
	return classes
}

// InClass reports whether the GIAS establishment type with this slug belongs
// to any of classes. It does not allocate.
func InClass(slug string, classes []Class) bool {
	mask := classMaskBySlug[slug]
	if mask == 0 {
		return false
	}
	for _, c := range classes {
		if mask&classBit(c) != 0 {
			return true
		}
	}
	return false
}

// classBit is the bit of class c in a class mask; 0 for an unknown class.
func classBit(c Class) uint8 {
	for i, cc := range classCodes {
		if cc.class == c {
			return 1 << i
		}
	}
	return 0
}

// Lookup tables built once from the data above.
var (
	typeIndexBySlug = map[string]int{}   // slug → index in establishmentTypes
	classMaskBySlug = map[string]uint8{} // slug → bit i set when in classCodes[i]
)

func init() {
	indexByCode := map[int]int{}
	for i, t := range establishmentTypes {
		typeIndexBySlug[t.Slug] = i
		indexByCode[t.Code] = i
	}
	for bit, c := range classCodes {
		for _, code := range c.codes {
			i, ok := indexByCode[code]
			if !ok {
				panic("eligibility: class " + string(c.class) + " names a GIAS code that is not in establishmentTypes")
			}
			classMaskBySlug[establishmentTypes[i].Slug] |= 1 << bit
		}
	}
}
