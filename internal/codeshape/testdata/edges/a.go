package edges

// A uses b.go's constant, type and field, and a local variable of its own.
func A() int {
	n := B
	return n + len(T{}.F)
}
