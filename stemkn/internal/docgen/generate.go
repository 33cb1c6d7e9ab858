package docgen

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// Case is one generated document.
type Case struct {
	// Scheme is the id of the scheme the document was made for.
	Scheme string
	// Name says how it was made: "valid", "boundary/cap-exact",
	// "mutate/wrong-type@/network/name", "text/truncate"…
	Name string
	// Judged is true when the generator knows what the validator must say:
	// valid documents and boundaries. Then Want is the code the document
	// must get as an error, or "" when it must be valid.
	Judged bool
	Want   stemkn.Code
	// Mode is the mode to validate it in.
	Mode stemkn.Mode
	// Tree is the document as a tree; nil when the text was broken after
	// writing (truncated, bad UTF-8), which no tree can hold.
	Tree *Node
	// JSON is the document's text.
	JSON []byte
}

// Generator makes reproducible corpora of documents.
type Generator struct {
	seed uint64
}

// New returns a generator; the same seed gives the same documents.
func New(seed uint64) *Generator { return &Generator{seed: seed} }

// Cases returns n documents for the scheme: about a quarter realistic and
// valid or at a boundary of one of the scheme's rules, the rest hostile
// variations. Each scheme has its own random stream, so adding a scheme to
// the catalogue does not change the documents of the others.
func (g *Generator) Cases(s *stemkn.Scheme, n int) []Case {
	h := fnv.New64a()
	h.Write([]byte(s.ID))
	w := newWriter(s, rand.New(rand.NewPCG(g.seed, h.Sum64())))
	out := make([]Case, 0, n)
	for len(out) < n {
		out = append(out, w.next())
	}
	return out
}

// Valid returns n realistic documents for the scheme that break none of its
// rules: every rule passes (advice aside).
func (g *Generator) Valid(s *stemkn.Scheme, n int) []*Node {
	h := fnv.New64a()
	h.Write([]byte("valid:" + s.ID))
	w := newWriter(s, rand.New(rand.NewPCG(g.seed, h.Sum64())))
	out := make([]*Node, n)
	for i := range out {
		out[i] = w.valid().tree
	}
	return out
}

// writer makes documents for one scheme.
type writer struct {
	s      *stemkn.Scheme
	r      *rand.Rand
	fields map[string]*Field
}

func newWriter(s *stemkn.Scheme, r *rand.Rand) *writer {
	kind := s.Kind
	if kind == "" {
		kind = stemkn.KindApplication
	}
	return &writer{s: s, r: r, fields: Fields(kind)}
}

func (w *writer) next() Case {
	mode := stemkn.Submit
	if w.r.IntN(5) == 0 {
		mode = stemkn.Draft
	}
	c := Case{Scheme: w.s.ID, Mode: mode}
	switch k := w.r.IntN(100); {
	case k < 12:
		d := w.valid()
		c.Name, c.Tree, c.Judged = "valid", d.tree, true
	case k < 27:
		d := w.valid()
		name, want := w.boundary(d)
		c.Name, c.Tree, c.Judged, c.Want = "boundary/"+name, d.tree, true, want
	case k < 88:
		d := w.valid()
		var names []string
		for range 1 + w.r.IntN(3) {
			names = append(names, w.mutate(d.tree))
		}
		c.Name, c.Tree = "mutate/"+strings.Join(names, "+"), d.tree
	default:
		d := w.valid()
		name, text := w.breakText(d.tree.JSON())
		c.Name, c.JSON = "text/"+name, text
	}
	if c.Tree != nil {
		c.JSON = c.Tree.JSON()
	}
	return c
}

// draft is a valid document being built, with what the boundaries need to
// know about it.
type draft struct {
	tree        *Node
	start, end  eligibility.Date
	institution []*Node
	lines       []*Node
}

func (w *writer) pick(list []string) string { return list[w.r.IntN(len(list))] }

func (w *writer) chance(percent int) bool { return w.r.IntN(100) < percent }

func (w *writer) oneOf(pattern string) []string {
	if f := w.fields[pattern]; f != nil && len(f.OneOf) > 0 {
		return f.OneOf
	}
	panic("docgen: no vocabulary at " + pattern)
}

