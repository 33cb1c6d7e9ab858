package main

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// The demo's forms are described here once, as Go values, and drawn with
// GOV.UK Frontend's components (govuk.go). Knowing every question lets the
// server put a finding's message by the same question the widget would, and
// fill the form back in from a post.

// question is one question of a form, drawn as one GOV.UK component.
type question struct {
	kind         string // text, email, tel, money, number, count (a textarea with a limit), select, radios, checkboxes, date, hidden
	name         string // the field name; for a date input the name of the date, whose parts are name-day, name-month, name-year
	id           string
	label, hint  string
	labelClasses string // govuk-label--s, govuk-fieldset__legend--m…
	width        string // a govuk-input--width-N class
	small        bool   // small radios or checkboxes
	prefix       string
	autocomplete string
	options      []option

	value   string            // a single value
	values  []string          // checkboxes: the values ticked
	checked map[string]bool   // checkboxes with names of their own: which are ticked
	parts   map[string]string // a date's day, month and year as typed

	errorText  string   // the inline message
	errorWord  string   // the visually hidden word before it ("Error")
	wrongParts []string // a date's parts to mark as wrong
	marked     bool     // marked as wrong (a related field) without a message of its own
	order      int      // its place in the page
}

// option is a choice of a select, radios or checkboxes; reveal are the
// questions a radio shows when chosen (GOV.UK's conditional reveal).
type option struct {
	value, text, hint string
	name              string // a checkbox with a name of its own
	reveal            []*question
}

// node is one thing in a section: a question, a group of rows or the budget summary.
type node struct {
	q      *question
	group  *group
	budget bool
}

// group is a list of rows (members, budget lines) drawn as GOV.UK's add
// another pattern: a fieldset for each row, a button to add one and, with
// more than one, a button on each to remove it.
type group struct {
	name     string // network[members]
	id       string
	pointers []string // the document pointers whose findings belong to the group as a whole
	title    string
	hint     string
	noun     string // member
	max      int    // the list's documented maximum
	rows     []*row
	template *row

	errorText string
	errorWord string
	order     int
}

type row struct {
	name   string // network[members][3]
	index  string // 3, or __index__ in the template
	legend string
	nodes  []node
}

// section is a part of the form with a heading.
type section struct {
	title string
	hint  string
	nodes []node
}

// formView is a whole form, filled in from a post.
type formView struct {
	scheme   *stemkn.Scheme
	sections []section
	hidden   []*question // scheme, currency: posted as they are
	budget   *stemkn.BudgetSummary
	// words are the page's words in the page's language: the error
	// messages' hidden prefix and the budget summary's, from the catalogue.
	words *stemkn.Messages
}

var idUnsafe = strings.NewReplacer("[", "-", "]", "", " ", "-")

// fieldID turns a field name into an id: network[members][3][email] is
// network-members-3-email.
func fieldID(name string) string {
	return strings.Trim(strings.ReplaceAll(idUnsafe.Replace(name), "--", "-"), "-")
}

// ask makes a question named under prefix, filled in from the post.
func ask(prefix, key string, q question, values url.Values) *question {
	q.name = key
	if prefix != "" {
		q.name = prefix + "[" + key + "]"
	}
	if q.kind == "checkboxes" && !strings.HasPrefix(q.name, "plan[commitments]") {
		q.name += "[]"
	}
	q.id = fieldID(strings.TrimSuffix(q.name, "[]"))
	q.fill(values)
	return &q
}

func (q *question) fill(values url.Values) {
	switch q.kind {
	case "checkboxes":
		q.checked = map[string]bool{}
		for _, o := range q.options {
			if o.name != "" {
				q.checked[o.name] = slices.Contains(values[o.name], o.value)
			} else if slices.Contains(values[q.name], o.value) {
				q.values = append(q.values, o.value)
			}
		}
	case "date":
		q.parts = map[string]string{}
		for _, part := range dateParts {
			q.parts[part] = first(values[q.name+"-"+part], values[q.name+"["+part+"]"])
		}
		// A date posted whole (an API client, a test) is shown in its parts.
		if iso := first(values[q.name]); iso != "" && q.parts["day"]+q.parts["month"]+q.parts["year"] == "" {
			if d, ok := eligibility.ParseDate(iso); ok {
				q.parts = map[string]string{"day": strconv.Itoa(d.Day), "month": strconv.Itoa(d.Month), "year": strconv.Itoa(d.Year)}
			}
		}
	default:
		if q.value == "" {
			q.value = first(values[q.name])
		}
	}
	for i := range q.options {
		for _, r := range q.options[i].reveal {
			r.fill(values)
		}
	}
}

func first(lists ...[]string) string {
	for _, l := range lists {
		for _, v := range l {
			if strings.TrimSpace(v) != "" {
				return v
			}
		}
	}
	return ""
}

// repeating builds a group with a row for each index posted under its name
// (at least one), and a template row for the host script to copy.
func repeating(g group, values url.Values, minRows int, rowOf func(prefix string, values url.Values) []node) *group {
	g.id = fieldID(g.name)
	indices := rowIndices(values, g.name)
	for len(indices) < minRows {
		next := 0
		if len(indices) > 0 {
			next = indices[len(indices)-1] + 1
		}
		indices = append(indices, next)
	}
	for n, k := range indices {
		idx := strconv.Itoa(k)
		g.rows = append(g.rows, &row{name: g.name + "[" + idx + "]", index: idx, legend: capitalise(g.noun) + " " + strconv.Itoa(n+1),
			nodes: rowOf(g.name+"["+idx+"]", values)})
	}
	g.template = &row{name: g.name + "[__index__]", index: "__index__", legend: capitalise(g.noun), nodes: rowOf(g.name+"[__index__]", nil)}
	return &g
}

