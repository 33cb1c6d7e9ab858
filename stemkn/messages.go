package stemkn

import (
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// Messages words findings. A message comes from a template chosen by the
// finding's code, refined by a variant (such as "missing" for a value a rule
// needs, or the name of a format) and by the pattern of its path (the path
// with list indices as "*"). The most specific template wins:
//
//	code.Variant@pattern, code@pattern, code.Variant, code
//
// Templates fill {name} from the finding's params and {field} from the label
// of its path; {1} and {2} are the 1-based list indices in the path. A
// capitalised placeholder ({Field}, {Category:category}) capitalises its
// text. Formats: {x:money} (minor units in the finding's currency),
// {x:date} ("10 January 2011"), {x:and} (a list joined with "and"),
// {x:label} (the label of the JSON Pointer in x), {x:currency} ("pounds"),
// {x:quoted}, {x:category} and {x:theme}
// (titles from the scheme), {x:list} (a list joined with "or"), {x:type}
// (a JSON type in words), {x:offer-kind} ("CPD", "work experience"), {x:audience} ("FE colleges", …). Labels are keyed "label@pattern".
//
// Hosts translate or reword by overriding any key (see With).
type Messages struct {
	text map[string]string
}

// DefaultMessages returns the English messages, written in the GOV.UK error
// message style: plain, specific, and saying what to do.
func DefaultMessages() *Messages {
	m := &Messages{text: make(map[string]string, len(englishTemplates)+len(englishLabels))}
	for k, v := range englishTemplates {
		m.text[k] = v
	}
	for k, v := range englishLabels {
		m.text["label@"+k] = v
	}
	return m
}

// With returns a copy of the messages with some templates or labels replaced.
func (m *Messages) With(overrides map[string]string) *Messages {
	n := &Messages{text: make(map[string]string, len(m.text)+len(overrides))}
	for k, v := range m.text {
		n.text[k] = v
	}
	for k, v := range overrides {
		n.text[k] = v
	}
	return n
}

// Keys lists the template and label keys, for hosts preparing a translation.
func (m *Messages) Keys() []string {
	out := make([]string, 0, len(m.text))
	for k := range m.text {
		out = append(out, k)
	}
	return out
}

// Template returns the text for a key, and whether there is one.
func (m *Messages) Template(key string) (string, bool) {
	t, ok := m.text[key]
	return t, ok
}

func (m *Messages) apply(fs Findings, s *compiled) {
	var scheme *Scheme
	if s != nil {
		scheme = s.Scheme
	}
	for i := range fs {
		fs[i].Message = m.Message(&fs[i], scheme)
	}
}

// Message words one finding. scheme may be nil.
func (m *Messages) Message(f *Finding, scheme *Scheme) string {
	pattern, indices := pathPattern(f.Path)
	code := string(f.Code)
	var tmpl string
	for _, key := range [...]string{code + "." + f.Variant + "@" + pattern, code + "@" + pattern, code + "." + f.Variant, code} {
		if t, ok := m.text[key]; ok {
			tmpl = t
			break
		}
	}
	if tmpl == "" {
		tmpl = "{Field} has a problem (" + code + ")"
	}
	return m.fill(tmpl, f, scheme, pattern, indices)
}

// pathPattern replaces list indices with "*" and returns them 1-based.
func pathPattern(path string) (string, []string) {
	if path == "" {
		return "", nil
	}
	var b strings.Builder
	var indices []string
	for _, seg := range strings.Split(path[1:], "/") {
		b.WriteByte('/')
		if n, err := strconv.Atoi(seg); err == nil && n >= 0 && seg == strconv.Itoa(n) {
			b.WriteByte('*')
			indices = append(indices, strconv.Itoa(n+1))
			continue
		}
		b.WriteString(seg)
	}
	return b.String(), indices
}

func (m *Messages) label(pattern string, indices []string) string {
	if l, ok := m.text["label@"+pattern]; ok {
		return fillIndices(l, indices)
	}
	if pattern == "" {
		return "the document"
	}
	return `"` + pattern[strings.LastIndexByte(pattern, '/')+1:] + `"`
}

func fillIndices(s string, indices []string) string {
	for i, v := range indices {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", v)
	}
	return s
}

func (m *Messages) fill(tmpl string, f *Finding, scheme *Scheme, pattern string, indices []string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:open])
		b.WriteString(m.placeholder(tmpl[open+1:open+end], f, scheme, pattern, indices))
		tmpl = tmpl[open+end+1:]
	}
}