func (w *writer) valid() *draft {
	if w.s.Kind == stemkn.KindOffer {
		return w.offer()
	}
	return w.application()
}

// ---- applications ----

func (w *writer) application() *draft {
	s, r := w.s, &w.s.Rules
	d := &draft{}
	submitted := w.submittedOn()
	d.start = submitted.AddDays(14 + w.r.IntN(90))
	if w.chance(8) {
		d.start = w.pickDate(trickyStarts)
	}
	d.end = w.endDate(d.start)

	network := Obj("name", Str(w.networkName()))
	if r.AreaOfInterest != nil || w.chance(60) {
		network.Add("areaOfInterest", Str(w.pick(areaPhrases)))
	}
	if len(s.Themes) > 0 {
		network.Add("theme", Str(s.Themes[w.r.IntN(len(s.Themes))].ID))
	}
	if r.LocalIssue != nil || w.chance(10) {
		network.Add("localIssue", Str(w.pick(localIssues)))
	}
	funded := w.wantsFunding()
	insts := w.institutions(funded)
	d.institution = insts
	lead := insts[0].Get("id").Text
	network.Add("lead", Str(lead))
	network.Add("institutions", Arr(insts...))
	network.Add("members", w.members(insts))
	if w.chance(35) {
		network.Add("partners", w.partners())
	}

	plan, outputs := w.plan(d, funded)

	doc := Obj("scheme", Str(s.ID))
	if r.Deadline != nil || w.chance(70) {
		doc.Add("submittedOn", Str(submitted.String()))
	}
	doc.Add("network", network).Add("plan", plan)
	if funded {
		fund, lines := w.funding(d, insts, outputs)
		d.lines = lines
		doc.Add("funding", fund)
	}
	doc.Add("contact", w.contact())
	if w.chance(30) {
		shuffleMembers(w.r, doc)
	}
	d.tree = doc
	return d
}

// plan makes the draft's plan: its dates, reflection, activities, outputs
// (outputs says whether it has them), strands and commitments.
func (w *writer) plan(d *draft, funded bool) (plan *Node, outputs bool) {
	r := &w.s.Rules
	plan = Obj("startDate", Str(d.start.String()), "endDate", Str(d.end.String()))
	if r.Reflection != nil || w.chance(50) {
		plan.Add("reflection", Str(w.pick(reflections)))
	}
	plan.Add("activities", w.activities(d.start, d.end))
	outputs = r.Outputs != nil || w.chance(10)
	if outputs {
		plan.Add("outputs", w.outputs())
	}
	if r.Strands != nil || w.chance(20) {
		plan.Add("strands", w.strands())
	}
	plan.Add("commitments", w.commitments(funded))
	return plan, outputs
}

func (w *writer) wantsFunding() bool {
	r := &w.s.Rules
	switch {
	case w.s.Currency == "":
		return false
	case r.FundingRequired != nil, r.Cap != nil && w.chance(85), r.MonthlyCap != nil:
		return true
	}
	return w.chance(60)
}

func (w *writer) submittedOn() eligibility.Date {
	if dl := w.s.Rules.Deadline; dl != nil {
		d, _ := eligibility.ParseDate(dl.Date)
		return d.AddDays(-w.r.IntN(60))
	}
	return eligibility.Date{Year: 2010 + w.r.IntN(15), Month: 1 + w.r.IntN(12), Day: 1 + w.r.IntN(28)}
}

var trickyStarts = []string{"2012-02-29", "2011-01-31", "2016-09-01", "2011-12-31", "2016-02-29", "2011-02-28", "2015-03-31", "2012-08-31"}

func (w *writer) pickDate(list []string) eligibility.Date {
	d, _ := eligibility.ParseDate(w.pick(list))
	return d
}

// endDate picks an end date that meets the scheme's duration rule.
func (w *writer) endDate(start eligibility.Date) eligibility.Date {
	dr := w.s.Rules.Duration
	lo, hi := 0, 400
	if dr != nil {
		lo = max(lo, dr.MinWeeks*7-1, dr.MinMonths*28)
		if dr.MaxMonths > 0 {
			hi = dr.MaxMonths * 30
		} else {
			hi = lo + 400
		}
	}
	for range 50 {
		end := start.AddDays(lo + w.r.IntN(hi-lo+1))
		if durationOK(dr, start, end) {
			return end
		}
	}
	panic("docgen: no end date meets the duration rule of " + w.s.ID)
}