// rowIndices lists, in order, the row indices posted under a group's name.
func rowIndices(values url.Values, name string) []int {
	var out []int
	seen := map[int]bool{}
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
		if k, err := strconv.Atoi(rest[:end]); err == nil && k >= 0 && rest[:end] == strconv.Itoa(k) && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// addRow and removeRow change a post the way the host script changes the
// page, for people without JavaScript: the add and remove buttons post the
// form with _add=group or _remove=row. A group is never given more rows
// than its list may have.
func addRow(values url.Values, name string, max int) bool {
	indices := rowIndices(values, name)
	if len(indices) >= max {
		return false
	}
	next := 0
	if len(indices) > 0 {
		next = indices[len(indices)-1] + 1
	}
	values.Set(name+"["+strconv.Itoa(next)+"][_row]", "")
	return true
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
		out[i] = option{value: s, text: words(s)}
	}
	return out
}

func withBlank(opts []option) []option {
	return append([]option{{value: "", text: "Select"}}, opts...)
}

func establishmentOptions() []option {
	var out []option
	for _, t := range eligibility.EstablishmentTypes() {
		out = append(out, option{value: t.Slug, text: t.Name + " (GIAS " + strconv.Itoa(t.Code) + ")"})
	}
	return withBlank(out)
}

func regionOptions() []option {
	var out []option
	for _, r := range eligibility.Regions() {
		out = append(out, option{value: r.Slug, text: r.Name})
	}
	return withBlank(out)
}

// countryNames are the names of the Erasmus+ Programme Countries of 2016,
// for the European network's form.
var countryNames = map[string]string{
	"AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "HR": "Croatia", "CY": "Cyprus", "CZ": "Czechia",
	"DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France", "DE": "Germany", "GR": "Greece",
	"HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LV": "Latvia", "LT": "Lithuania", "LU": "Luxembourg",
	"MT": "Malta", "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SK": "Slovakia",
	"SI": "Slovenia", "ES": "Spain", "SE": "Sweden", "GB": "United Kingdom", "MK": "North Macedonia",
	"IS": "Iceland", "LI": "Liechtenstein", "NO": "Norway", "TR": "Türkiye",
}

func countryOptions() []option {
	var out []option
	for _, code := range eligibility.ProgrammeCountries2016() {
		name := countryNames[code]
		if name == "" {
			name = code
		}
		out = append(out, option{value: code, text: name})
	}
	slices.SortFunc(out, func(a, b option) int { return strings.Compare(a.text, b.text) })
	return withBlank(out)
}

var commitmentLabels = []option{
	{value: "practitionerResearch", text: "Engage in practitioner research or teacher enquiry into one of the themes"},
	{value: "minimumOneTerm", text: "Commit to a programme of activity over at least one term"},
	{value: "structuredApproach", text: "Use a structured approach to group activity within the network"},
	{value: "submitReport", text: "Submit a report of the network's activity"},
	{value: "attendDissemination", text: "Send at least one member of the network to a dissemination event"},
	{value: "shareOnline", text: "Share the report and any resources developed online"},
}

// textLimit is the documented length limit of a text field (the bounds
// table in the README), for a character count.
var textLimit = map[string]int{
	"network[areaOfInterest]": 2000, "network[localIssue]": 2000, "plan[reflection]": 2000, "offer[description]": 5000,
}

// listLimit is the documented maximum of each list: rows are never added past it.
var listLimit = map[string]int{
	"network[institutions]": 1000, "network[members]": 10000, "plan[activities]": 1000, "plan[outputs]": 50, "funding[lines]": 1000,
}

// institutionChoices are the options of a select that names one of the
// application's institutions: one for each institution row, by its name
// (or "Institution 2" while it has none). The page's script keeps them in
// step as rows come and go and names are typed.
func institutionChoices(values url.Values, blank string) []option {
	out := []option{{value: "", text: blank}}
	for n, k := range rowIndices(values, "network[institutions]") {
		prefix := "network[institutions][" + strconv.Itoa(k) + "]"
		name := first(values[prefix+"[name]"])
		if name == "" {
			name = "Institution " + strconv.Itoa(n+1)
		}
		out = append(out, option{value: institutionID(strconv.Itoa(k)), text: name})
	}
	if len(out) == 1 {
		out = append(out, option{value: institutionID("0"), text: "Institution 1"})
	}
	return out
}

// institutionID is the id the form gives the institution in row k: people
// choose institutions by name and never type an id.
func institutionID(k string) string { return "institution-" + k }

func hasStateFundedRule(s *stemkn.Scheme) bool {
	return slices.ContainsFunc(s.Rules.Institutions, func(r stemkn.InstitutionRule) bool { return r.StateFundedOutsideEngland })
}