func (m *Messages) placeholder(name string, f *Finding, scheme *Scheme, pattern string, indices []string) string {
	name, format, _ := strings.Cut(name, ":")
	upper := name != "" && name[0] >= 'A' && name[0] <= 'Z'
	if upper {
		name = strings.ToLower(name[:1]) + name[1:]
	}
	var text string
	switch {
	case name == "field":
		text = m.label(pattern, indices)
	case format == "label":
		at, _ := f.Params[name].(string)
		text = m.label(pathPattern(at))
	case name >= "1" && name <= "9" && len(name) == 1:
		if k := int(name[0] - '1'); k < len(indices) {
			text = indices[k]
		}
	default:
		text = formatParam(f.Params[name], format, f.Params, scheme)
	}
	if upper {
		return capitalise(text)
	}
	return text
}

func formatParam(v any, format string, params Params, scheme *Scheme) string {
	switch x := v.(type) {
	case int64:
		if format == "money" {
			cur, _ := params["currency"].(string)
			if cur == "" && scheme != nil {
				cur = scheme.Currency
			}
			if cur == "" {
				cur = "GBP"
			}
			return budget.Format(budget.Amount(x), cur)
		}
		return strconv.FormatInt(x, 10)
	case []string:
		if format == "and" {
			return joinAnd(x)
		}
		if format == "audience" {
			words := make([]string, len(x))
			for i, a := range x {
				words[i] = formatParam(a, format, params, scheme)
			}
			return joinOr(words)
		}
		return joinOr(x)
	case string:
		switch format {
		case "date":
			if d, ok := eligibility.ParseDate(x); ok {
				return d.Long()
			}
		case "quoted":
			return `"` + x + `"`
		case "offer-kind":
			if w, ok := offerKindWords[x]; ok {
				return w
			}
		case "audience":
			if w, ok := audienceWords[x]; ok {
				return w
			}
		case "type":
			return jsonTypeWords[x]
		case "currency":
			if w, ok := currencyWords[x]; ok {
				return w
			}
		case "category":
			if scheme != nil {
				return scheme.categoryTitle(x)
			}
		case "theme":
			if scheme != nil {
				for _, t := range scheme.Themes {
					if t.ID == x {
						return t.Title
					}
				}
			}
		}
		return x
	}
	return ""
}

// currencyWords name currencies as a sentence does: "Enter the amount in pounds".
var currencyWords = map[string]string{"GBP": "pounds", "EUR": "euros", "USD": "US dollars"}

var offerKindWords = map[string]string{"cpd": "CPD", "work-experience": "work experience"}

var audienceWords = map[string]string{
	"fe-college": "FE colleges", "private-training-provider": "private training providers",
	"education-charity": "education charities", "school": "schools", "university": "universities",
}

var jsonTypeWords = map[string]string{
	"string": "text", "integer": "a whole number", "boolean": "true or false",
	"object": "a group of fields", "array": "a list", "number": "a number", "null": "empty",
}