func durationOK(dr *stemkn.DurationRule, start, end eligibility.Date) bool {
	if dr == nil {
		return true
	}
	// As the rule counts: whole weeks and whole months for a minimum, a
	// started month counting whole for the maximum.
	weeks := eligibility.WeeksInclusive(start, end)
	whole, started := eligibility.WholeMonths(start, end), eligibility.MonthsInclusive(start, end)
	return (dr.MinWeeks == 0 || weeks >= dr.MinWeeks) && (dr.MinMonths == 0 || whole >= dr.MinMonths) &&
		(dr.MaxMonths == 0 || started <= dr.MaxMonths)
}

// institutions makes the network's institutions, the lead first, meeting
// the scheme's institution, count, country and identifier rules.
func (w *writer) institutions(funded bool) []*Node {
	r := &w.s.Rules
	n := 1 + w.r.IntN(4)
	counted := 0 // institutions of the kind minInstitutions counts, besides the lead
	if mi := r.MinInstitutions; mi != nil {
		need := mi.Min
		if mi.OtherThanLead {
			need++
		}
		n = max(n, need+w.r.IntN(4))
		if len(mi.Kinds) > 0 {
			counted = mi.Min
		}
	}
	if r.Countries != nil {
		n = max(n, r.Countries.Min+w.r.IntN(3))
	}
	if w.chance(3) {
		n = max(n, 20) // a Hemel-sized partnership
	}
	var countries []string
	if r.Countries != nil {
		pool := r.Countries.Countries
		if len(pool) == 0 {
			pool = europe
		}
		countries = slices.Clone(pool)
		w.r.Shuffle(len(countries), func(i, j int) { countries[i], countries[j] = countries[j], countries[i] })
	}
	out := make([]*Node, n)
	used := map[string]bool{}
	for i := range out {
		country := "GB"
		if countries != nil {
			if i < len(countries) && i < r.Countries.Min+1 {
				country = countries[i]
			} else {
				country = w.pick(countries)
			}
		}
		kind := ""
		if i >= 1 && i <= counted {
			kind = w.countedKind()
		}
		out[i] = w.institution(i, country, w.institutionRules(i == 0, funded), used, kind)
	}
	return out
}

// institutionRules are the institution rules that judge the i-th
// institution of a valid document (the lead is the 0th; budget lines of
// valid documents name only the lead).
func (w *writer) institutionRules(lead, funded bool) []*stemkn.InstitutionRule {
	var out []*stemkn.InstitutionRule
	for i := range w.s.Rules.Institutions {
		ir := &w.s.Rules.Institutions[i]
		if ir.WhenFunded && !funded {
			continue
		}
		if ir.Applies == "all" || ir.Applies == "others" && !lead || ir.Applies != "others" && lead {
			out = append(out, ir)
		}
	}
	return out
}

// admission is what every one of an institution's rules admits.
type admission struct {
	englandOnly bool                // some rule admits England only
	outsideOK   bool                // every rule admits state-funded institutions outside England
	classes     []eligibility.Class // the GIAS classes all admit; nil when none judges the class
	phases      []string            // the phases all admit (admittedPhases)
}

// admission is what rules admit, and a kind of institution they all admit:
// kind, when they do, else one of theirs.
func (w *writer) admission(rules []*stemkn.InstitutionRule, kind string) (string, admission) {
	a := admission{outsideOK: true, phases: admittedPhases(rules)}
	for _, ir := range rules {
		if len(ir.Kinds) > 0 && !slices.Contains(ir.Kinds, kind) {
			kind = ir.Kinds[w.r.IntN(len(ir.Kinds))]
		}
		a.englandOnly = a.englandOnly || ir.EnglandOnly
		a.outsideOK = a.outsideOK && ir.StateFundedOutsideEngland
		switch {
		case len(ir.Classes) == 0: // the rule does not judge the class
		case a.classes == nil:
			a.classes = ir.Classes
		default:
			a.classes = intersect(a.classes, ir.Classes)
		}
	}
	return kind, a
}

