package stemkn

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// Mode says how strictly missing values are treated.
type Mode string

const (
	// Submit is the default: everything missing is an error.
	Submit Mode = "submit"
	// Draft is for a half-filled form being saved: missing values are
	// warnings; everything present is still checked.
	Draft Mode = "draft"
)

// ruleSpec is one rule of a compiled scheme: what it is called, the code it
// reports with, where it comes from, which parts of the document it reads,
// its check and its JSON Schema form. Built once per scheme (see ruleList).
type ruleSpec struct {
	id        string
	code      Code
	title     string
	reference string
	advice    bool
	inputs    []string // JSON Pointer prefixes the rule reads
	// followsIDs marks a rule that looks institutions up by id, so a
	// duplicate or unknown institution id leaves it not judged. Other rules
	// are judged whatever the references say.
	followsIDs bool
	check      func(*evaluation) Outcome
	// params are the rule's parameters from the scheme (a pointer to its
	// entry in Rules), listed in the schema's x-stemkn-rules.
	params any
	// express writes what a JSON Schema can say of the rule into a scheme's
	// schema and reports whether that is all of it (see schema.go); nil
	// when a schema can say none of it.
	express func(*schemaDoc) bool
}

// evaluation is the state of one rule run over one document.
type evaluation struct {
	scheme   *compiled
	app      *Application
	offer    *Offer
	mode     Mode
	out      *Findings
	rule     *ruleSpec
	problems []string       // paths of structural errors
	ids      map[string]int // each institution id's first index (institutionIDs)

	budgetLines []budget.Line // see lines
}

func (ev *evaluation) funded() bool { return ev.app != nil && ev.app.Funding != nil }

// report adds a finding for the current rule: an error, or a warning for an advice rule.
func (ev *evaluation) report(path string, params Params) {
	sev := Error
	if ev.rule.advice {
		sev = Warning
	}
	*ev.out = append(*ev.out, Finding{Code: ev.rule.code, Severity: sev, Path: path, Params: params, Rule: ev.rule.id})
}

// missing reports a value the rule needs and does not have: an error when
// submitting, a warning in a draft. The rule cannot be judged without it.
func (ev *evaluation) missing(code Code, path string, params Params) Outcome {
	sev := severityFor(ev.mode)
	*ev.out = append(*ev.out, Finding{Code: code, Severity: sev, Path: path, Params: params, Rule: ev.rule.id, Variant: "missing"})
	return NotJudged
}

// brokenUnder reports whether a structural error sits at, under or above
// any of a rule's inputs. An input is a JSON Pointer in which "*" stands for
// any list index ("/network/members/*/subjects" is every member's
// subjects), so that a problem elsewhere in a member, such as a mistyped
// email address, leaves the rule judged.
func (ev *evaluation) brokenUnder(inputs []string) bool {
	for _, p := range ev.problems {
		for _, in := range inputs {
			if overlaps(p, in) {
				return true
			}
		}
	}
	return false
}

// overlaps reports whether one of path and pattern is a prefix of the
// other, segment by segment, "*" in the pattern matching any segment.
func overlaps(path, pattern string) bool {
	for path != "" && pattern != "" {
		seg, rest := document.FirstSegment(path)
		want, patternRest := document.FirstSegment(pattern)
		if seg != want && want != "*" {
			return false
		}
		path, pattern = rest, patternRest
	}
	return true
}

// institutionInputs are what the institution rules read: the lead, each
// institution's id and the fields that place and class it, and the
// institutions budget lines name.
var institutionInputs = []string{"/network/lead", "/network/institutions/*/id", "/network/institutions/*/kind",
	"/network/institutions/*/country", "/network/institutions/*/subdivision", "/network/institutions/*/establishmentType",
	"/network/institutions/*/stateFunded", "/funding/lines/*/institution"}

// notFunded is the outcome of a rule for requests for money when the
// application makes none: not applicable, unless the funding is there but
// could not be read.
func (ev *evaluation) notFunded() Outcome {
	if slices.Contains(ev.problems, "/funding") {
		return NotJudged
	}
	return NotApplicable
}

// NonBlankPattern matches text with at least one character that is not
// white space (ECMAScript's \s); the schema uses it for text a rule needs,
// and the rule judges the same text with document.IsBlank.
const NonBlankPattern = document.NonBlankPattern