// englishTemplates are the default message templates, keyed as Messages
// describes. They are complete once package variables are initialised (not
// in an init function), so a package-level Validator words findings the
// same as any other.
var englishTemplates = withPathTemplates(map[string]string{
	"syntax":                                "The document cannot be read as JSON: there is {problem} at line {line}, column {column}",
	"type":                                  "{Field} must be {expected:type}, not {actual:type}",
	"required":                              "Enter {field}",
	"unknown-field":                         "Remove {name:quoted}: it is not a field this document can have",
	"enum":                                  "Select {field} from the list",
	"format":                                "Enter {field} in the correct format",
	"format.date":                           "{Field} must be a real date, like 2011-01-10",
	"format.date-missing":                   "{Field} must include a {missing:and}",
	"format.date-real":                      "{Field} must be a real date",
	"format.date-year":                      "The year of {field} must include 4 numbers",
	"format.email":                          "Enter {field} in the correct format, like name@example.com",
	"format.urn":                            "{Field} must be 6 digits",
	"format.ukprn":                          "{Field} must be 8 digits, starting with 1",
	"format.pic":                            "{Field} must be 9 digits",
	"format.postcode":                       "Enter {field} in capital letters with a space, like SW1A 1AA",
	"format.company-number":                 "{Field} must be 8 digits, or 2 letters then 6 digits",
	"format.money":                          "Enter {field} as an amount of money, like £1,200.50",
	"format.money-currency":                 "Enter {field} in {currency:currency}",
	"format.integer":                        "{Field} must be a whole number",
	"format.boolean":                        "{Field} must be ticked or left empty",
	"min-length":                            "{Field} must be {min} characters or more",
	"max-length":                            "{Field} must be {max} characters or fewer",
	"minimum":                               "{Field} must be {min} or more",
	"maximum":                               "{Field} must be {max} or less",
	"min-items":                             "{Field} must have at least {min} entries",
	"max-items":                             "{Field} must have {max} entries or fewer",
	"duplicate":                             "{Field} must not repeat an entry",
	"duplicate.key":                         "{Field} appears more than once: remove the repeat",
	"too-large":                             "The document is too large",
	"too-large.bytes":                       "The document must be {max} bytes or smaller",
	"too-large.depth":                       "The document must be nested no more than {max} levels deep",
	"too-large.items":                       "{Field} must have no more than {max} entries",
	"too-large.findings":                    "The document has more than {max} problems: fix the ones listed and send it again",
	"form-name":                             "The answer in {name:quoted} cannot be saved: the form has no place for it",
	"form-name.index":                       "The answer in {name:quoted} cannot be saved: {part:quoted} is not a row number from 0 to {max}",
	"form-name.list":                        "The answer in {name:quoted} cannot be saved: {at:label} takes one answer, not a list",
	"form-name.group":                       "The answer in {name:quoted} cannot be saved: {at:label} takes one answer, not a group of answers",
	"form-name.value":                       "The answer in {name:quoted} cannot be saved: {at:label} is a group of questions, not one answer",
	"form-name.rows":                        "The answer in {name:quoted} cannot be saved: {at:label} are given row by row, not as one answer",
	"form-name.name":                        "The answer in {name:quoted} cannot be saved: its field name is not in bracket notation",
	"eligibility.scheme-unknown":            "Select a scheme from the list: there is no scheme called {scheme:quoted}",
	"eligibility.scheme-unknown.kind":       "Select a scheme for this kind of document: {scheme:quoted} judges a different kind",
	"eligibility.theme":                     "Select one of the scheme's themes for the network",
	"eligibility.theme.missing":             "Select the network's theme",
	"eligibility.area-of-interest":          "Enter the network's specific area of interest",
	"eligibility.reflection":                "Enter how teachers will reflect on their professional practice",
	"eligibility.local-issue":               "Enter the local issue of underachievement in STEM the partnership addresses",
	"eligibility.subject-spread":            "Add members from across STEM subjects: between them, members must teach at least {min} of science, technology, engineering and mathematics",
	"eligibility.institution-class":         "{Institution} cannot {does}: only {who} can",
	"eligibility.institution-class.missing": "Select the type of establishment of {institution}",
	"eligibility.institution-class.missing@/network/institutions/*/stateFunded": "Say whether {institution} is state-funded",
	"eligibility.place":                           "{Institution} cannot {does}: only {who} can",
	"eligibility.place.missing":                   "Select which part of the UK {institution} is in",
	"eligibility.min-institutions":                "Add more institutions: the partnership needs at least {min} and has {count}",
	"eligibility.min-countries":                   "Add organisations from more countries: at least {min} different eligible countries are needed and there are {count}",
	"eligibility.commitment":                      "Confirm the network agrees to all {required} commitments: {count} are not selected",
	"eligibility.commitment.none":                 "Confirm the network agrees to all {required} commitments",
	"eligibility.commitment.practitionerResearch": "Confirm the network will engage in practitioner research or teacher enquiry into one of the themes",
	"eligibility.commitment.minimumOneTerm":       "Confirm the network will run a programme of activity over at least one term",
	"eligibility.commitment.structuredApproach":   "Confirm the network will use a structured approach to group activity",
	"eligibility.commitment.submitReport":         "Confirm the network will submit a report of its activity",
	"eligibility.commitment.attendDissemination":  "Confirm the network will send at least one member to a dissemination event",
	"eligibility.commitment.shareOnline":          "Confirm the network will share its report and resources online",
	"eligibility.dates":                           "The end date must be the same as or after the start date",
	"eligibility.dates@/plan/activities/*/date":   "The date of activity {1} must be between the start date, {start:date}, and the end date, {end:date}",
	"eligibility.duration":                        "The programme is not the right length",
	"eligibility.duration.min-weeks":              "The programme must last at least {minWeeks} weeks: from the start date to the end date is {days} days, which is {weeks} whole weeks",
	"eligibility.duration.min-months":             "The programme must last at least {minMonths} months: it lasts {months}",
	"eligibility.duration.max-months":             "The programme must last no more than {maxMonths} months: it lasts {months}",
	"eligibility.deadline":                        "The date submitted must be on or before {deadline:date}, the closing date",
	"eligibility.activities":                      "Add {need} to the plan's activities",
	"eligibility.outputs":                         "Add the project's intellectual outputs: it needs at least {min}",
	"unknown-institution":                         "Select {field} from the network's institutions: there is no institution with the ID {id:quoted}",
	"budget.currency":                             "Select {currency} as the currency: the scheme pays in {currency}",
	"budget.cap":                                  "The total must be {cap:money} or less: it is {total:money}",
	"budget.cap.monthly":                          "The total must be {cap:money} or less for a programme of {months} months ({perMonth:money} a month, and {ceiling:money} in all): it is {total:money}",
	"budget.category":                             "Select a spend category the scheme funds for budget line {1}",
	"budget.category.needs":                       "Remove budget line {1} or add intellectual outputs to the plan: {category:category} are funded only for projects with intellectual outputs",
	"budget.category-share":                       "{Category:category} must be no more than {limit}% of the total: {amount:money} of {total:money} is {percent}",
	"budget.unit-cost":                            "{Category:category} must be {allowance:money} or less, the unit cost for {organisations} organisations over {months} months: it is {amount:money}",
	"budget.empty":                                "Add at least one budget line, or remove the request for funding",
	"budget.empty.missing":                        "Add at least one budget line, or remove the request for funding",
	"budget.overflow":                             "The amounts are too large to add up: check each amount is in pence or cents",
	"budget.overflow@/funding/lines/*/amount":     "{Field} is too large: check it is in pence or cents",
	"offer.not-free":                              "Set the cost to £0.00: {kind:offer-kind} offers on the STEM Exchange are free",
	"offer.audience":                              "Remove {audience:audience} from who the offer is for: {kind:offer-kind} offers are for {allowed:audience}",
	"offer.age-range":                             "The youngest age must be the same as or less than the oldest age",
	"advice.mathematics":                          "Think about inviting a teacher of mathematics: the NCETM is keen for teachers of mathematics to form STEM Knowledge Networks",
})

