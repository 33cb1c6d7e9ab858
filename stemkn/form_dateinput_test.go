package stemkn_test

import (
	"net/url"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// dateParts posts a date input's three fields, named as govukDateInput
// names them with namePrefix (NAME-day) or in bracket notation (NAME[day]).
func dateParts(form url.Values, name, style, day, month, year string) url.Values {
	parts := map[string]string{"day": day, "month": month, "year": year}
	for part, v := range parts {
		if style == "-" {
			form.Set(name+"-"+part, v)
		} else {
			form.Set(name+"["+part+"]", v)
		}
	}
	return form
}

func TestADateInputDecodesToTheISODateAtItsName(t *testing.T) {
	form := url.Values{"scheme": {"stem-kn-2011"}}
	dateParts(form, "submittedOn", "-", "7", "1", "2011")
	dateParts(form, "plan[startDate]", "-", "1", "2", "2011")
	dateParts(form, "plan[endDate]", "[", " 15 ", "July", "2011")
	dateParts(form, "plan[activities][3][date]", "-", "10th", "feb", "2011")
	form.Set("plan[activities][3][title]", "Joint planning")
	f := builtinValidator.DecodeForm(form, stemkn.Options{})
	require.Empty(t, f.Findings)
	require.JSONEq(t, `{"scheme": "stem-kn-2011", "submittedOn": "2011-01-07",
		"plan": {"startDate": "2011-02-01", "endDate": "2011-07-15",
			"activities": [{"title": "Joint planning", "date": "2011-02-10"}]}}`, string(f.Document))
	require.Equal(t, map[string][]string{
		"/submittedOn":            {"submittedOn-day", "submittedOn-month", "submittedOn-year"},
		"/plan/startDate":         {"plan[startDate]-day", "plan[startDate]-month", "plan[startDate]-year"},
		"/plan/endDate":           {"plan[endDate][day]", "plan[endDate][month]", "plan[endDate][year]"},
		"/plan/activities/0/date": {"plan[activities][3][date]-day", "plan[activities][3][date]-month", "plan[activities][3][date]-year"},
	}, f.DateInputs)
	require.Equal(t, "plan[startDate]-day", f.FieldFor("/plan/startDate"))
	require.Equal(t, "plan[activities][3][date]-day", f.FieldFor("/plan/activities/0/date"))
}

func TestAnOfferTakesItsDatesAsDateInputsToo(t *testing.T) {
	form := url.Values{"scheme": {"stem-exchange"}}
	dateParts(form, "offer[startDate]", "-", "1", "9", "2024")
	f := builtinValidator.DecodeForm(form, stemkn.Options{})
	require.Empty(t, f.Findings)
	require.JSONEq(t, `{"scheme": "stem-exchange", "offer": {"startDate": "2024-09-01"}}`, string(f.Document))
}

func TestASingleFieldDateStillWorks(t *testing.T) {
	f := builtinValidator.DecodeForm(url.Values{"plan[startDate]": {"2011-02-01"}}, stemkn.Options{})
	require.Empty(t, f.Findings)
	require.JSONEq(t, `{"plan": {"startDate": "2011-02-01"}}`, string(f.Document))
	require.Equal(t, "plan[startDate]", f.FieldFor("/plan/startDate"))
	require.Nil(t, f.DateInputs)
}

// A date posted whole and as parts is a field posted twice: the first value
// counts, the whole date, as for any field posted more than once.
func TestADatePostedWholeAndAsPartsKeepsTheWholeDate(t *testing.T) {
	form := url.Values{"plan[startDate]": {"2011-02-01"}}
	dateParts(form, "plan[startDate]", "-", "5", "5", "2015")
	f := builtinValidator.DecodeForm(form, stemkn.Options{})
	require.Empty(t, f.Findings)
	require.JSONEq(t, `{"plan": {"startDate": "2011-02-01"}}`, string(f.Document))
}

func TestADateInputWithEveryPartEmptyIsNoDate(t *testing.T) {
	form := dateParts(url.Values{"scheme": {"stem-kn-2011"}}, "plan[startDate]", "-", "", " ", "")
	res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
	require.JSONEq(t, `{"scheme": "stem-kn-2011", "plan": {}}`, string(f.Document))
	found := findingAt(t, res, "/plan/startDate")
	require.Equal(t, stemkn.CodeRequired, found.Code)
	require.Equal(t, "Enter the start date", found.Message)
	require.Nil(t, found.Params["parts"], "a missing date is the whole date")
	require.Equal(t, []string{"plan[startDate]-day", "plan[startDate]-month", "plan[startDate]-year"}, f.PartsFor(found))
	require.Equal(t, "plan[startDate]-day", f.FieldFor("/plan/startDate"))
}

// GOV.UK's date input pattern: missing parts first ("must include a
// month"), then parts that cannot be correct ("must be a real date"), then
// a year without 4 numbers; the one wrong part is marked, or all three when
// more than one is, or when it is not clear which.
func TestADateInputsFindingsFollowGOVUKsPattern(t *testing.T) {
	all := []string{"day", "month", "year"}
	tests := []struct {
		name             string
		day, month, year string
		message          string
		parts            []string
		missing          []string
		focus            string
	}{
		{"no month", "1", "", "2011", "Start date must include a month", []string{"month"}, []string{"month"}, "month"},
		{"no day", "", "2", "2011", "Start date must include a day", []string{"day"}, []string{"day"}, "day"},
		{"no year", "1", "2", "", "Start date must include a year", []string{"year"}, []string{"year"}, "year"},
		{"no day or month", "", "", "2011", "Start date must include a day and month", all, []string{"day", "month"}, "day"},
		{"no month or year", "1", "", "", "Start date must include a month and year", all, []string{"month", "year"}, "day"},
		{"month 13", "1", "13", "2011", "Start date must be a real date", []string{"month"}, nil, "month"},
		{"day 32", "32", "1", "2011", "Start date must be a real date", []string{"day"}, nil, "day"},
		{"a year in words", "1", "1", "twenty", "Start date must be a real date", []string{"year"}, nil, "year"},
		{"a wrong day and month", "32", "13", "2011", "Start date must be a real date", all, nil, "day"},
		{"31 April", "31", "4", "2011", "Start date must be a real date", all, nil, "day"},
		{"29 February 2011", "29", "2", "2011", "Start date must be a real date", all, nil, "day"},
		{"a two-digit year", "1", "2", "11", "The year of the start date must include 4 numbers", []string{"year"}, nil, "year"},
	}
	for _, tt := range tests {
		for _, style := range []string{"-", "["} {
			t.Run(tt.name+" "+style, func(t *testing.T) {
				form := dateParts(url.Values{"scheme": {"stem-kn-2011"}}, "plan[startDate]", style, tt.day, tt.month, tt.year)
				res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
				require.JSONEq(t, `{"scheme": "stem-kn-2011", "plan": {}}`, string(f.Document))
				found := findingAt(t, res, "/plan/startDate")
				require.Equal(t, stemkn.CodeFormat, found.Code)
				require.Equal(t, tt.message, found.Message)
				want := stemkn.Params{"format": "date", "parts": tt.parts}
				if tt.missing != nil {
					want["missing"] = tt.missing
				}
				require.Equal(t, want, found.Params)
				names := f.DateInputs["/plan/startDate"]
				require.Len(t, names, 3)
				focus := map[string]string{"day": names[0], "month": names[1], "year": names[2]}[tt.focus]
				require.Equal(t, focus, f.FieldFor("/plan/startDate"), "the first wrong part is the field to focus")
				var marked []string
				for _, p := range tt.parts {
					marked = append(marked, map[string]string{"day": names[0], "month": names[1], "year": names[2]}[p])
				}
				require.Equal(t, marked, f.PartsFor(found))
			})
		}
	}
}

// A rule about a date typed as parts is about the whole date: its message
// is the rule's own, and it marks all three parts.
func TestARuleAboutADateInputMarksTheWholeDate(t *testing.T) {
	form := url.Values{"scheme": {"stem-kn-2011"}}
	dateParts(form, "plan[startDate]", "-", "1", "2", "2011")
	dateParts(form, "plan[endDate]", "-", "31", "1", "2011")
	res, f := builtinValidator.ValidateForm(form, stemkn.Options{})
	found := findingAt(t, res, "/plan/endDate")
	require.Equal(t, stemkn.CodeDates, found.Code)
	require.Equal(t, "End date must be the same as or after the start date", found.Message)
	require.Equal(t, []string{"plan[endDate]-day", "plan[endDate]-month", "plan[endDate]-year"}, f.PartsFor(found))
	require.Equal(t, "plan[endDate]-day", f.FieldFor("/plan/endDate"))
	// The same document posted with single-field dates is judged alike.
	whole := url.Values{"scheme": {"stem-kn-2011"}, "plan[startDate]": {"2011-02-01"}, "plan[endDate]": {"2011-01-31"}}
	same, _ := builtinValidator.ValidateForm(whole, stemkn.Options{})
	require.Equal(t, same, res)
}

// A part left out of the post altogether (a host that renders only some of
// them) is named in the style of the parts that were posted.
func TestADateInputsMissingPartIsNamedLikeTheOthers(t *testing.T) {
	form := url.Values{"plan[startDate][day]": {"1"}, "plan[startDate][year]": {"2011"}}
	res, f := builtinValidator.ValidateForm(form, stemkn.Options{Scheme: "stem-kn-2011"})
	require.Equal(t, []string{"plan[startDate][day]", "plan[startDate][month]", "plan[startDate][year]"}, f.DateInputs["/plan/startDate"])
	require.Equal(t, "plan[startDate][month]", f.FieldFor("/plan/startDate"))
	require.Equal(t, "Start date must include a month", findingAt(t, res, "/plan/startDate").Message)
}

func findingAt(t *testing.T, r stemkn.Result, path string) stemkn.Finding {
	t.Helper()
	for _, f := range r.Findings {
		if f.Path == path {
			return f
		}
	}
	require.Failf(t, "no finding", "at %s in %v", path, r.Findings)
	return stemkn.Finding{}
}
