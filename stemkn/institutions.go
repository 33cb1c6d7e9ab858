package stemkn

import (
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/eligibility"
)

// The institutions family: which institutions may lead, take part or
// receive money, how many a partnership needs, from how many countries,
// and the identifiers each must give.

// InstitutionRule says which institutions are admitted, in the terms of
// eligibility.InstitutionRule, and to which institutions it applies
// (eligibility.institution-class, eligibility.place; messages
// eligibility.institution-class, eligibility.place and their .missing
// variants).
type InstitutionRule struct {
	// ID names the rule in results, such as "funded-institutions".
	ID string `json:"id"`
	// Applies is "lead" (the lead institution), "funded" (the lead and
	// every institution a budget line names), "others" (every institution
	// but the lead, which a "lead" rule judges) or "all" (every
	// institution).
	Applies string `json:"applies"`
	// Kinds are the kinds of organisation admitted, such as "school" and
	// "college"; an institution of another kind is not. Empty means every
	// kind.
	Kinds []string `json:"kinds,omitempty"`
	// Countries are the countries admitted (ISO 3166-1 alpha-2); empty
	// means every country.
	Countries []string `json:"countries,omitempty"`
	// Classes are the GIAS classes admitted for English schools and
	// colleges; empty means the class is not judged.
	Classes []eligibility.Class `json:"classes,omitempty"`
	// EnglandOnly admits institutions in England only.
	EnglandOnly bool `json:"englandOnly,omitempty"`
	// StateFundedOutsideEngland admits institutions outside England that
	// state they are state-funded.
	StateFundedOutsideEngland bool `json:"stateFundedOutsideEngland,omitempty"`
	// Phases are the GIAS phases of education admitted, exactly: the
	// values of an institution's phase ("nursery", "primary",
	// "middle-deemed-primary", "secondary", "middle-deemed-secondary",
	// "16-plus", "all-through", "not-applicable"; eligibility.Phases). A
	// rule of ["primary"] admits a primary school, not a nursery school or
	// a middle school deemed primary.
	Phases []string `json:"phases,omitempty"`
	// PhaseGroups are the phase groups admitted ("primary", "secondary",
	// "other": eligibility.PhaseGroup of an institution's phase, the groups
	// programme statistics count), so ["primary"] admits nursery, primary
	// and middle deemed primary. A rule names Phases or PhaseGroups, not
	// both: a group is its phases, so Phases alone says whatever the two
	// could, and no reader has to guess whether one narrows the other or
	// adds to it. With neither, the phase is not judged; with either, an
	// institution whose phase is not stated cannot be judged.
	PhaseGroups []string `json:"phaseGroups,omitempty"`
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
	Citation
}

// institutionInputs are what the institution rules read: the lead, each
// institution's id and the fields that place and class it, and the
// institutions budget lines name.
var institutionInputs = []string{"/network/lead", "/network/institutions/*/id", "/network/institutions/*/kind",
	"/network/institutions/*/country", "/network/institutions/*/subdivision", "/network/institutions/*/establishmentType",
	"/network/institutions/*/stateFunded", "/network/institutions/*/phase", "/funding/lines/*/institution"}

func (p *InstitutionRule) rule(*Scheme) rule {
	return rule{id: p.ID, code: CodeInstitutionClass, ownTitle: "institutions/" + p.ID + "/title", words: p.words(), cite: p.Citation, params: p,
		inputs: institutionInputs, followsIDs: true, check: p.check, verify: p.verify}
}

// words are the rule's title, who and does: words of the scheme at
// institutions/ID/title (and who, does).
func (p *InstitutionRule) words() []schemeWord {
	var out []schemeWord
	for _, w := range [...]schemeWord{{"title", p.Title}, {"who", p.Who}, {"does", p.Does}} {
		if w.english != "" {
			out = append(out, schemeWord{"institutions/" + p.ID + "/" + w.place, w.english})
		}
	}
	return out
}

