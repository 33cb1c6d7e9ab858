package stemkn_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

var updateCohort = flag.Bool("update-cohort", false, "rewrite testdata/enthuse-2014-cohort.ndjson from its generator")

const cohortFile = "testdata/enthuse-2014-cohort.ndjson"

// Seed 004: "There are currently 38 ENTHUSE Partnerships running,
// comprising 248 schools, of which 201 are primary and 47 are secondary
// schools." Each asks for the £12,000 maximum.
const (
	cohortPartnerships = 38
	cohortPrimary      = 201
	cohortSecondary    = 47
	cohortSchools      = cohortPrimary + cohortSecondary
	cohortPerGrant     = 1_200_000
)

// How a cohort school is identified: most by URN, some only by UKPRN, PIC or
// name and postcode, so every step of the identity precedence is exercised.
func cohortIdentity(i int) string {
	switch {
	case i%11 == 7:
		return "ukprn"
	case i%13 == 5:
		return "name"
	case i%29 == 3:
		return "pic"
	}
	return "urn"
}

// cohortShared reports whether school i also joins a second partnership.
// The thirteen shared schools include every kind of identity: 3 by PIC, 83 by
// name and postcode, 183 by UKPRN, the rest by URN.
func cohortShared(i int) bool { return i%20 == 3 }

var (
	cohortPrimaryPhases   = []string{"primary", "primary", "primary", "nursery", "middle-deemed-primary"}
	cohortSecondaryPhases = []string{"secondary", "secondary", "all-through", "16-plus", "middle-deemed-secondary"}
	cohortPlaces          = []string{"Ashby", "Brampton", "Calder", "Denholme", "Eastwood", "Fenwick", "Gosforth", "Hebden", "Ilkley", "Jarrow", "Kirkby", "Langley", "Marsden", "Netherton", "Oakworth", "Pudsey", "Queensbury"}
	cohortAreas           = []string{"NE", "M", "LS", "NG", "B", "CB", "N", "HP", "BS"}
)

func cohortSchool(i, partnership int) stemkn.Institution {
	regions := eligibility.Regions()
	inst := stemkn.Institution{
		ID:      "s" + strconv.Itoa(i),
		Kind:    "school",
		Country: "GB", Subdivision: "GB-ENG",
		Region:   regions[partnership%len(regions)].Slug,
		Postcode: cohortAreas[partnership%len(cohortAreas)] + strconv.Itoa(1+i%20) + " " + strconv.Itoa(i%10) + string(rune('A'+i%26)) + string(rune('A'+i/26%26)),
	}
	place := cohortPlaces[i%len(cohortPlaces)] + " " + strconv.Itoa(1+i/len(cohortPlaces))
	if i < cohortPrimary {
		inst.Phase = cohortPrimaryPhases[i%len(cohortPrimaryPhases)]
		inst.Name = place + " Primary School"
		inst.EstablishmentType = []string{"community-school", "voluntary-aided-school", "academy-converter", "foundation-school"}[i%4]
		if inst.Phase == "nursery" {
			inst.Name = place + " Nursery School"
			inst.EstablishmentType = "local-authority-nursery-school"
		}
	} else {
		inst.Phase = cohortSecondaryPhases[i%len(cohortSecondaryPhases)]
		inst.Name = place + " Academy"
		inst.EstablishmentType = []string{"academy-converter", "academy-sponsor-led", "foundation-school", "free-schools"}[i%4]
	}
	switch cohortIdentity(i) {
	case "urn":
		inst.URN = strconv.Itoa(100000 + 37*i)
	case "ukprn":
		inst.UKPRN = strconv.Itoa(10030000 + i)
	case "pic":
		inst.PIC = strconv.Itoa(945000000 + i)
	}
	return inst
}

// cohortVisit is school i as a second partnership lists it: under its own
// local id, and spelt differently, to show that identifiers outrank names
// and that names and postcodes compare without case or spaces.
func cohortVisit(i, home int) stemkn.Institution {
	inst := cohortSchool(i, home)
	inst.ID = "v" + strconv.Itoa(i)
	switch cohortIdentity(i) {
	case "name":
		inst.Name = strings.ToUpper(inst.Name)
		inst.Postcode = strings.ToLower(strings.ReplaceAll(inst.Postcode, " ", ""))
	default:
		inst.Name = "The " + inst.Name
		inst.Postcode = ""
	}
	return inst
}

