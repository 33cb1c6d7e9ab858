package eligibility_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

// Every GIAS code and the classes it must be in.
var wantClasses = []struct {
	code    int
	slug    string
	classes []eligibility.Class
}{
	{1, "community-school", []eligibility.Class{eligibility.LAMaintained}},
	{2, "voluntary-aided-school", []eligibility.Class{eligibility.LAMaintained}},
	{3, "voluntary-controlled-school", []eligibility.Class{eligibility.LAMaintained}},
	{5, "foundation-school", []eligibility.Class{eligibility.LAMaintained}},
	{6, "city-technology-college", []eligibility.Class{eligibility.CityTechnologyCollege}},
	{7, "community-special-school", []eligibility.Class{eligibility.LAMaintained}},
	{8, "non-maintained-special-school", []eligibility.Class{eligibility.NonMaintainedSpecial}},
	{9, "independent-school-approved-for-sen-pupils", nil}, // legacy
	{10, "other-independent-special-school", []eligibility.Class{eligibility.Independent}},
	{11, "other-independent-school", []eligibility.Class{eligibility.Independent}},
	{12, "foundation-special-school", []eligibility.Class{eligibility.LAMaintained}},
	{14, "pupil-referral-unit", []eligibility.Class{eligibility.LAMaintained}},
	{15, "local-authority-nursery-school", []eligibility.Class{eligibility.LAMaintained}},
	{17, "european-schools", nil}, // legacy
	{18, "further-education", []eligibility.Class{eligibility.College}},
	{22, "early-years-setting", nil},         // legacy
	{23, "playing-for-success-centres", nil}, // legacy
	{24, "secure-units", nil},
	{25, "offshore-schools", nil},
	{26, "service-childrens-education", nil},
	{27, "miscellaneous", nil},
	{28, "academy-sponsor-led", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{29, "higher-education-institutions", nil},
	{30, "welsh-establishment", nil},
	{31, "sixth-form-centres", []eligibility.Class{eligibility.College}},
	{32, "special-post-16-institution", nil},
	{33, "academy-special-sponsor-led", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{34, "academy-converter", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{35, "free-schools", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{36, "free-schools-special", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{37, "british-schools-overseas", nil},
	{38, "free-schools-alternative-provision", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{39, "free-schools-16-to-19", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{40, "university-technical-college", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{41, "studio-schools", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{42, "academy-alternative-provision-converter", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{43, "academy-alternative-provision-sponsor-led", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{44, "academy-special-converter", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{45, "academy-16-to-19-converter", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{46, "academy-16-to-19-sponsor-led", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{47, "childrens-centre", nil},
	{48, "childrens-centre-linked-site", nil},
	{49, "online-provider", nil},
	{56, "institution-funded-by-other-government-department", nil},
	{57, "academy-secure-16-to-19", []eligibility.Class{eligibility.AcademyOrFreeSchool}},
	{98, "legacy-types", nil}, // legacy
}

func TestEveryGIASTypeIsInTheRightClasses(t *testing.T) {
	types := eligibility.EstablishmentTypes()
	require.Len(t, types, len(wantClasses))
	for i, want := range wantClasses {
		t.Run(want.slug, func(t *testing.T) {
			require.Equal(t, want.code, types[i].Code)
			require.Equal(t, want.slug, types[i].Slug)
			require.Equal(t, want.classes, eligibility.ClassesOf(want.slug))
			for _, c := range allClasses {
				require.Equal(t, slices.Contains(want.classes, c), eligibility.InClass(want.slug, []eligibility.Class{c}), c)
			}
		})
	}
}

var allClasses = []eligibility.Class{
	eligibility.LAMaintained, eligibility.AcademyOrFreeSchool, eligibility.College,
	eligibility.Independent, eligibility.CityTechnologyCollege, eligibility.NonMaintainedSpecial,
}

func TestEstablishmentTypesAreInCodeOrderWithUniqueSlugs(t *testing.T) {
	types := eligibility.EstablishmentTypes()
	slugs := map[string]bool{}
	for i, ty := range types {
		if i > 0 {
			require.Less(t, types[i-1].Code, ty.Code)
		}
		require.False(t, slugs[ty.Slug], "duplicate slug %s", ty.Slug)
		slugs[ty.Slug] = true
		require.NotEmpty(t, ty.Name)
	}
}

// slugOf is the documented slug rule: lower case, "16-19" and "16 to 19"
// become "16-to-19", apostrophes dropped, spaces become hyphens.
func slugOf(name string) string {
	s := strings.ToLower(name)
	s = strings.ReplaceAll(s, "16-19", "16 to 19")
	s = strings.ReplaceAll(s, "'", "")
	return strings.ReplaceAll(s, " ", "-")
}

func TestSlugsFollowGIASNames(t *testing.T) {
	for _, ty := range eligibility.EstablishmentTypes() {
		require.Equal(t, slugOf(ty.Name), ty.Slug, ty.Name)
	}
}

func TestEstablishmentTypeBySlugFindsEveryType(t *testing.T) {
	for _, ty := range eligibility.EstablishmentTypes() {
		got, ok := eligibility.EstablishmentTypeBySlug(ty.Slug)
		require.True(t, ok)
		require.Equal(t, ty, got)
	}
	for _, slug := range []string{"", "Community-school", "community school", "academy", "academy-16-19-converter"} {
		_, ok := eligibility.EstablishmentTypeBySlug(slug)
		require.False(t, ok, slug)
	}
	got, _ := eligibility.EstablishmentTypeBySlug("community-school")
	require.Equal(t, eligibility.EstablishmentType{Slug: "community-school", Code: 1, Name: "Community school"}, got)
}

func TestEstablishmentTypesCannotBeChangedByCallers(t *testing.T) {
	types := eligibility.EstablishmentTypes()
	types[0].Slug = "changed"
	require.Equal(t, "community-school", eligibility.EstablishmentTypes()[0].Slug)

	codes := eligibility.ClassCodes()
	codes[eligibility.LAMaintained][0] = 99
	codes[eligibility.Independent] = nil
	require.Equal(t, 1, eligibility.ClassCodes()[eligibility.LAMaintained][0])
	require.Equal(t, []int{10, 11}, eligibility.ClassCodes()[eligibility.Independent])
}

func TestEveryClassCodeIsAGIASType(t *testing.T) {
	codes := map[int]bool{}
	for _, ty := range eligibility.EstablishmentTypes() {
		codes[ty.Code] = true
	}
	classes := eligibility.ClassCodes()
	require.Len(t, classes, len(allClasses))
	seen := map[int]eligibility.Class{}
	for class, cc := range classes {
		for _, code := range cc {
			require.True(t, codes[code], "class %s names code %d", class, code)
			require.Empty(t, seen[code], "code %d is in %s and %s", code, seen[code], class)
			seen[code] = class
		}
	}
}

func TestClassCodesAreTheSpecSets(t *testing.T) {
	require.Equal(t, map[eligibility.Class][]int{
		eligibility.LAMaintained:          {1, 2, 3, 5, 7, 12, 14, 15},
		eligibility.AcademyOrFreeSchool:   {28, 33, 34, 35, 36, 38, 39, 40, 41, 42, 43, 44, 45, 46, 57},
		eligibility.College:               {18, 31},
		eligibility.Independent:           {10, 11},
		eligibility.CityTechnologyCollege: {6},
		eligibility.NonMaintainedSpecial:  {8},
	}, eligibility.ClassCodes())
}

func TestStateFundingAndMaintenanceOfEachKindOfSchool(t *testing.T) {
	tests := []struct {
		slug                    string
		stateFunded, maintained bool
	}{
		{"community-school", true, true},
		{"local-authority-nursery-school", true, true},
		{"pupil-referral-unit", true, true},
		{"further-education", true, true},
		{"sixth-form-centres", true, true},
		{"city-technology-college", true, false}, // state-funded but not maintained
		{"academy-converter", true, false},
		{"academy-sponsor-led", true, false},
		{"free-schools", true, false},
		{"university-technical-college", true, false},
		{"academy-secure-16-to-19", true, false},
		{"other-independent-school", false, false},
		{"other-independent-special-school", false, false},
		{"non-maintained-special-school", false, false},
		{"secure-units", false, false},
		{"higher-education-institutions", false, false},
		{"welsh-establishment", false, false},
		{"", false, false},
		{"not-a-type", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			require.Equal(t, tt.stateFunded, eligibility.InClass(tt.slug, eligibility.StateFundedClasses), "state-funded")
			require.Equal(t, tt.maintained, eligibility.InClass(tt.slug, eligibility.MaintainedClasses), "maintained")
		})
	}
}

func TestInClassWithNoClassesAdmitsNothing(t *testing.T) {
	require.False(t, eligibility.InClass("community-school", nil))
	require.False(t, eligibility.InClass("community-school", []eligibility.Class{"no-such-class"}))
	require.Empty(t, eligibility.ClassesOf("not-a-type"))
}

func TestInClassDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		eligibility.InClass("academy-converter", eligibility.StateFundedClasses)
		eligibility.InClass("academy-converter", eligibility.MaintainedClasses)
	})
	require.Zero(t, allocs)
}
