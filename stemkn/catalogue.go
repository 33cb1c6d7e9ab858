package stemkn

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/internal/jsonreflect"
	"github.com/stemkn/stemkn/internal/jsonscan"
)

// The built-in catalogue is data: one scheme file per programme of the
// source documents, in schemes/, each with its own test cases
// (Validator.RunTests, `stemkn test`). The files are not read at run time:
// internal/schemegen loads them through the strict loader (Catalogue.Load)
// and writes what it reads as Go data, schemes.gen.go, and a catalogue
// starts from copies of that data (builtinSchemeData, copyScheme). The
// tests hold the data to the loader's reading of the files and to being up
// to date, and each catalogue's copies to sharing nothing.

//go:generate go run -tags stemkn_noschemes ./internal/schemegen

// builtinOrder are the built-in schemes in the order `stemkn schemes` lists
// them; each is the file schemes/ID.json.
var builtinOrder = []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange"}

// Catalogue is a set of schemes by id: the built-in ones and any loaded from
// files. It is safe for concurrent use: Load may add or replace schemes
// while validators read it, and a Validator judges by the schemes it holds
// at the time (see NewValidator).
type Catalogue struct {
	mu sync.RWMutex
	// schemes are the schemes by id. A built-in scheme not asked for yet is
	// nil here: it is copied from the generated data when it first is, so
	// a page that uses one scheme copies one.
	schemes map[string]*Scheme
	order   []string
}

// NewCatalogue returns a catalogue holding the built-in schemes. Each is
// a copy of its own of the generated data, made when the scheme is first
// asked for (Scheme, Schemes, or a loaded file that extends it), so that
// changing one catalogue's schemes changes no other. Nothing is decoded:
// the widget makes a catalogue as it starts.
//
//go:noinline
func NewCatalogue() *Catalogue {
	// Not inlined: at each of its callers it was 2.3 KB of WebAssembly.
	c := &Catalogue{schemes: make(map[string]*Scheme, len(builtinOrder)), order: make([]string, 0, len(builtinOrder))}
	for _, id := range builtinOrder {
		if builtinSchemeData(id) != nil { // nil in the generator's own build, which has no data
			c.schemes[id] = nil
			c.order = append(c.order, id)
		}
	}
	return c
}

// builtin is the scheme id, copied from the generated data first if it is
// a built-in scheme not asked for yet. c.mu must be held for writing.
func (c *Catalogue) builtin(id string) *Scheme {
	s := c.schemes[id]
	if s == nil {
		s = copyScheme(builtinSchemeData(id))
		c.schemes[id] = s
	}
	return s
}

// Scheme returns the scheme with the id.
func (c *Catalogue) Scheme(id string) (*Scheme, bool) {
	c.mu.RLock()
	s, ok := c.schemes[id]
	c.mu.RUnlock()
	if s != nil || !ok {
		return s, ok
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.builtin(id), true
}

// Schemes lists the schemes in the order they were added (the built-in
// ones first).
func (c *Catalogue) Schemes() []*Scheme {
	c.mu.Lock() // it may copy built-in schemes
	defer c.mu.Unlock()
	out := make([]*Scheme, len(c.order))
	for i, id := range c.order {
		out[i] = c.builtin(id)
	}
	return out
}

// copyScheme returns a copy of s that shares no memory with it: every
// pointer and slice it holds is made anew, and what they point to and
// hold, to every depth (strings, which cannot be changed, are shared). It
// goes by reflection, so a field added to a scheme's types is copied with
// no change here; a kind it cannot copy (a map, an interface) panics, as
// every catalogue made in the tests would show.
func copyScheme(s *Scheme) *Scheme {
	return deepCopy(reflect.ValueOf(s)).Interface().(*Scheme)
}

// deepCopy is copyScheme for any value of a scheme's types.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		if v.Type().Elem().Kind() == reflect.Uint8 { // a test case's document
			c := reflect.New(v.Type()).Elem()
			c.SetBytes(bytes.Clone(v.Bytes()))
			return c
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if f := v.Field(i); !plain(f.Kind()) {
				c.Field(i).Set(deepCopy(f))
			}
		}
		return c
	}
	if !plain(v.Kind()) {
		panic("stemkn: copyScheme cannot copy a " + v.Kind().String() + " (" + v.Type().String() + ")")
	}
	return v
}