// ruleList builds the scheme's rules in their fixed order.
func (s *Scheme) ruleList() []ruleSpec {
	r := &s.Rules
	var out []ruleSpec
	add := func(spec ruleSpec) { out = append(out, spec) }
	cur := s.Currency
	money := func(a budget.Amount) string { return budget.Format(a, cur) }

	if r.Theme != nil {
		add(ruleSpec{id: "theme", code: CodeTheme, title: "The network has one of the scheme's themes",
			reference: r.Theme.Reference, inputs: []string{"/network/theme"}, check: checkTheme,
			express: expressTheme(s.Themes)})
	}
	if r.AreaOfInterest != nil {
		add(textRule("areaOfInterest", CodeAreaOfInterest, "The network has a specific area of interest",
			r.AreaOfInterest, "/network/areaOfInterest", func(a *Application) string { return a.Network.AreaOfInterest }))
	}
	if r.Reflection != nil {
		add(textRule("reflection", CodeReflection, "The plan says how teachers will reflect on their professional practice",
			r.Reflection, "/plan/reflection", func(a *Application) string { return a.Plan.Reflection }))
	}
	if r.LocalIssue != nil {
		add(textRule("localIssue", CodeLocalIssue, "The partnership states the local issue of underachievement in STEM it addresses",
			r.LocalIssue, "/network/localIssue", func(a *Application) string { return a.Network.LocalIssue }))
	}
	if r.SubjectSpread != nil {
		min := r.SubjectSpread.Min
		add(ruleSpec{id: "subjectSpread", code: CodeSubjectSpread,
			title:     "Members teach at least " + strconv.Itoa(min) + " of science, technology, engineering and mathematics",
			reference: r.SubjectSpread.Reference, inputs: []string{"/network/members/*/subjects"}, params: r.SubjectSpread,
			check: func(ev *evaluation) Outcome { return checkSubjectSpread(ev, min) }})
	}
	for i := range r.Institutions {
		ir := &r.Institutions[i]
		add(ruleSpec{id: ir.ID, code: CodeInstitutionClass, title: ir.Title, reference: ir.Reference,
			inputs: institutionInputs, followsIDs: true, params: ir,
			check: func(ev *evaluation) Outcome { return checkInstitutions(ev, ir) }})
	}
	if r.MinInstitutions != nil {
		min := r.MinInstitutions.Min
		add(ruleSpec{id: "minInstitutions", code: CodeMinInstitutions,
			title:     "The network has at least " + strconv.Itoa(min) + " institutions",
			reference: r.MinInstitutions.Reference, inputs: []string{"/network/institutions"}, params: r.MinInstitutions,
			check: func(ev *evaluation) Outcome { return checkMinInstitutions(ev, min) }, express: expressMinInstitutions(min)})
	}
	if r.Countries != nil {
		cr := r.Countries
		add(ruleSpec{id: "countries", code: CodeMinCountries,
			title:     "Institutions come from at least " + strconv.Itoa(cr.Min) + " different eligible countries",
			reference: cr.Reference, inputs: []string{"/network/institutions"}, params: cr,
			check: func(ev *evaluation) Outcome { return checkCountries(ev, cr) }})
	}
	if r.Identifiers != nil {
		ids := r.Identifiers.Required
		add(ruleSpec{id: "identifiers", code: CodeRequired,
			title:     "Every institution gives its " + strings.ToUpper(strings.Join(ids, ", ")),
			reference: r.Identifiers.Reference, inputs: []string{"/network/institutions"}, params: r.Identifiers,
			check: func(ev *evaluation) Outcome { return checkIdentifiers(ev, ids) }, express: expressIdentifiers(ids)})
	}
	if r.Commitments != nil {
		cr := r.Commitments
		title := "The network agrees to all " + strconv.Itoa(len(cr.Required)) + " commitments"
		if cr.WhenFunded {
			title += " when it asks for funding"
		}
		add(ruleSpec{id: "commitments", code: CodeCommitment, title: title, reference: cr.Reference,
			inputs: []string{"/plan/commitments"}, check: func(ev *evaluation) Outcome { return checkCommitments(ev, cr) },
			params: cr, express: expressCommitments(cr)})
	}
	if s.Kind != KindOffer {
		add(ruleSpec{id: "dates", code: CodeDates, title: "The programme ends on or after the day it starts",
			reference: "A programme of activity runs from its start date to its end date (SPEC §3.1).",
			inputs:    []string{"/plan/startDate", "/plan/endDate"}, check: checkDates})
	}
	if r.Duration != nil {
		dr := r.Duration
		add(ruleSpec{id: "duration", code: CodeDuration, title: durationTitle(dr), reference: dr.Reference, params: dr,
			inputs: []string{"/plan/startDate", "/plan/endDate"}, check: func(ev *evaluation) Outcome { return checkDuration(ev, dr) }})
	}
	if r.Deadline != nil {
		deadline, _ := eligibility.ParseDate(r.Deadline.Date)
		add(ruleSpec{id: "deadline", code: CodeDeadline,
			title:     "The application is submitted by " + weekdayName(deadline) + " " + deadline.Long(),
			reference: r.Deadline.Reference, inputs: []string{"/submittedOn"}, params: r.Deadline,
			check: func(ev *evaluation) Outcome { return checkDeadline(ev, deadline) }, express: expressDeadline})
	}
	if r.Activities != nil {
		ar := r.Activities
		var names []string
		for _, n := range ar.Needs {
			names = append(names, n.Name)
		}
		add(ruleSpec{id: "activities", code: CodeActivities, title: "The plan includes " + joinAnd(names),
			reference: ar.Reference, inputs: []string{"/plan/activities"}, check: func(ev *evaluation) Outcome { return checkActivities(ev, ar) },
			params: ar, express: expressActivities(ar)})
	}
	if r.Outputs != nil {
		min := r.Outputs.Min
		add(ruleSpec{id: "outputs", code: CodeOutputs, title: "The plan lists at least " + strconv.Itoa(min) + " intellectual output" + plural(min),
			reference: r.Outputs.Reference, inputs: []string{"/plan/outputs"}, check: func(ev *evaluation) Outcome { return checkOutputs(ev, min) },
			params: r.Outputs, express: expressOutputs(min)})
	}
	if r.FundingRequired != nil {
		add(ruleSpec{id: "fundingRequired", code: CodeRequired, title: "The application asks for funding",
			reference: r.FundingRequired.Reference, inputs: []string{"/funding"}, check: checkFundingRequired, express: expressFundingRequired})
	}
	if s.Kind != KindOffer && cur != "" {
		add(ruleSpec{id: "currency", code: CodeCurrency, title: "Amounts are in " + cur,
			reference: "The scheme's currency is " + cur + ".", inputs: []string{"/funding/currency"}, check: checkCurrency,
			params: Params{"currency": cur}, express: expressCurrency(cur)})
		add(ruleSpec{id: "budgetLines", code: CodeEmpty, title: "A request for funding lists what the money is for",
			reference: "Funding is requested line by line (SPEC §5).", inputs: []string{"/funding"}, check: checkLines, express: expressBudgetLines})
	}
	if r.Categories != nil {
		add(ruleSpec{id: "categories", code: CodeCategory, title: "Budget lines use the scheme's spend categories",
			reference: r.Categories.Reference, inputs: []string{"/funding/lines/*/category"}, check: checkCategories,
			express: expressCategories(s.Categories)})
	}
	for i := range r.CategoryNeeds {
		cn := &r.CategoryNeeds[i]
		add(ruleSpec{id: "categoryNeeds." + cn.Category, code: CodeCategory,
			title:     "Money for " + s.categoryTitle(cn.Category) + " only with intellectual outputs",
			reference: cn.Reference, inputs: []string{"/funding/lines", "/plan/outputs"}, params: cn,
			check: func(ev *evaluation) Outcome { return checkCategoryNeed(ev, cn) }, express: expressCategoryNeed(cn)})
	}
	if r.Cap != nil {
		limit := r.Cap.Amount
		add(ruleSpec{id: "cap", code: CodeCap, title: "The total asked for is " + money(limit) + " or less",
			reference: r.Cap.Reference, inputs: []string{"/funding/lines/*/amount"}, check: func(ev *evaluation) Outcome { return checkCap(ev, limit) },
			params: r.Cap, express: expressCap(limit)})
	}
	if r.MonthlyCap != nil {
		mc := r.MonthlyCap
		add(ruleSpec{id: "monthlyCap", code: CodeCap,
			title:     "The total asked for is at most " + money(mc.PerMonth) + " for each month, and " + money(mc.Ceiling) + " in all",
			reference: mc.Reference, inputs: []string{"/funding/lines", "/plan/startDate", "/plan/endDate"}, params: mc,
			check: func(ev *evaluation) Outcome { return checkMonthlyCap(ev, mc) }})
	}
	for i := range r.CategoryShares {
		sh := &r.CategoryShares[i]
		add(ruleSpec{id: "categoryShares." + sh.Category, code: CodeCategoryShare,
			title:     capitalise(s.categoryTitle(sh.Category)) + " is no more than " + strconv.FormatInt(sh.MaxPercent, 10) + "% of the total",
			reference: sh.Reference, inputs: []string{"/funding/lines/*/amount", "/funding/lines/*/category"}, params: sh,
			check: func(ev *evaluation) Outcome { return checkShare(ev, sh) }})
	}
	if r.UnitCost != nil {
		uc := r.UnitCost
		add(ruleSpec{id: "unitCost", code: CodeUnitCost,
			title: capitalise(s.categoryTitle(uc.Category)) + " is at most " + money(uc.CoordinatorPerMonth) + " a month for the coordinator and " +
				money(uc.PartnerPerMonth) + " a month for each other organisation, for up to " + strconv.Itoa(uc.MaxOrganisations) + " organisations",
			reference: uc.Reference, inputs: []string{"/funding/lines", "/plan/startDate", "/plan/endDate", "/network/institutions"}, params: uc,
			check: func(ev *evaluation) Outcome { return checkUnitCost(ev, uc) }})
	}
	if r.Mathematics != nil {
		add(ruleSpec{id: "mathematics", code: CodeMathematics, advice: true, title: "At least one member teaches mathematics",
			reference: r.Mathematics.Reference, inputs: []string{"/network/members/*/subjects"}, check: checkMathematics})
	}
	if r.FreeOffer != nil {
		kinds := r.FreeOffer.Kinds
		add(ruleSpec{id: "freeOffer", code: CodeNotFree, title: capitalise(joinOr(kinds)) + " offers are free",
			reference: r.FreeOffer.Reference, inputs: []string{"/offer/kind", "/offer/cost"}, check: func(ev *evaluation) Outcome { return checkFree(ev, kinds) },
			params: r.FreeOffer, express: expressFreeOffer(kinds)})
	}
	if r.Audience != nil {
		ar := r.Audience
		add(ruleSpec{id: "audience", code: CodeAudience, title: capitalise(joinOr(ar.Kinds)) + " offers are for " + joinOr(ar.Allowed) + " audiences",
			reference: ar.Reference, inputs: []string{"/offer/kind", "/offer/audience"}, check: func(ev *evaluation) Outcome { return checkAudience(ev, ar) },
			params: ar, express: expressAudience(ar)})
	}
	if r.AgeRange != nil {
		kinds := r.AgeRange.Kinds
		add(ruleSpec{id: "ageRange", code: CodeAgeRange, title: capitalise(joinOr(kinds)) + " offers give an age range, youngest first",
			reference: r.AgeRange.Reference, inputs: []string{"/offer/kind", "/offer/ageRange"}, check: func(ev *evaluation) Outcome { return checkAgeRange(ev, kinds) },
			params: r.AgeRange, express: expressAgeRange(kinds)})
	}
	return out
}

