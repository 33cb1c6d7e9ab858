package stemkn

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
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

// Rules holds the parameters of a fixed vocabulary of rules. A nil rule is
// not part of the scheme. Each rule's doc comment names the finding code it
// reports with.
type Rules struct {
	// Theme: the network's theme is one of the scheme's themes (eligibility.theme).
	Theme *TextRule `json:"theme,omitempty"`
	// AreaOfInterest: the network states a specific area of interest
	// (eligibility.area-of-interest).
	AreaOfInterest *TextRule `json:"areaOfInterest,omitempty"`
	// Reflection: the plan says how teachers will reflect on their practice
	// (eligibility.reflection).
	Reflection *TextRule `json:"reflection,omitempty"`
	// LocalIssue: the network states the local issue of underachievement it
	// addresses (eligibility.local-issue).
	LocalIssue *TextRule `json:"localIssue,omitempty"`
	// SubjectSpread: members' subjects span at least Min STEM subjects
	// (eligibility.subject-spread).
	SubjectSpread *CountRule `json:"subjectSpread,omitempty"`
	// Institutions: which institutions may lead, take part or receive money
	// (eligibility.institution-class, eligibility.place).
	Institutions []InstitutionRule `json:"institutions,omitempty"`
	// MinInstitutions: the network has at least Min institutions
	// (eligibility.min-institutions).
	MinInstitutions *CountRule `json:"minInstitutions,omitempty"`
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
	Outputs *CountRule `json:"outputs,omitempty"`
	// FundingRequired: the application asks for money (required at /funding).
	FundingRequired *TextRule `json:"fundingRequired,omitempty"`
	// Categories: budget lines use the scheme's categories (budget.category).
	Categories *TextRule `json:"categories,omitempty"`
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
	Mathematics *TextRule `json:"mathematics,omitempty"`
	// FreeOffer: offers of these kinds cost nothing (offer.not-free).
	FreeOffer *OfferKindsRule `json:"freeOffer,omitempty"`
	// Audience: offers of these kinds are for these audiences only (offer.audience).
	Audience *AudienceRule `json:"audience,omitempty"`
	// AgeRange: work-experience offers state an age range with min ≤ max (offer.age-range).
	AgeRange *OfferKindsRule `json:"ageRange,omitempty"`
}

