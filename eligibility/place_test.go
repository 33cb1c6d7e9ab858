package eligibility_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

func TestInEnglandNeedsGBAndGBENG(t *testing.T) {
	tests := []struct {
		place eligibility.Place
		want  bool
	}{
		{eligibility.Place{Country: "GB", Subdivision: "GB-ENG"}, true},
		{eligibility.Place{Country: "GB", Subdivision: "GB-WLS"}, false},
		{eligibility.Place{Country: "GB", Subdivision: "GB-SCT"}, false},
		{eligibility.Place{Country: "GB", Subdivision: "GB-NIR"}, false},
		{eligibility.Place{Country: "GB"}, false},
		{eligibility.Place{Country: "IE", Subdivision: "GB-ENG"}, false},
		{eligibility.Place{Subdivision: "GB-ENG"}, false},
		{eligibility.Place{Country: "gb", Subdivision: "gb-eng"}, false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, tt.place.InEngland(), "%+v", tt.place)
	}
}

func TestUKSubdivisionsAreTheFourNations(t *testing.T) {
	require.Equal(t, []string{"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}, eligibility.Subdivisions())
	subs := eligibility.Subdivisions()
	subs[0] = "XX"
	require.Equal(t, "GB-ENG", eligibility.Subdivisions()[0], "the list is a copy")
}

func TestRegionsAreTheNineEnglishRegions(t *testing.T) {
	var slugs []string
	for _, r := range eligibility.Regions() {
		slugs = append(slugs, r.Slug)
		require.NotEmpty(t, r.Name)
	}
	require.Equal(t, []string{"north-east", "north-west", "yorkshire-and-the-humber", "east-midlands",
		"west-midlands", "east-of-england", "london", "south-east", "south-west"}, slugs)
}

func TestCountryTableHoldsTheAssignedISOCodes(t *testing.T) {
	codes := eligibility.CountryCodes()
	require.Len(t, codes, 249)
	require.True(t, slices.IsSorted(codes))
	require.Len(t, slices.Compact(slices.Clone(codes)), 249)
	for _, c := range codes {
		require.True(t, eligibility.IsCountryCode(c), c)
	}
	codes[0] = "ZZ"
	require.False(t, eligibility.IsCountryCode("ZZ"))
}

func TestIsCountryCodeAcceptsOnlyAssignedCodes(t *testing.T) {
	tests := map[string]bool{
		"GB": true, "DE": true, "GR": true, "MK": true, "AD": true, "ZW": true, "SS": true,
		"UK": false, // exceptionally reserved
		"EL": false, // the EU's code for Greece
		"EU": false,
		"XK": false, // user-assigned (Kosovo)
		"AA": false, "ZZ": false, "YU": false,
		"gb": false, "Gb": false, "GBR": false, "G": false, "": false, "G1": false,
	}
	for code, want := range tests {
		require.Equal(t, want, eligibility.IsCountryCode(code), code)
	}
}

func TestProgrammeCountries2016AreTheEU28AndFiveOthers(t *testing.T) {
	pcs := eligibility.ProgrammeCountries2016()
	require.Len(t, pcs, 33)
	for _, c := range pcs {
		require.True(t, eligibility.IsCountryCode(c), c)
	}
	require.ElementsMatch(t, []string{
		"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
		"LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "MK", "IS", "LI", "NO", "TR",
	}, pcs)
	require.NotContains(t, pcs, "EL")
	require.NotContains(t, pcs, "UK")
	require.NotContains(t, pcs, "CH") // Switzerland was a Partner Country in 2016
}

func TestDistinctCountriesInCountsEachAllowedCountryOnce(t *testing.T) {
	pcs := eligibility.ProgrammeCountries2016()
	tests := []struct {
		name      string
		countries []string
		allowed   []string
		want      int
	}{
		{"none", nil, pcs, 0},
		{"one", []string{"DE"}, pcs, 1},
		{"repeats count once", []string{"DE", "DE", "DE"}, pcs, 1},
		{"three programme countries", []string{"DE", "GB", "NL", "DE"}, pcs, 3},
		{"two programme countries and a partner country", []string{"DE", "GB", "CH"}, pcs, 2},
		{"EU code for Greece is not ISO", []string{"DE", "GB", "EL"}, pcs, 2},
		{"ISO code for Greece", []string{"DE", "GB", "GR"}, pcs, 3},
		{"not stated", []string{"DE", "", "GB"}, pcs, 2},
		{"nil allowed means any country", []string{"DE", "CH", "US", "US"}, nil, 3},
		{"nil allowed still needs country codes", []string{"DE", "UK", "", "xx"}, nil, 1},
		{"empty allowed admits none", []string{"DE"}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, eligibility.DistinctCountriesIn(tt.countries, tt.allowed))
		})
	}
}

func TestDistinctCountriesInDoesNotAllocate(t *testing.T) {
	pcs := eligibility.ProgrammeCountries2016()
	countries := []string{"DE", "GB", "NL", "DE", "CH"}
	require.Zero(t, testing.AllocsPerRun(100, func() { eligibility.DistinctCountriesIn(countries, pcs) }))
}