func textRule(id string, code Code, title string, r *TextRule, path string, get func(*Application) string) ruleSpec {
	return ruleSpec{id: id, code: code, title: title, reference: r.Reference, inputs: []string{path}, express: expressText(path),
		check: func(ev *evaluation) Outcome {
			if document.IsBlank(get(ev.app)) {
				return ev.missing(code, path, nil)
			}
			return Passed
		}}
}

func (s *Scheme) categoryTitle(id string) string {
	for _, c := range s.Categories {
		if c.ID == id {
			return strings.ToLower(c.Title)
		}
	}
	return id
}

func checkTheme(ev *evaluation) Outcome {
	theme := ev.app.Network.Theme
	if theme == "" {
		return ev.missing(CodeTheme, "/network/theme", nil)
	}
	if _, ok := ev.scheme.themes[theme]; !ok {
		ev.report("/network/theme", Params{"theme": theme})
		return Failed
	}
	return Passed
}

func checkSubjectSpread(ev *evaluation, min int) Outcome {
	members := ev.app.Network.Members
	if len(members) == 0 {
		return NotJudged
	}
	var mask [4]bool
	count := 0
	for i := range members {
		for _, subj := range members[i].Subjects {
			if k := slices.Index(stemSubjects, subj); k >= 0 && !mask[k] {
				mask[k] = true
				count++
			}
		}
	}
	if count < min {
		ev.report("/network/members", Params{"min": int64(min), "count": int64(count)})
		return Failed
	}
	return Passed
}

