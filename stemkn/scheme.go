package stemkn

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/budget"
)

// Scheme is a funding programme as data: who funds it, its themes and spend
// categories, and the parameters of the rules it applies, each with the
// reference to the text it comes from. The rules' logic lives in Go; their
// numbers live here, so a funder can change a cap in a scheme file without
// touching code.
type Scheme struct {
	// ID is the scheme's stable identifier, such as "stem-kn-2011".
	ID string `json:"id"`
	// Title is the programme's name.
	Title string `json:"title"`
	// Funders are the organisations that run or pay for the programme.
	Funders []string `json:"funders,omitempty"`
	// Kind is the kind of document the scheme judges: "application" (the
	// default) or "offer" (STEM Exchange offers).
	Kind DocumentKind `json:"kind,omitempty"`
	// Currency is the ISO 4217 code amounts must be in.
	Currency string `json:"currency,omitempty"`
	// Reference names the source document the scheme comes from.
	Reference string `json:"reference,omitempty"`
	// Extends is the id of the scheme this one is based on; fields present
	// here override it (JSON merge patch, RFC 7386).
	Extends string `json:"extends,omitempty"`
	// Themes are the focus areas a network chooses from.
	Themes []Theme `json:"themes,omitempty"`
	// Categories are the spend categories budget lines may use.
	Categories []Category `json:"categories,omitempty"`
	// Rules are the parameters of the rules the scheme applies.
	Rules Rules `json:"rules"`
	// Tests are example documents with the outcome the scheme must give them.
	Tests []SchemeTest `json:"tests,omitempty"`
}

// DocumentKind is the kind of document a scheme judges.
type DocumentKind string

const (
	// KindApplication is an application for a network or partnership.
	KindApplication DocumentKind = "application"
	// KindOffer is an employer's offer on the STEM Exchange.
	KindOffer DocumentKind = "offer"
)

// Theme is one of a scheme's focus areas.
type Theme struct {
	// ID is the theme's stable identifier.
	ID string `json:"id"`
	// Title is the theme as the funder words it.
	Title string `json:"title"`
}

// Category is a spend category for budget lines.
type Category struct {
	// ID is the category's stable identifier, such as "supply-cover".
	ID string `json:"id"`
	// Title is the category as people read it.
	Title string `json:"title"`
}

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

// SchemeTest is an example document and what the scheme must say of it, so
// a funder who edits a scheme can prove it still behaves.
type SchemeTest struct {
	// Name says what the case shows.
	Name string `json:"name"`
	// Mode is "submit" (the default) or "draft".
	Mode Mode `json:"mode,omitempty"`
	// Document is the application or offer.
	Document json.RawMessage `json:"document"`
	// Expect is the outcome the scheme must give.
	Expect Expectation `json:"expect"`
}

// Expectation is what a scheme test expects.
type Expectation struct {
	// Valid is the expected verdict.
	Valid bool `json:"valid"`
	// Eligible is the expected eligibility; nil means not checked.
	Eligible *bool `json:"eligible,omitempty"`
	// Codes are the expected finding codes, in order; nil means not checked.
	Codes []Code `json:"codes,omitempty"`
}

// Catalogue is a set of schemes by id: the built-in ones and any loaded from
// files. A Catalogue is safe for concurrent reads once loading is done.
type Catalogue struct {
	schemes map[string]*Scheme
	order   []string
}

// NewCatalogue returns a catalogue holding the built-in schemes, read
// afresh from their files, so that changing one catalogue's schemes
// changes no other.
func NewCatalogue() *Catalogue {
	c := &Catalogue{schemes: map[string]*Scheme{}}
	c.MustLoad(builtinSchemeFiles()...)
	return c
}

// Scheme returns the scheme with the id.
func (c *Catalogue) Scheme(id string) (*Scheme, bool) {
	s, ok := c.schemes[id]
	return s, ok
}

// Schemes lists the schemes in the order they were added.
func (c *Catalogue) Schemes() []*Scheme {
	out := make([]*Scheme, len(c.order))
	for i, id := range c.order {
		out[i] = c.schemes[id]
	}
	return out
}

// SchemeError explains why a scheme file could not be loaded.
type SchemeError struct {
	// Scheme is the id (or file) concerned.
	Scheme string
	// Problem says what is wrong.
	Problem string
}

func (e *SchemeError) Error() string { return "scheme " + e.Scheme + ": " + e.Problem }

// LoadFile reads a scheme file, resolves its extends against the catalogue,
// checks it and adds it. It returns the resolved scheme.
func (c *Catalogue) LoadFile(path string) (*Scheme, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	schemes, err := c.Load(data)
	if err != nil {
		return nil, err
	}
	return schemes[0], nil
}

