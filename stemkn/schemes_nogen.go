//go:build stemkn_noschemes

package stemkn

// builtinSchemeData is nil for every id in the build without the generated
// data: the build internal/schemegen runs in, so that it can write
// schemes.gen.go afresh even when a change to the schemes' types has left
// the old file unable to compile.
func builtinSchemeData(string) *Scheme { return nil }