// institutionRow is one institution: its name and kind, where it is and,
// for English schools and colleges, what GIAS says of it. "Is it
// state-funded?" is asked only where the scheme judges it: outside England.
func institutionRow(s *stemkn.Scheme, prefix string, values url.Values) []node {
	r := &s.Rules
	idx := strings.TrimSuffix(strings.TrimPrefix(prefix, "network[institutions]["), "]")
	id := &question{kind: "hidden", name: prefix + "[id]", value: institutionID(idx)}
	nodes := []node{
		{q: id},
		{q: ask(prefix, "name", question{kind: "text", label: "Name", labelClasses: "govuk-label--s", autocomplete: "organization"}, values)},
		{q: ask(prefix, "kind", question{kind: "select", label: "Kind of institution", labelClasses: "govuk-label--s",
			options: withBlank(slugOptions("school", "college", "university", "pd-centre", "training-provider", "employer", "charity", "other"))}, values)},
	}
	if r.Countries != nil {
		// A European partnership: the country, and each organisation's PIC.
		nodes = append(nodes, node{q: ask(prefix, "country", question{kind: "select", label: "Country", labelClasses: "govuk-label--s", options: countryOptions()}, values)})
	} else {
		nodes = append(nodes, node{q: &question{kind: "hidden", name: prefix + "[country]", value: "GB"}})
		england := []*question{
			ask(prefix, "urn", question{kind: "text", label: "URN", hint: "Unique Reference Number in Get Information about Schools: 6 digits",
				width: "govuk-input--width-10", labelClasses: "govuk-label--s"}, values),
			ask(prefix, "establishmentType", question{kind: "select", label: "Type of establishment", hint: "As recorded in Get Information about Schools",
				labelClasses: "govuk-label--s", options: establishmentOptions()}, values),
			ask(prefix, "phase", question{kind: "select", label: "Phase of education", labelClasses: "govuk-label--s", options: withBlank(slugOptions(eligibility.Phases()...))}, values),
			ask(prefix, "region", question{kind: "select", label: "Region of England", labelClasses: "govuk-label--s", options: regionOptions()}, values),
		}
		places := []option{{value: "GB-ENG", text: "England", reveal: england}}
		for _, p := range [][2]string{{"GB-SCT", "Scotland"}, {"GB-WLS", "Wales"}, {"GB-NIR", "Northern Ireland"}} {
			o := option{value: p[0], text: p[1]}
			if hasStateFundedRule(s) {
				q := ask(prefix, "stateFunded", question{kind: "radios", label: "Is it state-funded?", labelClasses: "govuk-fieldset__legend--s", small: true,
					options: []option{{value: "true", text: "Yes"}, {value: "false", text: "No"}}}, values)
				q.id += "-" + strings.ToLower(p[0][3:])
				o.reveal = []*question{q}
			}
			places = append(places, o)
		}
		nodes = append(nodes, node{q: ask(prefix, "subdivision", question{kind: "radios", label: "Where is it?", labelClasses: "govuk-fieldset__legend--s", small: true,
			options: places}, values)})
	}
	if r.Identifiers != nil && slices.Contains(r.Identifiers.Required, "pic") {
		nodes = append(nodes, node{q: ask(prefix, "pic", question{kind: "text", label: "PIC", hint: "Participant Identification Code: 9 digits",
			width: "govuk-input--width-10", labelClasses: "govuk-label--s"}, values)})
	}
	return nodes
}

// applicationForm is the form for an application to a scheme, with the
// sections the scheme's rules ask for.
func applicationForm(s *stemkn.Scheme, values url.Values) *formView {
	v := &formView{scheme: s}
	v.hidden = append(v.hidden, &question{kind: "hidden", name: "scheme", value: s.ID})
	v.sections = append(v.sections,
		section{title: "Your network", nodes: networkNodes(s, values)},
		section{title: "Institutions and members", nodes: peopleNodes(s, values)},
		section{title: "Plan", nodes: planNodes(s, values)},
	)
	v.sections = append(v.sections, commitmentsSection(s, values)...)
	if len(s.Categories) > 0 {
		v.hidden = append(v.hidden, &question{kind: "hidden", name: "funding[currency]", value: s.Currency})
		v.sections = append(v.sections, fundingSection(s, values))
	}
	v.sections = append(v.sections, contactSection(values))
	return v
}

// networkNodes are the questions about the network: its name, area of
// interest, and theme and local issue where the scheme asks for them.
func networkNodes(s *stemkn.Scheme, values url.Values) []node {
	r := &s.Rules
	network := []node{
		{q: ask("network", "name", question{kind: "text", label: "Network name", hint: "What the network calls itself", labelClasses: "govuk-label--s"}, values)},
		{q: ask("network", "areaOfInterest", question{kind: "count", label: "Specific area of interest", labelClasses: "govuk-label--s",
			hint: "The curriculum knowledge or pedagogy the network will share, in your own words"}, values)},
	}
	if len(s.Themes) > 0 {
		var themes []option
		for _, t := range s.Themes {
			themes = append(themes, option{value: t.ID, text: t.Title})
		}
		network = append(network, node{q: ask("network", "theme", question{kind: "radios", label: "Which theme is the network's work about?",
			labelClasses: "govuk-fieldset__legend--s", options: themes}, values)})
	}
	if r.LocalIssue != nil {
		network = append(network, node{q: ask("network", "localIssue", question{kind: "count", label: "Local issue of underachievement in STEM",
			labelClasses: "govuk-label--s", hint: "The issue in your area the partnership will address"}, values)})
	}
	return network
}