// plain says whether a value of the kind is copied whole by assigning it: a
// bool, a number or a string.
func plain(k reflect.Kind) bool {
	return k == reflect.String || (k >= reflect.Bool && k <= reflect.Complex128)
}

// SchemeError explains why a scheme file could not be loaded.
type SchemeError struct {
	// Scheme is the id (or file) concerned.
	Scheme string
	// Problem says what is wrong.
	Problem string
}

func (e *SchemeError) Error() string { return "scheme " + e.Scheme + ": " + e.Problem }

// LoadFile reads a scheme file, resolves its extends against the catalogue,
// checks it and adds it. It returns the resolved scheme. A file past the
// scheme file limit (8 MiB) is refused after reading one byte past it, so
// no file (not even /dev/zero) is read further.
func (c *Catalogue) LoadFile(path string) (*Scheme, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSchemeFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSchemeFile {
		return nil, &SchemeError{Scheme: "file " + path, Problem: tooLargeProblem}
	}
	schemes, err := c.Load(data)
	if err != nil {
		return nil, err
	}
	return schemes[0], nil
}

// tooLargeProblem is what a scheme file past the size limit is told.
var tooLargeProblem = "is larger than " + strconv.Itoa(maxSchemeFile) + " bytes, the most a scheme file may be"

// Load reads scheme files given as JSON, resolves extends (among the files
// and the catalogue; a cycle is an error), checks each scheme and adds them.
// Unknown fields, and so unknown rules, are errors, and so is a key given
// twice in one object (outside a test's document, which may be about just
// that). Each file is resolved once, so loading is linear in the number of
// files, however long their chains of extends.
func (c *Catalogue) Load(files ...[]byte) ([]*Scheme, error) {
	raws := map[string]schemeFile{}
	var ids []string
	for _, data := range files {
		if len(data) > maxSchemeFile {
			return nil, &SchemeError{Scheme: "file", Problem: tooLargeProblem}
		}
		tree, err := jsonscan.Parse(data, jsonscan.MaxDepth)
		var head struct {
			ID      string `json:"id"`
			Extends string `json:"extends"`
		}
		if _, isObject := tree.(*jsonscan.Object); err == nil && !isObject {
			err = errors.New("the file holds a JSON " + jsonscan.KindOf(tree) + ", not an object")
		}
		if err == nil {
			err = jsonreflect.Decode(tree, &head, false)
		}
		if err != nil {
			return nil, &SchemeError{Scheme: "file", Problem: "not a JSON scheme object: " + err.Error()}
		}
		if head.ID == "" {
			return nil, &SchemeError{Scheme: "file", Problem: "has no id"}
		}
		if key := repeatedKey(tree, false); key != "" {
			return nil, &SchemeError{Scheme: head.ID, Problem: "gives " + strconv.Quote(key) + " twice in one object: give each key once"}
		}
		if _, dup := raws[head.ID]; dup {
			return nil, &SchemeError{Scheme: head.ID, Problem: "is given twice"}
		}
		raws[head.ID] = schemeFile{tree: tree, extends: head.Extends}
		ids = append(ids, head.ID)
	}
	var out []*Scheme
	r := resolver{catalogue: c, raws: raws, done: map[string]*Scheme{}, open: map[string]bool{}}
	for _, id := range ids {
		s, err := r.resolve(id, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range out {
		if _, exists := c.schemes[s.ID]; !exists {
			c.order = append(c.order, s.ID)
		}
		c.schemes[s.ID] = s
	}
	return out, nil
}

// schemeFile is one file of a Load, with the id of the scheme it extends
// (read once, with its id).
type schemeFile struct {
	tree    any // the file as jsonscan.Parse reads it
	extends string
}

// resolver resolves the extends of one Load's files, each file once.
type resolver struct {
	catalogue *Catalogue
	raws      map[string]schemeFile
	done      map[string]*Scheme // files resolved so far
	open      map[string]bool    // files on the chain being resolved
}

// resolve merges the file id over what it extends and checks the result;
// chain is the files that extend it, on the way here.
func (r *resolver) resolve(id string, chain []string) (*Scheme, error) {
	if s, ok := r.done[id]; ok {
		return s, nil
	}
	if r.open[id] {
		return nil, &SchemeError{Scheme: id, Problem: "extends itself through " + strings.Join(append(chain, id), " → ")}
	}
	file, fromFile := r.raws[id]
	if !fromFile {
		s, ok := r.catalogue.Scheme(id)
		if !ok {
			return nil, &SchemeError{Scheme: chain[len(chain)-1], Problem: "extends " + id + ", which is not a known scheme"}
		}
		return s, nil
	}
	r.open[id] = true
	defer delete(r.open, id)
	merged := file.tree
	if file.extends != "" {
		parent, err := r.resolve(file.extends, append(chain, id))
		if err != nil {
			return nil, err
		}
		base := *parent
		base.Tests = nil // a scheme's tests are its own
		parentJSON, err := jsonreflect.Append(nil, &base)
		if err != nil {
			return nil, err
		}
		parentTree, err := jsonscan.Parse(parentJSON, jsonscan.MaxDepth)
		if err != nil {
			return nil, err
		}
		merged = mergePatch(parentTree, file.tree)
	}
	s := new(Scheme)
	if err := jsonreflect.Decode(merged, s, true); err != nil {
		return nil, &SchemeError{Scheme: id, Problem: err.Error()}
	}
	if err := s.Check(); err != nil {
		return nil, err
	}
	r.done[id] = s
	return s, nil
}

// repeatedKey finds a key given twice in one object of a JSON value read
// by jsonscan.Parse (which a decoder would read as the last, silently),
// outside the documents of test cases (inDocument); "" when there is none.
// One pass over the value.
func repeatedKey(v any, inDocument bool) string {
	switch v := v.(type) {
	case *jsonscan.Object:
		var seen map[string]bool
		if !inDocument && len(v.Keys) > 1 {
			seen = make(map[string]bool, len(v.Keys))
		}
		for i, key := range v.Keys {
			if seen != nil {
				if seen[key] {
					return key
				}
				seen[key] = true
			}
			if k := repeatedKey(v.Values[i], inDocument || key == "document"); k != "" {
				return k
			}
		}
	case []any:
		for _, x := range v {
			if k := repeatedKey(x, inDocument); k != "" {
				return k
			}
		}
	}
	return ""
}

// mergePatch applies an RFC 7386 JSON merge patch to values read by
// jsonscan.Parse: objects merge key by key, null deletes, anything else
// replaces. Numbers stay as their text, so amounts past 2^53 are not
// rounded through float64. The target is changed in place.
func mergePatch(target, patch any) any {
	po, ok := patch.(*jsonscan.Object)
	if !ok {
		return patch
	}
	to, ok := target.(*jsonscan.Object)
	if !ok {
		to = &jsonscan.Object{}
	}
	index := make(map[string]int, len(to.Keys))
	for i, k := range to.Keys {
		index[k] = i
	}
	var gone []bool // members of the target a null deleted
	for i, k := range po.Keys {
		at, has := index[k]
		switch v := po.Values[i]; {
		case v == nil && has:
			if gone == nil {
				gone = make([]bool, len(to.Keys), len(to.Keys)+len(po.Keys))
			}
			gone[at] = true
			delete(index, k)
		case v == nil:
		case has:
			to.Values[at] = mergePatch(to.Values[at], v)
		default:
			index[k] = len(to.Keys)
			to.Keys = append(to.Keys, k)
			to.Values = append(to.Values, mergePatch(nil, v))
			if gone != nil {
				gone = append(gone, false)
			}
		}
	}
	if gone != nil {
		keys, values := to.Keys[:0], to.Values[:0]
		for i := range to.Keys {
			if !gone[i] {
				keys, values = append(keys, to.Keys[i]), append(values, to.Values[i])
			}
		}
		to.Keys, to.Values = keys, values
	}
	to.Raw = nil // no longer the text it was read from
	return to
}

// Check reports the first problem with a scheme's data: missing ids or
// references, rules that name categories, classes or kinds that do not
// exist, impossible numbers, lists past their bounds.
func (s *Scheme) Check() error {
	bad := func(problem string) error { return &SchemeError{Scheme: s.ID, Problem: problem} }
	if problem := s.checkHead(); problem != "" {
		return bad(problem)
	}
	if problem := s.listProblem(); problem != "" {
		return bad(problem)
	}
	if problem := s.Rules.numberProblem(); problem != "" {
		return bad(problem)
	}
	ruleIDs := map[string]bool{}
	for _, r := range s.rules() {
		if problem := r.problem(s, ruleIDs); problem != "" {
			return bad(problem)
		}
	}
	return nil
}

// problem says what is wrong with one of the scheme's rules, or "";
// ruleIDs are the ids of the rules before it.
func (r *rule) problem(s *Scheme, ruleIDs map[string]bool) string {
	switch {
	case ruleIDs[r.id]:
		return "has two rules called " + r.id + ": a rule, and its outcome in a result, is named once"
	case !r.own && strings.TrimSpace(r.cite.Reference) == "":
		return "rule " + r.id + " has no reference: every rule says where it comes from"
	case r.offer != (s.Kind == KindOffer):
		// Offer rules read offers and every other rule reads applications.
		return "rule " + r.id + " does not apply to the scheme's kind of document"
	}
	ruleIDs[r.id] = true
	if r.verify != nil {
		return r.verify()
	}
	return ""
}

// checkHead says what is wrong with the scheme's own fields, or "".
func (s *Scheme) checkHead() string {
	if s.ID == "" || s.Title == "" {
		return "needs an id and a title"
	}
	switch s.Kind {
	case "", KindApplication, KindOffer:
	default:
		return "has kind " + string(s.Kind) + "; use application or offer"
	}
	if s.Currency != "" {
		if _, ok := budget.LookupCurrency(s.Currency); !ok {
			return "has currency " + s.Currency + ", which stemkn does not know"
		}
	}
	r := &s.Rules
	if (r.Cap != nil || r.MonthlyCap != nil || r.UnitCost != nil) && s.Currency == "" {
		return "has money rules but no currency"
	}
	return ""
}

// Bounds on a scheme's data, so that a scheme file is judged as a document
// is: no list or number it holds can make loading it, or validating against
// it, slow or large, or make a rule that no document could meet or fail.
const (
	// maxSchemeFile is the largest scheme file, in bytes: the largest
	// document (DefaultLimits.Bytes), since a file holds its own test cases.
	maxSchemeFile = 8 << 20
	// maxSchemeList is the most entries of any list in a scheme (themes,
	// categories, funders, rules of one kind, kinds, countries' codes aside).
	maxSchemeList = 100
	// maxSchemeTests is the most test cases a scheme file may carry.
	maxSchemeTests = 1000
	// maxSchemeAmount is the largest amount of money a scheme may name:
	// 1,000 budget lines (the most a document may list) of the largest
	// amount one may ask (10^12 minor units, £10 billion).
	maxSchemeAmount = 1000 * 1_000_000_000_000
	// maxSchemeMonths and maxSchemeWeeks bound a programme's length: a
	// hundred years.
	maxSchemeMonths = 1200
	maxSchemeWeeks  = 5218
)

// The document bounds a scheme's numbers and names must fit (document.go's
// validate tags; a test holds them equal): a count no document can reach is
// a rule no document could meet, and an id longer than a document may
// write is one no document could name.
const (
	maxSchemeID      = 100   // a document's scheme
	maxThemeID       = 100   // a network's theme
	maxCategoryID    = 64    // a budget line's category
	maxInstitutions  = 1000  // a network's institutions
	maxOutputs       = 50    // a plan's intellectual outputs
	stemSubjectCount = 4     // science, technology, engineering, mathematics
	maxOrganisations = 1000  // institutions that can count for a unit cost
	maxCountries     = 300   // more than there are ISO 3166-1 codes
	maxReference     = 10000 // the text a rule's reference quotes
)

// listProblem says what is wrong with a scheme's lists and names: too
// long, an id given twice or too long to name, empty where something is
// needed.
func (s *Scheme) listProblem() string {
	if utf8.RuneCountInString(s.ID) > maxSchemeID {
		return "has an id longer than " + strconv.Itoa(maxSchemeID) + " characters, which no document can name"
	}
	if p := s.lengthProblem(); p != "" {
		return p
	}
	themes := make([]string, len(s.Themes))
	for i, t := range s.Themes {
		themes[i] = t.ID
	}
	if p := idProblem("theme", themes, maxThemeID); p != "" {
		return p
	}
	categories := make([]string, len(s.Categories))
	for i, c := range s.Categories {
		categories[i] = c.ID
	}
	if p := idProblem("category", categories, maxCategoryID); p != "" {
		return p
	}
	for _, ref := range s.references() {
		if utf8.RuneCountInString(ref) > maxReference {
			return "has a reference longer than " + strconv.Itoa(maxReference) + " characters"
		}
	}
	return ""
}

// listCount says that a list has too many entries, or "".
func listCount(what string, n, max int) string {
	if n > max {
		return "has " + strconv.Itoa(n) + " " + what + "; at most " + strconv.Itoa(max) + " are allowed"
	}
	return ""
}

// lengthProblem says which of the scheme's lists is longer than it may be.
func (s *Scheme) lengthProblem() string {
	r := &s.Rules
	lists := []struct {
		what   string
		n, max int
	}{
		{"funders", len(s.Funders), maxSchemeList}, {"themes", len(s.Themes), maxSchemeList},
		{"categories", len(s.Categories), maxSchemeList}, {"institution rules", len(r.Institutions), maxSchemeList},
		{"category needs", len(r.CategoryNeeds), maxSchemeList}, {"category shares", len(r.CategoryShares), maxSchemeList},
		{"tests", len(s.Tests), maxSchemeTests},
	}
	if r.Activities != nil {
		lists = append(lists, struct {
			what   string
			n, max int
		}{"activity needs", len(r.Activities.Needs), maxSchemeList})
	}
	if r.Strands != nil {
		lists = append(lists, struct {
			what   string
			n, max int
		}{"strands", len(r.Strands.Strands), maxSchemeList})
	}
	for _, c := range lists {
		if p := listCount(c.what, c.n, c.max); p != "" {
			return p
		}
	}
	for _, kinds := range r.kindLists() {
		if p := listCount("kinds in one rule", len(kinds), maxSchemeList); p != "" {
			return p
		}
	}
	for _, countries := range r.countryLists() {
		if p := listCount("countries", len(countries), maxCountries); p != "" {
			return p
		}
	}
	return ""
}

// kindLists are the lists of kinds (of institution, activity, offer,
// audience) the rules name.
func (r *Rules) kindLists() [][]string {
	var out [][]string
	for _, ir := range r.Institutions {
		out = append(out, ir.Kinds)
	}
	if r.MinInstitutions != nil {
		out = append(out, r.MinInstitutions.Kinds)
	}
	if r.Activities != nil {
		for _, n := range r.Activities.Needs {
			out = append(out, n.Kinds)
		}
	}
	if r.FreeOffer != nil {
		out = append(out, r.FreeOffer.Kinds)
	}
	if r.AgeRange != nil {
		out = append(out, r.AgeRange.Kinds)
	}
	if r.Audience != nil {
		out = append(out, r.Audience.Kinds, r.Audience.Allowed)
	}
	return out
}

// countryLists are the lists of countries the rules name.
func (r *Rules) countryLists() [][]string {
	var out [][]string
	for _, ir := range r.Institutions {
		out = append(out, ir.Countries)
	}
	if r.Countries != nil {
		out = append(out, r.Countries.Countries)
	}
	return out
}

// idProblem says what is wrong with a list of ids: one empty, longer than
// max characters, or given twice.
func idProblem(what string, ids []string, max int) string {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		switch {
		case id == "" || utf8.RuneCountInString(id) > max:
			return "has a " + what + " whose id is empty or longer than " + strconv.Itoa(max) + " characters"
		case seen[id]:
			return "has the " + what + " " + id + " twice: each " + what + " id is given once"
		}
		seen[id] = true
	}
	return ""
}

// references are the texts every rule of the scheme quotes.
func (s *Scheme) references() []string {
	var out []string
	for _, r := range s.rules() {
		out = append(out, r.cite.Reference)
	}
	return out
}

// numberProblem says what is wrong with the rules' numbers: a count a
// document cannot reach or below zero, an amount of money that is not a
// positive amount a budget can add up to, a share that is not a
// percentage, a length of programme below zero, or a shortest one longer
// than the longest.
func (r *Rules) numberProblem() string {
	within := func(what string, n, min, max int64) string {
		if n < min || n > max {
			return what + " must be from " + strconv.FormatInt(min, 10) + " to " + strconv.FormatInt(max, 10) + ", not " + strconv.FormatInt(n, 10)
		}
		return ""
	}
	var checks []string
	if r.SubjectSpread != nil {
		checks = append(checks, within("subjectSpread.min", int64(r.SubjectSpread.Min), 0, stemSubjectCount))
	}
	if r.MinInstitutions != nil {
		checks = append(checks, within("minInstitutions.min", int64(r.MinInstitutions.Min), 0, maxInstitutions))
	}
	if r.Countries != nil {
		checks = append(checks, within("countries.min", int64(r.Countries.Min), 0, maxInstitutions))
	}
	if r.Outputs != nil {
		checks = append(checks, within("outputs.min", int64(r.Outputs.Min), 0, maxOutputs))
	}
	if r.Cap != nil {
		checks = append(checks, within("cap.amount", int64(r.Cap.Amount), 1, maxSchemeAmount))
	}
	if r.MonthlyCap != nil {
		checks = append(checks, within("monthlyCap.perMonth", int64(r.MonthlyCap.PerMonth), 1, maxSchemeAmount),
			within("monthlyCap.ceiling", int64(r.MonthlyCap.Ceiling), 1, maxSchemeAmount))
	}
	if uc := r.UnitCost; uc != nil {
		checks = append(checks, within("unitCost.coordinatorPerMonth", int64(uc.CoordinatorPerMonth), 0, maxSchemeAmount),
			within("unitCost.partnerPerMonth", int64(uc.PartnerPerMonth), 0, maxSchemeAmount),
			within("unitCost.maxOrganisations", int64(uc.MaxOrganisations), 1, maxOrganisations))
	}
	for _, sh := range r.CategoryShares {
		checks = append(checks, within("categoryShares."+sh.Category+".maxPercent", sh.MaxPercent, 0, 100))
	}
	if d := r.Duration; d != nil {
		checks = append(checks, within("duration.minWeeks", int64(d.MinWeeks), 0, maxSchemeWeeks),
			within("duration.minMonths", int64(d.MinMonths), 0, maxSchemeMonths),
			within("duration.maxMonths", int64(d.MaxMonths), 0, maxSchemeMonths))
		if d.MaxMonths > 0 && d.MinMonths > d.MaxMonths {
			checks = append(checks, "duration.minMonths must be no more than duration.maxMonths")
		}
	}
	for _, c := range checks {
		if c != "" {
			return c
		}
	}
	return ""
}

// MustLoad is Load for schemes known to be good, such as those embedded in a
// program; it panics on error.
func (c *Catalogue) MustLoad(files ...[]byte) []*Scheme {
	s, err := c.Load(files...)
	if err != nil {
		panic(err)
	}
	return s
}
