package edges

func useC() int { return C() }
