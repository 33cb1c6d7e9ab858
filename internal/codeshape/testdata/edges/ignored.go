//go:build ignore

package edges

// D is in a file this build does not compile.
func D() int { return A() + C() }
