package edges

// C uses nothing of another file.
func C() int { return 3 }
