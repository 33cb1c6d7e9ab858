package stemkn

import (
	"bytes"
	"embed"
	"encoding/json"
	"os"
	"slices"
	"strings"

	"github.com/stemkn/stemkn/budget"
)

// The built-in catalogue is data: one scheme file per programme of the
// source documents, in schemes/, loaded through the same strict loader as
// a funder's file (Catalogue.Load), each with its own test cases
// (Validator.RunTests, `stemkn test`).

//go:embed schemes/*.json
var builtinFiles embed.FS

// builtinOrder are the built-in schemes in the order `stemkn schemes` lists
// them; each is the file schemes/ID.json.
var builtinOrder = []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange"}

// builtinSchemeFiles are the built-in scheme files, in catalogue order.
func builtinSchemeFiles() [][]byte {
	files := make([][]byte, len(builtinOrder))
	for i, id := range builtinOrder {
		data, err := builtinFiles.ReadFile("schemes/" + id + ".json")
		if err != nil {
			panic("stemkn: the built-in scheme " + id + " is not embedded: " + err.Error())
		}
		files[i] = data
	}
	return files
}

// Catalogue is a set of schemes by id: the built-in ones and any loaded from
// files. A Catalogue is safe for concurrent reads once loading is done.
type Catalogue struct {
	schemes map[string]*Scheme
	order   []string
}

// NewCatalogue returns a catalogue holding the built-in schemes, read
// afresh from their files, so that changing one catalogue's schemes
// changes no other.
func NewCatalogue() *Catalogue {
	c := &Catalogue{schemes: map[string]*Scheme{}}
	c.MustLoad(builtinSchemeFiles()...)
	return c
}

// Scheme returns the scheme with the id.
func (c *Catalogue) Scheme(id string) (*Scheme, bool) {
	s, ok := c.schemes[id]
	return s, ok
}

// Schemes lists the schemes in the order they were added.
func (c *Catalogue) Schemes() []*Scheme {
	out := make([]*Scheme, len(c.order))
	for i, id := range c.order {
		out[i] = c.schemes[id]
	}
	return out
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
// checks it and adds it. It returns the resolved scheme.
func (c *Catalogue) LoadFile(path string) (*Scheme, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	schemes, err := c.Load(data)
	if err != nil {
		return nil, err
	}
	return schemes[0], nil
}

// Load reads scheme files given as JSON, resolves extends (among the files
// and the catalogue; a cycle is an error), checks each scheme and adds them.
// Unknown fields, and so unknown rules, are errors.
func (c *Catalogue) Load(files ...[]byte) ([]*Scheme, error) {
	raws := map[string]json.RawMessage{}
	var ids []string
	for _, data := range files {
		var head struct {
			ID      string `json:"id"`
			Extends string `json:"extends"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return nil, &SchemeError{Scheme: "file", Problem: "not a JSON scheme object: " + err.Error()}
		}
		if head.ID == "" {
			return nil, &SchemeError{Scheme: "file", Problem: "has no id"}
		}
		if _, dup := raws[head.ID]; dup {
			return nil, &SchemeError{Scheme: head.ID, Problem: "is given twice"}
		}
		raws[head.ID] = data
		ids = append(ids, head.ID)
	}
	var out []*Scheme
	for _, id := range ids {
		s, err := c.resolve(id, raws, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	for _, s := range out {
		if _, exists := c.schemes[s.ID]; !exists {
			c.order = append(c.order, s.ID)
		}
		c.schemes[s.ID] = s
	}
	return out, nil
}

func (c *Catalogue) resolve(id string, raws map[string]json.RawMessage, chain []string) (*Scheme, error) {
	if slices.Contains(chain, id) {
		return nil, &SchemeError{Scheme: id, Problem: "extends itself through " + strings.Join(append(chain, id), " → ")}
	}
	raw, fromFile := raws[id]
	if !fromFile {
		s, ok := c.schemes[id]
		if !ok {
			return nil, &SchemeError{Scheme: chain[len(chain)-1], Problem: "extends " + id + ", which is not a known scheme"}
		}
		return s, nil
	}
	var head struct {
		Extends string `json:"extends"`
	}
	_ = json.Unmarshal(raw, &head)
	merged := []byte(raw)
	if head.Extends != "" {
		parent, err := c.resolve(head.Extends, raws, append(chain, id))
		if err != nil {
			return nil, err
		}
		base := *parent
		base.Tests = nil // a scheme's tests are its own
		parentJSON, err := json.Marshal(&base)
		if err != nil {
			return nil, err
		}
		if merged, err = mergePatch(parentJSON, raw); err != nil {
			return nil, &SchemeError{Scheme: id, Problem: err.Error()}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(merged))
	dec.DisallowUnknownFields()
	s := new(Scheme)
	if err := dec.Decode(s); err != nil {
		return nil, &SchemeError{Scheme: id, Problem: err.Error()}
	}
	if err := s.Check(); err != nil {
		return nil, err
	}
	return s, nil
}

// mergePatch applies an RFC 7386 JSON merge patch: objects merge key by key,
// null deletes, anything else replaces. Numbers stay as their text, so
// amounts past 2^53 are not rounded through float64.
func mergePatch(target, patch []byte) ([]byte, error) {
	var t, p any
	if err := unmarshalNumbers(target, &t); err != nil {
		return nil, err
	}
	if err := unmarshalNumbers(patch, &p); err != nil {
		return nil, err
	}
	return json.Marshal(mergeValue(t, p))
}

func unmarshalNumbers(data []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func mergeValue(target, patch any) any {
	po, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	to, ok := target.(map[string]any)
	if !ok {
		to = map[string]any{}
	}
	for k, v := range po {
		if v == nil {
			delete(to, k)
		} else {
			to[k] = mergeValue(to[k], v)
		}
	}
	return to
}

// Check reports the first problem with a scheme's data: missing ids or
// references, rules that name categories, classes or kinds that do not
// exist, impossible numbers.
func (s *Scheme) Check() error {
	bad := func(problem string) error { return &SchemeError{Scheme: s.ID, Problem: problem} }
	if problem := s.checkHead(); problem != "" {
		return bad(problem)
	}
	for _, r := range s.rules() {
		switch {
		case !r.own && strings.TrimSpace(r.cite.Reference) == "":
			return bad("rule " + r.id + " has no reference: every rule says where it comes from")
		case r.offer != (s.Kind == KindOffer):
			// Offer rules read offers and every other rule reads applications.
			return bad("rule " + r.id + " does not apply to the scheme's kind of document")
		}
		if r.verify != nil {
			if problem := r.verify(); problem != "" {
				return bad(problem)
			}
		}
	}
	return nil
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

// MustLoad is Load for schemes known to be good, such as those embedded in a
// program; it panics on error.
func (c *Catalogue) MustLoad(files ...[]byte) []*Scheme {
	s, err := c.Load(files...)
	if err != nil {
		panic(err)
	}
	return s
}