// peopleNodes are the institutions, the lead and the members.
func peopleNodes(s *stemkn.Scheme, values url.Values) []node {
	institutions := repeating(group{name: "network[institutions]", pointers: []string{"/network/institutions"}, title: "Institutions",
		hint: "The schools, colleges and other organisations in the network", noun: "institution", max: listLimit["network[institutions]"]},
		values, 1, func(prefix string, values url.Values) []node { return institutionRow(s, prefix, values) })
	member := func(prefix string, values url.Values) []node {
		return []node{
			{q: ask(prefix, "name", question{kind: "text", label: "Full name", labelClasses: "govuk-label--s", autocomplete: "off"}, values)},
			{q: ask(prefix, "email", question{kind: "email", label: "Email address", labelClasses: "govuk-label--s", autocomplete: "off"}, values)},
			{q: ask(prefix, "role", question{kind: "select", label: "Role", labelClasses: "govuk-label--s",
				options: withBlank(slugOptions("coordinator", "teacher", "technician", "leader", "researcher", "other"))}, values)},
			{q: ask(prefix, "subjects", question{kind: "checkboxes", label: "Subjects they teach or support", labelClasses: "govuk-fieldset__legend--s", small: true,
				options: slugOptions(eligibility.Subjects()...)}, values)},
			{q: ask(prefix, "institution", question{kind: "select", label: "Institution", labelClasses: "govuk-label--s",
				options: institutionChoices(values, "Select")}, values)},
		}
	}
	return []node{
		{group: institutions},
		{q: ask("network", "lead", question{kind: "select", label: "Lead institution", labelClasses: "govuk-label--s",
			hint: "The institution that applies and holds the money", options: institutionChoices(values, "Select")}, values)},
		{group: repeating(group{name: "network[members]", pointers: []string{"/network/members"}, title: "Members",
			hint: "Colleagues from across STEM subject areas", noun: "member", max: listLimit["network[members]"]}, values, 1, member)},
	}
}

// planNodes are the plan's dates, reflection and activities, and its
// outputs where the scheme asks for them.
func planNodes(s *stemkn.Scheme, values url.Values) []node {
	r := &s.Rules
	activity := func(prefix string, values url.Values) []node {
		return []node{
			{q: ask(prefix, "title", question{kind: "text", label: "Title", labelClasses: "govuk-label--s"}, values)},
			{q: ask(prefix, "kind", question{kind: "select", label: "Kind of activity", labelClasses: "govuk-label--s",
				options: withBlank(slugOptions("meeting", "cpd", "practitioner-research", "lesson-study", "student-activity", "dissemination", "visit", "other"))}, values)},
			{q: ask(prefix, "date", question{kind: "date", label: "Date", labelClasses: "govuk-fieldset__legend--s", hint: "For example, 10 2 2011"}, values)},
		}
	}
	plan := []node{
		{q: ask("plan", "startDate", question{kind: "date", label: "Start date", labelClasses: "govuk-fieldset__legend--s", hint: "For example, 1 2 2011"}, values)},
		{q: ask("plan", "endDate", question{kind: "date", label: "End date", labelClasses: "govuk-fieldset__legend--s", hint: "For example, 15 7 2011"}, values)},
		{q: ask("plan", "reflection", question{kind: "count", label: "How will teachers reflect on their professional practice?", labelClasses: "govuk-label--s"}, values)},
		{group: repeating(group{name: "plan[activities]", pointers: []string{"/plan/activities"}, title: "Activities", noun: "activity",
			max: listLimit["plan[activities]"]}, values, 1, activity)},
	}
	if r.Outputs != nil {
		output := func(prefix string, values url.Values) []node {
			return []node{
				{q: ask(prefix, "title", question{kind: "text", label: "Title", labelClasses: "govuk-label--s"}, values)},
				{q: ask(prefix, "kind", question{kind: "select", label: "Kind of output", labelClasses: "govuk-label--s",
					options: withBlank(slugOptions("quality-criteria", "quality-measurement", "diverse-classrooms-catalogue", "pd-materials-selection", "pd-centre-review", "web-portal", "policy-briefings", "other"))}, values)},
			}
		}
		plan = append(plan, node{group: repeating(group{name: "plan[outputs]", pointers: []string{"/plan/outputs"}, title: "Intellectual outputs",
			noun: "output", max: listLimit["plan[outputs]"]}, values, 1, output)})
	}
	return plan
}

// commitmentsSection is the commitments the scheme asks for, if it asks
// for any.
func commitmentsSection(s *stemkn.Scheme, values url.Values) []section {
	r := &s.Rules
	if r.Commitments == nil {
		return nil
	}
	var items []option
	for _, c := range commitmentLabels {
		if slices.Contains(r.Commitments.Required, c.value) {
			items = append(items, option{value: "true", text: c.text, name: "plan[commitments][" + c.value + "]"})
		}
	}
	q := &question{kind: "checkboxes", name: "plan[commitments]", id: "plan-commitments", label: "Which commitments does the network agree to?",
		labelClasses: "govuk-fieldset__legend--s", hint: "If you apply for funding, the network must be prepared, collectively, to do all of these.", options: items}
	q.fill(values)
	return []section{{title: "Commitments", nodes: []node{{q: q}}}}
}

