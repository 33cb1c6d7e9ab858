//go:build js

package stemkn

import "unsafe"

// In WebAssembly the compiled tag programs make the structural findings
// (see tags.go for why, and for the tests that hold them to validator/v10).

// warmStructure does the one-off set-up of the structural engine: the tag
// programs are compiled with the document shapes, so there is nothing to do.
func warmStructure() {}

func structuralFailures(_ any, sh *shape, p unsafe.Pointer) []tagFailure { return sh.failures(p) }