// cohortRange is the share of n things that partnership p gets when they
// are dealt out evenly to all partnerships.
func cohortRange(p, n int) (from, to int) {
	return p * n / cohortPartnerships, (p + 1) * n / cohortPartnerships
}

// cohortApplications rebuilds seed 004's cohort as ENTHUSE 2014
// applications, deterministically.
func cohortApplications() []stemkn.Application {
	home := map[int]int{}
	var apps []stemkn.Application
	members := []struct{ role, subject string }{{"teacher", "science"}, {"teacher", "mathematics"}, {"technician", "science"}, {"teacher", "technology"}}
	for p := range cohortPartnerships {
		var insts []stemkn.Institution
		from, to := cohortRange(p, cohortPrimary)
		for i := from; i < to; i++ {
			insts = append(insts, cohortSchool(i, p))
			home[i] = p
		}
		from, to = cohortRange(p, cohortSecondary)
		for i := cohortPrimary + from; i < cohortPrimary+to; i++ {
			insts = append(insts, cohortSchool(i, p))
			home[i] = p
		}
		apps = append(apps, stemkn.Application{
			Scheme:      "enthuse-2014",
			SubmittedOn: "2014-06-30",
			Network: stemkn.Network{
				Name:       cohortPlaces[p%len(cohortPlaces)] + " STEM Partnership " + strconv.Itoa(p+1),
				LocalIssue: "Attainment in science at the end of key stage 2 is below the national average across our schools",
				Lead:       insts[0].ID,
			},
			Plan: stemkn.Plan{
				StartDate: "2014-09-01", EndDate: "2016-07-15",
				Activities: []stemkn.Activity{
					{Title: "Partnership CPD day", Kind: "cpd", Date: "2014-10-06"},
					{Title: "Science fair for pupils", Kind: "student-activity", Date: "2015-03-13"},
				},
			},
			Funding: &stemkn.Funding{Currency: "GBP", Lines: []stemkn.BudgetLine{
				{Category: "cpd", Description: "CPD sessions", Amount: 450_000},
				{Category: "supply-cover", Description: "Release for CPD", Amount: 350_000},
				{Category: "resources", Description: "Practical kits", Amount: 200_000},
				{Category: "student-activities", Description: "Science fair", Amount: 200_000},
			}},
			Contact: stemkn.Contact{Name: "Partnership Lead " + strconv.Itoa(p+1), Email: "lead" + strconv.Itoa(p+1) + "@partnership.example.org"},
		})
		apps[p].Network.Institutions = insts
	}
	for i := range cohortSchools {
		if cohortShared(i) {
			p := (home[i] + 7) % cohortPartnerships
			apps[p].Network.Institutions = append(apps[p].Network.Institutions, cohortVisit(i, home[i]))
		}
	}
	for p := range apps {
		for k, inst := range apps[p].Network.Institutions {
			m := members[k%len(members)]
			role := m.role
			if k == 0 {
				role = "coordinator"
			}
			apps[p].Network.Members = append(apps[p].Network.Members, stemkn.Member{
				Name: "Member " + strconv.Itoa(k+1) + " of partnership " + strconv.Itoa(p+1), Role: role,
				Subjects: []string{m.subject}, Institution: inst.ID,
			})
		}
	}
	return apps
}

