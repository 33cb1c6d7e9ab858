package stemkn_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
	"github.com/stretchr/testify/require"
)

// schemeWith is a scheme file extending enthuse-2022 with these rules.
func schemeWith(rules string) string {
	return `{"id":"x","title":"X","extends":"enthuse-2022","rules":{` + rules + `}}`
}

// A scheme file's numbers are bounded like a document's: no negative cap,
// ceiling, month or week; counts no document could reach are refused; a
// percentage is a percentage. Each bound is tried at it and one past it.
func TestSchemeNumbersHaveSaneBounds(t *testing.T) {
	ref := `"reference":"r"`
	tests := []struct {
		name, rules, err string // err "" when the file loads
	}{
		{"a cap of 1", `"cap":{"amount":1,` + ref + `}`, ""},
		{"a cap of 0", `"cap":{"amount":0,` + ref + `}`, "cap.amount must be from 1 to 1000000000000000, not 0"},
		{"a cap of -1", `"cap":{"amount":-1,` + ref + `}`, "cap.amount must be from 1 to 1000000000000000, not -1"},
		{"a cap of -2^63", `"cap":{"amount":-9223372036854775808,` + ref + `}`, "cap.amount must be from 1 to 1000000000000000, not -9223372036854775808"},
		{"a cap of 10^15", `"cap":{"amount":1000000000000000,` + ref + `}`, ""},
		{"a cap past 10^15", `"cap":{"amount":1000000000000001,` + ref + `}`, "cap.amount must be from 1 to 1000000000000000, not 1000000000000001"},
		{"a negative ceiling", `"monthlyCap":{"perMonth":100,"ceiling":-1,` + ref + `}`, "monthlyCap.ceiling must be from 1 to 1000000000000000, not -1"},
		{"a monthly cap of 0", `"monthlyCap":{"perMonth":0,"ceiling":100,` + ref + `}`, "monthlyCap.perMonth must be from 1 to 1000000000000000, not 0"},
		{"a monthly cap", `"monthlyCap":{"perMonth":1,"ceiling":1,` + ref + `}`, ""},
		{"a negative maxMonths (was no limit)", `"duration":{"maxMonths":-1,` + ref + `}`, "duration.maxMonths must be from 0 to 1200, not -1"},
		{"maxMonths of 1200", `"duration":{"maxMonths":1200,` + ref + `}`, ""},
		{"maxMonths of 1201", `"duration":{"maxMonths":1201,` + ref + `}`, "duration.maxMonths must be from 0 to 1200, not 1201"},
		{"a negative minMonths", `"duration":{"minMonths":-1,` + ref + `}`, "duration.minMonths must be from 0 to 1200, not -1"},
		{"a negative minWeeks", `"duration":{"minWeeks":-1,` + ref + `}`, "duration.minWeeks must be from 0 to 5218, not -1"},
		{"minWeeks of 5218", `"duration":{"minWeeks":5218,` + ref + `}`, ""},
		{"minMonths over maxMonths", `"duration":{"minMonths":25,"maxMonths":24,` + ref + `}`, "duration.minMonths must be no more than duration.maxMonths"},
		{"minMonths at maxMonths", `"duration":{"minMonths":24,"maxMonths":24,` + ref + `}`, ""},
		{"a subject spread of 2^63-1", `"subjectSpread":{"min":9223372036854775807,` + ref + `}`, "subjectSpread.min must be from 0 to 4, not 9223372036854775807"},
		{"a subject spread of 4", `"subjectSpread":{"min":4,` + ref + `}`, ""},
		{"a subject spread of 5", `"subjectSpread":{"min":5,` + ref + `}`, "subjectSpread.min must be from 0 to 4, not 5"},
		{"a negative subject spread", `"subjectSpread":{"min":-1,` + ref + `}`, "subjectSpread.min must be from 0 to 4, not -1"},
		{"1,000 institutions", `"minInstitutions":{"min":1000,` + ref + `}`, ""},
		{"1,001 institutions", `"minInstitutions":{"min":1001,` + ref + `}`, "minInstitutions.min must be from 0 to 1000, not 1001"},
		{"50 outputs", `"outputs":{"min":50,` + ref + `}`, ""},
		{"51 outputs", `"outputs":{"min":51,` + ref + `}`, "outputs.min must be from 0 to 50, not 51"},
		{"1,001 countries", `"countries":{"min":1001,` + ref + `}`, "countries.min must be from 0 to 1000, not 1001"},
		{"a unit cost for 1,000 organisations", `"unitCost":{"category":"coaching","coordinatorPerMonth":1,"partnerPerMonth":0,"maxOrganisations":1000,` + ref + `}`, ""},
		{"a unit cost for 1,001 organisations", `"unitCost":{"category":"coaching","coordinatorPerMonth":1,"partnerPerMonth":0,"maxOrganisations":1001,` + ref + `}`,
			"unitCost.maxOrganisations must be from 1 to 1000, not 1001"},
		{"a negative unit cost", `"unitCost":{"category":"coaching","coordinatorPerMonth":-1,"partnerPerMonth":0,"maxOrganisations":2,` + ref + `}`,
			"unitCost.coordinatorPerMonth must be from 0 to 1000000000000000, not -1"},
		{"a share of 101%", `"categoryShares":[{"category":"resources","maxPercent":101,` + ref + `}]`, "categoryShares.resources.maxPercent must be from 0 to 100, not 101"},
		{"two shares of one category", `"categoryShares":[{"category":"resources","maxPercent":20,` + ref + `},{"category":"resources","maxPercent":30,` + ref + `}]`,
			"has two rules called categoryShares.resources: a rule, and its outcome in a result, is named once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := stemkn.NewCatalogue().Load([]byte(schemeWith(tt.rules)))
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, "scheme x: "+tt.err)
		})
	}
}