// selects are the fields people choose rather than type, so a missing one
// reads "Select …" rather than "Enter …".
var selects = []string{
	"/scheme", "/network/theme", "/network/lead", "/network/institutions/*/kind", "/network/institutions/*/country",
	"/network/institutions/*/subdivision", "/network/institutions/*/establishmentType", "/network/institutions/*/phase",
	"/network/institutions/*/region", "/network/members/*/role", "/network/members/*/institution",
	"/network/partners/*/kind", "/plan/activities/*/kind", "/plan/outputs/*/kind", "/funding/currency",
	"/funding/lines/*/category", "/funding/lines/*/institution", "/offer/kind", "/offer/format", "/offer/audience",
}

// withPathTemplates adds the templates for particular paths to t.
func withPathTemplates(t map[string]string) map[string]string {
	for _, p := range selects {
		t["required@"+p] = "Select {field}"
	}
	t["required@/network/institutions"] = "Add at least one institution"
	t["required@/network/members"] = "Add at least one member"
	t["min-items@/network/institutions"] = "Add at least one institution"
	t["min-items@/network/members"] = "Add at least one member"
	t["required@/funding"] = "Enter the funding the partnership asks for"
	t["required@/offer/ageRange/max"] = "Enter the oldest age the offer is open to"
	t["required@/offer/ageRange"] = "Enter the age range the offer is open to"
	t["duplicate@/network/institutions/*/id"] = "Give institution {1} a different ID: {id:quoted} is already used"
	t["duplicate@/network/members/*/subjects"] = "Select each subject of member {1} only once"
	t["duplicate@/offer/audience"] = "Select each audience only once"
	t["minimum@/funding/lines/*/amount"] = "{Field} must be £0.01 or more"
	t["maximum@/funding/lines/*/amount"] = "{Field} must be {max:money} or less"
	return t
}