// fundingSection is the budget lines and the budget summary, for a scheme
// with spend categories.
func fundingSection(s *stemkn.Scheme, values url.Values) section {
	var cats []option
	for _, c := range s.Categories {
		cats = append(cats, option{value: c.ID, text: c.Title})
	}
	line := func(prefix string, values url.Values) []node {
		return []node{
			{q: ask(prefix, "category", question{kind: "select", label: "Spend category", labelClasses: "govuk-label--s", options: withBlank(cats)}, values)},
			{q: ask(prefix, "description", question{kind: "text", label: "What the money is for", labelClasses: "govuk-label--s"}, values)},
			{q: ask(prefix, "amount", question{kind: "money", label: "Amount", hint: "For example 1,200.50", labelClasses: "govuk-label--s",
				width: "govuk-input--width-10", prefix: currencySymbol(s.Currency)}, values)},
			{q: ask(prefix, "institution", question{kind: "select", label: "Institution receiving the money (optional)", labelClasses: "govuk-label--s",
				options: institutionChoices(values, "Not given")}, values)},
		}
	}
	hint := "Leave the budget lines empty if the network does not ask for money."
	if s.Rules.FundingRequired != nil {
		hint = "List what the money is for, line by line."
	}
	return section{title: "Funding", hint: hint, nodes: []node{
		{group: repeating(group{name: "funding[lines]", pointers: []string{"/funding", "/funding/lines"}, title: "Budget lines", noun: "budget line",
			max: listLimit["funding[lines]"]}, values, 1, line)},
		{budget: true},
	}}
}

// contactSection is the contact's details and the date submitted.
func contactSection(values url.Values) section {
	return section{title: "Contact and submission", nodes: []node{
		{q: ask("contact", "name", question{kind: "text", label: "Contact's full name", labelClasses: "govuk-label--s", autocomplete: "name"}, values)},
		{q: ask("contact", "email", question{kind: "email", label: "Contact's email address", labelClasses: "govuk-label--s", autocomplete: "email"}, values)},
		{q: ask("contact", "phone", question{kind: "tel", label: "Contact's phone number (optional)", labelClasses: "govuk-label--s", autocomplete: "tel", width: "govuk-input--width-20"}, values)},
		{q: ask("", "submittedOn", question{kind: "date", label: "Date submitted", labelClasses: "govuk-fieldset__legend--s", hint: "For example, 7 1 2011"}, values)},
	}}
}

// offerForm is the form for a STEM Exchange offer; the age range is asked
// only of work experience, where it applies.
func offerForm(s *stemkn.Scheme, values url.Values) *formView {
	o := "offer"
	ages := []*question{
		ask("offer[ageRange]", "min", question{kind: "number", label: "Youngest age", labelClasses: "govuk-label--s", width: "govuk-input--width-3"}, values),
		ask("offer[ageRange]", "max", question{kind: "number", label: "Oldest age", labelClasses: "govuk-label--s", width: "govuk-input--width-3"}, values),
	}
	return &formView{scheme: s, hidden: []*question{{kind: "hidden", name: "scheme", value: s.ID}}, sections: []section{
		{title: "Employer", nodes: []node{
			{q: ask("offer[employer]", "name", question{kind: "text", label: "Employer's name", labelClasses: "govuk-label--s", autocomplete: "organization"}, values)},
			{q: ask("offer[employer]", "companyNumber", question{kind: "text", label: "Company number (optional)", labelClasses: "govuk-label--s",
				hint: "Companies House registration number, for example 01234567", width: "govuk-input--width-10"}, values)},
		}},
		{title: "The offer", nodes: []node{
			{q: ask(o, "kind", question{kind: "radios", label: "What are you offering?", labelClasses: "govuk-fieldset__legend--s", options: []option{
				{value: "cpd", text: "Continuing professional development (CPD)"},
				{value: "work-experience", text: "Work experience (the STEM Experience)", reveal: ages}}}, values)},
			{q: ask(o, "format", question{kind: "select", label: "How is it delivered?", labelClasses: "govuk-label--s",
				options: withBlank(slugOptions("site-visit", "work-shadowing", "phone-advice", "internal-training", "workshop", "placement"))}, values)},
			{q: ask(o, "title", question{kind: "text", label: "Title", labelClasses: "govuk-label--s"}, values)},
			{q: ask(o, "description", question{kind: "count", label: "Description", labelClasses: "govuk-label--s"}, values)},
			{q: ask(o, "audience", question{kind: "checkboxes", label: "Who is it for?", labelClasses: "govuk-fieldset__legend--s", options: []option{
				{value: "fe-college", text: "FE college teachers and tutors"},
				{value: "private-training-provider", text: "Private training providers"},
				{value: "education-charity", text: "Education charities"},
				{value: "school", text: "Schools"},
				{value: "university", text: "Universities"}}}, values)},
			{q: ask(o, "cost", question{kind: "money", label: "Cost to a participant", labelClasses: "govuk-label--s",
				hint: "CPD on the STEM Exchange is free: enter 0", width: "govuk-input--width-10", prefix: "£"}, values)},
			{q: ask(o, "startDate", question{kind: "date", label: "Start date", labelClasses: "govuk-fieldset__legend--s"}, values)},
			{q: ask(o, "endDate", question{kind: "date", label: "End date", labelClasses: "govuk-fieldset__legend--s"}, values)},
			{q: ask(o, "postcode", question{kind: "text", label: "Postcode where it takes place", labelClasses: "govuk-label--s",
				autocomplete: "postal-code", width: "govuk-input--width-10"}, values)},
		}},
	}}
}

