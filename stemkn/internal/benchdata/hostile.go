package benchdata

import (
	"strconv"
	"strings"
)

// The hostile inputs: documents well inside the byte limit that are as
// long as the limits let them be where a careless check costs the square
// of the length, and nothing else. Unlike the documents above they are not
// valid; they are for the benchmarks and tests of cost.

// Institutions is a stem-kn-2011 application whose institutions have only
// the ids given.
func Institutions(ids []string) []byte {
	return list(`{"scheme":"stem-kn-2011","network":{"institutions":[`, len(ids), func(b *strings.Builder, i int) {
		b.WriteString(`{"id":` + strconv.Quote(ids[i]) + `}`)
	}, `]}}`)
}

// DistinctIDs are n institution ids, all different: the worst case for a
// duplicate check that compares each id with those before it.
func DistinctIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "i" + strconv.Itoa(i)
	}
	return ids
}

// MembersNamedOnly is a stem-kn-2011 application of n members that give
// only a name, so each lacks its role and institution.
func MembersNamedOnly(n int) []byte {
	return list(`{"scheme":"stem-kn-2011","network":{"members":[`, n, func(b *strings.Builder, i int) {
		b.WriteString(`{"name":"Member ` + strconv.Itoa(i) + `"}`)
	}, `]}}`)
}

// BudgetLines is an enthuse-2022 application asking for n budget lines of
// £1 of resources.
func BudgetLines(n int) []byte {
	return list(`{"scheme":"enthuse-2022","funding":{"currency":"GBP","lines":[`, n, func(b *strings.Builder, _ int) {
		b.WriteString(`{"category":"resources","amount":100}`)
	}, `]}}`)
}

// SchemeChain is n scheme files, each extending the one before it; the
// first extends enthuse-2022. File i is "chain-i", titled "Chain i".
func SchemeChain(n int) [][]byte {
	files := make([][]byte, n)
	parent := "enthuse-2022"
	for i := range n {
		id := "chain-" + strconv.Itoa(i)
		files[i] = []byte(`{"id":"` + id + `","extends":"` + parent + `","title":"Chain ` + strconv.Itoa(i) + `"}`)
		parent = id
	}
	return files
}

// list writes head, n items separated by commas, and tail.
func list(head string, n int, item func(b *strings.Builder, i int), tail string) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		item(&b, i)
	}
	b.WriteString(tail)
	return []byte(b.String())
}
