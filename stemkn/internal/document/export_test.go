package document

import "unsafe"

// What the tests outside the package hold to one another: the verdict of
// the allocation-free pre-check, and the failures each structural engine
// finds (validator/v10 natively, the compiled tag programs everywhere).

func Clean(sh *Shape, doc any, p unsafe.Pointer) bool { return sh.clean(p) }

func ProgramFailures(sh *Shape, p unsafe.Pointer) []Problem { return problems(sh.failures(p)) }

func EngineFailures(sh *Shape, doc any, p unsafe.Pointer) []Problem {
	return problems(structuralFailures(doc, sh, p))
}

func problems(tfs []tagFailure) []Problem {
	out := make([]Problem, len(tfs))
	for i, tf := range tfs {
		out[i] = problemFor(tf)
	}
	return out
}