var stemSubjects = []string{"science", "technology", "engineering", "mathematics"}

// institutionIndex finds an institution by id, through the evaluation's
// index of ids.
func (ev *evaluation) institutionIndex(id string) int {
	if i, ok := ev.ids[id]; ok {
		return i
	}
	return -1
}

func checkInstitutions(ev *evaluation, ir *InstitutionRule) Outcome {
	if ir.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	app := ev.app
	var buf [16]int
	targets := buf[:0]
	switch ir.Applies {
	case "lead", "funded":
		lead := ev.institutionIndex(app.Network.Lead)
		if lead < 0 {
			return NotJudged
		}
		targets = append(targets, lead)
		if ir.Applies == "funded" && app.Funding != nil && len(app.Funding.Lines) > 0 {
			chosen := make([]bool, len(app.Network.Institutions)) // each institution once, in one pass
			chosen[lead] = true
			for _, l := range app.Funding.Lines {
				if k := ev.institutionIndex(l.Institution); k >= 0 && !chosen[k] {
					chosen[k] = true
					targets = append(targets, k)
				}
			}
		}
	default:
		for i := range app.Network.Institutions {
			if len(ir.Kinds) == 0 || slices.Contains(ir.Kinds, app.Network.Institutions[i].Kind) {
				targets = append(targets, i)
			}
		}
	}
	rule := eligibility.InstitutionRule{Classes: ir.Classes, EnglandOnly: ir.EnglandOnly, StateFundedOutsideEngland: ir.StateFundedOutsideEngland}
	outcome := Passed
	for _, k := range targets {
		inst := &app.Network.Institutions[k]
		base := "/network/institutions/" + itoa(k)
		newParams := func() Params { return Params{"institution": inst.Name, "who": ir.Who, "does": ir.Does} }
		if len(ir.Kinds) > 0 && !slices.Contains(ir.Kinds, inst.Kind) {
			params := newParams()
			params["kind"] = inst.Kind
			ev.report(base+"/kind", params)
			outcome = Failed
			continue
		}
		place := eligibility.Place{Country: inst.Country, Subdivision: inst.Subdivision}
		if inst.Country == "GB" && inst.Subdivision == "" {
			if o := ev.missing(CodePlace, base+"/subdivision", newParams()); outcome == Passed {
				outcome = o
			}
			continue
		}
		verdict := rule.Admits(eligibility.Institution{Place: place, EstablishmentType: inst.EstablishmentType, StateFunded: inst.StateFunded})
		switch {
		case verdict == eligibility.Admitted:
		case verdict == eligibility.Unknown && place.InEngland():
			if o := ev.missing(CodeInstitutionClass, base+"/establishmentType", newParams()); outcome == Passed {
				outcome = o
			}
		case verdict == eligibility.Unknown:
			if o := ev.missing(CodeInstitutionClass, base+"/stateFunded", newParams()); outcome == Passed {
				outcome = o
			}
		case ir.EnglandOnly && !place.InEngland():
			params := newParams()
			params["country"] = inst.Country
			*ev.out = append(*ev.out, Finding{Code: CodePlace, Severity: Error, Path: base + "/country", Params: params, Rule: ir.ID})
			outcome = Failed
		case place.InEngland():
			params := newParams()
			params["type"] = inst.EstablishmentType
			ev.report(base+"/establishmentType", params)
			outcome = Failed
		default:
			ev.report(base+"/stateFunded", newParams())
			outcome = Failed
		}
	}
	return outcome
}

