package stemkn

// The vocabulary: every rule a scheme can have, in the fixed order they are
// judged in and listed in a Result, each compiled by its block (see
// rule.go for what a block is).

// Rules holds the parameters of a fixed vocabulary of rules: the table of
// contents of the rule blocks, each in the file of its family (network.go,
// institutions.go, plan.go, funding.go, offer.go). A nil rule is not part
// of the scheme. Each rule's doc comment names the finding code it reports
// with.
type Rules struct {
	// Theme: the network's theme is one of the scheme's themes (eligibility.theme).
	Theme *ThemeRule `json:"theme,omitempty"`
	// AreaOfInterest: the network states a specific area of interest
	// (eligibility.area-of-interest).
	AreaOfInterest *AreaOfInterestRule `json:"areaOfInterest,omitempty"`
	// Reflection: the plan says how teachers will reflect on their practice
	// (eligibility.reflection).
	Reflection *ReflectionRule `json:"reflection,omitempty"`
	// LocalIssue: the network states the local issue of underachievement it
	// addresses (eligibility.local-issue).
	LocalIssue *LocalIssueRule `json:"localIssue,omitempty"`
	// SubjectSpread: members' subjects span at least Min STEM subjects
	// (eligibility.subject-spread).
	SubjectSpread *SubjectSpreadRule `json:"subjectSpread,omitempty"`
	// Institutions: which institutions may lead, take part or receive money
	// (eligibility.institution-class, eligibility.place).
	Institutions []InstitutionRule `json:"institutions,omitempty"`
	// MinInstitutions: the network has at least Min institutions
	// (eligibility.min-institutions).
	MinInstitutions *MinInstitutionsRule `json:"minInstitutions,omitempty"`
	// Countries: institutions come from at least Min different countries of
	// a list (eligibility.min-countries).
	Countries *CountriesRule `json:"countries,omitempty"`
	// Identifiers: every institution has the identifiers named (required).
	Identifiers *IdentifierRule `json:"identifiers,omitempty"`
	// Commitments: the commitments named are all agreed (eligibility.commitment).
	Commitments *CommitmentRule `json:"commitments,omitempty"`
	// Duration: the programme's length in weeks or months (eligibility.duration).
	Duration *DurationRule `json:"duration,omitempty"`
	// Deadline: the application is submitted on or before a date (eligibility.deadline).
	Deadline *DeadlineRule `json:"deadline,omitempty"`
	// Activities: the plan includes activities of each kind named (eligibility.activities).
	Activities *ActivitiesRule `json:"activities,omitempty"`
	// Outputs: the plan lists at least Min intellectual outputs (eligibility.outputs).
	Outputs *OutputsRule `json:"outputs,omitempty"`
	// Strands: advise when the plan does not name each of the project's
	// strands of work (advice.strands).
	Strands *StrandsRule `json:"strands,omitempty"`
	// FundingRequired: the application asks for money (required at /funding).
	FundingRequired *FundingRequiredRule `json:"fundingRequired,omitempty"`
	// Categories: budget lines use the scheme's categories (budget.category).
	Categories *CategoriesRule `json:"categories,omitempty"`
	// CategoryNeeds: a category may only be used when the plan has something,
	// such as multiplier events only with intellectual outputs (budget.category).
	CategoryNeeds []CategoryNeedRule `json:"categoryNeeds,omitempty"`
	// Cap: the total asked for is at most Amount (budget.cap).
	Cap *CapRule `json:"cap,omitempty"`
	// MonthlyCap: the total is at most PerMonth for each month of the
	// programme and Ceiling in all (budget.cap).
	MonthlyCap *MonthlyCapRule `json:"monthlyCap,omitempty"`
	// CategoryShares: a category is at most a share of the total (budget.category-share).
	CategoryShares []ShareRule `json:"categoryShares,omitempty"`
	// UnitCost: a category is at most a unit-cost allowance (budget.unit-cost).
	UnitCost *UnitCostRule `json:"unitCost,omitempty"`
	// Mathematics: advise when no member teaches mathematics (advice.mathematics).
	Mathematics *MathematicsRule `json:"mathematics,omitempty"`
	// FreeOffer: offers of these kinds cost nothing (offer.not-free).
	FreeOffer *FreeOfferRule `json:"freeOffer,omitempty"`
	// Audience: offers of these kinds are for these audiences only (offer.audience).
	Audience *AudienceRule `json:"audience,omitempty"`
	// AgeRange: work-experience offers state an age range with min ≤ max (offer.age-range).
	AgeRange *AgeRangeRule `json:"ageRange,omitempty"`
}

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
	c.words = indexWords(wordsOf(s, c.rules))
	for _, t := range s.Themes {
		c.themes[t.ID] = struct{}{}
	}
	for _, k := range s.Categories {
		c.categories[k.ID] = struct{}{}
	}
	return c
}
