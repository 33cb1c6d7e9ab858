package stemkn

// Benchmarks of the validator, from bytes to findings, and of its parts.
// `make bench` runs them with -count=5 and writes BENCHMARKS.md from their
// medians; `make bench-smoke` runs each once so they cannot rot. Speed is
// measured here only: no test asserts a time.

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"unsafe"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stemkn/stemkn/stemkn/internal/benchdata"
	"github.com/stretchr/testify/require"
)

// ndjsonInputs are made once per process: the largest is 100,000
// documents, some 300 MB, and takes a second to make.
var ndjsonInputs sync.Map // documents (int) → []byte

func ndjsonInput(docs int) []byte {
	if b, ok := ndjsonInputs.Load(docs); ok {
		return b.([]byte)
	}
	b := benchdata.NDJSON(docs)
	ndjsonInputs.Store(docs, b)
	return b
}

// A benchmark that measured a document with findings would measure the
// wording of findings instead of the checks; these hold the inputs to
// being valid, so that cannot happen unnoticed.
func TestBenchmarkInputsAreValidAndEligible(t *testing.T) {
	v := NewValidator(nil)
	check := func(name string, data []byte) {
		r := v.Validate(data, Options{})
		require.Truef(t, r.Valid, "%s: %v", name, r.Findings)
		require.Emptyf(t, r.Findings, "%s", name)
		require.NotNilf(t, r.Eligible, "%s", name)
		require.Truef(t, *r.Eligible, "%s", name)
	}
	for _, f := range benchdata.Fixtures {
		data := readFixture(t, f.File)
		check(f.File, data)
		require.Equal(t, f.Scheme, v.Validate(data, Options{}).Scheme)
	}
	for _, n := range benchdata.MemberCounts {
		check("members="+strconv.Itoa(n), benchdata.Application(n))
	}
	for _, line := range bytes.Split(bytes.TrimSuffix(benchdata.NDJSON(100), []byte("\n")), []byte("\n")) {
		check("NDJSON line", line)
	}
}

// BenchmarkDecode is the strict decoder alone: reference document bytes to
// an Application.
func BenchmarkDecode(b *testing.B) {
	doc := string(readFixture(b, "reference-12-members.json"))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var app Application
		var out Findings
		read(doc, applicationShape, unsafe.Pointer(&app), DefaultLimits, &out)
		if len(out) > 0 {
			b.Fatal(out)
		}
	}
}

// BenchmarkCheck is everything after decoding: the validate tags, the
// scheme's rules and the result, for the reference document already in Go
// form.
func BenchmarkCheck(b *testing.B) {
	v := NewValidator(nil)
	var app Application
	var out Findings
	read(string(readFixture(b, "reference-12-members.json")), applicationShape, unsafe.Pointer(&app), DefaultLimits, &out)
	require.Empty(b, out)
	b.ReportAllocs()
	for b.Loop() {
		if r := v.ValidateApplication(&app, Options{}); !r.Valid {
			b.Fatal(r.Findings)
		}
	}
}

// BenchmarkValidate is the whole job, bytes to findings, for one document
// of each built-in scheme.
func BenchmarkValidate(b *testing.B) {
	v := NewValidator(nil)
	for _, f := range benchdata.Fixtures {
		data := readFixture(b, f.File)
		b.Run(f.Scheme, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if r := v.Validate(data, Options{}); !r.Valid {
					b.Fatal(r.Findings)
				}
			}
		})
	}
}

// BenchmarkResultJSON writes the reference document's result as JSON, as
// the command's --format json and the widget do for every document: by
// encoding/json's reflection, and by Result.AppendJSON.
func BenchmarkResultJSON(b *testing.B) {
	r := NewValidator(nil).Validate(readFixture(b, "reference-12-members.json"), Options{})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(&r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.AppendJSON(nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSanthosh is the peer: santhosh-tekuri/jsonschema/v6 judging
// the same bytes against the scheme's exported JSON Schema, set up as the
// agreement tests set it up (format assertions on). It checks structure
// only — no sums, shares, dates or eligibility — and its timing includes
// its own JSON parse (jsonschema.UnmarshalJSON), as ours includes our
// decoder. The schema is compiled once, outside the timing.
func BenchmarkSanthosh(b *testing.B) {
	catalogue := NewCatalogue()
	for _, f := range benchdata.Fixtures {
		data := readFixture(b, f.File)
		schema := compileSchemaForBench(b, catalogue, f.Scheme)
		b.Run(f.Scheme, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if err := schema.Validate(inst); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func compileSchemaForBench(tb testing.TB, c *Catalogue, id string) *jsonschema.Schema {
	tb.Helper()
	s, ok := c.Scheme(id)
	require.True(tb, ok, id)
	text, err := Schema(s)
	require.NoError(tb, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	require.NoError(tb, err)
	compiler := jsonschema.NewCompiler()
	compiler.AssertFormat()
	url := SchemaBaseURL + id + ".json"
	require.NoError(tb, compiler.AddResource(url, doc))
	schema, err := compiler.Compile(url)
	require.NoError(tb, err)
	return schema
}

// BenchmarkValidateParallel validates the reference document on every
// core at once, sharing one validator, as a server would.
func BenchmarkValidateParallel(b *testing.B) {
	v := NewValidator(nil)
	data := readFixture(b, "reference-12-members.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r := v.Validate(data, Options{}); !r.Valid {
				b.Error(r.Findings)
				return
			}
		}
	})
}

// BenchmarkMembers validates one document of 10 to 10,000 members (10,000
// is the members limit of document.go). ns/member is the time per document
// over its members.
func BenchmarkMembers(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range benchdata.MemberCounts {
		data := benchdata.Application(n)
		b.Run("members="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if r := v.Validate(data, Options{}); !r.Valid {
					b.Fatal(r.Findings)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/member")
		})
	}
}

// BenchmarkNDJSON validates NDJSON of 1 to 100,000 reference-sized
// documents, one line at a time on one core, as Validator.Validate in a
// loop. ns/doc is the time per input over its documents.
func BenchmarkNDJSON(b *testing.B) {
	v := NewValidator(nil)
	for _, n := range benchdata.DocumentCounts {
		b.Run("docs="+strconv.Itoa(n), func(b *testing.B) {
			data := ndjsonInput(n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				rest := data
				for len(rest) > 0 {
					end := bytes.IndexByte(rest, '\n')
					if r := v.Validate(rest[:end], Options{}); !r.Valid {
						b.Fatal(r.Findings)
					}
					rest = rest[end+1:]
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/doc")
		})
	}
}