func checkMinInstitutions(ev *evaluation, min int) Outcome {
	n := len(ev.app.Network.Institutions)
	if n < min {
		ev.report("/network/institutions", Params{"min": int64(min), "count": int64(n)})
		return Failed
	}
	return Passed
}

func checkCountries(ev *evaluation, cr *CountriesRule) Outcome {
	countries := make([]string, 0, len(ev.app.Network.Institutions))
	for i := range ev.app.Network.Institutions {
		countries = append(countries, ev.app.Network.Institutions[i].Country)
	}
	n := eligibility.DistinctCountriesIn(countries, cr.Countries)
	if n < cr.Min {
		ev.report("/network/institutions", Params{"min": int64(cr.Min), "count": int64(n)})
		return Failed
	}
	return Passed
}

func checkIdentifiers(ev *evaluation, required []string) Outcome {
	outcome := Passed
	for i := range ev.app.Network.Institutions {
		inst := &ev.app.Network.Institutions[i]
		for _, id := range required {
			var v string
			switch id {
			case "urn":
				v = inst.URN
			case "ukprn":
				v = inst.UKPRN
			case "pic":
				v = inst.PIC
			}
			if v == "" {
				outcome = ev.missing(CodeRequired, "/network/institutions/"+strconv.Itoa(i)+"/"+id, Params{"institution": inst.Name})
			}
		}
	}
	return outcome
}

