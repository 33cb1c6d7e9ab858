package stemkn

// TooLarge is the result Validate gives a document longer than the
// validator's byte limit, made without the document. A host that refuses
// such input before reading it answers with it: a server whose
// http.MaxBytesReader stopped the body, or the widget, which measures a
// document or form in JavaScript before it reaches Go. Like any input past
// a limit, the result has one too-large finding, no eligibility and no rules.
func (v *Validator) TooLarge(opts Options) Result {
	fs := Findings{tooLargeBytes(v.limits)}
	c, _ := v.scheme(opts.Scheme)
	v.messages.apply(fs, c)
	return Result{Scheme: opts.Scheme, Findings: fs}
}

// tooLargeBytes is the finding for input past the byte limit, at the whole
// document.
func tooLargeBytes(l Limits) Finding {
	return Finding{Code: CodeTooLarge, Severity: Error, Path: "",
		Params: Params{"limit": "bytes", "max": int64(l.Bytes)}, Variant: "bytes"}
}

// formBytes is the size of a form post: its names and values, in bytes,
// counted until it passes limit.
func formBytes(values map[string][]string, limit int) int {
	n := 0
	for name, vals := range values {
		for _, v := range vals {
			n += len(name) + len(v)
			if n > limit {
				return n
			}
		}
	}
	return n
}
