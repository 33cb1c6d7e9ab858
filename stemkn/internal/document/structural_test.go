package document

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestCustomTagsAgreeWithTheirSchemaForms checks each custom validate tag's Go
// check against the pattern the JSON Schema export publishes for it, on
// hand-picked edge cases and on random strings from the characters that
// matter, so the widget, the schema and Go give one answer.
func TestCustomTagsAgreeWithTheirSchemaForms(t *testing.T) {
	edges := map[string][]string{
		"email": {"a@b.c", "a@b", "a@b.", "a@.b", "@b.c", "a@@b.c", "a b@c.d", "a@b..c", "a@.b.c", "a@b.c\n", "\ta@b.c",
			"é@ü.ß", "a@b@c.d", "a.b@c", "ab@c.de", ""},
		"urn":   {"107552", "10755", "1075521", "10755a", "０１２３４５", " 107552", "000000", ""},
		"ukprn": {"10012345", "20012345", "1001234", "100123456", "1001234x", "10000000", ""},
		"pic":   {"999999999", "99999999", "9999999999", "99999999a", "000000000", ""},
		"postcode": {"SW1A 1AA", "W1 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "sw1a 1aa", "SW1A1AA",
			"SW1A  1AA", "1W1 1AA", "AAA1 1AA", "A1AA 1AA", "W1 1A", "W1 11A", "W 1AA", " W1 1AA", "W1 1AA ", ""},
		"company-number": {"01234567", "SC123456", "NI123456", "sc123456", "S1234567", "1234567", "123456789", "SC12345a", ""},
		"date": {"2011-01-10", "2011-02-29", "2011-04-31", "2011-13-01", "2011-00-01", "2011-01-32", "20110110", "2011-1-10",
			"2011-01-10\n", "0000-01-01", "9999-12-31", ""},
	}
	alphabet := []rune("aAzZ09 .@\t\n-é")
	for _, tag := range customTags {
		if tag.pattern == "" {
			continue
		}
		re := regexp.MustCompile(tag.pattern)
		cases := append([]string(nil), edges[tag.name]...)
		require.NotEmpty(t, cases, "edge cases for %s", tag.name)
		rng := rand.New(rand.NewPCG(1, uint64(len(tag.name))))
		for i := 0; i < 20000; i++ {
			// Mutate an edge case: it keeps random strings near the boundary.
			r := []rune(cases[rng.IntN(len(edges[tag.name]))])
			for k := rng.IntN(3); k >= 0; k-- {
				switch pos := rng.IntN(len(r) + 1); rng.IntN(3) {
				case 0:
					r = append(r[:pos], append([]rune{alphabet[rng.IntN(len(alphabet))]}, r[pos:]...)...)
				case 1:
					if pos < len(r) {
						r = append(r[:pos], r[pos+1:]...)
					}
				default:
					if pos < len(r) {
						r[pos] = alphabet[rng.IntN(len(alphabet))]
					}
				}
			}
			cases = append(cases, string(r))
		}
		check := tag.check
		if tag.format == "date" {
			check = wellFormedDate // the pattern says the shape; the calendar is the format's
		}
		for _, s := range cases {
			require.Equal(t, re.MatchString(s), check(s), "%s %q: pattern and Go check disagree", tag.name, s)
			if tag.length > 0 && re.MatchString(s) {
				require.Equal(t, tag.length, utf8.RuneCountInString(s), "%s %q: length", tag.name, s)
			}
			if tag.oneLine && re.MatchString(s) {
				require.NotContains(t, s, "\n", tag.name)
			}
		}
	}
}

// wellFormedDate is YYYY-MM-DD with a month from 01 to 12 and a day from 01
// to 31, what the date pattern says; a real date (isDate) is one of them.
func wellFormedDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	month, day := (s[5]-'0')*10+s[6]-'0', (s[8]-'0')*10+s[9]-'0'
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

func TestDatesAreRealCalendarDates(t *testing.T) {
	cases := []string{"2011-01-10", "2011-02-29", "2012-02-29", "1900-02-29", "2000-02-29", "2011-13-01", "2011-00-01", "2011-04-31",
		"2011-04-30", "0000-01-01", "9999-12-31", "2011-1-10", "2011-01-1", "20110110", "2011/01/10", "2011-01-10 ", "+011-01-10", ""}
	for y := 1999; y <= 2001; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, strings.Join([]string{pad(y, 4), pad(m, 2), pad(d, 2)}, "-"))
			}
		}
	}
	for _, s := range cases {
		_, err := time.Parse("2006-01-02", s)
		require.Equal(t, err == nil, isDate(s), s)
	}
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", max(0, width-len(s))) + s
}