// commitmentField returns a commitment by its JSON name.
func commitmentField(name string) (func(*Commitments) bool, bool) {
	switch name {
	case "practitionerResearch":
		return func(c *Commitments) bool { return c.PractitionerResearch }, true
	case "minimumOneTerm":
		return func(c *Commitments) bool { return c.MinimumOneTerm }, true
	case "structuredApproach":
		return func(c *Commitments) bool { return c.StructuredApproach }, true
	case "submitReport":
		return func(c *Commitments) bool { return c.SubmitReport }, true
	case "attendDissemination":
		return func(c *Commitments) bool { return c.AttendDissemination }, true
	case "shareOnline":
		return func(c *Commitments) bool { return c.ShareOnline }, true
	}
	return nil, false
}

func checkCommitments(ev *evaluation, cr *CommitmentRule) Outcome {
	if cr.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	var missing, related []string
	for _, name := range cr.Required {
		agreed, _ := commitmentField(name)
		if !agreed(&ev.app.Plan.Commitments) {
			missing = append(missing, name)
			related = append(related, "/plan/commitments/"+name)
		}
	}
	if len(missing) == 0 {
		return Passed
	}
	// One finding for the question (the commitments are one set of
	// checkboxes), naming the boxes not ticked in related.
	ev.report("/plan/commitments", Params{"commitments": missing, "count": int64(len(missing)), "required": int64(len(cr.Required))})
	f := &(*ev.out)[len(*ev.out)-1]
	f.Related = related
	switch len(missing) {
	case 1:
		f.Variant = missing[0]
	case len(cr.Required):
		f.Variant = "none"
	}
	return Failed
}

// planDates returns the plan's dates when both are real dates.
func (ev *evaluation) planDates() (start, end eligibility.Date, ok bool) {
	start, ok1 := eligibility.ParseDate(ev.app.Plan.StartDate)
	end, ok2 := eligibility.ParseDate(ev.app.Plan.EndDate)
	return start, end, ok1 && ok2
}

// planMonths is the programme's length in months (see
// eligibility.MonthsInclusive), when its dates are real and in order.
func (ev *evaluation) planMonths() (int, bool) {
	start, end, ok := ev.planDates()
	if !ok || end.Compare(start) < 0 {
		return 0, false
	}
	return eligibility.MonthsInclusive(start, end), true
}

func checkDates(ev *evaluation) Outcome {
	start, end, ok := ev.planDates()
	if !ok {
		return NotJudged
	}
	if end.Compare(start) < 0 {
		ev.report("/plan/endDate", Params{"start": start.String(), "end": end.String()})
		return Failed
	}
	for i, a := range ev.app.Plan.Activities {
		if d, ok := eligibility.ParseDate(a.Date); ok && (d.Compare(start) < 0 || d.Compare(end) > 0) {
			*ev.out = append(*ev.out, Finding{Code: CodeDates, Severity: Warning, Path: "/plan/activities/" + strconv.Itoa(i) + "/date",
				Params: Params{"date": d.String(), "start": start.String(), "end": end.String()}, Rule: ev.rule.id})
		}
	}
	return Passed
}

func durationTitle(dr *DurationRule) string {
	var parts []string
	if dr.MinWeeks > 0 {
		parts = append(parts, "at least "+strconv.Itoa(dr.MinWeeks)+" weeks")
	}
	if dr.MinMonths > 0 {
		parts = append(parts, "at least "+strconv.Itoa(dr.MinMonths)+" months")
	}
	if dr.MaxMonths > 0 {
		parts = append(parts, "at most "+strconv.Itoa(dr.MaxMonths)+" months")
	}
	title := "The programme lasts " + joinAnd(parts)
	if dr.WhenFunded {
		title += " when it asks for funding"
	}
	return title
}

func checkDuration(ev *evaluation, dr *DurationRule) Outcome {
	if dr.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	start, end, ok := ev.planDates()
	if !ok || end.Compare(start) < 0 {
		return NotJudged
	}
	weeks := eligibility.WeeksInclusive(start, end)
	months := eligibility.MonthsInclusive(start, end)
	var limitName, variant string
	var limit int
	switch {
	case dr.MinWeeks > 0 && weeks < dr.MinWeeks:
		limitName, limit, variant = "minWeeks", dr.MinWeeks, "min-weeks"
	case dr.MinMonths > 0 && months < dr.MinMonths:
		limitName, limit, variant = "minMonths", dr.MinMonths, "min-months"
	case dr.MaxMonths > 0 && months > dr.MaxMonths:
		limitName, limit, variant = "maxMonths", dr.MaxMonths, "max-months"
	default:
		return Passed
	}
	ev.report("/plan/endDate", Params{"weeks": int64(weeks), "months": int64(months),
		"days": int64(eligibility.DaysInclusive(start, end)), limitName: int64(limit)})
	(*ev.out)[len(*ev.out)-1].Variant = variant
	return Failed
}