// walk visits every question and group in page order: a radio's revealed
// questions right after it, a group's rows after the group.
func (v *formView) walk(q func(*question), g func(*group)) {
	var visit func(nodes []node)
	var ask func(x *question)
	ask = func(x *question) {
		q(x)
		for _, o := range x.options {
			for _, r := range o.reveal {
				ask(r)
			}
		}
	}
	visit = func(nodes []node) {
		for _, n := range nodes {
			switch {
			case n.q != nil:
				ask(n.q)
			case n.group != nil:
				g(n.group)
				for _, r := range n.group.rows {
					visit(r.nodes)
				}
			}
		}
	}
	for _, s := range v.sections {
		visit(s.nodes)
	}
}

// summaryItem is one entry of the error summary.
type summaryItem struct {
	text, href string
	order      int
}

// nowhere is the order of a finding with no place on the page: the summary lists it last.
const nowhere = 1 << 30

// showFindings puts each error by the thing it is about, exactly as the
// widget does (see the README's "What a finding is about"): the question at
// the finding's path; else the first question of its related fields (the
// others are marked too); else the group the path names; else only the
// summary, after everything placed. A question shows one message, the
// first; the others stay in the summary. The summary is in page order.
func (v *formView) showFindings(res stemkn.Result, form stemkn.Form) []summaryItem {
	page := v.index(form)
	var out []summaryItem
	seen := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity != stemkn.Error {
			continue
		}
		q, others, g := page.placeOf(f)
		item := summaryItem{text: f.Message, order: nowhere}
		switch {
		case q != nil:
			parts := wrongParts(form, f)
			item.href, item.order = "#"+q.linkID(parts), q.order
			if q.errorText == "" {
				q.errorText, q.wrongParts, q.errorWord = f.Message, parts, v.errorWord()
				for _, o := range others {
					o.marked = true
				}
			}
		case g != nil:
			item.href, item.order = "#"+g.id, g.order
			if g.errorText == "" {
				g.errorText, g.errorWord = f.Message, v.errorWord()
			}
		}
		if key := item.href + "\n" + item.text; !seen[key] {
			seen[key] = true
			out = append(out, item)
		}
	}
	slices.SortStableFunc(out, func(a, b summaryItem) int { return a.order - b.order })
	return out
}

// pageIndex finds the questions and groups of a page by the field names
// and pointers findings name.
type pageIndex struct {
	form      stemkn.Form
	byName    map[string]*question
	byPointer map[string]*group // and "name:" + a row's name
}

// index numbers the page's questions and groups in page order and indexes
// them.
func (v *formView) index(form stemkn.Form) *pageIndex {
	page := &pageIndex{form: form, byName: map[string]*question{}, byPointer: map[string]*group{}}
	order := 0
	v.walk(func(q *question) {
		order++
		q.order = order
		if q.kind == "hidden" {
			return
		}
		page.byName[q.name] = q
		for _, o := range q.options {
			if o.name != "" {
				page.byName[o.name] = q
			}
		}
	}, func(g *group) {
		order++
		g.order = order
		for _, p := range g.pointers {
			page.byPointer[p] = g
		}
		for _, r := range g.rows {
			page.byPointer["name:"+r.name] = g
		}
	})
	return page
}

// questionAt is the question that asks for the field at pointer, if the
// page has one.
func (page *pageIndex) questionAt(pointer string) *question {
	name := page.form.FieldFor(pointer)
	if name == "" {
		return nil
	}
	if q := page.byName[name]; q != nil {
		return q
	}
	if q := page.byName[dateOf(name)]; q != nil && q.kind == "date" {
		return q
	}
	return page.byName[name+"[]"]
}

// placeOf is where a finding shows: the question at its path, else the
// first question of its related fields (others are the rest of them),
// else the group its path names, else nowhere (all nil).
func (page *pageIndex) placeOf(f stemkn.Finding) (q *question, others []*question, g *group) {
	if q = page.questionAt(f.Path); q != nil {
		return q, nil, nil
	}
	for _, p := range f.Related {
		if r := page.questionAt(p); r != nil {
			if q == nil {
				q = r
			} else if r != q {
				others = append(others, r)
			}
		}
	}
	if q == nil {
		g = page.byPointer[f.Path]
	}
	return q, others, g
}

// linkID is the id an error summary link points at: the first radio or
// checkbox, the first wrong part of a date, else the field.
func (q *question) linkID(wrong []string) string {
	if q.kind == "date" {
		if len(wrong) > 0 {
			return q.id + "-" + wrong[0]
		}
		return q.id + "-day"
	}
	return q.id
}

// dateParts are a GOV.UK date input's fields, in the order it lays them out.
var dateParts = []string{"day", "month", "year"}

// dateOf is the name of the date a date input part belongs to:
// plan[startDate] for plan[startDate]-day or plan[startDate][day].
func dateOf(name string) string {
	for _, p := range dateParts {
		if d, ok := strings.CutSuffix(name, "-"+p); ok {
			return d
		}
		if d, ok := strings.CutSuffix(name, "["+p+"]"); ok {
			return d
		}
	}
	return name
}

// wrongParts lists the parts of a date input a finding marks wrong, in
// day, month, year order: those its "parts" param names, else all three.
func wrongParts(form stemkn.Form, f stemkn.Finding) []string {
	names := form.PartsFor(f)
	if len(names) == 0 {
		return dateParts
	}
	var out []string
	for _, name := range names {
		for _, p := range dateParts {
			if strings.HasSuffix(name, "-"+p) || strings.HasSuffix(name, "["+p+"]") {
				out = append(out, p)
			}
		}
	}
	return out
}

