package stemkn

import (
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/eligibility"
)

// The plan family: what the network will do and when — reflection on
// practice, the commitments a funded network agrees to, the programme's
// dates and length, the deadline, the kinds of activity and the
// intellectual outputs.

// ReflectionRule: the plan says how teachers will reflect on their
// professional practice (eligibility.reflection).
type ReflectionRule struct{ Citation }

func (p *ReflectionRule) rule(*Scheme) rule {
	return textRule("reflection", CodeReflection,
		p.Citation, "/plan/reflection", func(a *Application) string { return a.Plan.Reflection })
}

// CommitmentRule lists the commitments an applicant must agree to
// (eligibility.commitment; messages eligibility.commitment and one variant
// per commitment, for when it is the only one not agreed).
type CommitmentRule struct {
	// Required are the commitment field names, such as "submitReport".
	Required []string `json:"required"`
	// WhenFunded applies the rule only when the application asks for money.
	WhenFunded bool `json:"whenFunded,omitempty"`
	Citation
}

func (p *CommitmentRule) rule(*Scheme) rule {
	return rule{id: "commitments", code: CodeCommitment, cite: p.Citation, params: p,
		titleVariant: funded(p.WhenFunded), titleParams: Params{"count": int64(len(p.Required))},
		inputs: []string{"/plan/commitments"}, check: p.check, schema: p.schema, verify: p.verify}
}

func (p *CommitmentRule) verify() string {
	for _, c := range p.Required {
		if _, ok := commitmentField(c); !ok {
			return "commitments rule names " + c + ", which is not a commitment"
		}
	}
	return ""
}