// Load reads scheme files given as JSON, resolves extends (among the files
// and the catalogue; a cycle is an error), checks each scheme and adds them.
// Unknown fields, and so unknown rules, are errors.
func (c *Catalogue) Load(files ...[]byte) ([]*Scheme, error) {
	raws := map[string]json.RawMessage{}
	var ids []string
	for _, data := range files {
		var head struct {
			ID      string `json:"id"`
			Extends string `json:"extends"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return nil, &SchemeError{Scheme: "file", Problem: "not a JSON scheme object: " + err.Error()}
		}
		if head.ID == "" {
			return nil, &SchemeError{Scheme: "file", Problem: "has no id"}
		}
		if _, dup := raws[head.ID]; dup {
			return nil, &SchemeError{Scheme: head.ID, Problem: "is given twice"}
		}
		raws[head.ID] = data
		ids = append(ids, head.ID)
	}
	var out []*Scheme
	for _, id := range ids {
		s, err := c.resolve(id, raws, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	for _, s := range out {
		if _, exists := c.schemes[s.ID]; !exists {
			c.order = append(c.order, s.ID)
		}
		c.schemes[s.ID] = s
	}
	return out, nil
}

func (c *Catalogue) resolve(id string, raws map[string]json.RawMessage, chain []string) (*Scheme, error) {
	if slices.Contains(chain, id) {
		return nil, &SchemeError{Scheme: id, Problem: "extends itself through " + strings.Join(append(chain, id), " → ")}
	}
	raw, fromFile := raws[id]
	if !fromFile {
		s, ok := c.schemes[id]
		if !ok {
			return nil, &SchemeError{Scheme: chain[len(chain)-1], Problem: "extends " + id + ", which is not a known scheme"}
		}
		return s, nil
	}
	var head struct {
		Extends string `json:"extends"`
	}
	_ = json.Unmarshal(raw, &head)
	merged := []byte(raw)
	if head.Extends != "" {
		parent, err := c.resolve(head.Extends, raws, append(chain, id))
		if err != nil {
			return nil, err
		}
		base := *parent
		base.Tests = nil // a scheme's tests are its own
		parentJSON, err := json.Marshal(&base)
		if err != nil {
			return nil, err
		}
		if merged, err = mergePatch(parentJSON, raw); err != nil {
			return nil, &SchemeError{Scheme: id, Problem: err.Error()}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(merged))
	dec.DisallowUnknownFields()
	s := new(Scheme)
	if err := dec.Decode(s); err != nil {
		return nil, &SchemeError{Scheme: id, Problem: err.Error()}
	}
	if err := s.Check(); err != nil {
		return nil, err
	}
	return s, nil
}

// mergePatch applies an RFC 7386 JSON merge patch: objects merge key by key,
// null deletes, anything else replaces. Numbers stay as their text, so
// amounts past 2^53 are not rounded through float64.
func mergePatch(target, patch []byte) ([]byte, error) {
	var t, p any
	if err := unmarshalNumbers(target, &t); err != nil {
		return nil, err
	}
	if err := unmarshalNumbers(patch, &p); err != nil {
		return nil, err
	}
	return json.Marshal(mergeValue(t, p))
}

func unmarshalNumbers(data []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func mergeValue(target, patch any) any {
	po, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	to, ok := target.(map[string]any)
	if !ok {
		to = map[string]any{}
	}
	for k, v := range po {
		if v == nil {
			delete(to, k)
		} else {
			to[k] = mergeValue(to[k], v)
		}
	}
	return to
}

// Check reports the first problem with a scheme's data: missing ids or
// references, rules that name categories, classes or kinds that do not
// exist, impossible numbers.
func (s *Scheme) Check() error {
	bad := func(problem string) error { return &SchemeError{Scheme: s.ID, Problem: problem} }
	if problem := s.checkHead(); problem != "" {
		return bad(problem)
	}
	for _, r := range s.rules() {
		switch {
		case !r.own && strings.TrimSpace(r.cite.Reference) == "":
			return bad("rule " + r.id + " has no reference: every rule says where it comes from")
		case r.offer != (s.Kind == KindOffer):
			// Offer rules read offers and every other rule reads applications.
			return bad("rule " + r.id + " does not apply to the scheme's kind of document")
		}
		if r.verify != nil {
			if problem := r.verify(); problem != "" {
				return bad(problem)
			}
		}
	}
	return nil
}

// checkHead says what is wrong with the scheme's own fields, or "".
func (s *Scheme) checkHead() string {
	if s.ID == "" || s.Title == "" {
		return "needs an id and a title"
	}
	switch s.Kind {
	case "", KindApplication, KindOffer:
	default:
		return "has kind " + string(s.Kind) + "; use application or offer"
	}
	if s.Currency != "" {
		if _, ok := budget.LookupCurrency(s.Currency); !ok {
			return "has currency " + s.Currency + ", which stemkn does not know"
		}
	}
	r := &s.Rules
	if (r.Cap != nil || r.MonthlyCap != nil || r.UnitCost != nil) && s.Currency == "" {
		return "has money rules but no currency"
	}
	return ""
}

// MustLoad is Load for schemes known to be good, such as those embedded in a
// program; it panics on error.
func (c *Catalogue) MustLoad(files ...[]byte) []*Scheme {
	s, err := c.Load(files...)
	if err != nil {
		panic(err)
	}
	return s
}