// institution makes the i-th institution, admitted by rules; kind, when
// not "", is its kind.
func (w *writer) institution(i int, country string, rules []*stemkn.InstitutionRule, used map[string]bool, kind string) *Node {
	if kind == "" {
		kinds := w.oneOf("/network/institutions/*/kind")
		kind = w.pick([]string{"school", "school", "school", "college", w.pick(kinds)})
	}
	kind, admits := w.admission(rules, kind)
	if w.s.Rules.Countries != nil && !slices.Contains([]string{"school", "college", "university", "pd-centre"}, kind) {
		kind = w.pick([]string{"pd-centre", "university", "school"})
	}
	subdivision := ""
	if country == "GB" {
		subdivision = "GB-ENG"
		if !admits.englandOnly && (len(rules) == 0 || admits.outsideOK) && w.chance(12) {
			subdivision = w.pick([]string{"GB-SCT", "GB-WLS", "GB-NIR"})
		}
	}
	id := w.institutionID(i, used)
	name := w.institutionName(kind)
	inst := Obj("id", Str(id), "name", Str(name), "kind", Str(kind), "country", Str(country))
	if subdivision != "" {
		inst.Add("subdivision", Str(subdivision))
	}
	inEngland := subdivision == "GB-ENG"
	if inEngland && (kind == "school" || kind == "college") {
		inst.Add("urn", Str(w.digits("1", 6)))
		if kind == "college" {
			inst.Add("ukprn", Str(w.digits("1", 8)))
		}
		inst.Add("establishmentType", Str(w.establishmentType(kind, admits.classes)))
		inst.Add("phase", Str(w.phase(kind, admits.phases)))
		inst.Add("region", Str(w.pick(regionSlugs)))
	} else if !inEngland && (len(rules) > 0 && admits.outsideOK || w.chance(50)) {
		inst.Add("stateFunded", Bool(len(rules) > 0 || w.chance(70)))
	}
	if admits.phases != nil && inst.Get("phase") == nil {
		inst.Add("phase", Str(w.phase(kind, admits.phases))) // a rule judges it, wherever the institution is
	}
	if w.needsPIC() {
		inst.Add("pic", Str(w.digits("9", 9)))
	}
	if country == "GB" && w.chance(40) {
		inst.Add("postcode", Str(w.postcode()))
	}
	return inst
}

func (w *writer) needsPIC() bool {
	ir := w.s.Rules.Identifiers
	return ir != nil && slices.Contains(ir.Required, "pic") || w.s.Rules.Countries != nil
}

func intersect(a, b []eligibility.Class) []eligibility.Class {
	var out []eligibility.Class
	for _, c := range a {
		if slices.Contains(b, c) {
			out = append(out, c)
		}
	}
	return out
}

func (w *writer) institutionID(i int, used map[string]bool) string {
	for {
		id := w.pick(idStems)
		if i > 0 || w.chance(50) {
			id += "-" + strconv.Itoa(i+1)
		}
		if !used[id] {
			used[id] = true
			return id
		}
	}
}

// establishmentType picks a GIAS type for a school or college in the
// classes (any class when classes is nil).
func (w *writer) establishmentType(kind string, classes []eligibility.Class) string {
	var pool []string
	for _, t := range eligibility.EstablishmentTypes() {
		cls := eligibility.ClassesOf(t.Slug)
		if len(cls) == 0 || (kind == "college") != slices.Contains(cls, eligibility.College) {
			continue
		}
		if classes == nil || eligibility.InClass(t.Slug, classes) {
			pool = append(pool, t.Slug)
		}
	}
	if len(pool) == 0 {
		panic("docgen: no establishment type of kind " + kind + " in the classes of " + w.s.ID)
	}
	return w.pick(pool)
}

// phase is a GIAS phase for an institution of the kind; when admitted is
// not nil (a rule judges the phase), one of those.
func (w *writer) phase(kind string, admitted []string) string {
	if admitted != nil {
		return w.pick(admitted)
	}
	if kind == "college" {
		return w.pick([]string{"16-plus", "not-applicable"})
	}
	return w.pick([]string{"primary", "primary", "secondary", "secondary", "nursery", "middle-deemed-primary", "middle-deemed-secondary", "all-through", "16-plus"})
}