func (p *InstitutionRule) verify() string {
	switch p.Applies {
	case "lead", "funded", "others", "all":
	default:
		return "institution rule " + p.ID + " applies to " + p.Applies + "; use lead, funded, others or all"
	}
	codes := eligibility.ClassCodes()
	for i, c := range p.Classes {
		if _, known := codes[c]; !known {
			return "institution rule " + p.ID + " names class " + string(c) + ", which is not a GIAS class stemkn knows"
		}
		if slices.Contains(p.Classes[:i], c) {
			return "institution rule " + p.ID + " names class " + string(c) + " twice"
		}
	}
	return p.verifyPhases()
}

// verifyPhases says what is wrong with the rule's phases and phase
// groups: a phase that is not a GIAS phase, a group that is not one of
// the three, either given twice, or phases given beside phase groups.
// Each list is checked for repeats against the entries before it, all
// known and different, so the check stops within the eight phases or
// three groups however long the list (and so do the classes above).
func (p *InstitutionRule) verifyPhases() string {
	for i, g := range p.PhaseGroups {
		if g != eligibility.PrimaryGroup && g != eligibility.SecondaryGroup && g != eligibility.OtherGroup {
			return "institution rule " + p.ID + " names phase group " + g + "; use primary, secondary or other"
		}
		if slices.Contains(p.PhaseGroups[:i], g) {
			return "institution rule " + p.ID + " names phase group " + g + " twice"
		}
	}
	if len(p.Phases) > 0 && len(p.PhaseGroups) > 0 {
		return "institution rule " + p.ID + " names both phases and phaseGroups; give one of them (phases can list every phase of a group)"
	}
	for i, ph := range p.Phases {
		if !eligibility.IsPhase(ph) {
			return "institution rule " + p.ID + " names phase " + ph + ", which is not a GIAS phase; use " + joinWith(eligibility.Phases(), "or")
		}
		if slices.Contains(p.Phases[:i], ph) {
			return "institution rule " + p.ID + " names phase " + ph + " twice"
		}
	}
	return ""
}

func (p *InstitutionRule) check(ev *evaluation) Outcome {
	if p.WhenFunded && !ev.funded() {
		return ev.notFunded()
	}
	var buf [16]int
	targets, ok := p.targets(ev, buf[:0])
	if !ok {
		return NotJudged
	}
	admits := eligibility.InstitutionRule{Kinds: p.Kinds, Countries: p.Countries, Classes: p.Classes,
		EnglandOnly: p.EnglandOnly, StateFundedOutsideEngland: p.StateFundedOutsideEngland, Phases: p.Phases, PhaseGroups: p.PhaseGroups}
	outcome := Passed
	for _, k := range targets {
		outcome = worst(outcome, p.judge(ev, admits, k))
	}
	return outcome
}

// targets are the indices of the institutions the rule applies to; ok is
// false when it applies to the lead and there is none.
func (p *InstitutionRule) targets(ev *evaluation, targets []int) ([]int, bool) {
	app := ev.app
	lead := ev.institutionIndex(app.Network.Lead)
	switch {
	case p.Applies == "all":
		lead = -1
		fallthrough
	case p.Applies == "others":
		for i := range app.Network.Institutions {
			if i != lead {
				targets = append(targets, i)
			}
		}
		return targets, true
	case lead < 0:
		return nil, false
	}
	targets = append(targets, lead)
	if p.Applies == "funded" && app.Funding != nil && len(app.Funding.Lines) > 0 {
		chosen := make([]bool, len(app.Network.Institutions)) // each institution once, in one pass
		chosen[lead] = true
		for _, l := range app.Funding.Lines {
			if k := ev.institutionIndex(l.Institution); k >= 0 && !chosen[k] {
				chosen[k] = true
				targets = append(targets, k)
			}
		}
	}
	return targets, true
}

