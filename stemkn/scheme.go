package stemkn

import "encoding/json"

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
