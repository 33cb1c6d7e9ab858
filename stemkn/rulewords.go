package stemkn

import (
	"strings"
	"sync"
)

// A rule's title says, as a statement, what the rule asks ("The total asked
// for is £2,000.00 or less"). Titles are words like any other: the
// catalogue's "rule@KIND" template for the kind of rule (the rule's id up
// to its first dot: "categoryShares" for "categoryShares.resources"),
// filled from the parameters the rule's block gives it (titleParams, by
// their JSON names: {amount:money}, {maxPercent}). A template may have
// variants, as a finding's does: "rule@commitments.funded" for a rule that
// applies only to requests for money, "rule@outputs.one" for a count of
// one. A parameter may be made of parts (titleParts), each worded by its
// own variant of the template: a duration's {bounds}, "at least 12 weeks"
// from rule@duration.min-weeks.
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
		out[i] = m.ruleTitle(&c.rules[i], c.Scheme, c.words)
	}
	return out
}

// ruleTitle words one rule's title; words are the scheme's (see filling).
func (m *Messages) ruleTitle(r *rule, s *Scheme, words *wordIndex) string {
	c := filling{m: m, scheme: s, words: words}
	if r.ownTitle != "" {
		return c.placeWord(r.ownTitle, r.id)
	}
	kind, _, _ := strings.Cut(r.id, ".")
	params := r.titleParams
	for name, v := range params {
		if parts, ok := v.(titleParts); ok {
			worded := make([]string, len(parts))
			for i, part := range parts {
				worded[i] = c.ruleTemplate(kind, part, params)
			}
			params = withParam(params, name, worded)
		}
	}
	return c.ruleTemplate(kind, r.titleVariant, params)
}

// withParam is a copy of params with name set to v.
func withParam(params Params, name string, v any) Params {
	out := make(Params, len(params))
	for k, x := range params {
		out[k] = x
	}
	out[name] = v
	return out
}

// ruleTemplate fills the catalogue's rule@KIND[.VARIANT] template with
// params; a kind the catalogue has no title for gets its name.
func (c *filling) ruleTemplate(kind, variant string, params Params) string {
	key := "rule@" + kind
	if variant != "" {
		key += "." + variant
	}
	tmpl, ok := c.m.text[key]
	if !ok {
		return kind
	}
	c.params = params
	return c.fill(tmpl)
}

// titlesCache holds a validator's rule titles for each scheme it has
// prepared: they depend on the scheme and the language, never on the
// document, so they are worded once. A sync.Map, since each entry is
// written once and then read by every validation, without a lock.
type titlesCache struct {
	titles sync.Map // *compiled → []string
}

func (t *titlesCache) get(m *Messages, c *compiled) []string {
	if titles, ok := t.titles.Load(c); ok {
		return titles.([]string)
	}
	titles, _ := t.titles.LoadOrStore(c, m.ruleTitles(c))
	return titles.([]string)
}
