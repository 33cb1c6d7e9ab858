package benchdata

import "strconv"

// ReferenceMembers is the number of members in the reference document,
// testdata/reference-12-members.json.
const ReferenceMembers = 12

// Application returns a stem-kn-2011 application with the given number of
// members (at least 2, so the subjects span two areas) as compact JSON.
// Application(ReferenceMembers) holds the same JSON value as the reference
// document.
func Application(members int) []byte {
	return AppendApplication(nil, members, 0)
}

// NDJSON returns docs applications of ReferenceMembers members, one per
// line, each ended by a newline. Line n (from 0) is application n of
// AppendApplication, so no two lines are the same bytes.
func NDJSON(docs int) []byte {
	one := len(Application(ReferenceMembers)) + 64
	b := make([]byte, 0, docs*one)
	for n := range docs {
		b = AppendApplication(b, ReferenceMembers, n)
		b = append(b, '\n')
	}
	return b
}

// subjects cycle through the four STEM areas, singly and in pairs, as in
// the reference document.
var subjects = []string{
	`["mathematics"]`, `["science"]`, `["technology"]`, `["engineering"]`,
	`["mathematics","science"]`, `["science","technology"]`,
}

// lines are the reference document's budget lines: £2,000 in all, £400
// (exactly 20%) of it on resources.
var lines = []struct {
	category string
	amount   int
}{
	{"supply-cover", 60000}, {"supply-cover", 40000}, {"resources", 20000},
	{"resources", 20000}, {"travel", 30000}, {"venue", 30000},
}

// AppendApplication appends application n of a cohort, with the given
// number of members, to b as compact JSON. Application 0 is the reference
// document; later ones name their network and members with n.
func AppendApplication(b []byte, members, n int) []byte {
	suffix := ""
	if n > 0 {
		suffix = " " + strconv.Itoa(n)
	}
	b = append(b, `{"scheme":"stem-kn-2011","submittedOn":"2011-01-07","network":{"name":"Calder Valley Maths in STEM Network`...)
	b = append(b, suffix...)
	b = append(b, `","areaOfInterest":"Graphs and algebra taught consistently across maths, science and D&T in KS3",`...)
	b = append(b, `"theme":"maths-skills","lead":"ccs","institutions":[{"id":"ccs","name":"Calder Community School",`...)
	b = append(b, `"kind":"school","country":"GB","subdivision":"GB-ENG","urn":"107552","establishmentType":"community-school",`...)
	b = append(b, `"phase":"secondary","region":"yorkshire-and-the-humber"}],"members":[`...)
	for i := range members {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":"Member Number `...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, suffix...)
		b = append(b, `","email":"member`...)
		b = strconv.AppendInt(b, int64(i), 10)
		if n > 0 {
			b = append(b, '.')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, `@calder.example.org","role":"`...)
		if i == 0 {
			b = append(b, "coordinator"...)
		} else {
			b = append(b, "teacher"...)
		}
		b = append(b, `","subjects":`...)
		b = append(b, subjects[i%len(subjects)]...)
		b = append(b, `,"institution":"ccs"}`...)
	}
	b = append(b, `],"partners":[]},"plan":{"startDate":"2011-02-01","endDate":"2011-07-15",`...)
	b = append(b, `"reflection":"Lesson-study cycle each half term, written up jointly",`...)
	b = append(b, `"activities":[{"title":"Joint planning","kind":"meeting","date":"2011-02-10"}],`...)
	b = append(b, `"commitments":{"practitionerResearch":true,"minimumOneTerm":true,"structuredApproach":true,`...)
	b = append(b, `"submitReport":true,"attendDissemination":true,"shareOnline":true}},"funding":{"currency":"GBP","lines":[`...)
	for i, l := range lines {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"category":"`...)
		b = append(b, l.category...)
		b = append(b, `","description":"Line `...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ` for the network","amount":`...)
		b = strconv.AppendInt(b, int64(l.amount), 10)
		b = append(b, '}')
	}
	b = append(b, `]},"contact":{"name":"Asha Patel","email":"a.patel@calder.example.org"}}`...)
	return b
}

// Fixture is a committed document that the benchmarks and their peers
// validate.
type Fixture struct {
	// Scheme is the id of the built-in scheme the document is for.
	Scheme string
	// File is the document's file name in stemkn/testdata.
	File string
}

// Fixtures are one complete, valid document per built-in scheme. The STEM
// Knowledge Networks one is the reference document: 12 members, six budget
// lines, about 4 KB.
var Fixtures = []Fixture{
	{"stem-kn-2011", "reference-12-members.json"},
	{"enthuse-2014", "enthuse-2014.json"},
	{"enthuse-2022", "enthuse-2022.json"},
	{"stem-pd-net-2016", "stem-pd-net-2016.json"},
	{"stem-exchange", "exchange-work-experience.json"},
}

// The scaling series: members in one document (10,000 is the members limit
// of document.go), and documents in one NDJSON input.
var (
	MemberCounts   = []int{10, 100, 1_000, 10_000}
	DocumentCounts = []int{1, 100, 10_000, 100_000}
)
