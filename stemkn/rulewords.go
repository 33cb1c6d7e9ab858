package stemkn

import (
	"strings"
	"sync"
)

// A rule's title says, as a statement, what the rule asks ("The total asked
// for is £2,000.00 or less"). Titles are words like any other: the
// catalogue's "rule@KIND" template for the kind of rule (the rule's id up
// to its first dot: "categoryShares" for "categoryShares.resources"),
// filled from the rule's parameters in the scheme, by their JSON names
// ({amount:money}, {maxPercent}). A template may have variants, as a
// finding's does: "rule@commitments.funded" for a rule that applies only
// to requests for money, "rule@outputs.one" for a count of one.
//
// The rules a scheme defines itself — institution rules, each with its own
// id — have their title in the scheme data (English), and the catalogue's
// words for it at "scheme@SCHEME/institutions/ID/title". So a scheme file
// may give a title only where the scheme gives the rule; the titles of the
// vocabulary's rules are the catalogue's, which is what lets them be in
// Welsh.

// ruleTitles words the titles of a compiled scheme's rules, in order.
func (m *Messages) ruleTitles(c *compiled) []string {
	out := make([]string, len(c.rules))
	for i := range c.rules {
		out[i] = m.ruleTitle(&c.rules[i], c.Scheme)
	}
	return out
}

// ruleTitle words one rule's title, or gives its English from the code
// when the catalogue has no template for its kind.
func (m *Messages) ruleTitle(r *ruleSpec, s *Scheme) string {
	if ir, ok := r.params.(*InstitutionRule); ok {
		return m.schemeWord(s, "institutions/"+ir.ID+"/title", ir.Title)
	}
	kind, _, _ := strings.Cut(r.id, ".")
	variant, params := ruleParams(r.params)
	key := "rule@" + kind
	if variant != "" {
		key += "." + variant
	}
	tmpl, ok := m.text[key]
	if !ok {
		return r.title
	}
	if kind == "duration" {
		params["bounds"] = m.durationBounds(params, s)
	}
	c := filling{m: m, params: params, scheme: s}
	return c.fill(tmpl)
}

// ruleParams are the values a rule's title is filled from: its parameters
// by their JSON names, and the variant of its title.
func ruleParams(p any) (string, Params) {
	switch x := p.(type) {
	case nil:
		return "", Params{}
	case Params:
		return "", x
	case *CountRule:
		variant := ""
		if x.Min == 1 {
			variant = "one"
		}
		return variant, Params{"min": int64(x.Min)}
	case *CountriesRule:
		return "", Params{"min": int64(x.Min)}
	case *IdentifierRule:
		return "", Params{"required": x.Required}
	case *CommitmentRule:
		return funded(x.WhenFunded), Params{"count": int64(len(x.Required))}
	case *DurationRule:
		return funded(x.WhenFunded), Params{"minWeeks": int64(x.MinWeeks), "minMonths": int64(x.MinMonths), "maxMonths": int64(x.MaxMonths)}
	case *DeadlineRule:
		return "", Params{"date": x.Date}
	case *ActivitiesRule:
		names := make([]string, len(x.Needs))
		for i, n := range x.Needs {
			names[i] = n.Name
		}
		return "", Params{"needs": names}
	case *CategoryNeedRule:
		return "", Params{"category": x.Category}
	case *CapRule:
		return "", Params{"amount": int64(x.Amount)}
	case *MonthlyCapRule:
		return "", Params{"perMonth": int64(x.PerMonth), "ceiling": int64(x.Ceiling)}
	case *ShareRule:
		return "", Params{"category": x.Category, "maxPercent": x.MaxPercent}
	case *UnitCostRule:
		return "", Params{"category": x.Category, "coordinatorPerMonth": int64(x.CoordinatorPerMonth),
			"partnerPerMonth": int64(x.PartnerPerMonth), "maxOrganisations": int64(x.MaxOrganisations)}
	case *OfferKindsRule:
		return "", Params{"kinds": x.Kinds}
	case *AudienceRule:
		return "", Params{"kinds": x.Kinds, "allowed": x.Allowed}
	}
	return "", Params{}
}

func funded(whenFunded bool) string {
	if whenFunded {
		return "funded"
	}
	return ""
}

// durationBounds words each bound a duration rule sets ("at least 12
// weeks"), for its title to join.
func (m *Messages) durationBounds(params Params, s *Scheme) []string {
	var out []string
	for _, b := range [...]struct{ param, variant string }{{"minWeeks", "min-weeks"}, {"minMonths", "min-months"}, {"maxMonths", "max-months"}} {
		if n, _ := params[b.param].(int64); n > 0 {
			c := filling{m: m, params: params, scheme: s}
			out = append(out, c.fill(m.text["rule@duration."+b.variant]))
		}
	}
	return out
}

// titlesCache holds a validator's rule titles for each scheme it has
// prepared: they depend on the scheme and the language, never on the
// document, so they are worded once.
type titlesCache struct {
	mu     sync.RWMutex
	titles map[*compiled][]string
}

func (t *titlesCache) get(m *Messages, c *compiled) []string {
	t.mu.RLock()
	titles, ok := t.titles[c]
	t.mu.RUnlock()
	if ok {
		return titles
	}
	titles = m.ruleTitles(c)
	t.mu.Lock()
	if t.titles == nil {
		t.titles = map[*compiled][]string{}
	}
	t.titles[c] = titles
	t.mu.Unlock()
	return titles
}
