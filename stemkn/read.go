package stemkn

import (
	"unsafe"

	"github.com/stemkn/stemkn/stemkn/internal/document"
)

// Reading and checking the shape of a document is the work of
// internal/document: the compiled views of the document types (shapes),
// the strict JSON and form decoders that write through them, and the
// validate tags. This file holds what stemkn gives it (the shapes of the
// document types, the limits) and what it makes of its problems: findings.

// Limits are the hard input limits. Input past them gets a too-large finding
// and is not decoded further, so no input can make validation slow or large.
// The same values apply in Go and in the WebAssembly widget.
type Limits struct {
	// Bytes is the largest document, in bytes.
	Bytes int
	// Depth is the deepest nesting of objects and arrays.
	Depth int
	// Items is the longest array.
	Items int
	// Findings is the most findings reading the JSON (or a form post) may
	// make (unknown fields, repeated keys, values of the wrong type) before
	// it stops, since a few bytes of hostile JSON can ask for a finding
	// each; and the most a Result lists, followed by a too-large finding
	// when there are more. 0 means no limit.
	Findings int
}

// DefaultLimits are the limits a Validator uses unless told otherwise:
// 8 MiB, 64 levels, 100,000 items per array, 1,000 findings while reading
// the JSON. The structural rules in document.go set tighter per-field bounds
// (for example at most 10,000 members); these limits stop hostile input
// before that work is done.
var DefaultLimits = Limits{Bytes: 8 << 20, Depth: 64, Items: 100_000, Findings: 1000}

func (l Limits) document() document.Limits { return document.Limits(l) }

// read decodes doc into the document of shape sh at p, adding a finding for
// each value that cannot be read. broken are the paths of those values.
func read(doc string, sh *document.Shape, p unsafe.Pointer, limits Limits, out *Findings) (broken []string) {
	var problems []document.Problem
	broken = document.Decode(doc, sh, p, limits.document(), &problems)
	out.addProblems(problems, Submit)
	return broken
}

// peekScheme finds the document's top-level "scheme" without decoding it,
// so the right document type can be chosen; "" when there is none.
func peekScheme(doc string, limits Limits) string {
	return document.Peek(doc, "scheme", limits.document())
}

// checkStructure runs the validate tags of the document (a pointer to an
// Application or OfferDocument) and adds a finding for each failure.
func checkStructure(doc any, mode Mode, out *Findings) {
	sh := applicationShape
	if _, ok := doc.(*OfferDocument); ok {
		sh = offerShape
	}
	out.addProblems(document.Check(sh, doc), mode)
}

// warmStructure does the structural engine's one-off set-up (see
// document.Warm) with documents that have every list and group.
func warmStructure() {
	document.Warm(&Application{Funding: &Funding{Lines: []BudgetLine{{}}}, Network: Network{
		Institutions: []Institution{{}}, Members: []Member{{Subjects: []string{""}}}, Partners: []Partner{{}}},
		Plan: Plan{Activities: []Activity{{}}, Outputs: []Output{{}}, Strands: []Strand{{}}}},
		&OfferDocument{Offer: Offer{AgeRange: &AgeRange{}, Audience: []string{""}}})
}

// addProblems adds a finding for each problem: an error, except that a
// missing required value in a draft is a warning.
func (fs *Findings) addProblems(problems []document.Problem, mode Mode) {
	for _, p := range problems {
		f := Finding{Code: Code(p.Code), Severity: Error, Path: p.Path, Params: Params(p.Params), Variant: p.Variant}
		if p.Code == document.Required {
			f.Severity = severityFor(mode)
		}
		fs.Add(f)
	}
}
