package stemkn

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// Finding.Related names the fields a finding is about when its path is a
// group: a form shows the message by the field at the path, else by the
// first related field, else by the group.

// relatedOf gives each finding's code, path and related pointers.
func relatedOf(res Result) map[Code][]any {
	out := map[Code][]any{}
	for _, f := range res.Findings {
		out[f.Code] = append(out[f.Code], f.Path, f.Related)
	}
	return out
}

func TestFindingsAboutAGroupNameTheFieldsTheyAreAbout(t *testing.T) {
	base := loadDoc(t, validFixture)
	lines := func(ls ...map[string]any) change {
		list := make([]any, len(ls))
		for i, l := range ls {
			list[i] = l
		}
		return set("/funding/lines", list)
	}
	line := func(category string, amount int64) map[string]any {
		return map[string]any{"category": category, "description": "x", "amount": amount}
	}
	cases := []struct {
		name    string
		changes []change
		want    map[Code][]any
	}{
		{"a share rule names the amount of each line of its category, in order, and only those",
			[]change{lines(line("resources", 30000), line("supply-cover", 100000), line("resources", 40000))},
			map[Code][]any{CodeCategoryShare: {"/funding/lines", []string{"/funding/lines/0/amount", "/funding/lines/2/amount"}}}},
		{"the share rule by the resources amount, the cap by the budget group (the issue's case)",
			[]change{lines(line("supply-cover", 150000), line("resources", 150000))},
			map[Code][]any{
				CodeCap:           {"/funding/lines", []string(nil)},
				CodeCategoryShare: {"/funding/lines", []string{"/funding/lines/1/amount"}},
			}},
		{"a share exactly at its limit names nothing",
			[]change{lines(line("supply-cover", 80000), line("resources", 20000))},
			map[Code][]any{}},
		{"one unticked commitment is named",
			[]change{set("/plan/commitments/submitReport", false)},
			map[Code][]any{CodeCommitment: {"/plan/commitments", []string{"/plan/commitments/submitReport"}}}},
		{"unticked commitments are named in document order",
			[]change{set("/plan/commitments/shareOnline", false), set("/plan/commitments/practitionerResearch", false)},
			map[Code][]any{CodeCommitment: {"/plan/commitments", []string{"/plan/commitments/practitionerResearch", "/plan/commitments/shareOnline"}}}},
		{"the subject spread is about the members as a group",
			[]change{set("/network/members/1/subjects", []any{"mathematics"}), set("/network/members/2/subjects", []any{"mathematics"})},
			map[Code][]any{CodeSubjectSpread: {"/network/members", []string(nil)}}},
		{"a finding at a field names no other",
			[]change{set("/network/institutions/0/establishmentType", "academy-converter")},
			map[Code][]any{CodeInstitutionClass: {"/network/institutions/0/establishmentType", []string(nil)}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := validate(t, base.with(t, tc.changes...).bytes(t), Options{})
			require.Equal(t, tc.want, relatedOf(res))
		})
	}
}

func TestUnitCostNamesTheAmountsOfItsCategory(t *testing.T) {
	doc := loadDoc(t, "stem-pd-net-2016.json")
	res := validate(t, doc.with(t, set("/funding/lines/0/amount", int64(99999999))).bytes(t), Options{})
	var found bool
	for _, f := range res.Findings {
		if f.Code == CodeUnitCost {
			found = true
			require.Equal(t, "/funding/lines", f.Path)
			require.Equal(t, []string{"/funding/lines/0/amount"}, f.Related)
		}
	}
	require.True(t, found, "a unit-cost finding: %v", res.Findings)
}

func TestMinimumInstitutionsIsAboutTheInstitutionsAsAGroup(t *testing.T) {
	doc := loadDoc(t, "enthuse-2014.json")
	res := validate(t, doc.with(t, del("/network/institutions/4")).bytes(t), Options{})
	var found bool
	for _, f := range res.Findings {
		if f.Code == CodeMinInstitutions {
			found = true
			require.Equal(t, "/network/institutions", f.Path)
			require.Empty(t, f.Related)
		}
	}
	require.True(t, found, "a min-institutions finding: %v", res.Findings)
}

func TestRelatedIsWrittenAsJSONAfterThePath(t *testing.T) {
	r := Result{Scheme: "s", Findings: Findings{{Code: CodeCommitment, Severity: Error, Path: "/plan/commitments",
		Related: []string{"/plan/commitments/submitReport", "/plan/commitments/a~1b"}, Message: "m"}}}
	got, err := r.AppendJSON(nil)
	require.NoError(t, err)
	want, err := json.Marshal(r)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
	require.Contains(t, string(got), `"path":"/plan/commitments","related":["/plan/commitments/submitReport","/plan/commitments/a~1b"],"message"`)
	var back Result
	require.NoError(t, json.Unmarshal(got, &back))
	require.Equal(t, r.Findings[0].Related, back.Findings[0].Related)
}