// englishLabels name the fields of documents by path pattern.
var englishLabels = map[string]string{
	"/scheme":                                   "the scheme",
	"/submittedOn":                              "the date the application is submitted",
	"/network":                                  "the network",
	"/network/name":                             "the network's name",
	"/network/areaOfInterest":                   "the network's specific area of interest",
	"/network/theme":                            "the network's theme",
	"/network/localIssue":                       "the local issue the partnership addresses",
	"/network/lead":                             "the lead institution",
	"/network/institutions":                     "the institutions",
	"/network/institutions/*":                   "institution {1}",
	"/network/institutions/*/id":                "the ID of institution {1}",
	"/network/institutions/*/name":              "the name of institution {1}",
	"/network/institutions/*/kind":              "the kind of institution {1}",
	"/network/institutions/*/country":           "the country of institution {1}",
	"/network/institutions/*/subdivision":       "the part of the UK institution {1} is in",
	"/network/institutions/*/urn":               "the URN of institution {1}",
	"/network/institutions/*/ukprn":             "the UKPRN of institution {1}",
	"/network/institutions/*/pic":               "the PIC of institution {1}",
	"/network/institutions/*/establishmentType": "the type of establishment of institution {1}",
	"/network/institutions/*/phase":             "the phase of education of institution {1}",
	"/network/institutions/*/region":            "the region of institution {1}",
	"/network/institutions/*/stateFunded":       "whether institution {1} is state-funded",
	"/network/institutions/*/postcode":          "the postcode of institution {1}",
	"/network/members":                          "the members",
	"/network/members/*":                        "member {1}",
	"/network/members/*/name":                   "the name of member {1}",
	"/network/members/*/email":                  "the email address of member {1}",
	"/network/members/*/role":                   "the role of member {1}",
	"/network/members/*/subjects":               "the subjects of member {1}",
	"/network/members/*/subjects/*":             "subject {2} of member {1}",
	"/network/members/*/institution":            "the institution of member {1}",
	"/network/partners":                         "the partners",
	"/network/partners/*":                       "partner {1}",
	"/network/partners/*/name":                  "the name of partner {1}",
	"/network/partners/*/kind":                  "the kind of partner {1}",
	"/network/partners/*/contribution":          "what partner {1} contributes",
	"/plan":                                     "the plan",
	"/plan/startDate":                           "the start date",
	"/plan/endDate":                             "the end date",
	"/plan/reflection":                          "how teachers will reflect on their practice",
	"/plan/activities":                          "the activities",
	"/plan/activities/*":                        "activity {1}",
	"/plan/activities/*/title":                  "the title of activity {1}",
	"/plan/activities/*/kind":                   "the kind of activity {1}",
	"/plan/activities/*/date":                   "the date of activity {1}",
	"/plan/outputs":                             "the intellectual outputs",
	"/plan/outputs/*":                           "output {1}",
	"/plan/outputs/*/title":                     "the title of output {1}",
	"/plan/outputs/*/kind":                      "the kind of output {1}",
	"/plan/commitments":                         "the commitments",
	"/plan/commitments/practitionerResearch":    "the commitment to practitioner research",
	"/plan/commitments/minimumOneTerm":          "the commitment to at least one term",
	"/plan/commitments/structuredApproach":      "the commitment to a structured approach",
	"/plan/commitments/submitReport":            "the commitment to submit a report",
	"/plan/commitments/attendDissemination":     "the commitment to attend a dissemination event",
	"/plan/commitments/shareOnline":             "the commitment to share online",
	"/funding":                                  "the funding",
	"/funding/currency":                         "the currency",
	"/funding/lines":                            "the budget lines",
	"/funding/lines/*":                          "budget line {1}",
	"/funding/lines/*/category":                 "the spend category of budget line {1}",
	"/funding/lines/*/description":              "the description of budget line {1}",
	"/funding/lines/*/amount":                   "the amount of budget line {1}",
	"/funding/lines/*/institution":              "the institution that receives budget line {1}",
	"/contact":                                  "the contact",
	"/contact/name":                             "the contact's name",
	"/contact/email":                            "the contact's email address",
	"/contact/phone":                            "the contact's phone number",
	"/offer":                                    "the offer",
	"/offer/employer":                           "the employer",
	"/offer/employer/name":                      "the employer's name",
	"/offer/employer/companyNumber":             "the employer's company number",
	"/offer/kind":                               "the kind of offer",
	"/offer/format":                             "how the offer is delivered",
	"/offer/title":                              "the title of the offer",
	"/offer/description":                        "the description of the offer",
	"/offer/audience":                           "who the offer is for",
	"/offer/audience/*":                         "audience {1}",
	"/offer/cost":                               "the cost of the offer",
	"/offer/ageRange":                           "the age range",
	"/offer/ageRange/min":                       "the youngest age",
	"/offer/ageRange/max":                       "the oldest age",
	"/offer/startDate":                          "the date the offer starts",
	"/offer/endDate":                            "the date the offer ends",
	"/offer/postcode":                           "the postcode where the offer takes place",
}
