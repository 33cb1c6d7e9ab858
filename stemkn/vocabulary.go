package stemkn

// The vocabulary: every rule a scheme can have, in the fixed order they are
// judged in and listed in a Result, each compiled by its block (see
// rule.go for what a block is).

// rules compiles the scheme's rules in their fixed order: the order they
// are judged in and listed in a Result.
func (s *Scheme) rules() []rule {
	c := &ruleList{s: s}
	r := &s.Rules
	add(c, r.Theme)
	add(c, r.AreaOfInterest)
	add(c, r.Reflection)
	add(c, r.LocalIssue)
	add(c, r.SubjectSpread)
	addEach(c, r.Institutions)
	add(c, r.MinInstitutions)
	add(c, r.Countries)
	add(c, r.Identifiers)
	add(c, r.Commitments)
	c.always(datesRule)
	add(c, r.Duration)
	add(c, r.Deadline)
	add(c, r.Activities)
	add(c, r.Outputs)
	add(c, r.Strands)
	add(c, r.FundingRequired)
	c.always(currencyRule)
	c.always(budgetLinesRule)
	add(c, r.Categories)
	addEach(c, r.CategoryNeeds)
	add(c, r.Cap)
	add(c, r.MonthlyCap)
	addEach(c, r.CategoryShares)
	add(c, r.UnitCost)
	add(c, r.Mathematics)
	add(c, r.FreeOffer)
	add(c, r.Audience)
	add(c, r.AgeRange)
	c.always(offerDatesRule)
	return c.out
}

// ruleList collects a scheme's rules as they are compiled.
type ruleList struct {
	s   *Scheme
	out []rule
}

// block is the parameters of one rule of the vocabulary.
type block interface{ rule(*Scheme) rule }

// add compiles p's rule when the scheme has it.
func add[B interface {
	*P
	block
}, P any](c *ruleList, p B) {
	if p != nil {
		c.out = append(c.out, p.rule(c.s))
	}
}

// addEach compiles the rule of each entry of a list of parameters.
func addEach[P any, B interface {
	*P
	block
}](c *ruleList, ps []P) {
	for i := range ps {
		c.out = append(c.out, B(&ps[i]).rule(c.s))
	}
}

// always adds a rule every scheme of its kind of document has, with no
// parameters in the scheme; make says nothing when the scheme does not
// have it.
func (c *ruleList) always(make func(*Scheme) (rule, bool)) {
	if r, ok := make(c.s); ok {
		c.out = append(c.out, r)
	}
}

// compile prepares a scheme for evaluation: its rules and lookup tables.
func compile(s *Scheme) *compiled {
	c := &compiled{Scheme: s, rules: s.rules(), themes: map[string]struct{}{}, categories: map[string]struct{}{}}
	c.words = wordsOf(s, c.rules)
	for _, t := range s.Themes {
		c.themes[t.ID] = struct{}{}
	}
	for _, k := range s.Categories {
		c.categories[k.ID] = struct{}{}
	}
	return c
}
