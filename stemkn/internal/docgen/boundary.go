package docgen

import (
	"slices"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// A boundary takes a valid document to the edge of one of the scheme's
// rules: exactly at a limit (still valid) or one step past it (one code).
type boundary struct {
	name string
	want stemkn.Code // "" when the document stays valid
	// applies says whether the scheme and the draft have what the boundary needs.
	applies func(w *writer, d *draft) bool
	// apply changes the draft; false when it could not be done for this draft.
	apply func(w *writer, d *draft) bool
}

// boundaries lists every boundary the generator knows; each applies only to
// the schemes whose rules it is about.
var boundaries = []boundary{
	{"cap-exact", "", hasCap, func(w *writer, d *draft) bool { return w.setTotal(d, 0) }},
	{"cap-plus-one", stemkn.CodeCap, hasCap, func(w *writer, d *draft) bool { return w.setTotal(d, 1) }},
	{"share-exact", "", hasShare, func(w *writer, d *draft) bool { return w.setShare(d, 0) }},
	{"share-plus-one", stemkn.CodeCategoryShare, hasShare, func(w *writer, d *draft) bool { return w.setShare(d, 1) }},
	{"unit-cost-exact", "", hasUnitCost, func(w *writer, d *draft) bool { return w.setUnitCost(d, 0) }},
	{"unit-cost-plus-one", stemkn.CodeUnitCost, hasUnitCost, func(w *writer, d *draft) bool { return w.setUnitCost(d, 1) }},
	{"min-weeks-exact", "", minWeeks, func(w *writer, d *draft) bool { return w.setEnd(d, d.start.AddDays(7*w.s.Rules.Duration.MinWeeks-1)) }},
	{"min-weeks-minus-one-day", stemkn.CodeDuration, minWeeks, func(w *writer, d *draft) bool {
		return w.setEnd(d, d.start.AddDays(7*w.s.Rules.Duration.MinWeeks-2))
	}},
	{"min-months-exact", "", minMonths, func(w *writer, d *draft) bool {
		return w.setEnd(d, firstEndWithWholeMonths(d.start, w.s.Rules.Duration.MinMonths))
	}},
	{"min-months-minus-one-day", stemkn.CodeDuration, minMonths, func(w *writer, d *draft) bool {
		return w.setEnd(d, firstEndWithWholeMonths(d.start, w.s.Rules.Duration.MinMonths).AddDays(-1))
	}},
	{"max-months-exact", "", maxMonths, func(w *writer, d *draft) bool {
		return w.setEnd(d, firstEndWithMonths(d.start, w.s.Rules.Duration.MaxMonths+1).AddDays(-1))
	}},
	{"max-months-plus-one-day", stemkn.CodeDuration, maxMonths, func(w *writer, d *draft) bool {
		return w.setEnd(d, firstEndWithMonths(d.start, w.s.Rules.Duration.MaxMonths+1))
	}},
	{"leap-day-start", "", isApplication, func(w *writer, d *draft) bool {
		d.start, _ = eligibility.ParseDate("2012-02-29")
		return w.setEnd(d, w.endDate(d.start))
	}},
	{"month-end-start", "", isApplication, func(w *writer, d *draft) bool {
		d.start = w.pickDate([]string{"2011-01-31", "2016-08-31", "2015-12-31", "2013-03-31"})
		return w.setEnd(d, w.endDate(d.start))
	}},
	{"end-before-start", stemkn.CodeDates, isApplication, func(w *writer, d *draft) bool {
		d.tree.At("/plan").Set("endDate", Str(d.start.AddDays(-1).String()))
		return true
	}},
	{"offer-ends-the-day-it-starts", "", isOffer, func(w *writer, d *draft) bool { return w.setOfferDates(d, 0) }},
	{"offer-ends-before-it-starts", stemkn.CodeDates, isOffer, func(w *writer, d *draft) bool { return w.setOfferDates(d, -1) }},
	{"one-day-programme", "", func(w *writer, d *draft) bool { return isApplication(w, d) && w.s.Rules.Duration == nil }, func(w *writer, d *draft) bool {
		return w.setEnd(d, d.start)
	}},
	{"deadline-day", "", hasDeadline, func(w *writer, d *draft) bool { return w.setSubmitted(d, 0) }},
	{"deadline-day-after", stemkn.CodeDeadline, hasDeadline, func(w *writer, d *draft) bool { return w.setSubmitted(d, 1) }},
	{"min-institutions-exact", "", hasMinInstitutions, func(w *writer, d *draft) bool { return w.keepInstitutions(d, w.s.Rules.MinInstitutions.Min) }},
	{"min-institutions-minus-one", stemkn.CodeMinInstitutions, hasMinInstitutions, func(w *writer, d *draft) bool {
		return w.keepInstitutions(d, w.s.Rules.MinInstitutions.Min-1)
	}},
	{"countries-exact", "", hasCountries, func(w *writer, d *draft) bool { return w.setCountries(d, w.s.Rules.Countries.Min) }},
	{"countries-minus-one", stemkn.CodeMinCountries, hasCountries, func(w *writer, d *draft) bool { return w.setCountries(d, w.s.Rules.Countries.Min-1) }},
	{"subject-spread-exact", "", hasSpread, func(w *writer, d *draft) bool { return w.setSpread(d, w.s.Rules.SubjectSpread.Min) }},
	{"subject-spread-minus-one", stemkn.CodeSubjectSpread, hasSpread, func(w *writer, d *draft) bool {
		return w.setSpread(d, w.s.Rules.SubjectSpread.Min-1)
	}},
	{"commitment-withheld", stemkn.CodeCommitment, func(w *writer, d *draft) bool { return w.s.Rules.Commitments != nil && len(d.lines) > 0 }, func(w *writer, d *draft) bool {
		c := d.tree.At("/plan/commitments")
		c.Set(w.pick(w.s.Rules.Commitments.Required), Bool(false))
		return true
	}},
	{"no-funding", "", func(w *writer, d *draft) bool { return len(d.lines) > 0 && w.fundingOptional() }, func(w *writer, d *draft) bool {
		d.tree.Delete("funding")
		return true
	}},
	{"text-max-exact", "", anyDoc, func(w *writer, d *draft) bool { return w.textAtMax(d, 0) }},
	{"text-max-plus-one", stemkn.CodeMaxLength, anyDoc, func(w *writer, d *draft) bool { return w.textAtMax(d, 1) }},
	{"free-offer-one-penny", stemkn.CodeNotFree, hasFreeOffer, func(w *writer, d *draft) bool {
		return w.setOffer(d, w.s.Rules.FreeOffer.Kinds, func(o *Node) { o.Set("cost", Int(1)) })
	}},
	{"age-range-one-age", "", hasAgeRange, func(w *writer, d *draft) bool {
		return w.setOffer(d, w.s.Rules.AgeRange.Kinds, func(o *Node) { o.Set("ageRange", Obj("min", Int(16), "max", Int(16))) })
	}},
	{"age-range-all-ages", "", hasAgeRange, func(w *writer, d *draft) bool {
		return w.setOffer(d, w.s.Rules.AgeRange.Kinds, func(o *Node) { o.Set("ageRange", Obj("min", Int(0), "max", Int(120))) })
	}},
	{"age-range-inverted", stemkn.CodeAgeRange, hasAgeRange, func(w *writer, d *draft) bool {
		return w.setOffer(d, w.s.Rules.AgeRange.Kinds, func(o *Node) { o.Set("ageRange", Obj("min", Int(19), "max", Int(18))) })
	}},
	{"audience-outside", stemkn.CodeAudience, func(w *writer, d *draft) bool { return w.s.Rules.Audience != nil }, func(w *writer, d *draft) bool {
		ar := w.s.Rules.Audience
		var outside []string
		for _, a := range w.oneOf("/offer/audience/*") {
			if !slices.Contains(ar.Allowed, a) {
				outside = append(outside, a)
			}
		}
		if len(outside) == 0 {
			return false
		}
		return w.setOffer(d, ar.Kinds, func(o *Node) { o.Set("audience", Strs(ar.Allowed[0], w.pick(outside))) })
	}},
}

func anyDoc(*writer, *draft) bool            { return true }
func isApplication(w *writer, _ *draft) bool { return w.s.Kind != stemkn.KindOffer }
func isOffer(w *writer, _ *draft) bool       { return w.s.Kind == stemkn.KindOffer }

// setOfferDates gives the offer an end date days after its start date (a
// negative number: before it).
func (w *writer) setOfferDates(d *draft, days int) bool {
	o := d.tree.At("/offer")
	start, _ := eligibility.ParseDate("2024-03-04")
	if s := o.Get("startDate"); s != nil {
		if parsed, ok := eligibility.ParseDate(s.Text); ok {
			start = parsed
		}
	}
	o.Set("startDate", Str(start.String()))
	o.Set("endDate", Str(start.AddDays(days).String()))
	return true
}
func hasCap(w *writer, d *draft) bool {
	return len(d.lines) > 0 && (w.s.Rules.Cap != nil || w.s.Rules.MonthlyCap != nil)
}
func hasShare(w *writer, d *draft) bool    { return len(d.lines) > 0 && len(w.s.Rules.CategoryShares) > 0 }
func hasUnitCost(w *writer, d *draft) bool { return len(d.lines) > 0 && w.s.Rules.UnitCost != nil }
func hasDeadline(w *writer, _ *draft) bool { return w.s.Rules.Deadline != nil }
func hasCountries(w *writer, _ *draft) bool {
	return w.s.Rules.Countries != nil && w.s.Rules.Countries.Min > 1
}
func hasSpread(w *writer, _ *draft) bool {
	return w.s.Rules.SubjectSpread != nil && w.s.Rules.SubjectSpread.Min > 0
}
func hasFreeOffer(w *writer, _ *draft) bool { return w.s.Rules.FreeOffer != nil }
func hasAgeRange(w *writer, _ *draft) bool  { return w.s.Rules.AgeRange != nil }
func hasMinInstitutions(w *writer, _ *draft) bool {
	return w.s.Rules.MinInstitutions != nil && w.s.Rules.MinInstitutions.Min > 1
}

func durationRule(w *writer) *stemkn.DurationRule {
	if w.s.Kind == stemkn.KindOffer {
		return nil
	}
	return w.s.Rules.Duration
}

func minWeeks(w *writer, d *draft) bool {
	dr := durationRule(w)
	return dr != nil && dr.MinWeeks > 0 && (!dr.WhenFunded || len(d.lines) > 0)
}

func minMonths(w *writer, d *draft) bool {
	dr := durationRule(w)
	return dr != nil && dr.MinMonths > 0 && (!dr.WhenFunded || len(d.lines) > 0)
}

func maxMonths(w *writer, d *draft) bool {
	dr := durationRule(w)
	return dr != nil && dr.MaxMonths > 0 && (!dr.WhenFunded || len(d.lines) > 0)
}

func (w *writer) fundingOptional() bool {
	r := &w.s.Rules
	return r.FundingRequired == nil
}

// boundary applies one boundary that fits the scheme and the draft and
// returns its name and the code it should produce.
func (w *writer) boundary(d *draft) (string, stemkn.Code) {
	var fit []*boundary
	for i := range boundaries {
		if boundaries[i].applies(w, d) {
			fit = append(fit, &boundaries[i])
		}
	}
	w.r.Shuffle(len(fit), func(i, j int) { fit[i], fit[j] = fit[j], fit[i] })
	for _, b := range fit {
		if b.apply(w, d) {
			return b.name, b.want
		}
	}
	return "none", ""
}

// firstEndWithWholeMonths is the first end date at which a programme from
// start has lasted the given number of whole months (WholeMonths): the end
// of the shortest programme a minimum of months admits.
func firstEndWithWholeMonths(start eligibility.Date, months int) eligibility.Date {
	end := start.AddDays(max(0, months*28-3))
	for eligibility.WholeMonths(start, end) < months {
		end = end.AddDays(1)
	}
	return end
}

// firstEndWithMonths is the first end date at which a programme from start
// lasts the given number of months, counted as MonthsInclusive counts them.
func firstEndWithMonths(start eligibility.Date, months int) eligibility.Date {
	end := start.AddDays(max(0, (months-1)*28-3))
	for eligibility.MonthsInclusive(start, end) < months {
		end = end.AddDays(1)
	}
	return end
}

// setEnd moves the plan's dates and, since caps and allowances follow the
// programme's length, makes the budget again to fit.
func (w *writer) setEnd(d *draft, end eligibility.Date) bool {
	d.end = end
	plan := d.tree.At("/plan")
	plan.Set("startDate", Str(d.start.String()))
	plan.Set("endDate", Str(end.String()))
	plan.Set("activities", w.activities(d.start, d.end))
	w.refund(d)
	return true
}

func (w *writer) refund(d *draft) {
	if len(d.lines) == 0 {
		return
	}
	outputs := d.tree.At("/plan/outputs") != nil
	fund, lines := w.funding(d, d.institution, outputs)
	d.lines = lines
	d.tree.Set("funding", fund)
}

func (w *writer) total(d *draft) budget.Amount {
	var t budget.Amount
	for _, l := range d.lines {
		t += budget.Amount(l.Get("amount").IntValue())
	}
	return t
}

func (w *writer) limited(cat string) bool {
	r := &w.s.Rules
	return slices.ContainsFunc(r.CategoryShares, func(sh stemkn.ShareRule) bool { return sh.Category == cat }) ||
		r.UnitCost != nil && r.UnitCost.Category == cat
}

// setTotal makes the total exactly the cap plus extra, by changing a line
// whose category no share or unit cost limits.
func (w *writer) setTotal(d *draft, extra budget.Amount) bool {
	cap := w.cap(d)
	for _, l := range d.lines {
		if w.limited(l.Get("category").Text) {
			continue
		}
		a := budget.Amount(l.Get("amount").IntValue()) + cap + extra - w.total(d)
		if a < 1 {
			return false
		}
		l.Set("amount", Int(int64(a)))
		return true
	}
	return false
}

// setShare makes the first share-limited category exactly its largest
// share of the total, or one minor unit more.
func (w *writer) setShare(d *draft, extra budget.Amount) bool {
	sh := w.s.Rules.CategoryShares[0]
	var rest budget.Amount
	var keep []*Node
	var free *Node
	for _, l := range d.lines {
		if l.Get("category").Text == sh.Category {
			continue
		}
		keep = append(keep, l)
		rest += budget.Amount(l.Get("amount").IntValue())
		if free == nil && !w.limited(l.Get("category").Text) {
			free = l
		}
	}
	if free == nil || sh.MaxPercent <= 0 || sh.MaxPercent >= 100 {
		return false
	}
	// share = rest·p/(100−p) is exact when rest is a multiple of (100−p)/gcd(p, 100−p).
	step := budget.Amount((100 - sh.MaxPercent) / gcd(sh.MaxPercent, 100-sh.MaxPercent))
	fa := budget.Amount(free.Get("amount").IntValue())
	if trim := rest % step; fa-trim >= 1 {
		free.Set("amount", Int(int64(fa-trim)))
		rest -= trim
	} else {
		return false
	}
	share := rest * budget.Amount(sh.MaxPercent) / budget.Amount(100-sh.MaxPercent)
	if share < 1 || !budget.ShareWithin(share, rest+share, sh.MaxPercent) || budget.ShareWithin(share+1, rest+share+1, sh.MaxPercent) {
		return false
	}
	line := w.line(sh.Category, share+extra, d.institution)
	keep = append(keep, line)
	d.lines = keep
	d.tree.At("/funding").Set("lines", Arr(keep...))
	return w.total(d) <= w.cap(d)
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// setUnitCost makes the unit-cost category exactly its allowance, or one more.
func (w *writer) setUnitCost(d *draft, extra budget.Amount) bool {
	uc := w.s.Rules.UnitCost
	months := eligibility.MonthsInclusive(d.start, d.end)
	allowance, ok := budget.UnitCost{CoordinatorPerMonth: uc.CoordinatorPerMonth, PartnerPerMonth: uc.PartnerPerMonth,
		MaxOrganisations: uc.MaxOrganisations}.Allowance(months, len(d.institution))
	if !ok {
		return false
	}
	var keep []*Node
	for _, l := range d.lines {
		if l.Get("category").Text != uc.Category {
			keep = append(keep, l)
		}
	}
	keep = append(keep, w.line(uc.Category, allowance+extra, d.institution))
	d.lines = keep
	d.tree.At("/funding").Set("lines", Arr(keep...))
	if w.total(d) > w.cap(d) {
		// Make room under the cap from the other lines.
		over := w.total(d) - w.cap(d)
		for _, l := range keep[:len(keep)-1] {
			a := budget.Amount(l.Get("amount").IntValue())
			cut := min(over, a-1)
			l.Set("amount", Int(int64(a-cut)))
			over -= cut
		}
		if over > 0 {
			return false
		}
	}
	return true
}

func (w *writer) setSubmitted(d *draft, daysAfter int) bool {
	deadline, _ := eligibility.ParseDate(w.s.Rules.Deadline.Date)
	d.tree.Set("submittedOn", Str(deadline.AddDays(daysAfter).String()))
	return true
}

// keepInstitutions makes the network have n institutions that its
// minInstitutions rule counts (all of them, or those of its kinds besides
// the lead), moving the members of institutions it drops to the lead.
func (w *writer) keepInstitutions(d *draft, n int) bool {
	mi := w.s.Rules.MinInstitutions
	counts := func(i int, inst *Node) bool {
		return (mi == nil || !mi.OtherThanLead || i != 0) && (mi == nil || len(mi.Kinds) == 0 || slices.Contains(mi.Kinds, inst.Get("kind").Text))
	}
	if n < 1 && (mi == nil || !mi.OtherThanLead) {
		return false
	}
	keep, counted := d.institution[:1], 0
	if counts(0, keep[0]) {
		counted++
	}
	for i, inst := range d.institution[1:] {
		if counted < n && counts(i+1, inst) {
			keep = append(keep, inst)
			counted++
		}
	}
	for counted < n {
		used := map[string]bool{}
		for _, inst := range keep {
			used[inst.Get("id").Text] = true
		}
		country := keep[len(keep)-1].Get("country").Text
		inst := w.institution(len(keep), country, w.institutionRules(false, len(d.lines) > 0), used, w.countedKind())
		keep = append(keep, inst)
		counted++
	}
	d.institution = keep
	d.tree.At("/network").Set("institutions", Arr(d.institution...))
	lead := d.institution[0].Get("id").Text
	for _, m := range d.tree.At("/network/members").Items {
		id := m.Get("institution").Text
		if !slices.ContainsFunc(d.institution, func(i *Node) bool { return i.Get("id").Text == id }) {
			m.Set("institution", Str(lead))
		}
	}
	w.refund(d)
	return true
}

// countedKind is the kind of institution the minInstitutions rule counts,
// or "" when it counts every kind.
func (w *writer) countedKind() string {
	if mi := w.s.Rules.MinInstitutions; mi != nil && len(mi.Kinds) > 0 {
		return mi.Kinds[0]
	}
	return ""
}

// setCountries spreads the institutions over exactly n countries of the
// rule's list.
func (w *writer) setCountries(d *draft, n int) bool {
	if n < 1 || len(d.institution) < n {
		return false
	}
	var pool []string
	for _, c := range w.s.Rules.Countries.Countries {
		if c != "GB" {
			pool = append(pool, c)
		}
	}
	w.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	for i, inst := range d.institution {
		inst.Set("country", Str(pool[i%n]))
		for _, k := range []string{"subdivision", "urn", "ukprn", "establishmentType", "phase", "region", "postcode"} {
			inst.Delete(k)
		}
	}
	return true
}

// setSpread gives the members exactly n distinct STEM subjects.
func (w *writer) setSpread(d *draft, n int) bool {
	subjects := w.oneOf("/network/members/*/subjects/*")
	if n < 0 || n > len(subjects) {
		return false
	}
	pool := slices.Clone(subjects)
	w.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	pool = pool[:n]
	members := d.tree.At("/network/members").Items
	for i, m := range members {
		var mine []string
		for k, s := range pool {
			if k%len(members) == i || w.chance(20) {
				mine = append(mine, s)
			}
		}
		m.Set("subjects", Strs(mine...))
	}
	return true
}

// textAtMax fills a text field with exactly its longest length in code
// points, plus extra, using characters of several UTF-8 lengths so that
// bytes and code points differ.
func (w *writer) textAtMax(d *draft, extra int) bool {
	var candidates []Site
	for _, s := range d.tree.Sites() {
		f := w.fields[s.Pattern]
		if f != nil && f.Type == "string" && f.Max != nil && f.Format == "" && f.OneOf == nil && s.Node.Kind == String && freeText(f) {
			candidates = append(candidates, s)
		}
	}
	if len(candidates) == 0 {
		return false
	}
	s := candidates[w.r.IntN(len(candidates))]
	n := int(*w.fields[s.Pattern].Max) + extra
	s.Replace(Str(w.textOf(n)))
	return true
}

// textOf makes text of exactly n code points: letters, accents written as
// combining marks, right-to-left text, emoji and zero-width joiners.
func (w *writer) textOf(n int) string {
	var b strings.Builder
	pieces := []string{"a", "é", "e\u0301", "ß", "ش", "א", "😀", "👩\u200d🔬", "\u200b", " ", "中", "𝔘", "ﷺ"}
	count := 0
	// Start with a letter so the text is never blank.
	b.WriteString("A")
	count++
	for count < n {
		p := pieces[w.r.IntN(len(pieces))]
		if c := CodePoints(p); count+c <= n {
			b.WriteString(p)
			count += c
		}
	}
	return b.String()
}

// setOffer makes the offer one of the kinds, valid for that kind, and then
// changes it.
func (w *writer) setOffer(d *draft, kinds []string, change func(o *Node)) bool {
	o := d.tree.At("/offer")
	kind := w.pick(kinds)
	o.Set("kind", Str(kind))
	r := &w.s.Rules
	if r.FreeOffer != nil && slices.Contains(r.FreeOffer.Kinds, kind) {
		o.Delete("cost")
	}
	if r.Audience != nil && slices.Contains(r.Audience.Kinds, kind) {
		o.Set("audience", Strs(w.pick(r.Audience.Allowed)))
	}
	if r.AgeRange != nil && slices.Contains(r.AgeRange.Kinds, kind) && o.Get("ageRange") == nil {
		o.Set("ageRange", Obj("max", Int(99)))
	}
	change(o)
	return true
}

// freeText reports whether a text field is the applicant's own words, not
// an id, a reference to one or a scheme's vocabulary.
func freeText(f *Field) bool {
	switch f.Name() {
	case "scheme", "id", "lead", "institution", "category", "theme":
		return false
	}
	return true
}
