// Package stemkn models STEM teacher professional-development networks —
// the institutions and people in them, their themes and plans — and the
// eligibility and funding rules of the schemes that fund them.
//
// One set of rules runs in three places and gives the same answer in each:
// in Go on a funder's server (this package), in any web page's application
// form (the same code compiled to WebAssembly, see the wasm folder), and as
// an exported JSON Schema that other tools validate against.
//
// A scheme (a funding programme) is data: its themes, spend categories and
// the parameters of a fixed vocabulary of rules, each with a reference to
// the sentence it comes from. The built-in catalogue holds a scheme for
// each programme in the source documents; a funder's own scheme file may
// extend one and change its numbers.
//
// Validation never stops at the first problem and never panics. It returns a
// Result: every Finding with a stable code, a JSON Pointer path and a plain
// English message (GOV.UK style, from templates a host can replace), whether
// the document is valid, and whether it is eligible, rule by rule, with each
// rule's reference.
//
//	v := stemkn.NewValidator(nil) // the built-in catalogue; prepare once
//	res := v.Validate(body, stemkn.Options{})
//	if !res.Valid {
//		for _, f := range res.Findings {
//			fmt.Println(f.Path, f.Message)
//		}
//	}
//
// A Validator is safe for concurrent use. Money is always an integer number
// of minor units (pence, cents); there are no floating-point numbers on any
// path.
package stemkn