// admittedPhases are the GIAS phases every one of rules admits (one of its
// phases, or of one of its phase groups), in eligibility.Phases' order; nil
// when no rule judges the phase, or when no phase meets them all (then no
// document with the institution is valid, whatever its phase).
func admittedPhases(rules []*stemkn.InstitutionRule) []string {
	var out []string
	judged := false
	for _, ir := range rules {
		judged = judged || len(ir.Phases) > 0 || len(ir.PhaseGroups) > 0
	}
	if !judged {
		return nil
	}
	for _, p := range eligibility.Phases() {
		admitted := true
		for _, ir := range rules {
			admitted = admitted && eligibility.InstitutionRule{Phases: ir.Phases, PhaseGroups: ir.PhaseGroups}.AdmitsPhase(p)
		}
		if admitted {
			out = append(out, p)
		}
	}
	return out
}

func (w *writer) digits(first string, n int) string {
	b := []byte(first)
	if first == "9" {
		b = []byte{byte('1' + w.r.IntN(9))}
	}
	for len(b) < n {
		b = append(b, byte('0'+w.r.IntN(10)))
	}
	return string(b)
}

func (w *writer) postcode() string {
	n := 1 + w.r.IntN(20)
	out := w.pick([]string{"LS", "M", "B", "HP", "SW", "E", "NE", "CB", "OX", "S"}) + strconv.Itoa(n)
	if n < 10 && w.chance(15) { // SW1A: a letter after a one-digit district
		out += string(rune('A' + w.r.IntN(8)))
	}
	return out + " " + strconv.Itoa(w.r.IntN(10)) + string(rune('A'+w.r.IntN(26))) + string(rune('A'+w.r.IntN(26)))
}

func (w *writer) members(insts []*Node) *Node {
	r := &w.s.Rules
	n := 2 + w.r.IntN(6)
	if w.chance(10) {
		n = 1
	}
	spread := 1
	if r.SubjectSpread != nil {
		spread = r.SubjectSpread.Min
	}
	subjects := w.oneOf("/network/members/*/subjects/*")
	wanted := slices.Clone(subjects)
	w.r.Shuffle(len(wanted), func(i, j int) { wanted[i], wanted[j] = wanted[j], wanted[i] })
	wanted = wanted[:spread]
	if w.s.Rules.Mathematics != nil && w.chance(85) && !slices.Contains(wanted, "mathematics") {
		wanted = append(wanted, "mathematics")
	}
	roles := w.oneOf("/network/members/*/role")
	list := Arr()
	for i := range n {
		first, last := w.pick(firstNames), w.pick(surnames)
		inst := insts[w.r.IntN(len(insts))]
		m := Obj("name", Str(first+" "+last))
		if w.chance(85) {
			m.Add("email", Str(emailFor(first, last, inst.Get("id").Text)))
		}
		role := "coordinator"
		if i > 0 {
			role = w.pick(roles)
		}
		m.Add("role", Str(role))
		// The subjects the scheme needs are spread over the first members.
		var mine []string
		for k, s := range wanted {
			if k%n == i {
				mine = append(mine, s)
			}
		}
		for _, s := range subjects {
			if w.chance(15) && !slices.Contains(mine, s) {
				mine = append(mine, s)
			}
		}
		if len(mine) > 0 || w.chance(50) {
			m.Add("subjects", Strs(mine...))
		}
		m.Add("institution", Str(inst.Get("id").Text))
		list.Items = append(list.Items, m)
	}
	return list
}

func emailFor(first, last, domain string) string {
	local := strings.ToLower(asciiOnly(first)[:1] + "." + asciiOnly(last))
	return local + "@" + strings.ToLower(asciiOnly(domain)) + ".example.org"
}

// asciiOnly keeps the letters of s an email's local part can take.
func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func (w *writer) partners() *Node {
	kinds := w.oneOf("/network/partners/*/kind")
	list := Arr()
	for range 1 + w.r.IntN(2) {
		p := Obj("name", Str(w.pick(partnerNames)), "kind", Str(w.pick(kinds)))
		if w.chance(60) {
			p.Add("contribution", Str(w.pick(contributions)))
		}
		list.Items = append(list.Items, p)
	}
	return list
}

