package main

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// The demo's forms are described here once, as Go values, and drawn by one
// template. Knowing every field lets the server put a finding's message by
// the same field the widget would, and fill the form back in from a post.

// option is one choice of a select, radios or checkboxes.
type option struct {
	Value, Text, Hint string
}

// errorText is one inline message, with the id aria-describedby points at.
type errorText struct {
	ID, Text string
}

// field is one question of a form.
type field struct {
	Name, ID     string
	Label, Hint  string
	Kind         string // text, email, tel, date, textarea, money, number, select, radios, checkboxes, checkbox, hidden
	Width        string // a govuk width class
	Prefix       string // a money field's currency symbol
	Autocomplete string
	Options      []option
	Value        string
	Chosen       map[string]bool
	Errors       []errorText
}

// Checked reports whether a radio, checkbox or select option is chosen.
func (f *field) Checked(v string) bool { return f.Chosen[v] }

// OptionID is the id of a radio or checkbox: the field's id for the first,
// so that error summary links land on it, as in GOV.UK.
func (f *field) OptionID(i int) string {
	if i == 0 {
		return f.ID
	}
	return f.ID + "-" + strconv.Itoa(i+1)
}

// DescribedBy lists the hint and error message ids.
func (f *field) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	for _, e := range f.Errors {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, " ")
}

// InputType is the type attribute of an input.
func (f *field) InputType() string {
	if f.Kind == "number" || f.Kind == "money" {
		return "text"
	}
	return f.Kind
}

// Choice reports whether the field is a set of radios or checkboxes.
func (f *field) Choice() bool { return f.Kind == "radios" || f.Kind == "checkboxes" }

// row is one entry of a repeating group (a member, a budget line).
type row struct {
	Name   string // the group's name and index: network[members][3]
	Index  string // the index in the field names: a number, or __index__ in the template
	Legend string
	Fields []*field
}

// group is a repeating group of rows the host page lets people add to and remove from.
type group struct {
	Name     string // the names' prefix, such as network[members]
	ID       string
	Title    string
	Hint     string
	Noun     string // "member"
	Rows     []*row
	Template *row
}

// item is one thing in a section: a field, a repeating group or the budget summary.
type item struct {
	Field  *field
	Group  *group
	Budget bool
}

// section is a part of the form with a heading.
type section struct {
	Title string
	Hint  string
	Items []item
}

// spec describes a field relative to its row or section.
type spec struct {
	key, label, hint, kind, width, autocomplete string
	prefix                                      string
	options                                     []option
}