// html draws the form's sections.
func (v *formView) html() template.HTML {
	var b strings.Builder
	for _, q := range v.hidden {
		b.WriteString(string(q.html()))
	}
	for _, s := range v.sections {
		id := "section-" + strings.ToLower(fieldID(strings.ReplaceAll(s.title, " ", "-")))
		b.WriteString(`<h2 class="govuk-heading-l" id="` + esc(id) + `">` + esc(s.title) + "</h2>")
		if s.hint != "" {
			b.WriteString(`<p class="govuk-body">` + esc(s.hint) + "</p>")
		}
		for _, n := range s.nodes {
			b.WriteString(string(n.html(v)))
		}
	}
	return template.HTML(b.String())
}

func (n node) html(v *formView) template.HTML {
	switch {
	case n.q != nil:
		return n.q.html()
	case n.group != nil:
		return n.group.html()
	case n.budget:
		return v.budgetHTML()
	}
	return ""
}

func (q *question) errorMessage() *ErrorMessage {
	if q.errorText == "" {
		return nil
	}
	return &ErrorMessage{Text: q.errorText, VisuallyHiddenText: q.errorWord}
}

func (q *question) hintOf() *Hint {
	if q.hint == "" {
		return nil
	}
	return &Hint{Text: q.hint}
}

func (q *question) inputClasses() string {
	c := q.width
	if q.marked && q.errorText == "" {
		c = strings.TrimSpace(c + " govuk-input--error")
	}
	return c
}

// field is the question's shared component options.
func (q *question) field(label *Label) Field {
	return Field{ID: q.id, Name: q.name, Value: q.value, Label: label, Hint: q.hintOf(), ErrorMessage: q.errorMessage()}
}

var spellcheckOff = func() *bool { b := false; return &b }()

// html draws the question as its GOV.UK component.
func (q *question) html() template.HTML {
	label := &Label{Text: q.label, Classes: q.labelClasses}
	switch q.kind {
	case "hidden":
		return template.HTML(`<input type="hidden" name="` + esc(q.name) + `" value="` + esc(q.value) + `">`)
	case "text", "email", "tel", "number", "money":
		return q.input(label).HTML()
	case "count":
		return CharacterCount{Field: q.field(label), Rows: 4, Maxlength: textLimit[q.name]}.HTML()
	case "select":
		items := make([]SelectItem, len(q.options))
		for i, o := range q.options {
			items[i] = SelectItem{Value: o.value, Text: o.text}
		}
		cls := ""
		if q.marked && q.errorText == "" {
			cls = "govuk-select--error"
		}
		return Select{Field: q.field(label), Items: items, Classes: cls}.HTML()
	case "radios":
		return q.choices().Radios()
	case "checkboxes":
		return q.choices().Checkboxes()
	case "date":
		items := make([]DateItem, 0, 3)
		for _, part := range dateParts {
			it := DateItem{Name: part, Value: q.parts[part]}
			if q.errorText != "" && slices.Contains(q.wrongParts, part) {
				it.Classes = "govuk-input--error"
			}
			items = append(items, it)
		}
		return DateInput{ID: q.id, NamePrefix: q.name, Items: items, Fieldset: q.legend(), Hint: q.hintOf(), ErrorMessage: q.errorMessage()}.HTML()
	}
	return ""
}

// legend is the fieldset of a question asked in several inputs, its label
// the legend.
func (q *question) legend() *Fieldset {
	return &Fieldset{Legend: &Legend{Text: q.label, Classes: q.labelClasses}}
}

// input is a text-like question's input: text, email, tel, a number or
// money, each with its inputmode and spellcheck.
func (q *question) input(label *Label) Input {
	in := Input{Field: q.field(label), Type: q.kind, Classes: q.inputClasses(), Autocomplete: q.autocomplete}
	switch q.kind {
	case "number":
		in.Type, in.Inputmode = "text", "numeric"
	case "money":
		in.Type, in.Inputmode, in.Spellcheck = "text", "decimal", spellcheckOff
		in.Prefix = &Affix{Text: q.prefix}
	case "email":
		in.Spellcheck = spellcheckOff
	}
	return in
}

// choices is a radios or checkboxes question's items, each option's hint
// and the questions it reveals drawn in.
func (q *question) choices() Choices {
	c := Choices{Name: q.name, IDPrefix: q.id, Value: q.value, Values: q.values, Fieldset: q.legend(), Hint: q.hintOf(), ErrorMessage: q.errorMessage()}
	if q.small {
		c.Classes = "govuk-" + q.kind + "--small"
	}
	for _, o := range q.options {
		it := ChoiceItem{Value: o.value, Text: o.text, Name: o.name, Checked: o.name != "" && q.checked[o.name]}
		if o.hint != "" {
			it.Hint = &Hint{Text: o.hint}
		}
		if len(o.reveal) > 0 {
			var inner strings.Builder
			for _, r := range o.reveal {
				inner.WriteString(string(r.html()))
			}
			it.Conditional = &Conditional{HTML: template.HTML(inner.String())}
		}
		c.Items = append(c.Items, it)
	}
	return c
}