// A scheme's lists are bounded, and its theme and category ids are each
// given once (the schema had "enum": ["resources", "resources", …]).
func TestSchemeListsAreBoundedAndTheirIDsUnique(t *testing.T) {
	themes := func(n int) string {
		var items []string
		for i := range n {
			items = append(items, `{"id":"t`+strconv.Itoa(i)+`","title":"T"}`)
		}
		return `{"id":"x","title":"X","extends":"stem-kn-2011","themes":[` + strings.Join(items, ",") + `]}`
	}
	tests := []struct{ name, file, err string }{
		{"100 themes", themes(100), ""},
		{"101 themes", themes(101), "has 101 themes; at most 100 are allowed"},
		{"a theme given twice", `{"id":"x","title":"X","extends":"stem-kn-2011","themes":[{"id":"a","title":"A"},{"id":"a","title":"B"}]}`,
			"has the theme a twice: each theme id is given once"},
		{"a category given twice", `{"id":"x","title":"X","extends":"enthuse-2022","categories":[{"id":"resources","title":"R"},{"id":"resources","title":"S"}],"rules":{"categoryShares":null}}`,
			"has the category resources twice: each category id is given once"},
		{"a category id of 64 characters", `{"id":"x","title":"X","extends":"enthuse-2022","categories":[{"id":"` + strings.Repeat("c", 64) + `","title":"C"}],"rules":{"categoryShares":null}}`, ""},
		{"a category id of 65 characters", `{"id":"x","title":"X","extends":"enthuse-2022","categories":[{"id":"` + strings.Repeat("c", 65) + `","title":"C"}],"rules":{"categoryShares":null}}`,
			"has a category whose id is empty or longer than 64 characters"},
		{"a scheme id of 100 characters", `{"id":"` + strings.Repeat("s", 100) + `","title":"X","extends":"stem-kn-2011"}`, ""},
		{"a scheme id of 101 characters", `{"id":"` + strings.Repeat("s", 101) + `","title":"X","extends":"stem-kn-2011"}`,
			"has an id longer than 100 characters, which no document can name"},
		{"a key given twice", `{"id":"x","title":"X","extends":"stem-kn-2011","rules":{"cap":{"amount":100,"reference":"r"},"cap":{"amount":-5,"reference":"r"}}}`,
			`gives "cap" twice in one object: give each key once`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := stemkn.NewCatalogue().Load([]byte(tt.file))
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			id := "x"
			if strings.HasPrefix(tt.name, "a scheme id") {
				id = strings.Repeat("s", 101)
			}
			require.EqualError(t, err, "scheme "+id+": "+tt.err)
		})
	}
}

// A test case's document may repeat a key (that may be what it tests); the
// scheme file around it may not.
func TestASchemeTestsDocumentMayRepeatAKey(t *testing.T) {
	file := `{"id":"x","title":"X","extends":"stem-kn-2011","tests":[{"name":"a repeated key","document":{"scheme":"x","scheme":"y"},"expect":{"valid":false}}]}`
	_, err := stemkn.NewCatalogue().Load([]byte(file))
	require.NoError(t, err)
}