func cohortNDJSON(t *testing.T) []byte {
	var b bytes.Buffer
	for _, app := range cohortApplications() {
		line, err := json.Marshal(app)
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestCohortFixtureIsWhatItsGeneratorMakes(t *testing.T) {
	want := cohortNDJSON(t)
	if *updateCohort {
		require.NoError(t, os.WriteFile(cohortFile, want, 0o644))
	}
	got, err := os.ReadFile(cohortFile)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "run go test ./stemkn -run TestCohortFixture -update-cohort")
}

func TestCohortFixtureListsSomeSchoolsTwice(t *testing.T) {
	listed, byIdentity := 0, map[string]int{}
	for _, app := range cohortApplications() {
		listed += len(app.Network.Institutions)
		for _, inst := range app.Network.Institutions {
			if inst.ID[0] == 'v' {
				i, err := strconv.Atoi(inst.ID[1:])
				require.NoError(t, err)
				byIdentity[cohortIdentity(i)]++
			}
		}
	}
	require.Equal(t, cohortSchools+13, listed, "a naive count would be larger than 248")
	require.Equal(t, map[string]int{"urn": 10, "ukprn": 1, "pic": 1, "name": 1}, byIdentity)
}

func TestStatisticsReproduceTheEnthuse2014Cohort(t *testing.T) {
	f, err := os.Open(cohortFile)
	require.NoError(t, err)
	defer f.Close()

	got, err := stemkn.ReadStatistics(f)
	require.NoError(t, err)
	require.Equal(t, stemkn.Statistics{
		Networks:     38,
		Institutions: 248,
		ByPhase:      map[string]int{"primary": 201, "secondary": 47, "other": 0},
		ByRegion: map[string]int{
			"north-east": 31, "north-west": 33, "yorkshire-and-the-humber": 26,
			"east-midlands": 27, "west-midlands": 27, "east-of-england": 24,
			"london": 27, "south-east": 27, "south-west": 26,
		},
		Requested: map[string]int64{"GBP": 45_600_000},
	}, got)
}

// cohortLine is one application line holding the given institutions.
func cohortLine(t *testing.T, insts ...stemkn.Institution) string {
	app := stemkn.Application{Scheme: "enthuse-2014", Network: stemkn.Network{Name: "N", Lead: "a", Institutions: insts, Members: []stemkn.Member{}}}
	line, err := json.Marshal(app)
	require.NoError(t, err)
	return string(line) + "\n"
}

// Two listings are one institution when they share any identifier — a
// URN, a UKPRN, a PIC, or a name and postcode when both give both — and
// two institutions otherwise: a name alone tells no school from another of
// that name.
func TestStatisticsCountAnInstitutionOnceAcrossApplications(t *testing.T) {
	for _, tc := range []struct {
		name  string
		a, b  stemkn.Institution
		count int
	}{
		{"same URN, different names", stemkn.Institution{URN: "107552", Name: "Calder School"}, stemkn.Institution{URN: "107552", Name: "Calder Community School"}, 1},
		{"URN and UKPRN in one, only the UKPRN in the other", stemkn.Institution{URN: "107552", UKPRN: "10012345"}, stemkn.Institution{UKPRN: "10012345"}, 1},
		{"URN, name and postcode in one, only the name and postcode in the other", stemkn.Institution{URN: "107552", Name: "Calder", Postcode: "HX1 1AA"},
			stemkn.Institution{Name: "CALDER", Postcode: "hx11aa"}, 1},
		{"different URNs, same name and postcode", stemkn.Institution{URN: "107552", Name: "Calder", Postcode: "HX1 1AA"}, stemkn.Institution{URN: "107553", Name: "Calder", Postcode: "HX1 1AA"}, 1},
		{"different URNs", stemkn.Institution{URN: "107552", Name: "Calder"}, stemkn.Institution{URN: "107553", Name: "Calder"}, 2},
		{"same UKPRN", stemkn.Institution{UKPRN: "10012345", Name: "X"}, stemkn.Institution{UKPRN: "10012345", Name: "Y"}, 1},
		{"different UKPRNs, same PIC", stemkn.Institution{UKPRN: "10012345", PIC: "999999999"}, stemkn.Institution{UKPRN: "10012346", PIC: "999999999"}, 1},
		{"same PIC", stemkn.Institution{PIC: "999999999", Name: "Centre"}, stemkn.Institution{PIC: "999999999", Name: "Centrum"}, 1},
		{"same name and postcode, other case and spacing", stemkn.Institution{Name: "Hill Top Primary", Postcode: "LS1 4AP"}, stemkn.Institution{Name: "HILL TOP  PRIMARY", Postcode: "ls14ap"}, 1},
		{"same name, other postcode", stemkn.Institution{Name: "Hill Top Primary", Postcode: "LS1 4AP"}, stemkn.Institution{Name: "Hill Top Primary", Postcode: "LS1 4AQ"}, 2},
		{"same name, neither gives a postcode", stemkn.Institution{Name: "St Mary's CE Primary"}, stemkn.Institution{Name: "St Mary's CE Primary"}, 2},
		{"same name, one gives a postcode", stemkn.Institution{Name: "St Mary's CE Primary", Postcode: "LS1 4AP"}, stemkn.Institution{Name: "St Mary's CE Primary"}, 2},
		{"a name and postcode that run into each other", stemkn.Institution{Name: "Ab", Postcode: "C"}, stemkn.Institution{Name: "A", Postcode: "BC"}, 2},
		{"a blank identifier does not count", stemkn.Institution{URN: "  ", Name: "X"}, stemkn.Institution{URN: "  ", Name: "X"}, 2},
		{"nothing to tell them apart", stemkn.Institution{Kind: "school"}, stemkn.Institution{Kind: "school"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := stemkn.ReadStatistics(strings.NewReader(cohortLine(t, tc.a) + cohortLine(t, tc.b)))
			require.NoError(t, err)
			require.Equal(t, 2, got.Networks)
			require.Equal(t, tc.count, got.Institutions)
		})
	}
}

// Identities chain: a listing with a URN and a UKPRN joins one known by its
// URN to one known by its UKPRN, whatever the order they come in.
func TestStatisticsJoinListingsThroughAThirdThatSharesWithBoth(t *testing.T) {
	byURN := stemkn.Institution{URN: "107552", Phase: "primary"}
	byUKPRN := stemkn.Institution{UKPRN: "10012345", Region: "london"}
	both := stemkn.Institution{URN: "107552", UKPRN: "10012345"}
	for _, order := range [][]stemkn.Institution{{byURN, byUKPRN, both}, {both, byURN, byUKPRN}, {byUKPRN, both, byURN}} {
		got, err := stemkn.ReadStatistics(strings.NewReader(cohortLine(t, order[0]) + cohortLine(t, order[1]) + cohortLine(t, order[2])))
		require.NoError(t, err)
		require.Equal(t, 1, got.Institutions)
		require.Equal(t, 1, got.ByPhase["primary"])
		require.Equal(t, map[string]int{"london": 1}, got.ByRegion)
	}
}

// testdata/identity-cohort.ndjson is a cohort built to show how
// institutions are told apart (its README section and the comments in the
// file's generator here say which school is which).
func TestStatisticsTellTheIdentityCohortsSchoolsApart(t *testing.T) {
	want := identityCohort(t)
	if *updateCohort {
		require.NoError(t, os.WriteFile(identityCohortFile, []byte(want), 0o644))
	}
	data, err := os.ReadFile(identityCohortFile)
	require.NoError(t, err)
	require.Equal(t, want, string(data), "testdata/identity-cohort.ndjson is what identityCohort makes (go test -run Identity -update-cohort)")
	got, err := stemkn.ReadStatistics(bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, 4, got.Networks)
	// Calder (URN in one application, its UKPRN in a second, its name and
	// postcode in a third), Hill Top (name and postcode twice), and three
	// different St Mary's CE Primary schools that give no postcode.
	require.Equal(t, 5, got.Institutions)
	require.Equal(t, map[string]int{"primary": 5, "secondary": 0, "other": 0}, got.ByPhase)
}

const identityCohortFile = "testdata/identity-cohort.ndjson"

func identityCohort(t *testing.T) string {
	calder := stemkn.Institution{ID: "calder", Name: "Calder Primary School", Kind: "school", Country: "GB", Subdivision: "GB-ENG", Phase: "primary"}
	byURN, byBoth, byName := calder, calder, calder
	byURN.URN, byURN.UKPRN = "107552", "10012345"
	byBoth.UKPRN = "10012345"
	byBoth.Postcode = "HX7 8AD"
	byName.Name, byName.Postcode = "CALDER PRIMARY SCHOOL", "hx78ad"
	hillTop := stemkn.Institution{ID: "hill", Name: "Hill Top Primary", Postcode: "LS1 4AP", Kind: "school", Country: "GB", Subdivision: "GB-ENG", Phase: "primary"}
	stMarys := stemkn.Institution{ID: "st-marys", Name: "St Mary's CE Primary", Kind: "school", Country: "GB", Subdivision: "GB-ENG", Phase: "primary"}
	return cohortLine(t, byURN, stMarys) + // Calder by URN and UKPRN; a St Mary's
		cohortLine(t, byBoth, hillTop, stMarys) + // Calder by UKPRN (and its postcode); Hill Top; another St Mary's
		cohortLine(t, byName, stMarys) + // Calder by name and postcode; a third St Mary's
		cohortLine(t, hillTop) // Hill Top again, by name and postcode
}

func TestStatisticsTakePhaseAndRegionFromTheFirstListingThatStatesThem(t *testing.T) {
	in := cohortLine(t, stemkn.Institution{URN: "107552", Phase: "primary"}) +
		cohortLine(t, stemkn.Institution{URN: "107552", Phase: "secondary", Region: "london"}) +
		cohortLine(t, stemkn.Institution{URN: "107553"})
	got, err := stemkn.ReadStatistics(strings.NewReader(in))
	require.NoError(t, err)
	require.Equal(t, map[string]int{"primary": 1, "secondary": 0, "other": 1}, got.ByPhase)
	require.Equal(t, map[string]int{"london": 1, "unknown": 1}, got.ByRegion)
}

func TestStatisticsSumMoneyPerCurrency(t *testing.T) {
	in := `{"network":{"institutions":[]},"funding":{"currency":"GBP","lines":[{"category":"cpd","amount":100},{"category":"cpd","amount":250}]}}
{"network":{"institutions":[]},"funding":{"currency":"EUR","lines":[{"category":"cpd","amount":7}]}}
{"network":{"institutions":[]},"funding":{"currency":"GBP","lines":[{"category":"cpd","amount":1}]}}
{"network":{"institutions":[]},"funding":{"lines":[{"category":"cpd","amount":5}]}}
{"network":{"institutions":[]},"funding":{"currency":"EUR"}}
{"network":{"institutions":[]}}
`
	got, err := stemkn.ReadStatistics(strings.NewReader(in))
	require.NoError(t, err)
	require.Equal(t, 6, got.Networks)
	require.Equal(t, map[string]int64{"GBP": 351, "EUR": 7, "unknown": 5}, got.Requested)
}

func TestRequestedMoneyThatOverflowsIsAnError(t *testing.T) {
	line := func(amount int64) string {
		return `{"network":{"institutions":[]},"funding":{"currency":"GBP","lines":[{"category":"cpd","amount":` + strconv.FormatInt(amount, 10) + `}]}}` + "\n"
	}
	t.Run("the largest sum that fits", func(t *testing.T) {
		got, err := stemkn.ReadStatistics(strings.NewReader(line(math.MaxInt64-1) + line(1)))
		require.NoError(t, err)
		require.Equal(t, int64(math.MaxInt64), got.Requested["GBP"])
	})
	t.Run("one more", func(t *testing.T) {
		_, err := stemkn.ReadStatistics(strings.NewReader(line(math.MaxInt64-1) + "\n" + line(2)))
		var overflow *stemkn.RequestedOverflowError
		require.ErrorAs(t, err, &overflow)
		require.Equal(t, stemkn.RequestedOverflowError{Currency: "GBP", Line: 3}, *overflow)
		require.Contains(t, err.Error(), "line 3")
	})
	t.Run("within one application", func(t *testing.T) {
		in := `{"funding":{"currency":"EUR","lines":[{"amount":9223372036854775807},{"amount":1}]}}`
		_, err := stemkn.ReadStatistics(strings.NewReader(in))
		var overflow *stemkn.RequestedOverflowError
		require.ErrorAs(t, err, &overflow)
		require.Equal(t, "EUR", overflow.Currency)
	})
	t.Run("negative amounts are summed exactly too", func(t *testing.T) {
		_, ok := budget.Add(math.MinInt64, -1)
		require.False(t, ok)
		_, err := stemkn.ReadStatistics(strings.NewReader(line(math.MinInt64) + line(-1)))
		var overflow *stemkn.RequestedOverflowError
		require.ErrorAs(t, err, &overflow)
	})
}

func TestLinesThatAreNotApplicationsAreSkipped(t *testing.T) {
	good := cohortLine(t, stemkn.Institution{URN: "107552", Phase: "primary", Region: "london"})
	tooLong := `{"network":{"name":"` + strings.Repeat("x", stemkn.DefaultLimits.Bytes) + `"}}` + "\n"
	for _, tc := range []struct {
		name, line string
		skipped    int
	}{
		{"blank lines are ignored", "\n   \r\n\t\n", 0},
		{"malformed JSON", `{"network":` + "\n", 1},
		{"not an object", "[1,2,3]\n", 1},
		{"a field an application does not have", `{"offer":{"kind":"cpd"}}` + "\n", 1},
		{"a value of the wrong type", `{"network":{"institutions":"many"}}` + "\n", 1},
		{"a repeated key", `{"scheme":"a","scheme":"b"}` + "\n", 1},
		{"a line longer than the input limit", tooLong, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := stemkn.ReadStatistics(strings.NewReader(good + tc.line + good))
			require.NoError(t, err)
			require.Equal(t, tc.skipped, got.Skipped)
			require.Equal(t, 2, got.Networks)
			require.Equal(t, 1, got.Institutions)
		})
	}
}