func checkDeadline(ev *evaluation, deadline eligibility.Date) Outcome {
	if ev.app.SubmittedOn == "" {
		return ev.missing(CodeRequired, "/submittedOn", nil)
	}
	on, ok := eligibility.ParseDate(ev.app.SubmittedOn)
	if !ok {
		return NotJudged
	}
	if on.Compare(deadline) > 0 {
		ev.report("/submittedOn", Params{"deadline": deadline.String(), "submittedOn": on.String()})
		return Failed
	}
	return Passed
}

func checkActivities(ev *evaluation, ar *ActivitiesRule) Outcome {
	outcome := Passed
	for _, need := range ar.Needs {
		found := slices.ContainsFunc(ev.app.Plan.Activities, func(a Activity) bool { return slices.Contains(need.Kinds, a.Kind) })
		if !found {
			ev.report("/plan/activities", Params{"need": need.Name, "kinds": need.Kinds})
			outcome = Failed
		}
	}
	return outcome
}

func checkOutputs(ev *evaluation, min int) Outcome {
	if n := len(ev.app.Plan.Outputs); n < min {
		ev.report("/plan/outputs", Params{"min": int64(min), "count": int64(n)})
		return Failed
	}
	return Passed
}

func checkFundingRequired(ev *evaluation) Outcome {
	if !ev.funded() {
		return ev.missing(CodeRequired, "/funding", nil)
	}
	return Passed
}

func checkCurrency(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if got := ev.app.Funding.Currency; got != ev.scheme.Currency {
		ev.report("/funding/currency", Params{"currency": ev.scheme.Currency, "given": got})
		return Failed
	}
	return Passed
}

func checkLines(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if len(ev.app.Funding.Lines) == 0 {
		return ev.missing(CodeEmpty, "/funding/lines", nil)
	}
	return Passed
}

func checkCategories(ev *evaluation) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	outcome := Passed
	for i, l := range ev.app.Funding.Lines {
		if _, ok := ev.scheme.categories[l.Category]; !ok {
			ev.report("/funding/lines/"+strconv.Itoa(i)+"/category", Params{"category": l.Category})
			outcome = Failed
		}
	}
	return outcome
}

func checkCategoryNeed(ev *evaluation, cn *CategoryNeedRule) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	if len(ev.app.Plan.Outputs) > 0 {
		return Passed
	}
	outcome := Passed
	for i, l := range ev.app.Funding.Lines {
		if l.Category == cn.Category {
			ev.report("/funding/lines/"+strconv.Itoa(i)+"/category", Params{"category": l.Category, "needs": cn.Needs})
			(*ev.out)[len(*ev.out)-1].Variant = "needs"
			outcome = Failed
		}
	}
	return outcome
}

// total adds up the budget lines, reporting an overflow rather than wrapping.
func (ev *evaluation) total() (budget.Amount, bool) {
	lines := ev.lines()
	t, ok := budget.Total(lines)
	if !ok {
		*ev.out = append(*ev.out, Finding{Code: CodeOverflow, Severity: Error, Path: "/funding/lines", Rule: ev.rule.id})
	}
	return t, ok
}

func checkCap(ev *evaluation, limit budget.Amount) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	total, ok := ev.total()
	if !ok {
		return Failed
	}
	if !budget.WithinCap(total, limit) {
		ev.report("/funding/lines", Params{"total": int64(total), "cap": int64(limit), "currency": ev.scheme.Currency})
		// A line that alone passes the cap is also a bound on that field, the
		// part of the cap a JSON Schema can say (see expressCap).
		for i, l := range ev.app.Funding.Lines {
			if l.Amount > limit {
				*ev.out = append(*ev.out, Finding{Code: CodeMaximum, Severity: Error, Path: "/funding/lines/" + strconv.Itoa(i) + "/amount",
					Params: Params{"max": int64(limit), "currency": ev.scheme.Currency}, Rule: ev.rule.id})
			}
		}
		return Failed
	}
	return Passed
}

func checkMonthlyCap(ev *evaluation, mc *MonthlyCapRule) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	months, ok := ev.planMonths()
	if !ok {
		return NotJudged
	}
	limit := budget.MonthlyCap{PerMonth: mc.PerMonth, Ceiling: mc.Ceiling}.For(months)
	total, ok := ev.total()
	if !ok {
		return Failed
	}
	if !budget.WithinCap(total, limit) {
		ev.report("/funding/lines", Params{"total": int64(total), "cap": int64(limit), "months": int64(months),
			"perMonth": int64(mc.PerMonth), "ceiling": int64(mc.Ceiling), "currency": ev.scheme.Currency})
		(*ev.out)[len(*ev.out)-1].Variant = "monthly"
		return Failed
	}
	return Passed
}