// judge judges institution k with eligibility's rule, and reports the
// fact the verdict turns on: missing, or at fault.
func (p *InstitutionRule) judge(ev *evaluation, admits eligibility.InstitutionRule, k int) Outcome {
	inst := &ev.app.Network.Institutions[k]
	j := admits.Judge(eligibility.Institution{Kind: inst.Kind, Place: eligibility.Place{Country: inst.Country, Subdivision: inst.Subdivision},
		EstablishmentType: inst.EstablishmentType, StateFunded: inst.StateFunded, Phase: inst.Phase})
	if j.Verdict == eligibility.Admitted {
		return Passed
	}
	path := "/network/institutions/" + strconv.Itoa(k) + "/" + institutionField[j.Fact]
	params := Params{"institution": inst.Name, "who": p.Who, "does": p.Does}
	code := CodeInstitutionClass
	if j.Fact == eligibility.Country || j.Fact == eligibility.Nation {
		code = CodePlace
	}
	if j.Verdict == eligibility.Unknown {
		return ev.missing(code, path, params)
	}
	switch j.Fact {
	case eligibility.Kind:
		params["kind"] = inst.Kind
	case eligibility.Country:
		params["country"] = inst.Country
	case eligibility.Nation:
		params["country"], params["subdivision"] = inst.Country, inst.Subdivision
	case eligibility.Type:
		params["type"] = inst.EstablishmentType
	case eligibility.Phase:
		params["phase"] = inst.Phase
	}
	ev.out.Add(Finding{Code: code, Severity: Error, Path: path, Params: params, Rule: p.ID})
	return Failed
}

// institutionField is the field of an institution that states each fact a
// verdict turns on.
var institutionField = map[eligibility.Fact]string{
	eligibility.Kind: "kind", eligibility.Country: "country", eligibility.Nation: "subdivision",
	eligibility.Type: "establishmentType", eligibility.StateFunded: "stateFunded", eligibility.Phase: "phase",
}

// MinInstitutionsRule: the partnership has at least Min institutions —
// of Kinds only, and besides the lead when OtherThanLead, when it says so
// (eligibility.min-institutions; message variant "kinds" names Who).
type MinInstitutionsRule struct {
	// Min is the least number of institutions that count.
	Min int `json:"min"`
	// Kinds are the kinds of institution that count; empty means every kind.
	Kinds []string `json:"kinds,omitempty"`
	// OtherThanLead leaves the lead institution out of the count.
	OtherThanLead bool `json:"otherThanLead,omitempty"`
	// Who names the institutions that count, for messages and the title,
	// when Kinds or OtherThanLead narrow them: "schools besides the lead".
	Who string `json:"who,omitempty"`
	Citation
}

// words are the rule's who, a word of the scheme at minInstitutions/who.
func (p *MinInstitutionsRule) words() []schemeWord {
	if p.Who == "" {
		return nil
	}
	return []schemeWord{{"minInstitutions/who", p.Who}}
}

// counted reports whether the rule counts only some institutions.
func (p *MinInstitutionsRule) counted() bool { return len(p.Kinds) > 0 || p.OtherThanLead }

func (p *MinInstitutionsRule) rule(*Scheme) rule {
	inputs, variant := []string{"/network/institutions"}, ""
	if p.counted() {
		inputs, variant = append(inputs, "/network/lead"), "kinds"
	}
	return rule{id: "minInstitutions", code: CodeMinInstitutions, cite: p.Citation, params: p,
		titleVariant: variant, titleParams: Params{"min": int64(p.Min), "who": p.Who}, words: p.words(),
		inputs: inputs, followsIDs: p.OtherThanLead, check: p.check, schema: p.schema,
		verify: func() string {
			if p.counted() && p.Who == "" {
				return "minInstitutions counts some institutions only, and needs a who to name them"
			}
			return ""
		}}
}

