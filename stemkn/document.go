package stemkn

import (
	"reflect"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// The document types below are the application and offer documents, in the
// funder's words. Their `validate` tags are the one declaration of the
// structural rules: go-playground/validator runs them in Go, and the JSON
// Schema export derives its constraints from the same tags (see schema.go),
// so the two cannot drift. Field lengths and counts are the documented
// input limits. A `words` tag names the vocabulary whose words label a
// field's choices in the exported schema: the catalogue's word.SET@ID
// (Messages), a scheme's themes or spend categories ("theme", "category"),
// or the GIAS names of establishment types ("establishment-type").

// Application is one request to a scheme: a network of teachers, its plan
// and, when money is asked for, its funding.
type Application struct {
	// Scheme is the id of the funding scheme applied to, such as "stem-kn-2011".
	Scheme string `json:"scheme" validate:"required,max=100"`
	// SubmittedOn is the calendar date the application is sent, compared with
	// the scheme's deadline.
	SubmittedOn string `json:"submittedOn,omitempty" validate:"omitempty,date"`
	// Network is the group of teachers and institutions that will work together.
	Network Network `json:"network"`
	// Plan is what the network will do, and when.
	Plan Plan `json:"plan"`
	// Funding is the money asked for. It is absent when the network asks for
	// none (STEM Knowledge Networks may run without funding).
	Funding *Funding `json:"funding,omitempty"`
	// Contact is the person the funder writes to about the application.
	Contact Contact `json:"contact"`
}

// Network is a STEM knowledge network or partnership: teachers from one or
// more institutions who share curriculum knowledge and pedagogy.
type Network struct {
	// Name is what the network calls itself.
	Name string `json:"name" validate:"required,max=200"`
	// AreaOfInterest is the network's specific area of interest, in its own words.
	AreaOfInterest string `json:"areaOfInterest,omitempty" validate:"max=2000"`
	// Theme is the id of the scheme theme the network's work falls under.
	Theme string `json:"theme,omitempty" validate:"max=100" words:"theme"`
	// LocalIssue is the local issue of underachievement in STEM the
	// partnership addresses (ENTHUSE partnerships).
	LocalIssue string `json:"localIssue,omitempty" validate:"max=2000"`
	// Lead is the id of the lead institution, which applies for and holds the money.
	Lead string `json:"lead" validate:"required,max=64"`
	// Institutions are the schools, colleges and other organisations in the network.
	Institutions []Institution `json:"institutions" validate:"required,min=1,max=1000,dive"`
	// Members are the people in the network.
	Members []Member `json:"members" validate:"required,min=1,max=10000,dive"`
	// Partners are organisations that support the network without being
	// part of it, such as employers, universities or a STEM Ambassador hub.
	Partners []Partner `json:"partners,omitempty" validate:"max=100,dive"`
}

// Institution is a school, college, university, professional development
// centre or other organisation taking part in a network. English schools and
// colleges are described in the vocabulary of Get Information about Schools
// (GIAS); outside England the document states whether it is state-funded.
type Institution struct {
	// ID names the institution within this document; leads, members and
	// budget lines refer to it.
	ID string `json:"id" validate:"required,max=64"`
	// Name is the institution's name.
	Name string `json:"name" validate:"required,max=200"`
	// Kind is what sort of organisation it is.
	Kind string `json:"kind" validate:"required,oneof=school college university pd-centre training-provider employer charity other" words:"institution-kind"`
	// Country is the ISO 3166-1 alpha-2 code of the country it is in ("GB" for the UK).
	Country string `json:"country" validate:"required,country"`
	// Subdivision is the part of the UK it is in: GB-ENG, GB-SCT, GB-WLS or GB-NIR.
	Subdivision string `json:"subdivision,omitempty" validate:"omitempty,subdivision" words:"subdivision"`
	// URN is the six-digit Unique Reference Number of an English school or college in GIAS.
	URN string `json:"urn,omitempty" validate:"omitempty,urn"`
	// UKPRN is the eight-digit UK Provider Reference Number, starting with 1.
	UKPRN string `json:"ukprn,omitempty" validate:"omitempty,ukprn"`
	// PIC is the nine-digit Participant Identification Code of an
	// organisation registered for EU programmes such as Erasmus+.
	PIC string `json:"pic,omitempty" validate:"omitempty,pic"`
	// EstablishmentType is the GIAS type of establishment of an English
	// school or college, as a slug of its GIAS name ("community-school").
	EstablishmentType string `json:"establishmentType,omitempty" validate:"omitempty,establishment-type" words:"establishment-type"`
	// Phase is the GIAS phase of education.
	Phase string `json:"phase,omitempty" validate:"omitempty,phase" words:"phase"`
	// Region is the English region it is in.
	Region string `json:"region,omitempty" validate:"omitempty,region" words:"region"`
	// StateFunded says whether an institution outside England, where GIAS
	// types do not apply, is funded by the state.
	StateFunded *bool `json:"stateFunded,omitempty"`
	// Postcode is the institution's postcode, used to tell institutions apart.
	Postcode string `json:"postcode,omitempty" validate:"max=16"`
}

// Member is a person in a network.
type Member struct {
	// Name is the member's full name.
	Name string `json:"name" validate:"required,max=200"`
	// Email is the member's email address.
	Email string `json:"email,omitempty" validate:"omitempty,max=254,email"`
	// Role is the member's part in the network.
	Role string `json:"role" validate:"required,oneof=coordinator teacher technician leader researcher other" words:"role"`
	// Subjects are the STEM subjects the member teaches or supports.
	Subjects []string `json:"subjects,omitempty" validate:"max=4,unique,dive,oneof=science technology engineering mathematics" words:"subject"`
	// Institution is the id of the institution the member works at.
	Institution string `json:"institution" validate:"required,max=64"`
}

// Partner is an organisation that supports a network from outside it.
type Partner struct {
	// Name is the partner's name.
	Name string `json:"name" validate:"required,max=200"`
	// Kind is what sort of organisation it is.
	Kind string `json:"kind" validate:"required,oneof=employer university charity pd-centre stem-ambassadors other" words:"partner-kind"`
	// Contribution is what the partner brings to the network.
	Contribution string `json:"contribution,omitempty" validate:"max=1000"`
}

// Plan is what a network will do and when.
type Plan struct {
	// StartDate is the first day of the programme of activity.
	StartDate string `json:"startDate" validate:"required,date"`
	// EndDate is the last day of the programme of activity.
	EndDate string `json:"endDate" validate:"required,date"`
	// Reflection is how teachers will reflect on their professional practice.
	Reflection string `json:"reflection,omitempty" validate:"max=2000"`
	// Activities are the planned meetings, CPD sessions and other events.
	Activities []Activity `json:"activities,omitempty" validate:"max=1000,dive"`
	// Outputs are the intellectual outputs the project will produce (Erasmus+).
	Outputs []Output `json:"outputs,omitempty" validate:"max=50,dive"`
	// Strands are the strands of work the project is made of, such as
	// dissemination or project management (the European Network of STEM PD
	// Centres names five).
	Strands []Strand `json:"strands,omitempty" validate:"max=20,dive"`
	// Commitments are the undertakings a funded network agrees to.
	Commitments Commitments `json:"commitments"`
}

// Activity is one planned event in a network's programme.
type Activity struct {
	// Title says what the activity is.
	Title string `json:"title" validate:"required,max=200"`
	// Kind is the sort of activity.
	Kind string `json:"kind" validate:"required,oneof=meeting cpd practitioner-research lesson-study student-activity dissemination visit other" words:"activity-kind"`
	// Date is the day it takes place, when known.
	Date string `json:"date,omitempty" validate:"omitempty,date"`
}

// Output is an intellectual output of a project: a lasting product such as
// guidelines, a catalogue or a web portal.
type Output struct {
	// Title names the output.
	Title string `json:"title" validate:"required,max=200"`
	// Kind is the sort of output (seed 002's seven, or other).
	Kind string `json:"kind" validate:"required,oneof=quality-criteria quality-measurement diverse-classrooms-catalogue pd-materials-selection pd-centre-review web-portal policy-briefings other" words:"output-kind"`
}

// Strand is one strand of a project's work.
type Strand struct {
	// Title names the strand as the project does.
	Title string `json:"title" validate:"required,max=200"`
	// Kind is the sort of strand (seed 002's five, or other).
	Kind string `json:"kind" validate:"required,oneof=intellectual-outputs dissemination sustainability quality-assurance project-management other" words:"strand-kind"`
}

// Commitments are what a network that asks for STEM Knowledge Networks
// funding must be prepared, collectively, to do (seed 000).
type Commitments struct {
	// PractitionerResearch: engage in practitioner research or teacher
	// enquiry into one of the key topic areas.
	PractitionerResearch bool `json:"practitionerResearch,omitempty"`
	// MinimumOneTerm: commit to a programme of activity over a period of at
	// least one term.
	MinimumOneTerm bool `json:"minimumOneTerm,omitempty"`
	// StructuredApproach: use a structured approach to group activity.
	StructuredApproach bool `json:"structuredApproach,omitempty"`
	// SubmitReport: submit a report of the network's activity.
	SubmitReport bool `json:"submitReport,omitempty"`
	// AttendDissemination: send at least one member to a dissemination event.
	AttendDissemination bool `json:"attendDissemination,omitempty"`
	// ShareOnline: share the report and resources online.
	ShareOnline bool `json:"shareOnline,omitempty"`
}

// Funding is the money a network asks for, line by line.
type Funding struct {
	// Currency is the ISO 4217 code of the currency of every amount.
	Currency string `json:"currency" validate:"required,oneof=GBP EUR" words:"currency"`
	// Lines are the budget lines.
	Lines []BudgetLine `json:"lines,omitempty" validate:"max=1000,dive"`
}

// BudgetLine is one item of a budget.
type BudgetLine struct {
	// Category is the scheme's spend category, such as "resources".
	Category string `json:"category" validate:"required,max=64" words:"category"`
	// Description says what the money is for.
	Description string `json:"description,omitempty" validate:"max=500"`
	// Amount is how much, in minor units of the currency (pence, cents).
	Amount budget.Amount `json:"amount" validate:"required,min=1,max=1000000000000"`
	// Institution is the id of the institution that receives the money, if named.
	Institution string `json:"institution,omitempty" validate:"max=64"`
}

// Contact is the person the funder writes to.
type Contact struct {
	// Name is the contact's full name.
	Name string `json:"name" validate:"required,max=200"`
	// Email is the contact's email address.
	Email string `json:"email" validate:"required,max=254,email"`
	// Phone is the contact's telephone number.
	Phone string `json:"phone,omitempty" validate:"max=40"`
}

// OfferDocument is the document of the STEM Exchange: an employer's offer of
// free CPD or work experience to the FE and training sector.
type OfferDocument struct {
	// Scheme is "stem-exchange" or a scheme that extends it.
	Scheme string `json:"scheme" validate:"required,max=100"`
	// Offer is what the employer offers.
	Offer Offer `json:"offer"`
}

// Offer is an employer's offer on the STEM Exchange (seed 001).
type Offer struct {
	// Employer is the organisation making the offer.
	Employer Employer `json:"employer"`
	// Kind is "cpd" (continuing professional development) or
	// "work-experience" (the STEM Experience).
	Kind string `json:"kind" validate:"required,oneof=cpd work-experience" words:"offer-kind"`
	// Format is how the offer is delivered.
	Format string `json:"format" validate:"required,oneof=site-visit work-shadowing phone-advice internal-training workshop placement" words:"offer-format"`
	// Title names the offer.
	Title string `json:"title" validate:"required,max=200"`
	// Description says what the offer involves.
	Description string `json:"description,omitempty" validate:"max=5000"`
	// Audience are the kinds of organisation the offer is for.
	Audience []string `json:"audience" validate:"required,min=1,max=5,unique,dive,oneof=fe-college private-training-provider education-charity school university" words:"audience"`
	// Cost is what the offer costs a participant, in pence.
	Cost budget.Amount `json:"cost,omitempty" validate:"min=0,max=1000000000000"`
	// AgeRange is the ages a work-experience offer is open to.
	AgeRange *AgeRange `json:"ageRange,omitempty"`
	// StartDate is the first day the offer is available.
	StartDate string `json:"startDate,omitempty" validate:"omitempty,date"`
	// EndDate is the last day the offer is available.
	EndDate string `json:"endDate,omitempty" validate:"omitempty,date"`
	// Postcode is where the offer takes place.
	Postcode string `json:"postcode,omitempty" validate:"omitempty,postcode"`
}

// Employer is an organisation offering CPD or work experience.
type Employer struct {
	// Name is the employer's name.
	Name string `json:"name" validate:"required,max=200"`
	// CompanyNumber is the Companies House registration number.
	CompanyNumber string `json:"companyNumber,omitempty" validate:"omitempty,company-number"`
}

// AgeRange is the youngest and oldest age, in whole years, an offer is open to.
type AgeRange struct {
	// Min is the youngest age; absent means no lower limit (0).
	Min int64 `json:"min,omitempty" validate:"min=0,max=120"`
	// Max is the oldest age. It must be stated; 0 is an age stated (below
	// the least, 1), not one left out.
	Max *int64 `json:"max" validate:"required,min=1,max=120"`
}

// The compiled views of the document types, for internal/document to read
// and check them through (see read.go).
var (
	applicationShape = document.Compile(reflect.TypeFor[Application](), documentLists, formGroups)
	offerShape       = document.Compile(reflect.TypeFor[OfferDocument](), documentLists, formGroups)
	// rootShape orders findings about either kind of document.
	rootShape = document.Merge(applicationShape, offerShape)
)

// documentLists are the struct types that appear in lists in the documents.
var documentLists = []document.List{
	document.ListOf[Institution](), document.ListOf[Member](), document.ListOf[Partner](),
	document.ListOf[Activity](), document.ListOf[Output](), document.ListOf[Strand](), document.ListOf[BudgetLine](),
}

// formGroups say which fields make an optional group present in a form
// post: funding only with a budget line (a currency select always posts a
// value); any other group with any value (see Form).
var formGroups = map[string][]string{"funding": {"lines"}}
