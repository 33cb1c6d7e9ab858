package stemkn

import (
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/eligibility"
)

// The offer family: the rules of an employer's offer on the STEM Exchange —
// what it costs, who it is for, and the ages it is open to.

// FreeOfferRule: offers of these kinds cost nothing (offer.not-free).
type FreeOfferRule struct {
	// Kinds are the offer kinds the rule applies to ("cpd", "work-experience").
	Kinds []string `json:"kinds"`
	Citation
}

func (p *FreeOfferRule) rule(*Scheme) rule {
	return rule{id: "freeOffer", code: CodeNotFree, titleParams: Params{"kinds": p.Kinds}, cite: p.Citation,
		params: p, offer: true, inputs: []string{"/offer/kind", "/offer/cost"}, check: p.check, schema: p.schema}
}

func (p *FreeOfferRule) check(ev *evaluation) Outcome {
	o := ev.offer
	if !slices.Contains(p.Kinds, o.Kind) {
		return NotApplicable
	}
	if o.Cost != 0 {
		ev.report("/offer/cost", Params{"cost": int64(o.Cost), "currency": "GBP", "kind": o.Kind})
		return Failed
	}
	return Passed
}

// schema: an offer of the kinds costs at most 0.
func (p *FreeOfferRule) schema(d *schemaDoc) bool {
	free := newObject().set("type", "integer").set("maximum", int64(0))
	d.when(offerKindIn(p.Kinds), nest("/offer/cost", free, false))
	return true
}

// AudienceRule limits who offers of some kinds are for (offer.audience).
type AudienceRule struct {
	// Kinds are the offer kinds the rule applies to.
	Kinds []string `json:"kinds"`
	// Allowed are the audiences allowed.
	Allowed []string `json:"allowed"`
	Citation
}

func (p *AudienceRule) rule(*Scheme) rule {
	return rule{id: "audience", code: CodeAudience, titleParams: Params{"kinds": p.Kinds, "allowed": p.Allowed},
		cite: p.Citation, params: p, offer: true, inputs: []string{"/offer/kind", "/offer/audience"}, check: p.check, schema: p.schema}
}

func (p *AudienceRule) check(ev *evaluation) Outcome {
	o := ev.offer
	if !slices.Contains(p.Kinds, o.Kind) {
		return NotApplicable
	}
	outcome := Passed
	for i, a := range o.Audience {
		if !slices.Contains(p.Allowed, a) {
			ev.report("/offer/audience/"+strconv.Itoa(i), Params{"audience": a, "allowed": p.Allowed, "kind": o.Kind})
			outcome = Failed
		}
	}
	return outcome
}

// schema: an offer of the kinds has audiences from the allowed ones only.
func (p *AudienceRule) schema(d *schemaDoc) bool {
	items := newObject().set("type", "string").set("enum", stringList(p.Allowed))
	d.when(offerKindIn(p.Kinds), nest("/offer/audience", newObject().set("type", "array").set("items", items), false))
	return true
}

// AgeRangeRule: offers of these kinds (work experience) state an age range
// with the youngest age first (offer.age-range).
type AgeRangeRule struct {
	// Kinds are the offer kinds the rule applies to.
	Kinds []string `json:"kinds"`
	Citation
}

func (p *AgeRangeRule) rule(*Scheme) rule {
	return rule{id: "ageRange", code: CodeAgeRange, titleParams: Params{"kinds": p.Kinds},
		cite: p.Citation, params: p, offer: true, inputs: []string{"/offer/kind", "/offer/ageRange"}, check: p.check, schema: p.schema}
}

func (p *AgeRangeRule) check(ev *evaluation) Outcome {
	o := ev.offer
	if !slices.Contains(p.Kinds, o.Kind) {
		return NotApplicable
	}
	if o.AgeRange == nil {
		return ev.missing(CodeRequired, "/offer/ageRange", nil)
	}
	if o.AgeRange.Max == nil {
		return NotJudged // the oldest age is required: the structure says so
	}
	if o.AgeRange.Min > *o.AgeRange.Max {
		ev.report("/offer/ageRange", Params{"min": o.AgeRange.Min, "max": *o.AgeRange.Max})
		return Failed
	}
	return Passed
}

// schema says the part of the age-range rule a schema can: the range must
// be given. That the youngest age comes first is left to stemkn.
func (p *AgeRangeRule) schema(d *schemaDoc) bool {
	d.when(offerKindIn(p.Kinds), nest("/offer/ageRange", newObject().set("type", "object"), true))
	return false
}

// offerDatesRule is every offer scheme's: an offer that gives both dates
// ends on or after the day it starts (eligibility.dates).
func offerDatesRule(s *Scheme) (rule, bool) {
	r := rule{id: "dates", code: CodeDates, titleVariant: "offer", offer: true, own: true,
		cite:   Citation{Note: "stemkn's own check, in every offer scheme: an offer runs from its start date to its end date, so it cannot end before it starts."},
		inputs: []string{"/offer/startDate", "/offer/endDate"}, check: checkOfferDates}
	return r, s.Kind == KindOffer
}

func checkOfferDates(ev *evaluation) Outcome {
	o := ev.offer
	if o.StartDate == "" || o.EndDate == "" {
		return NotApplicable
	}
	start, ok1 := eligibility.ParseDate(o.StartDate)
	end, ok2 := eligibility.ParseDate(o.EndDate)
	if !ok1 || !ok2 {
		return NotJudged
	}
	if (eligibility.Period{Start: start, End: end}).InOrder() {
		return Passed
	}
	ev.report("/offer/endDate", Params{"start": start.String(), "end": end.String()})
	return Failed
}

// offerKindIn is the condition that the offer is of one of kinds.
func offerKindIn(kinds []string) *object {
	return nest("/offer/kind", newObject().set("enum", stringList(kinds)), true)
}