func (w *writer) activities(start, end eligibility.Date) *Node {
	kinds := w.oneOf("/plan/activities/*/kind")
	var needed []string
	if ar := w.s.Rules.Activities; ar != nil {
		for _, need := range ar.Needs {
			needed = append(needed, need.Kinds[w.r.IntN(len(need.Kinds))])
		}
	}
	n := max(len(needed), 1+w.r.IntN(5))
	days := eligibility.DaysInclusive(start, end)
	list := Arr()
	for i := range n {
		kind := w.pick(kinds)
		if i < len(needed) {
			kind = needed[i]
		}
		a := Obj("title", Str(w.pick(activityTitles)), "kind", Str(kind))
		if w.chance(70) {
			a.Add("date", Str(start.AddDays(w.r.IntN(max(days, 1))).String()))
		}
		list.Items = append(list.Items, a)
	}
	return list
}

func (w *writer) outputs() *Node {
	kinds := w.oneOf("/plan/outputs/*/kind")
	min := 1
	if w.s.Rules.Outputs != nil {
		min = w.s.Rules.Outputs.Min
	}
	list := Arr()
	for range min + w.r.IntN(4) {
		k := w.pick(kinds)
		list.Items = append(list.Items, Obj("title", Str(outputTitle(k)), "kind", Str(k)))
	}
	return list
}

// strands names each strand of work the scheme's strands rule lists (or a
// few of the vocabulary's), in an order of their own.
func (w *writer) strands() *Node {
	list := Arr()
	if sr := w.s.Rules.Strands; sr != nil {
		for _, k := range w.r.Perm(len(sr.Strands)) {
			list.Items = append(list.Items, Obj("title", Str(sr.Strands[k].Title), "kind", Str(sr.Strands[k].ID)))
		}
		return list
	}
	for range 1 + w.r.IntN(3) {
		k := w.pick(w.oneOf("/plan/strands/*/kind"))
		list.Items = append(list.Items, Obj("title", Str(outputTitle(k)), "kind", Str(k)))
	}
	return list
}

func outputTitle(kind string) string {
	return strings.ToUpper(kind[:1]) + strings.ReplaceAll(kind[1:], "-", " ") + " for STEM PD centres"
}

func (w *writer) commitments(funded bool) *Node {
	c := Obj()
	all := w.s.Rules.Commitments != nil && (funded || !w.s.Rules.Commitments.WhenFunded) || w.chance(30)
	for _, f := range Root(stemkn.KindApplication).Child("plan").Child("commitments").Children {
		if all || w.chance(40) {
			c.Add(f.Name(), Bool(true))
		} else if w.chance(20) {
			c.Add(f.Name(), Bool(false))
		}
	}
	return c
}

// funding makes budget lines within every money rule of the scheme: the
// cap (fixed or by month), category shares, unit costs, and categories that
// need intellectual outputs.
func (w *writer) funding(d *draft, insts []*Node, outputs bool) (*Node, []*Node) {
	s, r := w.s, &w.s.Rules
	cap := w.cap(d)
	free, shared := w.fundingCategories(outputs)
	// The share-limited categories take at most p/(100-p) of the rest.
	minPct := int64(100)
	for _, sh := range r.CategoryShares {
		if slices.Contains(shared, sh.Category) {
			minPct = min(minPct, sh.MaxPercent)
		}
	}
	restCap := cap
	if len(shared) > 0 && minPct < 100 {
		restCap = cap * budget.Amount(100-minPct) / 100
	}
	unitAllowance := w.unitAllowance(d, len(insts))
	nFree := 1 + w.r.IntN(min(4, len(free)))
	target := w.amountUpTo(restCap)
	if target < budget.Amount(nFree) {
		target = budget.Amount(nFree)
	}
	var lines []*Node
	var rest budget.Amount
	cats := slices.Clone(free)
	w.r.Shuffle(len(cats), func(i, j int) { cats[i], cats[j] = cats[j], cats[i] })
	for i := range nFree {
		cat := cats[i%len(cats)]
		a := target / budget.Amount(nFree)
		if r.UnitCost != nil && cat == r.UnitCost.Category && a > unitAllowance {
			a = unitAllowance
		}
		if a < 1 {
			continue
		}
		a = w.roundDown(a)
		rest += a
		lines = append(lines, w.line(cat, a, insts))
	}
	for _, cat := range shared {
		if w.chance(30) || rest == 0 {
			continue
		}
		limit := rest * budget.Amount(minPct) / budget.Amount(100-minPct)
		if limit < 1 {
			continue
		}
		a := w.roundDown(1 + budget.Amount(w.r.Int64N(int64(limit))))
		if a < 1 {
			continue
		}
		lines = append(lines, w.line(cat, a, insts))
		rest += a // the next shared category sees this one in the total
	}
	if len(lines) == 0 {
		lines = append(lines, w.line(free[0], 1, insts))
	}
	w.r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return Obj("currency", Str(s.Currency), "lines", Arr(lines...)), lines
}