func checkShare(ev *evaluation, sh *ShareRule) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	lines := ev.lines()
	total, ok1 := budget.Total(lines)
	part, ok2 := budget.CategoryTotal(lines, sh.Category)
	if !ok1 || !ok2 {
		return NotJudged // the cap rule reports the overflow
	}
	if !budget.ShareWithin(part, total, sh.MaxPercent) {
		ev.report("/funding/lines", Params{"category": sh.Category, "limit": sh.MaxPercent, "amount": int64(part),
			"total": int64(total), "percent": budget.PercentOf(part, total), "currency": ev.scheme.Currency})
		(*ev.out)[len(*ev.out)-1].Related = ev.amountsOf(sh.Category)
		return Failed
	}
	return Passed
}

// amountsOf points at the amount of each budget line of a category: what
// a rule about that category's share of the money is about.
func (ev *evaluation) amountsOf(category string) []string {
	var out []string
	for i, l := range ev.app.Funding.Lines {
		if l.Category == category {
			out = append(out, "/funding/lines/"+strconv.Itoa(i)+"/amount")
		}
	}
	return out
}

func checkUnitCost(ev *evaluation, uc *UnitCostRule) Outcome {
	if !ev.funded() {
		return NotApplicable
	}
	months, ok := ev.planMonths()
	if !ok {
		return NotJudged
	}
	orgs := len(ev.app.Network.Institutions)
	allowance, ok := budget.UnitCost{CoordinatorPerMonth: uc.CoordinatorPerMonth, PartnerPerMonth: uc.PartnerPerMonth,
		MaxOrganisations: uc.MaxOrganisations}.Allowance(months, orgs)
	part, ok2 := budget.CategoryTotal(ev.lines(), uc.Category)
	if !ok || !ok2 {
		return NotJudged
	}
	if part > allowance {
		ev.report("/funding/lines", Params{"category": uc.Category, "amount": int64(part), "allowance": int64(allowance),
			"months": int64(months), "organisations": int64(min(orgs, uc.MaxOrganisations)), "currency": ev.scheme.Currency})
		(*ev.out)[len(*ev.out)-1].Related = ev.amountsOf(uc.Category)
		return Failed
	}
	return Passed
}

func checkMathematics(ev *evaluation) Outcome {
	if len(ev.app.Network.Members) == 0 {
		return NotJudged // no members yet: nothing to advise on
	}
	for _, m := range ev.app.Network.Members {
		if slices.Contains(m.Subjects, "mathematics") {
			return Passed
		}
	}
	ev.report("/network/members", nil)
	return Failed
}

func checkFree(ev *evaluation, kinds []string) Outcome {
	o := ev.offer
	if !slices.Contains(kinds, o.Kind) {
		return NotApplicable
	}
	if o.Cost != 0 {
		ev.report("/offer/cost", Params{"cost": int64(o.Cost), "currency": "GBP", "kind": o.Kind})
		return Failed
	}
	return Passed
}

func checkAudience(ev *evaluation, ar *AudienceRule) Outcome {
	o := ev.offer
	if !slices.Contains(ar.Kinds, o.Kind) {
		return NotApplicable
	}
	outcome := Passed
	for i, a := range o.Audience {
		if !slices.Contains(ar.Allowed, a) {
			ev.report("/offer/audience/"+strconv.Itoa(i), Params{"audience": a, "allowed": ar.Allowed, "kind": o.Kind})
			outcome = Failed
		}
	}
	return outcome
}

func checkAgeRange(ev *evaluation, kinds []string) Outcome {
	o := ev.offer
	if !slices.Contains(kinds, o.Kind) {
		return NotApplicable
	}
	if o.AgeRange == nil {
		return ev.missing(CodeRequired, "/offer/ageRange", nil)
	}
	if o.AgeRange.Min > o.AgeRange.Max {
		ev.report("/offer/ageRange", Params{"min": o.AgeRange.Min, "max": o.AgeRange.Max})
		return Failed
	}
	return Passed
}

var weekdays = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func weekdayName(d eligibility.Date) string { return weekdays[d.Weekday()] }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// capitalise writes the first letter of s as a capital, as a sentence
// starts: the first character, not the first byte ("école" is "École").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if up := unicode.ToTitle(r); up != r && r != utf8.RuneError {
		return string(up) + s[n:]
	}
	return s
}

func joinWith(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

func joinAnd(items []string) string { return joinWith(items, "and") }
func joinOr(items []string) string  { return joinWith(items, "or") }
