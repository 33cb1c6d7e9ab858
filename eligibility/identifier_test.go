package eligibility_test

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/eligibility"
)

func TestIdentifierCheckersAcceptAndReject(t *testing.T) {
	tests := []struct {
		in              string
		urn, ukprn, pic bool
	}{
		{"107552", true, false, false},
		{"10755", false, false, false},
		{"1075520", false, false, false},
		{"10001234", false, true, false},
		{"20001234", false, false, false}, // UKPRNs start with 1
		{"1000123", false, false, false},
		{"100012345", false, false, true},
		{"949645123", false, false, true},
		{"94964512", false, false, false},
		{"9496451234", false, false, false},
		{"", false, false, false},
		{"10755a", false, false, false},
		{" 107552", false, false, false},
		{"107552\n", false, false, false},
		{"1075٣2", false, false, false}, // Arabic-Indic three
		{"-10755", false, false, false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.urn, eligibility.IsURN(tt.in), "URN %q", tt.in)
		require.Equal(t, tt.ukprn, eligibility.IsUKPRN(tt.in), "UKPRN %q", tt.in)
		require.Equal(t, tt.pic, eligibility.IsPIC(tt.in), "PIC %q", tt.in)
	}
}

// identifierLikeStrings makes strings of lengths 0–12 from a fixed seed,
// mostly ASCII digits (so that many are valid identifiers) with letters,
// signs, spaces, a newline, and digits of other scripts ('٣' Arabic-Indic
// three, '５' fullwidth five, '३' Devanagari three).
func identifierLikeStrings() []string {
	alphabet := []rune("01234567891111abcXYZ-+ \n٣５३")
	r := rand.New(rand.NewPCG(11, 12))
	var out []string
	for n := 0; n <= 12; n++ {
		for range 3000 {
			b := make([]rune, n)
			for i := range b {
				if r.IntN(4) == 0 {
					b[i] = alphabet[r.IntN(len(alphabet))]
				} else {
					b[i] = rune('0' + r.IntN(10))
				}
			}
			out = append(out, string(b))
		}
	}
	return out
}

func TestIdentifierCheckersAgreeWithTheirPatterns(t *testing.T) {
	checks := []struct {
		pattern string
		is      func(string) bool
	}{
		{eligibility.URNPattern, eligibility.IsURN},
		{eligibility.UKPRNPattern, eligibility.IsUKPRN},
		{eligibility.PICPattern, eligibility.IsPIC},
	}
	inputs := identifierLikeStrings()
	require.Len(t, inputs, 13*3000)
	for _, c := range checks {
		re := regexp.MustCompile(c.pattern)
		matched := 0
		for _, s := range inputs {
			want := re.MatchString(s)
			if want {
				matched++
			}
			require.Equal(t, want, c.is(s), "%s on %q", c.pattern, s)
		}
		require.Greater(t, matched, 50, "%s: the generated set must hold valid identifiers too", c.pattern)
	}
}