func TestALineOfExactlyTheLimitIsRead(t *testing.T) {
	head := `{"network":{"name":"`
	tail := `","institutions":[{"urn":"107552"}]}}`
	line := head + strings.Repeat("x", stemkn.DefaultLimits.Bytes-len(head)-len(tail)) + tail
	require.Len(t, line, stemkn.DefaultLimits.Bytes)
	for _, ending := range []string{"", "\n", "\r\n"} {
		got, err := stemkn.ReadStatistics(strings.NewReader(line + ending))
		require.NoError(t, err)
		require.Equal(t, 0, got.Skipped)
		require.Equal(t, 1, got.Institutions)
	}
	got, err := stemkn.ReadStatistics(strings.NewReader(head + "x" + line[len(head):]))
	require.NoError(t, err)
	require.Equal(t, 1, got.Skipped, "one byte past the limit")
}

func TestStatisticsOfNothingAreZero(t *testing.T) {
	got, err := stemkn.ReadStatistics(strings.NewReader(""))
	require.NoError(t, err)
	out, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, `{"networks":0,"institutions":0,"byPhase":{"primary":0,"secondary":0,"other":0},"byRegion":{},"requested":{}}`, string(out))
}

func TestStatisticsPassOnReadErrors(t *testing.T) {
	broken := errors.New("disk on fire")
	_, err := stemkn.ReadStatistics(iotest.ErrReader(broken))
	require.ErrorIs(t, err, broken)
}

func TestDecodeApplicationReadsWithoutJudging(t *testing.T) {
	app, findings := stemkn.DecodeApplication([]byte(`{"scheme":"nope","network":{"name":""}}`))
	require.NotNil(t, app)
	require.Empty(t, findings, "missing and empty values are the validator's business")
	require.Equal(t, "nope", app.Scheme)

	app, findings = stemkn.DecodeApplication([]byte(`{"network":{"name":1,"lead":"a"}}`))
	require.NotNil(t, app)
	require.Equal(t, []stemkn.Code{stemkn.CodeType}, findings.Codes())
	require.Equal(t, "/network/name", findings[0].Path)
	require.NotEmpty(t, findings[0].Message)
	require.Equal(t, "a", app.Network.Lead, "decoding goes on after a type error")

	for _, in := range []string{`{"network":`, `[]`, `"x"`, ""} {
		app, findings = stemkn.DecodeApplication([]byte(in))
		require.Nil(t, app, in)
		require.True(t, findings.HasErrors(), in)
	}
}
