package stemkn

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
)

// Statistics are a programme's figures over a cohort of applications
// the kind a funder publishes: "There are currently 38 ENTHUSE
// Partnerships running, comprising 248 schools, of which 201 are primary and
// 47 are secondary schools" (STEM Learning on the ENTHUSE Partnership
// programme 2014–16).
type Statistics struct {
	// Networks is the number of networks or partnerships: one per
	// application read.
	Networks int `json:"networks"`
	// Institutions is the number of distinct institutions across the cohort.
	// An institution in two partnerships counts once: two listings are the
	// same institution when they share a URN, a UKPRN or a PIC, or both give
	// the same name and postcode (ignoring case and spaces); a listing with
	// none of these counts as an institution of its own.
	Institutions int `json:"institutions"`
	// ByPhase counts the distinct institutions in each phase group
	// (eligibility.PhaseGroup): primary, secondary and other. All three
	// groups are always present.
	ByPhase map[string]int `json:"byPhase"`
	// ByRegion counts the distinct institutions in each English region;
	// "unknown" counts those that state none.
	ByRegion map[string]int `json:"byRegion"`
	// Requested is the money the applications ask for, in minor units, by
	// currency code; "unknown" holds lines whose funding states no currency.
	Requested map[string]int64 `json:"requested"`
	// Skipped counts the non-blank lines that are not applications: lines
	// that are not well-formed JSON objects, pass the input limits, or have
	// values the decoder cannot read into an application (a wrong type, an
	// unknown field, a repeated key). They count towards nothing else.
	Skipped int `json:"skipped,omitempty"`
}

// RequestedOverflowError reports that the money requested in one currency
// adds up to more than 64-bit minor units can hold. ReadStatistics returns
// it rather than a sum that has wrapped round.
type RequestedOverflowError struct {
	// Currency is the currency whose sum overflows.
	Currency string
	// Line is the 1-based input line at which it overflows.
	Line int
}

func (e *RequestedOverflowError) Error() string {
	return "line " + strconv.Itoa(e.Line) + ": the money requested in " + e.Currency + " adds up to more than stemkn can count exactly"
}

// unknownGroup labels institutions or money that state no region or currency.
const unknownGroup = "unknown"

// ReadStatistics works out programme statistics over applications given as
// NDJSON: one application document per line; blank lines are ignored. Each
// line is read with DecodeApplication (no rules are applied: a cohort is
// usually validated when it comes in); lines that are not applications are
// counted in Skipped. The error is a read error from r, or a
// *RequestedOverflowError.
func ReadStatistics(r io.Reader) (Statistics, error) {
	t := newTally()
	limit := DefaultLimits.Bytes
	// Room for a line of exactly the limit plus its "\r\n"; anything longer
	// is skipped without being held in memory.
	br := bufio.NewReaderSize(r, limit+2)
	for line := 1; ; line++ {
		text, tooLong, err := readLine(br)
		if err != nil && err != io.EOF {
			return Statistics{}, err
		}
		if tooLong || len(text) > limit {
			t.stats.Skipped++
		} else if len(bytes.TrimSpace(text)) > 0 {
			if app, findings := DecodeApplication(text); app == nil || findings.HasErrors() {
				t.stats.Skipped++
			} else if !t.add(app, line) {
				return Statistics{}, &RequestedOverflowError{Currency: t.overflowed, Line: line}
			}
		}
		if err == io.EOF {
			return t.result(), nil
		}
	}
}

// readLine reads one line without its line ending. tooLong is true when the
// line does not fit in the reader's buffer; the rest of it is then read and
// dropped. err is io.EOF on the last line.
func readLine(br *bufio.Reader) (text []byte, tooLong bool, err error) {
	text, err = br.ReadSlice('\n')
	for err == bufio.ErrBufferFull {
		tooLong = true
		_, err = br.ReadSlice('\n')
	}
	if tooLong {
		return nil, true, err
	}
	text = bytes.TrimSuffix(text, []byte("\n"))
	text = bytes.TrimSuffix(text, []byte("\r"))
	return text, false, err
}

// tally accumulates statistics line by line.
type tally struct {
	stats      Statistics
	cohort     identities
	overflowed string
}

func newTally() *tally {
	return &tally{
		stats:  Statistics{ByPhase: map[string]int{}, ByRegion: map[string]int{}, Requested: map[string]int64{}},
		cohort: identities{byKey: map[string]int{}},
	}
}

// add counts one application; it is false when the money requested
// overflows, with the currency in t.overflowed.
func (t *tally) add(app *Application, line int) bool {
	t.stats.Networks++
	for i := range app.Network.Institutions {
		t.cohort.add(&app.Network.Institutions[i], line)
	}
	if app.Funding == nil || len(app.Funding.Lines) == 0 {
		return true
	}
	currency := app.Funding.Currency
	if currency == "" {
		currency = unknownGroup
	}
	sum := budget.Amount(t.stats.Requested[currency])
	for _, l := range app.Funding.Lines {
		var ok bool
		if sum, ok = budget.Add(sum, l.Amount); !ok {
			t.overflowed = currency
			return false
		}
	}
	t.stats.Requested[strings.Clone(currency)] = int64(sum)
	return true
}