// formView is a whole form, filled in from a post.
type formView struct {
	Scheme   *stemkn.Scheme
	Sections []section
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// fieldID turns a field name into an id: network[members][3][email] is
// network-members-3-email.
func fieldID(name string) string {
	return strings.Trim(idUnsafe.ReplaceAllString(name, "-"), "-")
}

func (s spec) at(prefix string, values url.Values) *field {
	name := s.key
	if prefix != "" {
		name = prefix + "[" + s.key + "]"
		if strings.HasSuffix(s.key, "[]") {
			name = prefix + "[" + strings.TrimSuffix(s.key, "[]") + "][]"
		}
	}
	f := &field{Name: name, ID: fieldID(name), Label: s.label, Hint: s.hint, Kind: s.kind, Width: s.width,
		Prefix: s.prefix, Autocomplete: s.autocomplete, Options: s.options, Chosen: map[string]bool{}}
	for _, v := range values[name] {
		if f.Value == "" {
			f.Value = v
		}
		if v != "" {
			f.Chosen[v] = true
		}
	}
	return f
}

func fieldsAt(specs []spec, prefix string, values url.Values) []*field {
	out := make([]*field, len(specs))
	for i, s := range specs {
		out[i] = s.at(prefix, values)
	}
	return out
}

// repeating builds a group with a row for each index posted under its name
// (at least one), and a template row for the host script to copy.
func repeating(name, title, hint, noun string, specs []spec, values url.Values, minRows int) *group {
	g := &group{Name: name, ID: fieldID(name), Title: title, Hint: hint, Noun: noun}
	indices := rowIndices(values, name)
	for len(indices) < minRows {
		next := 0
		if len(indices) > 0 {
			next = indices[len(indices)-1] + 1
		}
		indices = append(indices, next)
	}
	for n, k := range indices {
		idx := strconv.Itoa(k)
		g.Rows = append(g.Rows, &row{Name: name + "[" + idx + "]", Index: idx, Legend: capitalise(noun) + " " + strconv.Itoa(n+1),
			Fields: fieldsAt(specs, name+"["+idx+"]", values)})
	}
	g.Template = &row{Name: name + "[__index__]", Index: "__index__", Legend: capitalise(noun), Fields: fieldsAt(specs, name+"[__index__]", nil)}
	return g
}

// rowIndices lists, in order, the row indices posted under a group's name.
func rowIndices(values url.Values, name string) []int {
	var out []int
	prefix := name + "["
	for key := range values {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			continue
		}
		if k, err := strconv.Atoi(rest[:end]); err == nil && k >= 0 && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// addRow and removeRow change a post the way the host script changes the
// page, for people without JavaScript: the add and remove buttons post the
// form with _add=group or _remove=row.
func addRow(values url.Values, name string) {
	indices := rowIndices(values, name)
	next := 0
	if len(indices) > 0 {
		next = indices[len(indices)-1] + 1
	}
	values.Set(name+"["+strconv.Itoa(next)+"][_row]", "")
}

func removeRow(values url.Values, rowName string) {
	for key := range values {
		if strings.HasPrefix(key, rowName+"[") {
			values.Del(key)
		}
	}
}

func currencySymbol(code string) string {
	if c, ok := budget.LookupCurrency(code); ok {
		return c.Symbol
	}
	return code
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// words turns a slug into words: "middle-deemed-primary" is "Middle deemed primary".
func words(slug string) string {
	return capitalise(strings.ReplaceAll(slug, "-", " "))
}

func slugOptions(slugs ...string) []option {
	out := make([]option, len(slugs))
	for i, s := range slugs {
		out[i] = option{Value: s, Text: words(s)}
	}
	return out
}

func withBlank(opts []option) []option {
	return append([]option{{Value: "", Text: "Select…"}}, opts...)
}

func establishmentOptions() []option {
	var out []option
	for _, t := range eligibility.EstablishmentTypes() {
		out = append(out, option{Value: t.Slug, Text: t.Name + " (GIAS " + strconv.Itoa(t.Code) + ")"})
	}
	return withBlank(out)
}

func regionOptions() []option {
	var out []option
	for _, r := range eligibility.Regions() {
		out = append(out, option{Value: r.Slug, Text: r.Name})
	}
	return withBlank(out)
}

var subdivisions = []option{
	{Value: "GB-ENG", Text: "England"}, {Value: "GB-SCT", Text: "Scotland"},
	{Value: "GB-WLS", Text: "Wales"}, {Value: "GB-NIR", Text: "Northern Ireland"},
}

var commitmentLabels = []option{
	{Value: "practitionerResearch", Text: "Engage in practitioner research or teacher enquiry into one of the themes"},
	{Value: "minimumOneTerm", Text: "Commit to a programme of activity over at least one term"},
	{Value: "structuredApproach", Text: "Use a structured approach to group activity within the network"},
	{Value: "submitReport", Text: "Submit a report of the network's activity"},
	{Value: "attendDissemination", Text: "Send at least one member of the network to a dissemination event"},
	{Value: "shareOnline", Text: "Share the report and any resources developed online"},
}

// applicationForm is the form for an application to a scheme, with the
// sections the scheme's rules ask for.
func applicationForm(s *stemkn.Scheme, values url.Values) *formView {
	r := &s.Rules
	v := &formView{Scheme: s}
	hidden := spec{key: "scheme", kind: "hidden"}.at("", values)
	if hidden.Value == "" {
		hidden.Value = s.ID
	}

	network := []item{
		{Field: spec{key: "name", label: "Network name", hint: "What the network calls itself", kind: "text"}.at("network", values)},
		{Field: spec{key: "areaOfInterest", label: "Specific area of interest",
			hint: "The curriculum knowledge or pedagogy the network will share, in your own words", kind: "textarea"}.at("network", values)},
	}
	if len(s.Themes) > 0 {
		var themes []option
		for _, t := range s.Themes {
			themes = append(themes, option{Value: t.ID, Text: t.Title})
		}
		network = append(network, item{Field: spec{key: "theme", label: "Which theme is the network's work about?", kind: "radios", options: themes}.at("network", values)})
	}
	if r.LocalIssue != nil {
		network = append(network, item{Field: spec{key: "localIssue", label: "Local issue of underachievement in STEM",
			hint: "The issue in your area the partnership will address", kind: "textarea"}.at("network", values)})
	}
	network = append([]item{{Field: hidden}}, network...)

	institution := []spec{
		{key: "name", label: "Name", kind: "text", autocomplete: "organization"},
		{key: "id", label: "Short ID", hint: "A short name you choose, used to refer to this institution below, for example ccs", kind: "text", width: "govuk-input--width-10"},
		{key: "kind", label: "Kind of institution", kind: "select", options: withBlank(slugOptions("school", "college", "university", "pd-centre", "training-provider", "employer", "charity", "other"))},
		{key: "country", label: "Country", hint: "Two-letter code, for example GB, FR or DE", kind: "text", width: "govuk-input--width-2"},
		{key: "subdivision", label: "Part of the UK", kind: "select", options: withBlank(subdivisions)},
		{key: "urn", label: "URN", hint: "Unique Reference Number in Get Information about Schools: 6 digits", kind: "text", width: "govuk-input--width-10"},
	}
	if r.Identifiers != nil && slices.Contains(r.Identifiers.Required, "pic") {
		institution = append(institution, spec{key: "pic", label: "PIC", hint: "Participant Identification Code: 9 digits", kind: "text", width: "govuk-input--width-10"})
	}
	institution = append(institution,
		spec{key: "establishmentType", label: "Type of establishment", hint: "As recorded in Get Information about Schools, for English schools and colleges", kind: "select", options: establishmentOptions()},
		spec{key: "phase", label: "Phase of education", kind: "select", options: withBlank(slugOptions(eligibility.Phases()...))},
		spec{key: "region", label: "Region of England", kind: "select", options: regionOptions()},
		spec{key: "stateFunded", label: "Is it state-funded?", hint: "Only for institutions outside England", kind: "radios",
			options: []option{{Value: "true", Text: "Yes"}, {Value: "false", Text: "No"}}},
	)
	member := []spec{
		{key: "name", label: "Full name", kind: "text", autocomplete: "off"},
		{key: "email", label: "Email address", kind: "email", autocomplete: "off"},
		{key: "role", label: "Role", kind: "select", options: withBlank(slugOptions("coordinator", "teacher", "technician", "leader", "researcher", "other"))},
		{key: "subjects[]", label: "Subjects they teach or support", kind: "checkboxes", options: slugOptions(eligibility.Subjects()...)},
		{key: "institution", label: "Institution ID", hint: "The short ID of their institution", kind: "text", width: "govuk-input--width-10"},
	}
	people := []item{
		{Field: spec{key: "lead", label: "Lead institution ID", hint: "The short ID of the institution that applies and holds the money", kind: "text", width: "govuk-input--width-10"}.at("network", values)},
		{Group: repeating("network[institutions]", "Institutions", "", "institution", institution, values, 1)},
		{Group: repeating("network[members]", "Members", "Colleagues from across STEM subject areas", "member", member, values, 1)},
	}

	activity := []spec{
		{key: "title", label: "Title", kind: "text"},
		{key: "kind", label: "Kind of activity", kind: "select", options: withBlank(slugOptions("meeting", "cpd", "practitioner-research", "lesson-study", "student-activity", "dissemination", "visit", "other"))},
		{key: "date", label: "Date", kind: "date"},
	}
	plan := []item{
		{Field: spec{key: "startDate", label: "Start date", kind: "date"}.at("plan", values)},
		{Field: spec{key: "endDate", label: "End date", kind: "date"}.at("plan", values)},
		{Field: spec{key: "reflection", label: "How will teachers reflect on their professional practice?", kind: "textarea"}.at("plan", values)},
		{Group: repeating("plan[activities]", "Activities", "", "activity", activity, values, 1)},
	}
	if r.Outputs != nil {
		output := []spec{
			{key: "title", label: "Title", kind: "text"},
			{key: "kind", label: "Kind of output", kind: "select", options: withBlank(slugOptions("quality-criteria", "quality-measurement", "diverse-classrooms-catalogue", "pd-materials-selection", "pd-centre-review", "web-portal", "policy-briefings", "other"))},
		}
		plan = append(plan, item{Group: repeating("plan[outputs]", "Intellectual outputs", "", "output", output, values, 1)})
	}

	v.Sections = append(v.Sections,
		section{Title: "Your network", Items: network},
		section{Title: "Institutions and members", Items: people},
		section{Title: "Plan", Items: plan},
	)
	if r.Commitments != nil {
		var items []item
		for _, c := range commitmentLabels {
			if slices.Contains(r.Commitments.Required, c.Value) {
				f := spec{key: c.Value, label: c.Text, kind: "checkbox"}.at("plan[commitments]", values)
				items = append(items, item{Field: f})
			}
		}
		hint := "If you apply for funding, the network must be prepared, collectively, to do all of these."
		v.Sections = append(v.Sections, section{Title: "Commitments", Hint: hint, Items: items})
	}

	if len(s.Categories) > 0 {
		var cats []option
		for _, c := range s.Categories {
			cats = append(cats, option{Value: c.ID, Text: c.Title})
		}
		line := []spec{
			{key: "category", label: "Spend category", kind: "select", options: withBlank(cats)},
			{key: "description", label: "What the money is for", kind: "text"},
			{key: "amount", label: "Amount", hint: "For example 1,200.50", kind: "money", width: "govuk-input--width-10", prefix: currencySymbol(s.Currency)},
			{key: "institution", label: "Institution ID receiving the money (optional)", kind: "text", width: "govuk-input--width-10"},
		}
		currency := spec{key: "currency", label: "Currency", kind: "select", options: []option{{Value: "GBP", Text: "Pounds (GBP)"}, {Value: "EUR", Text: "Euros (EUR)"}}}.at("funding", values)
		if currency.Value == "" {
			currency.Value = s.Currency
			currency.Chosen[s.Currency] = true
		}
		hint := "Leave the budget lines empty if the network does not ask for money."
		if r.FundingRequired != nil {
			hint = "List what the money is for, line by line."
		}
		v.Sections = append(v.Sections, section{Title: "Funding", Hint: hint, Items: []item{
			{Field: currency},
			{Group: repeating("funding[lines]", "Budget lines", "", "budget line", line, values, 1)},
			{Budget: true},
		}})
	}

	v.Sections = append(v.Sections, section{Title: "Contact and submission", Items: []item{
		{Field: spec{key: "name", label: "Contact's full name", kind: "text", autocomplete: "name"}.at("contact", values)},
		{Field: spec{key: "email", label: "Contact's email address", kind: "email", autocomplete: "email"}.at("contact", values)},
		{Field: spec{key: "phone", label: "Contact's phone number (optional)", kind: "tel", autocomplete: "tel", width: "govuk-input--width-20"}.at("contact", values)},
		{Field: spec{key: "submittedOn", label: "Date submitted", kind: "date"}.at("", values)},
	}})
	return v
}

// offerForm is the form for a STEM Exchange offer.
func offerForm(s *stemkn.Scheme, values url.Values) *formView {
	hidden := spec{key: "scheme", kind: "hidden"}.at("", values)
	if hidden.Value == "" {
		hidden.Value = s.ID
	}
	o := "offer"
	return &formView{Scheme: s, Sections: []section{
		{Title: "Employer", Items: []item{
			{Field: hidden},
			{Field: spec{key: "name", label: "Employer's name", kind: "text", autocomplete: "organization"}.at("offer[employer]", values)},
			{Field: spec{key: "companyNumber", label: "Company number (optional)", hint: "Companies House registration number, for example 01234567", kind: "text", width: "govuk-input--width-10"}.at("offer[employer]", values)},
		}},
		{Title: "The offer", Items: []item{
			{Field: spec{key: "kind", label: "What are you offering?", kind: "radios", options: []option{
				{Value: "cpd", Text: "Continuing professional development (CPD)"},
				{Value: "work-experience", Text: "Work experience (the STEM Experience)"}}}.at(o, values)},
			{Field: spec{key: "format", label: "How is it delivered?", kind: "select", options: withBlank(slugOptions("site-visit", "work-shadowing", "phone-advice", "internal-training", "workshop", "placement"))}.at(o, values)},
			{Field: spec{key: "title", label: "Title", kind: "text"}.at(o, values)},
			{Field: spec{key: "description", label: "Description", kind: "textarea"}.at(o, values)},
			{Field: spec{key: "audience[]", label: "Who is it for?", kind: "checkboxes", options: []option{
				{Value: "fe-college", Text: "FE college teachers and tutors"},
				{Value: "private-training-provider", Text: "Private training providers"},
				{Value: "education-charity", Text: "Education charities"},
				{Value: "school", Text: "Schools"},
				{Value: "university", Text: "Universities"}}}.at(o, values)},
			{Field: spec{key: "cost", label: "Cost to a participant", hint: "CPD on the STEM Exchange is free: enter 0", kind: "money", width: "govuk-input--width-10", prefix: "£"}.at(o, values)},
			{Field: spec{key: "min", label: "Youngest age (work experience)", kind: "number", width: "govuk-input--width-3"}.at("offer[ageRange]", values)},
			{Field: spec{key: "max", label: "Oldest age (work experience)", kind: "number", width: "govuk-input--width-3"}.at("offer[ageRange]", values)},
			{Field: spec{key: "startDate", label: "Start date", kind: "date"}.at(o, values)},
			{Field: spec{key: "endDate", label: "End date", kind: "date"}.at(o, values)},
			{Field: spec{key: "postcode", label: "Postcode where it takes place", kind: "text", autocomplete: "postal-code", width: "govuk-input--width-10"}.at(o, values)},
		}},
	}}
}

// fields lists every field of the form in page order.
func (v *formView) fields() []*field {
	var out []*field
	for _, s := range v.Sections {
		for _, it := range s.Items {
			switch {
			case it.Field != nil:
				out = append(out, it.Field)
			case it.Group != nil:
				for _, r := range it.Group.Rows {
					out = append(out, r.Fields...)
				}
			}
		}
	}
	return out
}

// summaryItem is one entry of the error summary.
type summaryItem struct {
	Text, Href string
	order      int // the field's place on the page; 0 for the document as a whole
}

// showFindings puts each error by its field, exactly as the widget does:
// the field the value came from, else the one it would have come from,
// else (for a list or a row) the group's first field. It returns the error
// summary's entries in the findings' order.
func (v *formView) showFindings(res stemkn.Result, form stemkn.Form) []summaryItem {
	fields := v.fields()
	var out []summaryItem
	seen := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity != stemkn.Error {
			continue
		}
		target := fieldNamed(fields, form.FieldFor(f.Path))
		key := f.Message
		if target != nil {
			key = target.ID + "\n" + f.Message
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if target == nil {
			out = append(out, summaryItem{Text: f.Message})
			continue
		}
		id := target.ID + "-error"
		if n := len(target.Errors); n > 0 {
			id += "-" + strconv.Itoa(n+1)
		}
		target.Errors = append(target.Errors, errorText{ID: id, Text: f.Message})
		out = append(out, summaryItem{Text: f.Message, Href: "#" + target.ID, order: 1 + slices.Index(fields, target)})
	}
	// The summary lists problems in the order of the page, as people read it.
	slices.SortStableFunc(out, func(a, b summaryItem) int { return a.order - b.order })
	return out
}

func fieldNamed(fields []*field, name string) *field {
	if name == "" {
		return nil
	}
	for _, want := range []func(string) bool{
		func(n string) bool { return n == name },
		func(n string) bool { return !strings.HasSuffix(name, "[]") && n == name+"[]" },
		func(n string) bool { return strings.HasPrefix(n, name+"[") },
	} {
		for _, f := range fields {
			if f.Kind != "hidden" && want(f.Name) {
				return f
			}
		}
	}
	return nil
}
