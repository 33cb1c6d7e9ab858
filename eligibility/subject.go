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

// subjectBit is s's bit in a SubjectSet; 0 when s is not a STEM subject.
func subjectBit(s string) SubjectSet {
	for i, subject := range subjects {
		if subject == s {
			return 1 << i
		}
	}
	return 0
}

// SubjectSet is a set of the four STEM subjects: the subjects a network's
// members teach between them. The zero value is empty; it does not
// allocate.
type SubjectSet uint8

// Add puts a member's subjects in the set, each once however many members
// teach it. Strings that are not STEM subjects are ignored.
func (s *SubjectSet) Add(memberSubjects []string) {
	for _, subject := range memberSubjects {
		*s |= subjectBit(subject)
	}
}

// Count is how many of the four subjects are in the set: the spread of
// subjects a STEM Knowledge Network needs at least two of ("involve
// colleagues from across STEM subject areas", seed 000).
func (s SubjectSet) Count() int {
	n := 0
	for ; s != 0; s &= s - 1 {
		n++
	}
	return n
}

// Has reports whether subject is in the set.
func (s SubjectSet) Has(subject string) bool {
	bit := subjectBit(subject)
	return bit != 0 && s&bit != 0
}
