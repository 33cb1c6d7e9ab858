package eligibility

import "slices"

// subjects are the four STEM subjects a network member may teach, in the
// order of the acronym (science, technology, engineering and mathematics,
// seed 000: "colleagues from across STEM subject areas").
var subjects = []string{
	"science",     // bit 0
	"technology",  // bit 1, including design and technology and computing
	"engineering", // bit 2
	"mathematics", // bit 3
}

// Subjects returns the four STEM subjects: "science", "technology",
// "engineering", "mathematics". The slice is a copy.
func Subjects() []string {
	return slices.Clone(subjects)
}

// IsSubject reports whether s is one of the four STEM subjects.
func IsSubject(s string) bool {
	return subjectBit(s) != 0
}

// subjectBit is s's bit in a set of subjects; 0 when s is not a STEM subject.
func subjectBit(s string) uint8 {
	for i, subject := range subjects {
		if subject == s {
			return 1 << i
		}
	}
	return 0
}

// SubjectSpread counts how many of the four STEM subjects appear across the
// members' subject lists, each subject once however many members teach it.
// Strings that are not STEM subjects are ignored. A STEM Knowledge Network
// needs a spread of at least two (SPEC §3.1). It does not allocate.
func SubjectSpread(memberSubjects [][]string) int {
	var set uint8
	for _, member := range memberSubjects {
		for _, s := range member {
			set |= subjectBit(s)
		}
	}
	n := 0
	for ; set != 0; set &= set - 1 {
		n++
	}
	return n
}