// identities tells the institutions of a cohort apart. Two listings are the
// same institution when they share any identifier — a URN, a UKPRN or a
// PIC — or, when both give both, the same name and postcode (case and
// spaces ignored); and so, in a chain, is every listing that shares one with
// either. A listing with none of these is an institution of its own: a name
// without a postcode could be any of the schools of that name. It keeps one
// entry per institution first seen, not per listing, and each identifier
// once.
type identities struct {
	byKey  map[string]int // identifier → an entry of the institution that has it
	parent []int          // entries merged into another point to it (union–find)
	found  []cohortInstitution
}

// cohortInstitution is what the statistics keep of one institution: its
// phase and region, each from the earliest listing (by line) that states it.
type cohortInstitution struct {
	phase, region         string
	phaseLine, regionLine int
}

// add records one listing, on input line line.
func (ids *identities) add(inst *Institution, line int) {
	// The decoded strings share the line's memory: clone what is kept so a
	// cohort of large lines is not held in memory whole.
	listing := cohortInstitution{phase: strings.Clone(inst.Phase), region: strings.Clone(inst.Region), phaseLine: line, regionLine: line}
	var keys [4]string
	entry := -1
	for _, key := range institutionKeys(inst, keys[:0]) {
		if k, ok := ids.byKey[key]; ok {
			entry = ids.union(entry, k)
		}
	}
	if entry < 0 {
		entry = len(ids.found)
		ids.found = append(ids.found, cohortInstitution{})
		ids.parent = append(ids.parent, entry)
	}
	ids.found[entry].take(listing)
	for _, key := range institutionKeys(inst, keys[:0]) {
		if _, ok := ids.byKey[key]; !ok {
			ids.byKey[strings.Clone(key)] = entry
		}
	}
}

// root is the entry that stands for entry's institution.
func (ids *identities) root(entry int) int {
	for ids.parent[entry] != entry {
		ids.parent[entry] = ids.parent[ids.parent[entry]] // halve the path
		entry = ids.parent[entry]
	}
	return entry
}

// union merges the institutions of entries a (-1: none yet) and b, and
// returns the entry that stands for both.
func (ids *identities) union(a, b int) int {
	b = ids.root(b)
	if a < 0 {
		return b
	}
	a = ids.root(a)
	if a == b {
		return a
	}
	ids.parent[b] = a
	ids.found[a].take(ids.found[b])
	return a
}

// take keeps, of its phase and region and other's, the ones an earlier
// listing states.
func (c *cohortInstitution) take(other cohortInstitution) {
	if other.phase != "" && (c.phase == "" || other.phaseLine < c.phaseLine) {
		c.phase, c.phaseLine = other.phase, other.phaseLine
	}
	if other.region != "" && (c.region == "" || other.regionLine < c.regionLine) {
		c.region, c.regionLine = other.region, other.regionLine
	}
}

// institutionKeys appends the identifiers that tell an institution apart
// from others across applications: its URN, UKPRN and PIC, and its name and
// postcode when it gives both (case and spaces ignored: “St Mary's CE
// Primary”, “LS1 4AP” is “ST MARY'S CE PRIMARY”, “ls14ap”). An institution
// with none of these has no keys.
func institutionKeys(inst *Institution, keys []string) []string {
	for _, id := range [...]struct{ scheme, value string }{{"urn:", inst.URN}, {"ukprn:", inst.UKPRN}, {"pic:", inst.PIC}} {
		if v := strings.TrimSpace(id.value); v != "" {
			keys = append(keys, id.scheme+v)
		}
	}
	name, postcode := squeeze(inst.Name), squeeze(inst.Postcode)
	if name != "" && postcode != "" {
		// The name's length keeps name and postcode apart whatever they contain.
		keys = append(keys, "name:"+strconv.Itoa(len(name))+":"+name+postcode)
	}
	return keys
}

func (t *tally) result() Statistics {
	s := t.stats
	for _, g := range []string{eligibility.PrimaryGroup, eligibility.SecondaryGroup, eligibility.OtherGroup} {
		s.ByPhase[g] = 0
	}
	ids := &t.cohort
	for entry := range ids.found {
		if ids.root(entry) != entry {
			continue // merged into another institution
		}
		inst := &ids.found[entry]
		s.Institutions++
		s.ByPhase[eligibility.PhaseGroup(inst.phase)]++
		region := inst.region
		if region == "" {
			region = unknownGroup
		}
		s.ByRegion[region]++
	}
	return s
}

// squeeze lower-cases s and drops every space, so "LS1 4AP" and "ls14ap"
// compare equal.
func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "")
}
