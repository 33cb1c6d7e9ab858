package stemkn_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
	"github.com/stretchr/testify/require"
)

// A result lists at most the findings limit of findings, in the documented
// order, then a too-large finding saying there are more: 3,000 members
// lacking two values each made 6,000 findings and their words.
func TestAResultListsNoMoreFindingsThanTheFindingsLimit(t *testing.T) {
	limit := stemkn.DefaultLimits.Findings
	for _, n := range []int{10, 3000} {
		res := builtinValidator.ValidateString(string(benchdata.MembersNamedOnly(n)), stemkn.Options{})
		if n == 10 {
			require.False(t, hasCode(res, stemkn.CodeTooLarge))
			continue
		}
		require.Len(t, res.Findings, limit+1)
		last := res.Findings[limit]
		require.Equal(t, stemkn.CodeTooLarge, last.Code)
		require.Equal(t, stemkn.Error, last.Severity)
		require.Equal(t, stemkn.Params{"limit": "findings", "max": int64(limit)}, last.Params)
		require.Equal(t, "The document has more than 1000 problems: fix the ones listed and send it again", last.Message)
		require.False(t, res.Valid)
		ordered := append(stemkn.Findings(nil), res.Findings[:limit]...)
		ordered.Sort()
		require.Equal(t, ordered, res.Findings[:limit], "the first findings in the documented order")
	}
}

// In a draft, missing values are warnings, however many: a draft past the
// findings limit stays valid, and the finding that says so is a warning.
func TestADraftPastTheFindingsLimitStaysValid(t *testing.T) {
	doc := strings.ReplaceAll(string(benchdata.MembersNamedOnly(3000)), `{"name":"Member`, `{"subjects":["science","mathematics"],"name":"Member`)
	doc = strings.Replace(doc, `"network":{`,
		`"network":{"name":"N","lead":"a","institutions":[{"id":"a","name":"A","kind":"school","country":"GB","subdivision":"GB-ENG","establishmentType":"community-school"}],`, 1)
	res := builtinValidator.ValidateString(doc, stemkn.Options{Mode: stemkn.Draft})
	require.Len(t, res.Findings, stemkn.DefaultLimits.Findings+1)
	require.True(t, res.Valid, "%v", res.Findings[:5])
	last := res.Findings[len(res.Findings)-1]
	require.Equal(t, stemkn.CodeTooLarge, last.Code)
	require.Equal(t, stemkn.Warning, last.Severity)
}

// A finding repeats at most 200 characters of the text it is about, in its
// params and so in its message: an id of 5,000 characters named by 1,000
// budget lines was 10 MB of result.
func TestAFindingRepeatsAtMost200CharactersOfItsInput(t *testing.T) {
	long := strings.Repeat("é", 5000)
	doc := `{"scheme":"stem-kn-2011","network":{"lead":"a","institutions":[{"id":"a"}],"members":[{"institution":"` + long + `"}]},` +
		`"funding":{"currency":"GBP","lines":[{"category":"` + long + `","amount":100}]}}`
	res := builtinValidator.ValidateString(doc, stemkn.Options{})
	cut := strings.Repeat("é", 200) + "…"
	found := findingAt(t, res, "/network/members/0/institution")
	var unknown stemkn.Finding
	for _, f := range res.Findings {
		if f.Code == stemkn.CodeUnknownInstitution {
			unknown = f
		}
	}
	require.Equal(t, cut, unknown.Params["id"], "%v", found)
	require.Contains(t, unknown.Message, cut)
	require.NotContains(t, unknown.Message, strings.Repeat("é", 201))
	for _, f := range res.Findings {
		for _, v := range f.Params {
			if s, ok := v.(string); ok {
				require.LessOrEqual(t, len([]rune(s)), 201, "%s %s", f.Code, f.Path)
			}
		}
		require.LessOrEqual(t, len([]rune(f.Message)), 400, "%s %s", f.Code, f.Path)
	}
}

// Every repeat of an institution id is found (in one pass over the list),
// up to the list's maximum of 1,000; a list past it has its max-items
// finding and no more work done on its ids: 100,000 ids took 45 s.
func TestDuplicateInstitutionIDsAreFoundUpToTheListsMaximum(t *testing.T) {
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = "i" + strconv.Itoa(i%400) // 600 repeats
	}
	unlimited := stemkn.DefaultLimits
	unlimited.Findings = 0 // every finding listed: each institution lacks its name, kind and country too
	res := builtinValidator.WithLimits(unlimited).ValidateString(string(benchdata.Institutions(ids)), stemkn.Options{})
	var dups []string
	for _, f := range res.Findings {
		if f.Code == stemkn.CodeDuplicate {
			dups = append(dups, f.Path)
		}
	}
	require.Len(t, dups, 600)
	require.Equal(t, "/network/institutions/400/id", dups[0])
	require.Equal(t, "/network/institutions/999/id", dups[599])

	over := builtinValidator.ValidateString(string(benchdata.Institutions(append(ids, "i0"))), stemkn.Options{})
	require.Zero(t, countCode(over, stemkn.CodeDuplicate))
	list := findingAt(t, over, "/network/institutions")
	require.Equal(t, stemkn.CodeMaxItems, list.Code)
	require.Equal(t, "The institutions must have 1000 entries or fewer", list.Message)
}

// A short list of institutions is searched in place and a long one through
// a map (16 is the switch): repeats, references to an institution the
// document has and references to one it lacks are found alike on both
// sides of it.
func TestInstitutionIDsAreCheckedAlikeInShortAndLongLists(t *testing.T) {
	for _, n := range []int{1, 2, 15, 16, 17, 18, 40} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			ids := benchdata.DistinctIDs(n)
			ids[n-1] = "i0" // the last repeats the first (the only one when n is 1)
			doc := strings.TrimSuffix(string(benchdata.Institutions(ids)), "]}}") +
				`],"lead":"i0","members":[{"institution":"` + ids[n/2] + `"},{"institution":"absent"}]}}`
			res := builtinValidator.ValidateString(doc, stemkn.Options{Mode: stemkn.Draft})
			var dups, unknown []string
			for _, f := range res.Findings {
				switch f.Code {
				case stemkn.CodeDuplicate:
					dups = append(dups, f.Path)
				case stemkn.CodeUnknownInstitution:
					unknown = append(unknown, f.Path)
				}
			}
			require.Equal(t, []string{"/network/members/1/institution"}, unknown)
			if n == 1 {
				require.Empty(t, dups)
				return
			}
			require.Equal(t, []string{"/network/institutions/" + strconv.Itoa(n-1) + "/id"}, dups)
		})
	}
}