// fundingCategories are the categories a valid budget may use: those
// without a share limit (free) and with one (shared), leaving out those
// that need intellectual outputs when the plan has none.
func (w *writer) fundingCategories(outputs bool) (free, shared []string) {
	r := &w.s.Rules
	for _, c := range w.s.Categories {
		if !outputs && slices.ContainsFunc(r.CategoryNeeds, func(n stemkn.CategoryNeedRule) bool { return n.Category == c.ID }) {
			continue
		}
		if slices.ContainsFunc(r.CategoryShares, func(sh stemkn.ShareRule) bool { return sh.Category == c.ID }) {
			shared = append(shared, c.ID)
		} else {
			free = append(free, c.ID)
		}
	}
	if len(w.s.Categories) == 0 {
		free = []string{"other", "travel", "resources"}
	}
	return free, shared
}

// unitAllowance is the scheme's unit-cost allowance for the draft's
// months and organisations, or -1 when it has none.
func (w *writer) unitAllowance(d *draft, organisations int) budget.Amount {
	uc := w.s.Rules.UnitCost
	if uc == nil {
		return -1
	}
	a, _ := budget.UnitCost{CoordinatorPerMonth: uc.CoordinatorPerMonth, PartnerPerMonth: uc.PartnerPerMonth,
		MaxOrganisations: uc.MaxOrganisations}.Allowance(eligibility.MonthsInclusive(d.start, d.end), organisations)
	return a
}

// cap is the most the scheme allows the draft to ask for.
func (w *writer) cap(d *draft) budget.Amount {
	r := &w.s.Rules
	cap := budget.Amount(-1)
	if r.Cap != nil {
		cap = r.Cap.Amount
	}
	if mc := r.MonthlyCap; mc != nil {
		months := eligibility.MonthsInclusive(d.start, d.end)
		monthly := budget.MonthlyCap{PerMonth: mc.PerMonth, Ceiling: mc.Ceiling}.For(months)
		if cap < 0 || monthly < cap {
			cap = monthly
		}
	}
	if cap < 0 {
		return 5_000_000 // no cap: ask for amounts of the size schemes give
	}
	return cap
}

func (w *writer) amountUpTo(cap budget.Amount) budget.Amount {
	if cap < 100 {
		return cap
	}
	return cap/10 + budget.Amount(w.r.Int64N(int64(cap-cap/10)))
}

// roundDown rounds most amounts to whole pounds or tens of pounds, as
// people ask for money, and leaves some with pence.
func (w *writer) roundDown(a budget.Amount) budget.Amount {
	switch k := w.r.IntN(10); {
	case k < 4 && a >= 1000:
		return a / 1000 * 1000
	case k < 8 && a >= 100:
		return a / 100 * 100
	}
	return a
}

func (w *writer) line(cat string, a budget.Amount, insts []*Node) *Node {
	l := Obj("category", Str(cat))
	if w.chance(80) {
		l.Add("description", Str(w.pick(lineDescriptions)))
	}
	l.Add("amount", Int(int64(a)))
	if w.chance(25) {
		l.Add("institution", Str(insts[0].Get("id").Text))
	}
	return l
}

func (w *writer) contact() *Node {
	first, last := w.pick(firstNames), w.pick(surnames)
	c := Obj("name", Str(first+" "+last), "email", Str(emailFor(first, last, "contact")))
	if w.chance(40) {
		c.Add("phone", Str("0"+w.digits("1", 10)))
	}
	return c
}