// html draws the group: a heading, its rows as fieldsets, a template row
// for the page's script, and the add button. The group is where findings
// about the list as a whole go (data-stemkn-for names their pointers).
func (g *group) html() template.HTML {
	cls := "govuk-form-group"
	describedBy := ""
	if g.hint != "" {
		describedBy = g.id + "-hint"
	}
	if g.errorText != "" {
		cls += " govuk-form-group--error"
		describedBy = joinIDs(describedBy, g.id+"-error")
	}
	var b strings.Builder
	b.WriteString(`<div class="` + cls + `" id="` + esc(g.id) + `" role="group" aria-labelledby="` + esc(g.id) + `-heading"`)
	if describedBy != "" {
		b.WriteString(` aria-describedby="` + esc(describedBy) + `"`)
	}
	b.WriteString(` data-stemkn-for="` + esc(strings.Join(g.pointers, " ")) + `" data-demo-group="` + esc(g.name) + `" data-demo-noun="` + esc(g.noun) +
		`" data-demo-max="` + strconv.Itoa(g.max) + `">`)
	b.WriteString(`<h3 class="govuk-heading-m" id="` + esc(g.id) + `-heading">` + esc(g.title) + "</h3>")
	if g.hint != "" {
		b.WriteString((&Hint{Text: g.hint}).render(g.id + "-hint"))
	}
	if g.errorText != "" {
		b.WriteString((&ErrorMessage{Text: g.errorText, VisuallyHiddenText: g.errorWord}).render(g.id + "-error"))
	}
	b.WriteString(`<div data-demo-rows>`)
	for _, r := range g.rows {
		b.WriteString(string(r.html(g)))
	}
	b.WriteString(`</div><template data-demo-template="` + esc(g.name) + `">` + string(g.template.html(g)) + "</template>")
	b.WriteString(string(Button{Text: "Add another " + g.noun, Classes: "govuk-button--secondary", Name: "_add", Value: g.name,
		Attributes: map[string]string{"data-demo-add": g.name}}.HTML()))
	b.WriteString("</div>")
	return template.HTML(b.String())
}

// html draws a row as a fieldset, with a button to remove it.
func (r *row) html(g *group) template.HTML {
	var inner strings.Builder
	for _, n := range r.nodes {
		inner.WriteString(string(n.html(nil)))
	}
	inner.WriteString(string(Button{Text: "Remove " + strings.ToLower(r.legend), Classes: "govuk-button--secondary", Name: "_remove", Value: r.name,
		Attributes: map[string]string{"data-demo-remove": ""}}.HTML()))
	return Fieldset{Legend: &Legend{Text: r.legend, Classes: "govuk-fieldset__legend--m"}, Inner: template.HTML(inner.String()),
		Attributes: map[string]string{"data-demo-row": r.index}}.HTML()
}

// errorWord is the word before an inline error message for screen
// readers, as govukErrorMessage takes it: the catalogue's "Error:" without
// its colon.
func (v *formView) errorWord() string {
	return strings.TrimSuffix(v.words.Text("ui.error-message.prefix", nil), ":")
}

// budgetHTML draws the budget summary as the widget draws it, for people
// without JavaScript; the widget redraws it on every keystroke.
func (v *formView) budgetHTML() template.HTML {
	var b strings.Builder
	cls := "stemkn-budget"
	if v != nil && v.budget != nil && v.budget.Over {
		cls += " stemkn-budget--over"
	}
	b.WriteString(`<div class="` + cls + `" data-stemkn-budget-summary>`)
	if v != nil && v.budget != nil {
		sum := v.budget
		w := func(key string, values ...string) string {
			named := map[string]string{}
			for i := 0; i+1 < len(values); i += 2 {
				named[values[i]] = values[i+1]
			}
			return v.words.Text("ui.budget."+key, named)
		}
		rows := []SummaryRow{{Key: SummaryText{Text: w("total")}, Value: SummaryText{Text: sum.TotalText}}}
		status := w("status-no-cap", "amount", sum.TotalText)
		if sum.CapText != "" {
			left := w("remaining")
			status = w("status-remaining", "amount", sum.RemainingText)
			if sum.Over {
				left, status = w("over-by"), w("status-over", "amount", sum.RemainingText)
			}
			rows = append(rows, SummaryRow{Key: SummaryText{Text: w("cap")}, Value: SummaryText{Text: sum.CapText}},
				SummaryRow{Key: SummaryText{Text: left}, Value: SummaryText{Text: sum.RemainingText}})
		}
		t := Table{Caption: w("caption"), CaptionClasses: "govuk-table__caption--s", FirstCellIsHeader: true, Classes: "govuk-table--small-text-until-tablet",
			Head: []TableCell{{Text: w("category")}, {Text: w("amount"), Format: "numeric"}, {Text: w("share"), Format: "numeric"}}}
		for _, c := range sum.Categories {
			share := TableCell{Text: c.Share, Format: "numeric"}
			var extra string
			if c.MaxPercent != nil {
				extra += `<span class="stemkn-budget__limit">` + esc(w("at-most", "percent", strconv.FormatInt(*c.MaxPercent, 10))) + "</span>"
			}
			if !c.Within {
				share.Classes = "stemkn-budget--over"
				extra += `<strong class="govuk-tag govuk-tag--red stemkn-budget__over-tag">` + esc(w("over")) + "</strong>"
			}
			if extra != "" {
				share.HTML = template.HTML(esc(c.Share) + extra)
			}
			t.Rows = append(t.Rows, []TableCell{{Text: c.Title}, {Text: c.AmountText, Format: "numeric"}, share})
		}
		b.WriteString("<div>" + string(SummaryList{Rows: rows}.HTML()) + string(t.HTML()) + "</div>")
		b.WriteString(`<p class="govuk-body stemkn-budget__status" aria-live="polite">` + esc(status) + "</p>")
	}
	b.WriteString("</div>")
	return template.HTML(b.String())
}
