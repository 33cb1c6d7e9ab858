//go:build js

package document

import "unsafe"

// In WebAssembly the compiled tag programs make the problems (see tags.go
// for why, and for the tests that hold them to validator/v10).

// Warm does the one-off set-up of the structural engine: the tag programs
// are compiled with the shapes, so there is nothing to do.
func Warm(...any) {}

func structuralFailures(_ any, sh *Shape, p unsafe.Pointer) []tagFailure { return sh.failures(p) }