func (p *CommitmentRule) check(ev *evaluation) Outcome {
	if p.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	agreed := &ev.app.Plan.Commitments
	missing := eligibility.Unagreed(p.Required, func(name string) bool {
		field, _ := commitmentField(name)
		return field(agreed)
	})
	if len(missing) == 0 {
		return Passed
	}
	// One finding for the question (the commitments are one set of
	// checkboxes), naming the boxes not ticked in related.
	related := make([]string, len(missing))
	for i, name := range missing {
		related[i] = "/plan/commitments/" + name
	}
	f := ev.report("/plan/commitments", Params{"commitments": missing, "count": int64(len(missing)), "required": int64(len(p.Required))})
	f.Related = related
	switch len(missing) {
	case 1:
		f.Variant = missing[0]
	case len(p.Required):
		f.Variant = "none"
	}
	return Failed
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

// schema: each commitment is true — always, or when there is funding.
func (p *CommitmentRule) schema(d *schemaDoc) bool {
	if !p.WhenFunded {
		for _, name := range p.Required {
			d.at("/plan/commitments/"+name).set("const", true)
			d.require("/plan/commitments/" + name)
		}
		d.require("/plan/commitments")
		return true
	}
	agreed := newObject().set("type", "object")
	props := newObject()
	for _, name := range p.Required {
		props.set(name, newObject().set("const", true))
	}
	agreed.set("properties", props).set("required", stringList(p.Required))
	d.when(nest("/funding", newObject(), true), nest("/plan/commitments", agreed, true))
	return true
}

// datesRule is every application scheme's: the programme ends on or after
// the day it starts, and activities dated outside it are worth a warning
// (eligibility.dates).
func datesRule(s *Scheme) (rule, bool) {
	r := rule{id: "dates", code: CodeDates, own: true,
		cite:   Citation{Note: "stemkn's own check, in every application scheme: a programme of activity runs from its start date to its end date, so it cannot end before it starts."},
		inputs: []string{"/plan/startDate", "/plan/endDate"}, check: checkDates}
	return r, s.Kind != KindOffer
}

func checkDates(ev *evaluation) Outcome {
	period, ok := ev.planPeriod()
	if !ok {
		return NotJudged
	}
	if !period.InOrder() {
		ev.report("/plan/endDate", Params{"start": period.Start.String(), "end": period.End.String()})
		return Failed
	}
	for i, a := range ev.app.Plan.Activities {
		if d, ok := eligibility.ParseDate(a.Date); ok && !period.Contains(d) {
			ev.out.Add(Finding{Code: CodeDates, Severity: Warning, Path: "/plan/activities/" + strconv.Itoa(i) + "/date",
				Params: Params{"date": d.String(), "start": period.Start.String(), "end": period.End.String()}, Rule: ev.rule.id})
		}
	}
	return Passed
}

// DurationRule bounds the length of the programme of activity, from its
// start date to its end date, both days counted (eligibility.duration;
// messages eligibility.duration.min-weeks, .min-months, .max-months). The
// three limits count differently, as a funder's words mean them:
//
//   - a minimum in weeks is met by whole weeks of those days (84 days are
//     12 weeks, 83 are 11);
//   - a minimum in months is met only by whole months from the start date
//     (15 Jan 2011 – 14 Jan 2012 is 12 months; 15 Jan – 16 Dec 2011 is 11);
//   - a maximum in months is passed by any day beyond it: a started month
//     counts whole (1 Sep 2016 – 31 Aug 2019 is 36 months, and a day more
//     makes 37).
type DurationRule struct {
	// MinWeeks is the least number of whole weeks (0: no minimum).
	MinWeeks int `json:"minWeeks,omitempty"`
	// MinMonths is the least number of whole months (0: no minimum).
	MinMonths int `json:"minMonths,omitempty"`
	// MaxMonths is the most months, a started month counting whole (0: no maximum).
	MaxMonths int `json:"maxMonths,omitempty"`
	// WhenFunded applies the rule only when the application asks for money.
	WhenFunded bool `json:"whenFunded,omitempty"`
	Citation
}

func (p *DurationRule) rule(*Scheme) rule {
	return rule{id: "duration", code: CodeDuration, titleVariant: funded(p.WhenFunded), titleParams: p.titleParams(),
		cite: p.Citation, params: p,
		inputs: []string{"/plan/startDate", "/plan/endDate"}, check: p.check}
}

// titleParams are what the rule's title is filled from: its {bounds} are
// the bounds it sets, each worded by its own template
// (rule@duration.min-weeks, .min-months, .max-months).
func (p *DurationRule) titleParams() Params {
	var bounds titleParts
	for _, b := range [...]struct {
		n    int
		part string
	}{{p.MinWeeks, "min-weeks"}, {p.MinMonths, "min-months"}, {p.MaxMonths, "max-months"}} {
		if b.n > 0 {
			bounds = append(bounds, b.part)
		}
	}
	return Params{"minWeeks": int64(p.MinWeeks), "minMonths": int64(p.MinMonths), "maxMonths": int64(p.MaxMonths), "bounds": bounds}
}

func (p *DurationRule) check(ev *evaluation) Outcome {
	if p.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	period, ok := ev.planPeriod()
	if !ok || !period.InOrder() {
		return NotJudged
	}
	var limitName, variant string
	var limit int
	switch {
	case p.MinWeeks > 0 && period.Weeks() < p.MinWeeks:
		limitName, limit, variant = "minWeeks", p.MinWeeks, "min-weeks"
	case p.MinMonths > 0 && period.WholeMonths() < p.MinMonths:
		limitName, limit, variant = "minMonths", p.MinMonths, "min-months"
	case p.MaxMonths > 0 && period.StartedMonths() > p.MaxMonths:
		limitName, limit, variant = "maxMonths", p.MaxMonths, "max-months"
	default:
		return Passed
	}
	ev.report("/plan/endDate", Params{"days": int64(period.Days()), "weeks": int64(period.Weeks()),
		"wholeMonths": int64(period.WholeMonths()), "months": int64(period.StartedMonths()), limitName: int64(limit)}).Variant = variant
	return Failed
}

// DeadlineRule is the last day applications are accepted (eligibility.deadline).
type DeadlineRule struct {
	// Date is the last day, inclusive ("2011-01-10").
	Date string `json:"date"`
	Citation
}

func (p *DeadlineRule) rule(*Scheme) rule {
	return rule{id: "deadline", code: CodeDeadline, cite: p.Citation, params: p, titleParams: Params{"date": p.Date},
		inputs: []string{"/submittedOn"}, check: p.check, schema: p.schema, verify: p.verify}
}

func (p *DeadlineRule) verify() string {
	if _, ok := eligibility.ParseDate(p.Date); !ok {
		return "deadline " + p.Date + " is not a real date (YYYY-MM-DD)"
	}
	return ""
}

func (p *DeadlineRule) check(ev *evaluation) Outcome {
	if ev.app.SubmittedOn == "" {
		return ev.missing(CodeRequired, "/submittedOn", nil)
	}
	on, ok := eligibility.ParseDate(ev.app.SubmittedOn)
	if !ok {
		return NotJudged
	}
	last, _ := eligibility.ParseDate(p.Date)
	if !(eligibility.Deadline{Last: last}).Met(on) {
		ev.report("/submittedOn", Params{"deadline": last.String(), "submittedOn": on.String()})
		return Failed
	}
	return Passed
}

// schema says the part of the deadline rule a schema can: the date must
// be given. Whether it is on time is left to stemkn.
func (p *DeadlineRule) schema(d *schemaDoc) bool {
	atLeast(d.at("/submittedOn"), "minLength", 1)
	d.require("/submittedOn")
	return false
}

// ActivitiesRule asks for activities of several sorts (eligibility.activities).
type ActivitiesRule struct {
	// Needs are the sorts of activity the plan must include.
	Needs []ActivityNeed `json:"needs"`
	Citation
}

// ActivityNeed is one sort of activity a plan must include: at least one
// activity of any of Kinds.
type ActivityNeed struct {
	// Name says what is needed, as a noun phrase ("teacher CPD").
	Name string `json:"name"`
	// Kinds are the activity kinds that satisfy the need.
	Kinds []string `json:"kinds"`
}

func (p *ActivitiesRule) rule(*Scheme) rule {
	names := make([]string, len(p.Needs))
	for i, n := range p.Needs {
		names[i] = n.Name
	}
	words := make([]schemeWord, len(p.Needs))
	for i, n := range p.Needs {
		words[i] = schemeWord{"activities/" + strconv.Itoa(i) + "/name", n.Name}
	}
	return rule{id: "activities", code: CodeActivities, titleParams: Params{"needs": names}, words: words, cite: p.Citation,
		params: p, inputs: []string{"/plan/activities"}, check: p.check, schema: p.schema}
}

func (p *ActivitiesRule) check(ev *evaluation) Outcome {
	outcome := Passed
	for _, need := range p.Needs {
		found := slices.ContainsFunc(ev.app.Plan.Activities, func(a Activity) bool { return slices.Contains(need.Kinds, a.Kind) })
		if !found {
			ev.report("/plan/activities", Params{"need": need.Name, "kinds": need.Kinds})
			outcome = Failed
		}
	}
	return outcome
}

// schema: the activities contain one of each need's kinds.
func (p *ActivitiesRule) schema(d *schemaDoc) bool {
	list := d.at("/plan/activities")
	all, _ := list.get("allOf").([]any)
	for _, need := range p.Needs {
		kind := newObject().set("type", "object").
			set("properties", newObject().set("kind", newObject().set("enum", stringList(need.Kinds)))).
			set("required", []any{"kind"})
		all = append(all, newObject().set("type", "array").set("contains", kind))
	}
	list.set("allOf", all)
	d.require("/plan/activities")
	return true
}

// OutputsRule: the plan lists at least Min intellectual outputs
// (eligibility.outputs).
type OutputsRule struct {
	// Min is the least number of outputs.
	Min int `json:"min"`
	Citation
}

func (p *OutputsRule) rule(*Scheme) rule {
	return rule{id: "outputs", code: CodeOutputs, cite: p.Citation, params: p,
		titleVariant: one(p.Min), titleParams: Params{"min": int64(p.Min)},
		inputs: []string{"/plan/outputs"}, check: p.check, schema: p.schema}
}

func (p *OutputsRule) check(ev *evaluation) Outcome {
	if n := len(ev.app.Plan.Outputs); n < p.Min {
		ev.report("/plan/outputs", Params{"min": int64(p.Min), "count": int64(n)})
		return Failed
	}
	return Passed
}

// schema: the outputs list is at least Min long.
func (p *OutputsRule) schema(d *schemaDoc) bool {
	if p.Min > 0 {
		atLeast(d.at("/plan/outputs"), "minItems", int64(p.Min))
		d.require("/plan/outputs")
	}
	return true
}

// StrandsRule is advice: the plan names each of the strands of work the
// project is made of (advice.strands).
type StrandsRule struct {
	// Strands are the strands, by kind, with their titles for messages.
	Strands []Theme `json:"strands"`
	Citation
}

func (p *StrandsRule) rule(*Scheme) rule {
	return rule{id: "strands", code: CodeStrands, advice: true, cite: p.Citation, params: p,
		titleParams: Params{"count": int64(len(p.Strands))}, words: p.words(),
		inputs: []string{"/plan/strands"}, check: p.check}
}

// words are the strands' titles, words of the scheme at strands/ID.
func (p *StrandsRule) words() []schemeWord {
	out := make([]schemeWord, len(p.Strands))
	for i, st := range p.Strands {
		out[i] = schemeWord{"strands/" + st.ID, st.Title}
	}
	return out
}

func (p *StrandsRule) check(ev *evaluation) Outcome {
	var missing []string
	for _, want := range p.Strands {
		if !slices.ContainsFunc(ev.app.Plan.Strands, func(s Strand) bool { return s.Kind == want.ID }) {
			missing = append(missing, want.ID)
		}
	}
	if len(missing) == 0 {
		return Passed
	}
	ev.report("/plan/strands", Params{"missing": missing, "count": int64(len(missing)), "strands": int64(len(p.Strands))})
	return Failed
}