// TextRule is a rule with no numbers: only the text it comes from.
type TextRule struct {
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// CountRule is a rule with a minimum count.
type CountRule struct {
	// Min is the least number allowed.
	Min int `json:"min"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// InstitutionRule says which institutions are admitted, in the terms of
// eligibility.InstitutionRule, and to which institutions it applies.
type InstitutionRule struct {
	// ID names the rule in results, such as "funded-institutions".
	ID string `json:"id"`
	// Applies is "lead" (the lead institution), "funded" (the lead and
	// every institution a budget line names) or "all" (every institution).
	Applies string `json:"applies"`
	// Kinds limits the rule to institutions of these kinds; for "lead" the
	// lead must be of one of them. Empty means every kind.
	Kinds []string `json:"kinds,omitempty"`
	// Classes are the GIAS classes admitted for English schools and colleges.
	Classes []eligibility.Class `json:"classes"`
	// EnglandOnly admits institutions in England only.
	EnglandOnly bool `json:"englandOnly,omitempty"`
	// StateFundedOutsideEngland admits institutions outside England that
	// state they are state-funded.
	StateFundedOutsideEngland bool `json:"stateFundedOutsideEngland,omitempty"`
	// WhenFunded applies the rule only when the application asks for money.
	WhenFunded bool `json:"whenFunded,omitempty"`
	// Title says what the rule requires, in plain English.
	Title string `json:"title"`
	// Who names the institutions admitted, for messages: "maintained
	// schools and colleges in England".
	Who string `json:"who"`
	// Does says what they are admitted to, for messages: "receive STEM
	// Knowledge Networks funding".
	Does string `json:"does"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// CountriesRule asks for institutions from several countries.
type CountriesRule struct {
	// Min is the least number of different countries.
	Min int `json:"min"`
	// Countries are the countries that count (ISO 3166-1 alpha-2); empty means any.
	Countries []string `json:"countries,omitempty"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// IdentifierRule asks every institution for identifiers.
type IdentifierRule struct {
	// Required lists identifier fields every institution must have: "urn", "ukprn" or "pic".
	Required []string `json:"required"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// CommitmentRule lists the commitments an applicant must agree to.
type CommitmentRule struct {
	// Required are the commitment field names, such as "submitReport".
	Required []string `json:"required"`
	// WhenFunded applies the rule only when the application asks for money.
	WhenFunded bool `json:"whenFunded,omitempty"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// DurationRule bounds the length of the programme of activity, counted
// inclusively from start date to end date.
type DurationRule struct {
	// MinWeeks is the least number of whole weeks (0: no minimum).
	MinWeeks int `json:"minWeeks,omitempty"`
	// MinMonths is the least number of months (0: no minimum).
	MinMonths int `json:"minMonths,omitempty"`
	// MaxMonths is the most months, a started month counting whole (0: no maximum).
	MaxMonths int `json:"maxMonths,omitempty"`
	// WhenFunded applies the rule only when the application asks for money.
	WhenFunded bool `json:"whenFunded,omitempty"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// DeadlineRule is the last day applications are accepted.
type DeadlineRule struct {
	// Date is the last day, inclusive ("2011-01-10").
	Date string `json:"date"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// ActivitiesRule asks for activities of several sorts.
type ActivitiesRule struct {
	// Needs are the sorts of activity the plan must include.
	Needs []ActivityNeed `json:"needs"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// ActivityNeed is one sort of activity a plan must include: at least one
// activity of any of Kinds.
type ActivityNeed struct {
	// Name says what is needed, as a noun phrase ("teacher CPD").
	Name string `json:"name"`
	// Kinds are the activity kinds that satisfy the need.
	Kinds []string `json:"kinds"`
}

// CategoryNeedRule allows a spend category only when the plan has something.
type CategoryNeedRule struct {
	// Category is the spend category.
	Category string `json:"category"`
	// Needs is what the plan must have: "outputs" (intellectual outputs).
	Needs string `json:"needs"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// CapRule is the most that may be asked for.
type CapRule struct {
	// Amount is the cap in minor units of the scheme's currency.
	Amount budget.Amount `json:"amount"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// MonthlyCapRule is a cap that grows with the programme's length.
type MonthlyCapRule struct {
	// PerMonth is the most for each month of the programme, in minor units.
	PerMonth budget.Amount `json:"perMonth"`
	// Ceiling is the most in all, in minor units.
	Ceiling budget.Amount `json:"ceiling"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// ShareRule limits one category to a share of the total.
type ShareRule struct {
	// Category is the spend category.
	Category string `json:"category"`
	// MaxPercent is the largest share, in whole percent.
	MaxPercent int64 `json:"maxPercent"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// UnitCostRule limits a category to a unit-cost allowance that depends on
// the programme's months and the number of organisations.
type UnitCostRule struct {
	// Category is the spend category the allowance covers.
	Category string `json:"category"`
	// CoordinatorPerMonth is the monthly amount for the coordinating (lead) organisation.
	CoordinatorPerMonth budget.Amount `json:"coordinatorPerMonth"`
	// PartnerPerMonth is the monthly amount for each other organisation.
	PartnerPerMonth budget.Amount `json:"partnerPerMonth"`
	// MaxOrganisations is how many organisations count at most, the coordinator included.
	MaxOrganisations int `json:"maxOrganisations"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// OfferKindsRule applies to offers of some kinds.
type OfferKindsRule struct {
	// Kinds are the offer kinds the rule applies to ("cpd", "work-experience").
	Kinds []string `json:"kinds"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
}

// AudienceRule limits who offers of some kinds are for.
type AudienceRule struct {
	// Kinds are the offer kinds the rule applies to.
	Kinds []string `json:"kinds"`
	// Allowed are the audiences allowed.
	Allowed []string `json:"allowed"`
	// Reference is the source sentence or document.
	Reference string `json:"reference"`
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
// files. It is safe for concurrent use: Load may add or replace schemes
// while validators read it, and a Validator judges by the schemes it holds
// at the time (see NewValidator).
type Catalogue struct {
	mu      sync.RWMutex
	schemes map[string]*Scheme
	order   []string
}

// NewCatalogue returns a catalogue holding copies of the built-in schemes.
func NewCatalogue() *Catalogue {
	c := &Catalogue{schemes: map[string]*Scheme{}}
	for _, s := range builtinSchemes() {
		c.schemes[s.ID] = s
		c.order = append(c.order, s.ID)
	}
	return c
}

// Scheme returns the scheme with the id.
func (c *Catalogue) Scheme(id string) (*Scheme, bool) {
	c.mu.RLock()
	s, ok := c.schemes[id]
	c.mu.RUnlock()
	return s, ok
}

// Schemes lists the schemes in the order they were added.
func (c *Catalogue) Schemes() []*Scheme {
	c.mu.RLock()
	defer c.mu.RUnlock()
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
// checks it and adds it. It returns the resolved scheme. A file past the
// scheme file limit (8 MiB) is refused after reading one byte past it, so
// no file (not even /dev/zero) is read further.
func (c *Catalogue) LoadFile(path string) (*Scheme, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSchemeFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSchemeFile {
		return nil, &SchemeError{Scheme: "file " + path, Problem: tooLargeProblem}
	}
	schemes, err := c.Load(data)
	if err != nil {
		return nil, err
	}
	return schemes[0], nil
}

// tooLargeProblem is what a scheme file past the size limit is told.
var tooLargeProblem = "is larger than " + strconv.Itoa(maxSchemeFile) + " bytes, the most a scheme file may be"

// Load reads scheme files given as JSON, resolves extends (among the files
// and the catalogue; a cycle is an error), checks each scheme and adds them.
// Unknown fields, and so unknown rules, are errors, and so is a key given
// twice in one object (outside a test's document, which may be about just
// that). Each file is resolved once, so loading is linear in the number of
// files, however long their chains of extends.
func (c *Catalogue) Load(files ...[]byte) ([]*Scheme, error) {
	raws := map[string]json.RawMessage{}
	var ids []string
	for _, data := range files {
		if len(data) > maxSchemeFile {
			return nil, &SchemeError{Scheme: "file", Problem: tooLargeProblem}
		}
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
		if key := repeatedKey(data); key != "" {
			return nil, &SchemeError{Scheme: head.ID, Problem: "gives " + strconv.Quote(key) + " twice in one object: give each key once"}
		}
		if _, dup := raws[head.ID]; dup {
			return nil, &SchemeError{Scheme: head.ID, Problem: "is given twice"}
		}
		raws[head.ID] = data
		ids = append(ids, head.ID)
	}
	var out []*Scheme
	r := resolver{catalogue: c, raws: raws, done: map[string]*Scheme{}, open: map[string]bool{}}
	for _, id := range ids {
		s, err := r.resolve(id, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range out {
		if _, exists := c.schemes[s.ID]; !exists {
			c.order = append(c.order, s.ID)
		}
		c.schemes[s.ID] = s
	}
	return out, nil
}

// resolver resolves the extends of one Load's files, each file once.
type resolver struct {
	catalogue *Catalogue
	raws      map[string]json.RawMessage
	done      map[string]*Scheme // files resolved so far
	open      map[string]bool    // files on the chain being resolved
}

// resolve merges the file id over what it extends and checks the result;
// chain is the files that extend it, on the way here.
func (r *resolver) resolve(id string, chain []string) (*Scheme, error) {
	if s, ok := r.done[id]; ok {
		return s, nil
	}
	if r.open[id] {
		return nil, &SchemeError{Scheme: id, Problem: "extends itself through " + strings.Join(append(chain, id), " → ")}
	}
	raw, fromFile := r.raws[id]
	if !fromFile {
		s, ok := r.catalogue.Scheme(id)
		if !ok {
			return nil, &SchemeError{Scheme: chain[len(chain)-1], Problem: "extends " + id + ", which is not a known scheme"}
		}
		return s, nil
	}
	r.open[id] = true
	defer delete(r.open, id)
	var head struct {
		Extends string `json:"extends"`
	}
	_ = json.Unmarshal(raw, &head)
	merged := []byte(raw)
	if head.Extends != "" {
		parent, err := r.resolve(head.Extends, append(chain, id))
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
	r.done[id] = s
	return s, nil
}

// repeatedKey finds a key given twice in one object of a JSON text (which
// encoding/json would read as the last, silently), outside the documents of
// test cases; "" when there is none or the text is not JSON (decoding then
// says why). One pass over the tokens.
func repeatedKey(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(inDocument bool) (string, error)
	walk = func(inDocument bool) (string, error) {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return "", err
				}
				key, _ := keyTok.(string)
				if seen[key] && !inDocument {
					return key, nil
				}
				seen[key] = true
				if k, err := walk(inDocument || key == "document"); k != "" || err != nil {
					return k, err
				}
			}
			_, err = dec.Token() // '}'
			return "", err
		case json.Delim('['):
			for dec.More() {
				if k, err := walk(inDocument); k != "" || err != nil {
					return k, err
				}
			}
			_, err = dec.Token() // ']'
			return "", err
		}
		return "", nil
	}
	key, err := walk(false)
	if err != nil && !errors.Is(err, io.EOF) {
		return ""
	}
	return key
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
	if s.ID == "" || s.Title == "" {
		return bad("needs an id and a title")
	}
	switch s.Kind {
	case "", KindApplication, KindOffer:
	default:
		return bad("has kind " + string(s.Kind) + "; use application or offer")
	}
	if s.Currency != "" {
		if _, ok := budget.LookupCurrency(s.Currency); !ok {
			return bad("has currency " + s.Currency + ", which stemkn does not know")
		}
	}
	if problem := s.listProblem(); problem != "" {
		return bad(problem)
	}
	if problem := s.Rules.numberProblem(); problem != "" {
		return bad(problem)
	}
	ruleIDs := map[string]bool{}
	for _, r := range s.ruleList() {
		if ruleIDs[r.id] {
			return bad("has two rules called " + r.id + ": a rule, and its outcome in a result, is named once")
		}
		ruleIDs[r.id] = true
		if strings.TrimSpace(r.reference) == "" {
			return bad("rule " + r.id + " has no reference: every rule says where it comes from")
		}
		// Offer rules read offers and every other rule reads applications.
		if forOffers := r.code == CodeNotFree || r.code == CodeAudience || r.code == CodeAgeRange; forOffers != (s.Kind == KindOffer) {
			return bad("rule " + r.id + " does not apply to the scheme's kind of document")
		}
	}
	r := &s.Rules
	hasCategory := func(id string) bool {
		return slices.ContainsFunc(s.Categories, func(c Category) bool { return c.ID == id })
	}
	for _, sh := range r.CategoryShares {
		if !hasCategory(sh.Category) {
			return bad("category share for " + sh.Category + " needs a scheme category and a percentage from 0 to 100")
		}
	}
	for _, n := range r.CategoryNeeds {
		if !hasCategory(n.Category) || n.Needs != "outputs" {
			return bad("category need for " + n.Category + " needs a scheme category and needs \"outputs\"")
		}
	}
	if r.UnitCost != nil && (!hasCategory(r.UnitCost.Category) || r.UnitCost.MaxOrganisations < 1) {
		return bad("unit cost needs a scheme category and at least one organisation")
	}
	if r.Theme != nil && len(s.Themes) == 0 {
		return bad("has a theme rule but no themes")
	}
	if r.Categories != nil && len(s.Categories) == 0 {
		return bad("has a categories rule but no categories")
	}
	if r.Deadline != nil {
		if _, ok := eligibility.ParseDate(r.Deadline.Date); !ok {
			return bad("deadline " + r.Deadline.Date + " is not a real date (YYYY-MM-DD)")
		}
	}
	if (r.Cap != nil || r.MonthlyCap != nil || r.UnitCost != nil) && s.Currency == "" {
		return bad("has money rules but no currency")
	}
	for _, ir := range r.Institutions {
		switch ir.Applies {
		case "lead", "funded", "all":
		default:
			return bad("institution rule " + ir.ID + " applies to " + ir.Applies + "; use lead, funded or all")
		}
		for _, c := range ir.Classes {
			if _, known := eligibility.ClassCodes()[c]; !known {
				return bad("institution rule " + ir.ID + " names class " + string(c) + ", which is not a GIAS class stemkn knows")
			}
		}
	}
	if r.Identifiers != nil {
		for _, id := range r.Identifiers.Required {
			if id != "urn" && id != "ukprn" && id != "pic" {
				return bad("identifiers rule names " + id + "; use urn, ukprn or pic")
			}
		}
	}
	if r.Commitments != nil {
		for _, c := range r.Commitments.Required {
			if _, ok := commitmentField(c); !ok {
				return bad("commitments rule names " + c + ", which is not a commitment")
			}
		}
	}
	return nil
}

// Bounds on a scheme's data, so that a scheme file is judged as a document
// is: no list or number it holds can make loading it, or validating against
// it, slow or large, or make a rule that no document could meet or fail.
const (
	// maxSchemeFile is the largest scheme file, in bytes: the largest
	// document (DefaultLimits.Bytes), since a file holds its own test cases.
	maxSchemeFile = 8 << 20
	// maxSchemeList is the most entries of any list in a scheme (themes,
	// categories, funders, rules of one kind, kinds, countries' codes aside).
	maxSchemeList = 100
	// maxSchemeTests is the most test cases a scheme file may carry.
	maxSchemeTests = 1000
	// maxSchemeAmount is the largest amount of money a scheme may name:
	// 1,000 budget lines (the most a document may list) of the largest
	// amount one may ask (10^12 minor units, £10 billion).
	maxSchemeAmount = 1000 * 1_000_000_000_000
	// maxSchemeMonths and maxSchemeWeeks bound a programme's length: a
	// hundred years.
	maxSchemeMonths = 1200
	maxSchemeWeeks  = 5218
)

// The document bounds a scheme's numbers and names must fit (document.go's
// validate tags; a test holds them equal): a count no document can reach is
// a rule no document could meet, and an id longer than a document may
// write is one no document could name.
const (
	maxSchemeID      = 100   // a document's scheme
	maxThemeID       = 100   // a network's theme
	maxCategoryID    = 64    // a budget line's category
	maxInstitutions  = 1000  // a network's institutions
	maxOutputs       = 50    // a plan's intellectual outputs
	stemSubjectCount = 4     // science, technology, engineering, mathematics
	maxOrganisations = 1000  // institutions that can count for a unit cost
	maxCountries     = 300   // more than there are ISO 3166-1 codes
	maxReference     = 10000 // the text a rule's reference quotes
)

// listProblem says what is wrong with a scheme's lists and names: too
// long, an id given twice or too long to name, empty where something is
// needed.
func (s *Scheme) listProblem() string {
	count := func(what string, n, max int) string {
		if n > max {
			return "has " + strconv.Itoa(n) + " " + what + "; at most " + strconv.Itoa(max) + " are allowed"
		}
		return ""
	}
	if utf8.RuneCountInString(s.ID) > maxSchemeID {
		return "has an id longer than " + strconv.Itoa(maxSchemeID) + " characters, which no document can name"
	}
	r := &s.Rules
	for _, c := range []struct {
		what   string
		n, max int
	}{
		{"funders", len(s.Funders), maxSchemeList}, {"themes", len(s.Themes), maxSchemeList},
		{"categories", len(s.Categories), maxSchemeList}, {"institution rules", len(r.Institutions), maxSchemeList},
		{"category needs", len(r.CategoryNeeds), maxSchemeList}, {"category shares", len(r.CategoryShares), maxSchemeList},
		{"tests", len(s.Tests), maxSchemeTests},
	} {
		if p := count(c.what, c.n, c.max); p != "" {
			return p
		}
	}
	themes := make([]string, len(s.Themes))
	for i, t := range s.Themes {
		themes[i] = t.ID
	}
	if p := idProblem("theme", themes, maxThemeID); p != "" {
		return p
	}
	categories := make([]string, len(s.Categories))
	for i, c := range s.Categories {
		categories[i] = c.ID
	}
	if p := idProblem("category", categories, maxCategoryID); p != "" {
		return p
	}
	var kindLists [][]string
	for _, ir := range r.Institutions {
		kindLists = append(kindLists, ir.Kinds)
	}
	if r.Activities != nil {
		if p := count("activity needs", len(r.Activities.Needs), maxSchemeList); p != "" {
			return p
		}
		for _, n := range r.Activities.Needs {
			kindLists = append(kindLists, n.Kinds)
		}
	}
	for _, k := range []*OfferKindsRule{r.FreeOffer, r.AgeRange} {
		if k != nil {
			kindLists = append(kindLists, k.Kinds)
		}
	}
	if r.Audience != nil {
		kindLists = append(kindLists, r.Audience.Kinds, r.Audience.Allowed)
	}
	for _, kinds := range kindLists {
		if p := count("kinds in one rule", len(kinds), maxSchemeList); p != "" {
			return p
		}
	}
	if r.Countries != nil {
		if p := count("countries", len(r.Countries.Countries), maxCountries); p != "" {
			return p
		}
	}
	for _, ref := range s.references() {
		if utf8.RuneCountInString(ref) > maxReference {
			return "has a reference longer than " + strconv.Itoa(maxReference) + " characters"
		}
	}
	return ""
}

// idProblem says what is wrong with a list of ids: one empty, longer than
// max characters, or given twice.
func idProblem(what string, ids []string, max int) string {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		switch {
		case id == "" || utf8.RuneCountInString(id) > max:
			return "has a " + what + " whose id is empty or longer than " + strconv.Itoa(max) + " characters"
		case seen[id]:
			return "has the " + what + " " + id + " twice: each " + what + " id is given once"
		}
		seen[id] = true
	}
	return ""
}

// references are the texts every rule of the scheme quotes.
func (s *Scheme) references() []string {
	var out []string
	for _, r := range s.ruleList() {
		out = append(out, r.reference)
	}
	return out
}

// numberProblem says what is wrong with the rules' numbers: a count a
// document cannot reach or below zero, an amount of money that is not a
// positive amount a budget can add up to, a share that is not a
// percentage, a length of programme below zero, or a shortest one longer
// than the longest.
func (r *Rules) numberProblem() string {
	within := func(what string, n, min, max int64) string {
		if n < min || n > max {
			return what + " must be from " + strconv.FormatInt(min, 10) + " to " + strconv.FormatInt(max, 10) + ", not " + strconv.FormatInt(n, 10)
		}
		return ""
	}
	var checks []string
	if r.SubjectSpread != nil {
		checks = append(checks, within("subjectSpread.min", int64(r.SubjectSpread.Min), 0, stemSubjectCount))
	}
	if r.MinInstitutions != nil {
		checks = append(checks, within("minInstitutions.min", int64(r.MinInstitutions.Min), 0, maxInstitutions))
	}
	if r.Countries != nil {
		checks = append(checks, within("countries.min", int64(r.Countries.Min), 0, maxInstitutions))
	}
	if r.Outputs != nil {
		checks = append(checks, within("outputs.min", int64(r.Outputs.Min), 0, maxOutputs))
	}
	if r.Cap != nil {
		checks = append(checks, within("cap.amount", int64(r.Cap.Amount), 1, maxSchemeAmount))
	}
	if r.MonthlyCap != nil {
		checks = append(checks, within("monthlyCap.perMonth", int64(r.MonthlyCap.PerMonth), 1, maxSchemeAmount),
			within("monthlyCap.ceiling", int64(r.MonthlyCap.Ceiling), 1, maxSchemeAmount))
	}
	if uc := r.UnitCost; uc != nil {
		checks = append(checks, within("unitCost.coordinatorPerMonth", int64(uc.CoordinatorPerMonth), 0, maxSchemeAmount),
			within("unitCost.partnerPerMonth", int64(uc.PartnerPerMonth), 0, maxSchemeAmount),
			within("unitCost.maxOrganisations", int64(uc.MaxOrganisations), 1, maxOrganisations))
	}
	for _, sh := range r.CategoryShares {
		checks = append(checks, within("categoryShares."+sh.Category+".maxPercent", sh.MaxPercent, 0, 100))
	}
	if d := r.Duration; d != nil {
		checks = append(checks, within("duration.minWeeks", int64(d.MinWeeks), 0, maxSchemeWeeks),
			within("duration.minMonths", int64(d.MinMonths), 0, maxSchemeMonths),
			within("duration.maxMonths", int64(d.MaxMonths), 0, maxSchemeMonths))
		if d.MaxMonths > 0 && d.MinMonths > d.MaxMonths {
			checks = append(checks, "duration.minMonths must be no more than duration.maxMonths")
		}
	}
	for _, c := range checks {
		if c != "" {
			return c
		}
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
