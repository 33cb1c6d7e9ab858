package stemkn_test

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// phaseScheme is a scheme file extending the Hemel scheme whose one
// institution rule, applying to every institution, has the given phase
// parameters (JSON members, such as `"phases": ["primary"]`).
func phaseScheme(params string) []byte {
	if params != "" {
		params = ", " + params
	}
	return []byte(`{"id": "phase-test", "extends": "hemel-enthuse-2022", "title": "Phase test",
		"rules": {"institutions": [{"id": "byPhase", "applies": "all", "kinds": ["school"]` + params + `,
			"title": "Every institution is of an admitted phase", "who": "schools of the admitted phases",
			"does": "take part", "reference": "Primary schools across the Hemel Hempstead area have united in a scheme to improve science learning for their students."}]}}`)
}

// hemelCatalogue is a fresh catalogue holding the Hemel scheme file.
func hemelCatalogue(t *testing.T) *stemkn.Catalogue {
	t.Helper()
	c := stemkn.NewCatalogue()
	_, err := c.LoadFile(hemelSchemeFile)
	require.NoError(t, err)
	return c
}

// A scheme file's phases are GIAS phases, each named once (so are its phase
// groups and GIAS classes, each list then bounded by what it can name), and a rule names
// phases or phase groups, not both: which of the two would narrow the other
// is not plain, and phases alone can say anything both could.
func TestInstitutionRulePhasesMustBeGIASPhases(t *testing.T) {
	cases := []struct {
		name   string
		params string
		says   string // "" when the file loads
	}{
		{"the primary phase", `"phases": ["primary"]`, ""},
		{"every GIAS phase", `"phases": ["nursery", "primary", "middle-deemed-primary", "secondary", "middle-deemed-secondary", "16-plus", "all-through", "not-applicable"]`, ""},
		{"the primary phase group", `"phaseGroups": ["primary"]`, ""},
		{"no phases at all", `"phases": []`, ""},
		{"a phase that is not a GIAS phase", `"phases": ["infant"]`,
			"institution rule byPhase names phase infant, which is not a GIAS phase; use nursery, primary, middle-deemed-primary, secondary, middle-deemed-secondary, 16-plus, all-through or not-applicable"},
		{"a phase by its GIAS name", `"phases": ["Primary"]`, "names phase Primary, which is not a GIAS phase"},
		{"a phase group given as a phase", `"phases": ["other"]`, "names phase other, which is not a GIAS phase"},
		{"a phase given twice", `"phases": ["primary", "nursery", "primary"]`, "institution rule byPhase names phase primary twice"},
		{"phases beside phase groups", `"phases": ["primary"], "phaseGroups": ["primary"]`,
			"institution rule byPhase names both phases and phaseGroups; give one of them"},
		{"phases beside another phase group", `"phases": ["16-plus"], "phaseGroups": ["primary"]`, "names both phases and phaseGroups"},
		{"a phase group that is not one", `"phaseGroups": ["infant"]`, "names phase group infant; use primary, secondary or other"},
		{"a phase that is not a string", `"phases": [2]`, "phases"},
		{"a phase group given twice", `"phaseGroups": ["primary", "other", "primary"]`, "institution rule byPhase names phase group primary twice"},
		{"every phase group", `"phaseGroups": ["primary", "secondary", "other"]`, ""},
		{"a class given twice", `"classes": ["la-maintained", "college", "la-maintained"]`, "institution rule byPhase names class la-maintained twice"},
		{"a class that is not one", `"classes": ["grammar"]`, "names class grammar, which is not a GIAS class stemkn knows"},
		{"classes beside phases", `"classes": ["la-maintained", "academy-or-free-school"], "phases": ["primary"]`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := hemelCatalogue(t)
			loaded, err := c.Load(phaseScheme(tc.params))
			if tc.says == "" {
				require.NoError(t, err)
				require.Len(t, loaded, 1)
				return
			}
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.says)
			var se *stemkn.SchemeError
			require.True(t, errors.As(err, &se), "%T: %v", err, err)
			_, ok := c.Scheme("phase-test")
			require.False(t, ok, "a refused file adds nothing")
		})
	}
}

// An institution rule's phases admit exactly the phases they name: an
// institution of another phase fails at its phase, with the phase it gives;
// one whose phase is not given cannot be judged; phase groups admit every
// phase of the group.
func TestInstitutionRuleAdmitsTheNamedPhasesExactly(t *testing.T) {
	doc, err := os.ReadFile(hemelExample)
	require.NoError(t, err)
	const at = 3 // Bennetts End Primary School
	cases := []struct {
		name    string
		params  string
		phase   string
		outcome stemkn.Outcome
	}{
		{"primary, by the phase primary", `"phases": ["primary"]`, "primary", stemkn.Passed},
		{"nursery, by the phase primary", `"phases": ["primary"]`, "nursery", stemkn.Failed},
		{"middle deemed primary, by the phase primary", `"phases": ["primary"]`, "middle-deemed-primary", stemkn.Failed},
		{"secondary, by the phase primary", `"phases": ["primary"]`, "secondary", stemkn.Failed},
		{"not given, by the phase primary", `"phases": ["primary"]`, "", stemkn.NotJudged},
		{"nursery, by the phases primary and nursery", `"phases": ["primary", "nursery"]`, "nursery", stemkn.Passed},
		{"primary, by the phases primary and nursery", `"phases": ["primary", "nursery"]`, "primary", stemkn.Passed},
		{"middle deemed primary, by the phases primary and nursery", `"phases": ["primary", "nursery"]`, "middle-deemed-primary", stemkn.Failed},
		{"nursery, by the primary group", `"phaseGroups": ["primary"]`, "nursery", stemkn.Passed},
		{"middle deemed primary, by the primary group", `"phaseGroups": ["primary"]`, "middle-deemed-primary", stemkn.Passed},
		{"secondary, by the primary group", `"phaseGroups": ["primary"]`, "secondary", stemkn.Failed},
		{"not given, with no phases: not judged", ``, "", stemkn.Passed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := hemelCatalogue(t)
			_, err := c.Load(phaseScheme(tc.params))
			require.NoError(t, err)
			v := stemkn.NewValidator(c)
			var app stemkn.Application
			require.NoError(t, json.Unmarshal(doc, &app))
			app.Network.Institutions[at].Phase = tc.phase

			res := v.ValidateApplication(&app, stemkn.Options{Scheme: "phase-test"})
			require.Equal(t, tc.outcome, outcomeOf(t, res, "byPhase"))
			if tc.outcome == stemkn.Passed {
				require.Empty(t, res.Findings)
				requireEligible(t, yes, res)
				return
			}
			require.Equal(t, []stemkn.Code{stemkn.CodeInstitutionClass}, codesOf(res))
			f := res.Findings[0]
			require.Equal(t, "/network/institutions/"+strconv.Itoa(at)+"/phase", f.Path)
			require.Equal(t, "byPhase", f.Rule)
			require.Equal(t, stemkn.Error, f.Severity)
			if tc.outcome == stemkn.NotJudged {
				require.Equal(t, "missing", f.Variant)
				require.Equal(t, "Select the phase of education of Bennetts End Primary School", f.Message)
				return
			}
			require.Equal(t, tc.phase, f.Params["phase"])
			require.Equal(t, "Bennetts End Primary School cannot take part: only schools of the admitted phases can", f.Message)
			requireEligible(t, no, res)
		})
	}
}