func (p *MinInstitutionsRule) check(ev *evaluation) Outcome {
	app := ev.app
	insts := app.Network.Institutions
	lead := -1
	if p.OtherThanLead {
		if lead = ev.institutionIndex(app.Network.Lead); lead < 0 {
			return NotJudged
		}
	}
	size := eligibility.PartnershipSize{Min: p.Min, Kinds: p.Kinds, OtherThanLead: p.OtherThanLead}
	n := size.Count(len(insts), func(i int) string { return insts[i].Kind }, lead)
	if n >= p.Min {
		return Passed
	}
	f := ev.report("/network/institutions", Params{"min": int64(p.Min), "count": int64(n)})
	if p.counted() {
		f.Params["who"] = p.Who
		f.Variant = "kinds"
	}
	return Failed
}

// schema: the list of institutions is at least Min long, when every
// institution counts; otherwise the count is left to stemkn.
func (p *MinInstitutionsRule) schema(d *schemaDoc) bool {
	if p.counted() {
		return false
	}
	atLeast(d.at("/network/institutions"), "minItems", int64(p.Min))
	return true
}

// CountriesRule asks for institutions from several countries
// (eligibility.min-countries).
type CountriesRule struct {
	// Min is the least number of different countries.
	Min int `json:"min"`
	// Countries are the countries that count (ISO 3166-1 alpha-2); empty means any.
	Countries []string `json:"countries,omitempty"`
	Citation
}

func (p *CountriesRule) rule(*Scheme) rule {
	return rule{id: "countries", code: CodeMinCountries, cite: p.Citation, params: p,
		titleParams: Params{"min": int64(p.Min)},
		inputs:      []string{"/network/institutions"}, check: p.check}
}

func (p *CountriesRule) check(ev *evaluation) Outcome {
	countries := make([]string, 0, len(ev.app.Network.Institutions))
	for i := range ev.app.Network.Institutions {
		countries = append(countries, ev.app.Network.Institutions[i].Country)
	}
	if n := eligibility.DistinctCountriesIn(countries, p.Countries); n < p.Min {
		ev.report("/network/institutions", Params{"min": int64(p.Min), "count": int64(n)})
		return Failed
	}
	return Passed
}

// IdentifierRule asks every institution for identifiers (required).
type IdentifierRule struct {
	// Required lists identifier fields every institution must have: "urn", "ukprn" or "pic".
	Required []string `json:"required"`
	Citation
}

func (p *IdentifierRule) rule(*Scheme) rule {
	return rule{id: "identifiers", code: CodeRequired, cite: p.Citation, params: p,
		titleParams: Params{"required": p.Required},
		inputs:      []string{"/network/institutions"}, check: p.check, schema: p.schema, verify: p.verify}
}

func (p *IdentifierRule) verify() string {
	for _, id := range p.Required {
		if id != "urn" && id != "ukprn" && id != "pic" {
			return "identifiers rule names " + id + "; use urn, ukprn or pic"
		}
	}
	return ""
}

func (p *IdentifierRule) check(ev *evaluation) Outcome {
	outcome := Passed
	for i := range ev.app.Network.Institutions {
		inst := &ev.app.Network.Institutions[i]
		for _, id := range p.Required {
			if inst.identifier(id) == "" {
				outcome = ev.missing(CodeRequired, "/network/institutions/"+strconv.Itoa(i)+"/"+id, Params{"institution": inst.Name})
			}
		}
	}
	return outcome
}

// identifier is the institution's identifier of a kind: "urn", "ukprn" or "pic".
func (inst *Institution) identifier(kind string) string {
	switch kind {
	case "urn":
		return inst.URN
	case "ukprn":
		return inst.UKPRN
	case "pic":
		return inst.PIC
	}
	return ""
}

// schema: every institution has each identifier, not empty.
func (p *IdentifierRule) schema(d *schemaDoc) bool {
	for _, id := range p.Required {
		path := "/network/institutions/*/" + id
		atLeast(d.at(path), "minLength", 1) // "" is no identifier
		d.require(path)
	}
	return true
}