// A scheme file is at most 8 MiB, and no more than that is read: loading
// /dev/zero, which never ends, stops one byte past the limit.
func TestASchemeFileHasASizeLimit(t *testing.T) {
	const limit = 8 << 20
	pad := func(n int) []byte {
		head := `{"id":"x","title":"X","extends":"stem-kn-2011"}`
		return []byte(head + strings.Repeat(" ", n-len(head)))
	}
	_, err := stemkn.NewCatalogue().Load(pad(limit))
	require.NoError(t, err)
	_, err = stemkn.NewCatalogue().Load(pad(limit + 1))
	require.EqualError(t, err, "scheme file: is larger than 8388608 bytes, the most a scheme file may be")

	path := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(path, pad(limit+1), 0o644))
	_, err = stemkn.NewCatalogue().LoadFile(path)
	require.EqualError(t, err, "scheme file "+path+": is larger than 8388608 bytes, the most a scheme file may be")

	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = stemkn.NewCatalogue().LoadFile("/dev/zero")
	runtime.ReadMemStats(&after)
	require.EqualError(t, err, "scheme file /dev/zero: is larger than 8388608 bytes, the most a scheme file may be")
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8*limit), "reading stops at the limit (a few copies of it as the buffer grows)")
}

// A chain of extending files is resolved one file at a time: 400 files that
// each extend the one before took 33 s (each resolved its whole chain
// again). BenchmarkCatalogueLoadChain shows the cost per file stays flat.
func TestALongChainOfExtendingFilesLoads(t *testing.T) {
	c := stemkn.NewCatalogue()
	loaded, err := c.Load(benchdata.SchemeChain(400)...)
	require.NoError(t, err)
	require.Len(t, loaded, 400)
	base, _ := c.Scheme("enthuse-2022")
	require.Equal(t, base.Rules.Cap.Amount, loaded[399].Rules.Cap.Amount)
	require.Equal(t, "Chain 399", loaded[399].Title)

	// A cycle through the chain is still found, and named.
	_, err = stemkn.NewCatalogue().Load([]byte(`{"id":"a","title":"A","extends":"c"}`), []byte(`{"id":"b","title":"B","extends":"a"}`), []byte(`{"id":"c","title":"C","extends":"b"}`))
	require.EqualError(t, err, "scheme a: extends itself through a → c → b → a")
}

// A validator judges by the catalogue's schemes as they are now: a scheme
// that Load replaces after NewValidator applies from the next document
// (the old cap went on being applied).
func TestAValidatorSeesTheCataloguesCurrentSchemes(t *testing.T) {
	c := stemkn.NewCatalogue()
	v := stemkn.NewValidator(c)
	doc, err := os.ReadFile("testdata/stem-kn-2011-valid.json")
	require.NoError(t, err)
	require.True(t, v.Validate(doc, stemkn.Options{}).Valid)

	_, err = c.Load(withCap(t, c, 100))
	require.NoError(t, err)
	res := v.Validate(doc, stemkn.Options{})
	require.False(t, res.Valid)
	cap := findingAt(t, res, "/funding/lines")
	require.Equal(t, int64(100), cap.Params["cap"])
	require.True(t, strings.HasPrefix(cap.Message, "The total must be £1.00 or less: it is "), cap.Message)
}

// withCap is the catalogue's stem-kn-2011 as a scheme file that replaces
// it, with another cap.
func withCap(t *testing.T, c *stemkn.Catalogue, amount int) []byte {
	t.Helper()
	s, ok := c.Scheme("stem-kn-2011")
	require.True(t, ok)
	replaced := *s
	replaced.Rules.Cap = &stemkn.CapRule{Amount: budget.Amount(amount), Citation: stemkn.Citation{Reference: "A lower cap."}}
	data, err := json.Marshal(&replaced)
	require.NoError(t, err)
	return data
}

// Loading while validating is safe (run with -race).
func TestLoadingWhileValidatingIsSafe(t *testing.T) {
	c := stemkn.NewCatalogue()
	v := stemkn.NewValidator(c)
	doc, err := os.ReadFile("testdata/stem-kn-2011-valid.json")
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				v.Validate(doc, stemkn.Options{})
			}
		}()
	}
	for i := range 20 {
		_, err := c.Load(withCap(t, c, 100+i))
		require.NoError(t, err)
	}
	wg.Wait()
	require.Equal(t, int64(119), findingAt(t, v.Validate(doc, stemkn.Options{}), "/funding/lines").Params["cap"])
}