func (w *writer) networkName() string {
	return w.pick(places) + " " + w.pick(networkWords)
}

func (w *writer) institutionName(kind string) string {
	place := w.pick(places)
	switch kind {
	case "school":
		return place + " " + w.pick([]string{"Primary School", "Community School", "High School", "Academy", "C of E Primary School", "School"})
	case "college":
		return place + " " + w.pick([]string{"College", "Sixth Form College", "College of Further Education"})
	case "university":
		return "University of " + place
	case "pd-centre":
		return place + " STEM Professional Development Centre"
	}
	return place + " " + w.pick([]string{"Engineering Ltd", "Science Trust", "Learning Partnership"})
}

// ---- offers ----

func (w *writer) offer() *draft {
	r := &w.s.Rules
	kinds := w.oneOf("/offer/kind")
	kind := w.pick(kinds)
	employer := Obj("name", Str(w.pick(places)+" "+w.pick([]string{"Engineering Ltd", "Aerospace plc", "Water Services", "Robotics Ltd", "Labs"})))
	if w.chance(70) {
		if w.chance(20) {
			employer.Add("companyNumber", Str(w.pick([]string{"SC", "NI", "OC"})+w.digits("0", 6)))
		} else {
			employer.Add("companyNumber", Str(w.digits("0", 8)))
		}
	}
	o := Obj("employer", employer, "kind", Str(kind), "format", Str(w.pick(w.oneOf("/offer/format"))),
		"title", Str(w.pick(offerTitles)))
	if w.chance(70) {
		o.Add("description", Str(w.pick(offerDescriptions)))
	}
	audiences := w.oneOf("/offer/audience/*")
	if ar := r.Audience; ar != nil && slices.Contains(ar.Kinds, kind) {
		audiences = ar.Allowed
	}
	pool := slices.Clone(audiences)
	w.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	o.Add("audience", Strs(pool[:1+w.r.IntN(len(pool))]...))
	free := r.FreeOffer != nil && slices.Contains(r.FreeOffer.Kinds, kind)
	switch {
	case free && w.chance(50):
		o.Add("cost", Int(0))
	case !free && w.chance(60):
		o.Add("cost", Int(int64(w.roundDown(budget.Amount(w.r.Int64N(50000))))))
	}
	if r.AgeRange != nil && slices.Contains(r.AgeRange.Kinds, kind) || w.chance(20) {
		lo := []int64{0, 14, 16, 16, 18, 19}[w.r.IntN(6)]
		hi := lo + 1 + w.r.Int64N(120-lo)
		age := Obj()
		if lo > 0 || w.chance(50) {
			age.Add("min", Int(lo))
		}
		age.Add("max", Int(hi))
		o.Add("ageRange", age)
	}
	start := eligibility.Date{Year: 2012 + w.r.IntN(12), Month: 1 + w.r.IntN(12), Day: 1 + w.r.IntN(28)}
	if w.chance(60) {
		o.Add("startDate", Str(start.String()))
		if w.chance(70) {
			o.Add("endDate", Str(start.AddDays(w.r.IntN(365)).String()))
		}
	}
	if w.chance(60) {
		o.Add("postcode", Str(w.postcode()))
	}
	return &draft{tree: Obj("scheme", Str(w.s.ID), "offer", o)}
}

// shuffleMembers reorders the members of a few objects: JSON objects are
// unordered, and findings must not depend on the order fields come in.
func shuffleMembers(r *rand.Rand, n *Node) {
	for _, s := range n.Sites() {
		if v := s.Node; v.Kind == Object && r.IntN(3) == 0 {
			r.Shuffle(len(v.Keys), func(i, j int) {
				v.Keys[i], v.Keys[j] = v.Keys[j], v.Keys[i]
				v.Vals[i], v.Vals[j] = v.Vals[j], v.Vals[i]
			})
		}
	}
}

var regionSlugs = func() []string {
	var out []string
	for _, r := range eligibility.Regions() {
		out = append(out, r.Slug)
	}
	return out
}()

var europe = []string{"FR", "DE", "IE", "NL", "ES", "IT", "PL", "SE", "FI", "PT"}
