package agree

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"runtime/debug"
	"sync"

	"github.com/stemkn/stemkn/stemkn"
)

// Request is one document, or one form post, to validate.
type Request struct {
	// Doc is the document's bytes (base64 in JSON, so any bytes survive,
	// UTF-8 or not).
	Doc []byte `json:"doc,omitempty"`
	// Form is a form post; when present it is validated instead of Doc.
	Form url.Values `json:"form,omitempty"`
	// Scheme and Mode are the validation options.
	Scheme string      `json:"scheme,omitempty"`
	Mode   stemkn.Mode `json:"mode,omitempty"`
	// Limits replaces the default input limits when present.
	Limits *stemkn.Limits `json:"limits,omitempty"`
}

// Answer is what the validator said.
type Answer struct {
	Result *stemkn.Result `json:"result,omitempty"`
	// Form is the decoded form, for form requests.
	Form *Form `json:"form,omitempty"`
	// Panic is the panic's value, had validation panicked (it must not).
	Panic string `json:"panic,omitempty"`
}

// Form is a decoded form post.
type Form struct {
	Document string            `json:"document"`
	Findings stemkn.Findings   `json:"findings"`
	Fields   map[string]string `json:"fields"`
	// DateInputs are the dates posted as date inputs (stemkn.Form.DateInputs).
	DateInputs map[string][]string `json:"dateInputs,omitempty"`
}

var (
	base       = sync.OnceValue(func() *stemkn.Validator { return stemkn.NewValidator(nil) })
	withLimits sync.Map // stemkn.Limits → *stemkn.Validator
)

func validator(l *stemkn.Limits) *stemkn.Validator {
	if l == nil {
		return base()
	}
	if v, ok := withLimits.Load(*l); ok {
		return v.(*stemkn.Validator)
	}
	v := base().WithLimits(*l)
	withLimits.Store(*l, v)
	return v
}

// Respond answers one request.
func Respond(req *Request) (a Answer) {
	defer func() {
		if p := recover(); p != nil {
			a = Answer{Panic: panicText(p) + "\n" + string(debug.Stack())}
		}
	}()
	v := validator(req.Limits)
	opts := stemkn.Options{Scheme: req.Scheme, Mode: req.Mode}
	if req.Form != nil {
		res, f := v.ValidateForm(req.Form, opts)
		return Answer{Result: &res, Form: &Form{Document: string(f.Document), Findings: f.Findings, Fields: f.Fields, DateInputs: f.DateInputs}}
	}
	res := v.Validate(req.Doc, opts)
	return Answer{Result: &res}
}

func panicText(p any) string {
	switch p := p.(type) {
	case error:
		return p.Error()
	case string:
		return p
	}
	return "panic"
}

// RespondLine answers one request line with one answer line (no newline).
func RespondLine(line []byte) []byte {
	var req Request
	if err := json.Unmarshal(line, &req); err != nil {
		out, _ := json.Marshal(Answer{Panic: "bad request: " + err.Error()})
		return out
	}
	a := Respond(&req)
	out, err := json.Marshal(a)
	if err != nil {
		out, _ = json.Marshal(Answer{Panic: "answer does not marshal: " + err.Error()})
	}
	return out
}

// Serve answers every request line of r on w, in order.
func Serve(r io.Reader, w io.Writer) error {
	in := bufio.NewReaderSize(r, 1<<20)
	out := bufio.NewWriterSize(w, 1<<20)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			line = line[:len(line)-1]
		}
		if len(line) > 0 {
			out.Write(RespondLine(line))
			out.WriteByte('\n')
		}
		if err == io.EOF {
			return out.Flush()
		}
		if err != nil {
			return err
		}
	}
}
