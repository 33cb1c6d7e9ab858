package edges

// B is used by a.go.
const B = 1

// T is used by a.go, and so is its field F.
type T struct{ F string }
