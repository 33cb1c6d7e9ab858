package stemkn

import (
	"slices"
	"strconv"

	"github.com/stemkn/stemkn/internal/jsonreflect"
	"github.com/stemkn/stemkn/internal/jsonscan"
)

// Every result leaves as JSON — a line of `stemkn validate --format json`,
// an answer of the widget on every keystroke — and encoding/json finds its
// way through a Result by reflection: in the widget's WebAssembly that cost
// a quarter of a validation. AppendJSON writes the same bytes directly.
// (It is not a MarshalJSON: encoding/json re-scans whatever a Marshaler
// returns, which costs more than the reflection it would save.)

// AppendJSON appends the result's JSON to b and returns the extended
// slice: exactly what json.Marshal writes for the result (<, > and &
// escaped, as json.Marshal does by default). It fails only when a
// finding's Params hold a value JSON cannot hold (a channel, a function,
// NaN), which json.Marshal refuses too, or a map keyed by anything but
// text, which stemkn never makes.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	return r.appendJSON(slices.Grow(b, r.sizeHint()))
}

// sizeHint guesses the length of the JSON, so that it is written into one
// allocation.
func (r *Result) sizeHint() int {
	n := 64 + len(r.Scheme)
	for i := range r.Findings {
		f := &r.Findings[i]
		n += 96 + len(f.Path) + len(f.Message) + len(f.Rule) + len(f.Variant) + 48*len(f.Params) + 32*len(f.Related)
	}
	for i := range r.Rules {
		rr := &r.Rules[i]
		n += 80 + len(rr.Rule) + len(rr.Code) + len(rr.Title) + len(rr.Reference) + len(rr.Source)
	}
	return n
}

func (r *Result) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"scheme":`...)
	b = jsonscan.AppendString(b, r.Scheme)
	b = append(b, `,"valid":`...)
	b = strconv.AppendBool(b, r.Valid)
	if r.Eligible != nil {
		b = append(b, `,"eligible":`...)
		b = strconv.AppendBool(b, *r.Eligible)
	}
	b = append(b, `,"findings":`...)
	if r.Findings == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = r.Findings[i].appendJSON(b); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	}
	if len(r.Rules) > 0 {
		b = append(b, `,"rules":[`...)
		for i := range r.Rules {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Rules[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

func (f *Finding) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"code":`...)
	b = jsonscan.AppendString(b, string(f.Code))
	b = append(b, `,"severity":`...)
	b = jsonscan.AppendString(b, string(f.Severity))
	b = append(b, `,"path":`...)
	b = jsonscan.AppendString(b, f.Path)
	if len(f.Related) > 0 {
		b = append(b, `,"related":[`...)
		for i, r := range f.Related {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonscan.AppendString(b, r)
		}
		b = append(b, ']')
	}
	b = append(b, `,"message":`...)
	b = jsonscan.AppendString(b, f.Message)
	if len(f.Params) > 0 {
		b = append(b, `,"params":{`...)
		keys := make([]string, 0, len(f.Params))
		for k := range f.Params {
			keys = append(keys, k)
		}
		slices.Sort(keys) // encoding/json writes map keys in order
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonscan.AppendString(b, k)
			b = append(b, ':')
			var err error
			if b, err = appendParam(b, f.Params[k]); err != nil {
				return nil, err
			}
		}
		b = append(b, '}')
	}
	if f.Rule != "" {
		b = append(b, `,"rule":`...)
		b = jsonscan.AppendString(b, f.Rule)
	}
	if f.Variant != "" {
		b = append(b, `,"variant":`...)
		b = jsonscan.AppendString(b, f.Variant)
	}
	return append(b, '}'), nil
}

// appendParam writes a parameter value: the kinds Params hold directly,
// anything else as json.Marshal writes it (appendJSON).
func appendParam(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case string:
		return jsonscan.AppendString(b, v), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case []string:
		return jsonscan.AppendStrings(b, v), nil
	}
	return jsonreflect.Append(b, v)
}

func (rr *RuleResult) appendJSON(b []byte) []byte {
	b = append(b, `{"rule":`...)
	b = jsonscan.AppendString(b, rr.Rule)
	b = append(b, `,"code":`...)
	b = jsonscan.AppendString(b, string(rr.Code))
	b = append(b, `,"title":`...)
	b = jsonscan.AppendString(b, rr.Title)
	b = append(b, `,"outcome":`...)
	b = jsonscan.AppendString(b, string(rr.Outcome))
	b = append(b, `,"reference":`...)
	b = jsonscan.AppendString(b, rr.Reference)
	if rr.Source != "" {
		b = append(b, `,"source":`...)
		b = jsonscan.AppendString(b, rr.Source)
	}
	if rr.Advice {
		b = append(b, `,"advice":true`...)
	}
	return append(b, '}')
}
