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
