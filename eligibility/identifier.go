package eligibility

// Identifier patterns as regular expressions for JSON Schema's "pattern"
// keyword (ECMA-262 and RE2 read them alike). IsURN, IsUKPRN and IsPIC check
// the same thing without a regular-expression engine.
const (
	// URNPattern matches a Unique Reference Number: the six-digit number GIAS
	// gives each establishment in England, e.g. "107552".
	URNPattern = `^[0-9]{6}$`
	// UKPRNPattern matches a UK Provider Reference Number from the UK Register
	// of Learning Providers: eight digits starting with 1, e.g. "10001234".
	UKPRNPattern = `^1[0-9]{7}$`
	// PICPattern matches an Erasmus+ Participant Identification Code: the nine
	// digits the European Commission gives a registered organisation, e.g.
	// "949645123".
	PICPattern = `^[0-9]{9}$`
)

// IsURN reports whether s is six ASCII digits (URNPattern).
func IsURN(s string) bool {
	return len(s) == 6 && allDigits(s)
}

// IsUKPRN reports whether s is eight ASCII digits starting with 1
// (UKPRNPattern).
func IsUKPRN(s string) bool {
	return len(s) == 8 && s[0] == '1' && allDigits(s)
}

// IsPIC reports whether s is nine ASCII digits (PICPattern).
func IsPIC(s string) bool {
	return len(s) == 9 && allDigits(s)
}

// allDigits reports whether every byte of s is an ASCII digit; the bytes of
// other scripts' digits ('٣') are not.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
