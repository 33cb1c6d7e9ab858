package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

// stemknRun runs the command line as the program would, with stdin.
func stemknRun(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errs)
	return code, out.String(), errs.String()
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return string(b)
}

// oneLine compacts a JSON document onto one line, for NDJSON.
func oneLine(t *testing.T, doc string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, []byte(doc)))
	return b.String()
}

// jsonResults parses --format json output: one result per line.
func jsonResults(t *testing.T, stdout string) []stemkn.Result {
	t.Helper()
	var out []stemkn.Result
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 64<<20) // a result may quote a line of the 8 MiB limit
	for sc.Scan() {
		var r stemkn.Result
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), sc.Text())
		out = append(out, r)
	}
	require.NoError(t, sc.Err())
	return out
}

const cohortPath = "../../stemkn/testdata/enthuse-2014-cohort.ndjson"

func TestCommandsExitWithTheDocumentedCodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // a line or part of one the output must have
		stderr string
	}{
		{"no command", nil, "", exitTrouble, "", "Usage:"},
		{"unknown command", []string{"frobnicate"}, "", exitTrouble, "", `unknown command "frobnicate"`},
		{"help", []string{"help"}, "", exitOK, "stemkn validate", ""},
		{"-h", []string{"-h"}, "", exitOK, "stemkn stats", ""},
		{"help for a command", []string{"help", "validate"}, "", exitOK, "-scheme-file FILE", ""},
		{"help for an unknown command", []string{"help", "frobnicate"}, "", exitTrouble, "", `unknown command "frobnicate"`},

		{"validate a valid document", []string{"validate", "testdata/calder-valid.json"}, "", exitOK, "testdata/calder-valid.json: valid", ""},
		{"validate an invalid document", []string{"validate", "testdata/calder-invalid.json"}, "", exitFindings, "testdata/calder-invalid.json: not valid", ""},
		{"validate stdin", []string{"validate"}, readTestdata(t, "calder-valid.json"), exitOK, "<stdin>: valid", ""},
		{"validate - as stdin", []string{"validate", "-"}, readTestdata(t, "calder-invalid.json"), exitFindings, "<stdin>: not valid", ""},
		{"validate NDJSON with an invalid line", []string{"validate", "testdata/cohort.ndjson"}, "", exitFindings, "testdata/cohort.ndjson:3: not valid", ""},
		{"validate malformed JSON", []string{"validate", "testdata/malformed.json"}, "", exitFindings, "(syntax)", ""},
		{"validate empty input", []string{"validate"}, "", exitFindings, "(syntax)", ""},
		{"validate a missing file", []string{"validate", "testdata/no-such-file.json"}, "", exitTrouble, "", "no-such-file.json"},
		{"validate two files", []string{"validate", "testdata/calder-valid.json", "testdata/calder-invalid.json"}, "", exitTrouble, "", "give one file"},
		{"validate with an unknown flag", []string{"validate", "--frob", "testdata/calder-valid.json"}, "", exitTrouble, "", "flag provided but not defined: -frob"},
		{"validate -h", []string{"validate", "-h"}, "", exitOK, "", "Usage: stemkn validate"},
		{"validate in an unknown format", []string{"validate", "--format", "xml", "testdata/calder-valid.json"}, "", exitTrouble, "", `--format must be text, json or basic, not "xml"`},
		{"validate in an unknown mode", []string{"validate", "--mode", "final", "testdata/calder-valid.json"}, "", exitTrouble, "", `--mode must be submit or draft, not "final"`},
		{"validate against an unknown scheme", []string{"validate", "--scheme", "no-such-scheme", "testdata/calder-valid.json"}, "", exitTrouble, "", `there is no scheme "no-such-scheme"`},
		{"validate with a scheme file", []string{"validate", "--scheme-file", "testdata/lower-cap.scheme.json", "testdata/calder-valid.json"}, "", exitFindings, "(budget.cap)", ""},
		{"validate with a missing scheme file", []string{"validate", "--scheme-file", "testdata/no-such.scheme.json", "testdata/calder-valid.json"}, "", exitTrouble, "", "no-such.scheme.json"},
		{"validate with a bad scheme file", []string{"validate", "--scheme-file", "testdata/unknown-rule.scheme.json", "testdata/calder-valid.json"}, "", exitTrouble, "", `testdata/unknown-rule.scheme.json: scheme calder-unknown-rule: json: unknown field "maximumFun"`},
		{"validate with a scheme file that is not a scheme", []string{"validate", "--scheme-file", "testdata/malformed.json", "testdata/calder-valid.json"}, "", exitTrouble, "", "testdata/malformed.json: scheme file: not a JSON scheme object"},
		{"validate a draft", []string{"validate", "--mode", "draft"}, `{"scheme":"stem-kn-2011"}`, exitOK, "  warning /network/name: Enter the network's name (required)", ""},
		{"validate the same draft on submission", []string{"validate"}, `{"scheme":"stem-kn-2011"}`, exitFindings, "  error /network/name: Enter the network's name (required)", ""},

		{"schemes", []string{"schemes"}, "", exitOK, "stem-kn-2011\tSTEM Knowledge Networks", ""},
		{"schemes with an argument", []string{"schemes", "extra"}, "", exitTrouble, "", "takes no arguments"},

		{"stats", []string{"stats", cohortPath}, "", exitOK, `"institutions": 248`, ""},
		{"stats from stdin", []string{"stats", "-"}, readTestdata(t, "cohort.ndjson"), exitOK, `"networks": 3`, "skipped 1 line that is not an application"},
		{"stats of a missing file", []string{"stats", "testdata/no-such.ndjson"}, "", exitTrouble, "", "no-such.ndjson"},
		{"stats of two files", []string{"stats", cohortPath, cohortPath}, "", exitTrouble, "", "give one file"},
		{"stats whose money overflows", []string{"stats"},
			`{"funding":{"currency":"GBP","lines":[{"amount":9223372036854775807}]}}` + "\n" + `{"funding":{"currency":"GBP","lines":[{"amount":1}]}}`,
			exitFindings, "", "<stdin>: line 2: the money requested in GBP adds up to more than stemkn can count exactly"},

		{"test a scheme file whose cases pass", []string{"test", "testdata/lower-cap.scheme.json"}, "", exitOK, "ok  a £2,000 request is over the lowered cap", ""},
		{"test a scheme file whose cases fail", []string{"test", "testdata/wrong-expectations.scheme.json"}, "", exitFindings,
			"FAIL the over-share application is wrongly expected to pass: expected valid to be true, got false", ""},
		{"test passing and failing files together", []string{"test", "testdata/lower-cap.scheme.json", "testdata/wrong-expectations.scheme.json"}, "", exitFindings, "ok  the valid application passes", ""},
		{"test with no files", []string{"test"}, "", exitTrouble, "", "Usage: stemkn test SCHEME-FILE..."},
		{"test a missing file", []string{"test", "testdata/no-such.scheme.json"}, "", exitTrouble, "", "no-such.scheme.json"},
		{"test a bad scheme file", []string{"test", "testdata/unknown-rule.scheme.json"}, "", exitTrouble, "", "maximumFun"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := stemknRun(t, tc.stdin, tc.args...)
			require.Equal(t, tc.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			require.Contains(t, stdout, tc.stdout)
			require.Contains(t, stderr, tc.stderr)
			if tc.code == exitTrouble {
				require.NotEmpty(t, stderr, "trouble is explained on stderr")
			}
			if tc.stderr == "" {
				require.Empty(t, stderr)
			}
		})
	}
}

func TestValidateKeepsNDJSONOrderWithManyLines(t *testing.T) {
	// Every third line asks for i pence more than the £2,000 cap, so its
	// finding names the line's own total and any reordering shows.
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	const lines = 600
	var in strings.Builder
	overCap := func(i int) bool { return i%3 == 0 }
	for i := 1; i <= lines; i++ {
		doc := valid
		if overCap(i) {
			doc = strings.Replace(doc, `"amount":160000`, `"amount":`+strconv.Itoa(160000+i), 1)
		}
		in.WriteString(doc + "\n")
	}

	code, stdout, stderr := stemknRun(t, in.String(), "validate", "--format", "json")
	require.Equal(t, exitFindings, code, stderr)
	results := jsonResults(t, stdout)
	require.Len(t, results, lines)
	for i, r := range results {
		line := i + 1
		require.Equal(t, !overCap(line), r.Valid, "line %d", line)
		if overCap(line) {
			require.Equal(t, []stemkn.Code{stemkn.CodeCap}, r.Findings.Codes(), "line %d", line)
			require.Equal(t, int64(200000+line), r.Findings[0].Params["total"], "line %d", line)
		}
	}

	code, stdout, _ = stemknRun(t, in.String(), "validate")
	require.Equal(t, exitFindings, code)
	var labels []string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "<stdin>:") {
			labels = append(labels, l)
		}
	}
	require.Len(t, labels, lines)
	for i, l := range labels {
		verdict := "valid"
		if overCap(i + 1) {
			verdict = "not valid"
		}
		require.Equal(t, "<stdin>:"+strconv.Itoa(i+1)+": "+verdict, l)
	}
}

func TestValidateTellsNDJSONFromOneDocument(t *testing.T) {
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	for _, tc := range []struct {
		name   string
		stdin  string
		labels []string
	}{
		{"a pretty-printed document", readTestdata(t, "calder-valid.json"), []string{"<stdin>: valid"}},
		{"a document on one line", valid + "\n", []string{"<stdin>: valid"}},
		{"a document on one line without a line ending", valid, []string{"<stdin>: valid"}},
		{"one line among blank ones", "\n\n" + valid + "\n\n  \n", []string{"<stdin>: valid"}},
		{"two lines", valid + "\n" + valid + "\n", []string{"<stdin>:1: valid", "<stdin>:2: valid"}},
		{"lines with blanks between, numbered as in the file", "\n" + valid + "\r\n\r\n" + valid + "\n" + valid, []string{"<stdin>:2: valid", "<stdin>:4: valid", "<stdin>:5: valid"}},
		{"an unfinished first line is the start of one document", "{\n" + valid[1:] + "\n", []string{"<stdin>: valid"}},
		{"a complete first line makes later bad lines their own documents", valid + "\n}\n", []string{"<stdin>:1: valid", "<stdin>:2: not valid"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stdout, stderr := stemknRun(t, tc.stdin, "validate")
			require.Empty(t, stderr)
			var labels []string
			for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
				if !strings.HasPrefix(l, " ") {
					labels = append(labels, l)
				}
			}
			require.Equal(t, tc.labels, labels, stdout)
		})
	}
}

func TestValidateSchemeFlagOverridesTheDocumentsScheme(t *testing.T) {
	renamed := strings.Replace(readTestdata(t, "calder-valid.json"), `"scheme": "stem-kn-2011"`, `"scheme": "no-such-scheme"`, 1)
	require.NotEqual(t, readTestdata(t, "calder-valid.json"), renamed)

	code, stdout, _ := stemknRun(t, renamed, "validate", "--format", "json")
	require.Equal(t, exitFindings, code)
	require.Equal(t, []stemkn.Code{stemkn.CodeSchemeUnknown}, jsonResults(t, stdout)[0].Findings.Codes())

	code, stdout, _ = stemknRun(t, renamed, "validate", "--format", "json", "--scheme", "stem-kn-2011")
	require.Equal(t, exitOK, code, stdout)
	require.Equal(t, "stem-kn-2011", jsonResults(t, stdout)[0].Scheme)

	t.Run("a scheme file's scheme unless --scheme is given", func(t *testing.T) {
		code, stdout, _ := stemknRun(t, renamed, "validate", "--format", "json", "--scheme-file", "testdata/lower-cap.scheme.json")
		require.Equal(t, exitFindings, code)
		r := jsonResults(t, stdout)[0]
		require.Equal(t, "calder-lower-cap", r.Scheme)
		require.Equal(t, []stemkn.Code{stemkn.CodeCap}, r.Findings.Codes())

		code, stdout, _ = stemknRun(t, renamed, "validate", "--format", "json",
			"--scheme-file", "testdata/lower-cap.scheme.json", "--scheme", "stem-kn-2011")
		require.Equal(t, exitOK, code)
		require.Equal(t, "stem-kn-2011", jsonResults(t, stdout)[0].Scheme)
	})
}

func TestValidateJSONOutputIsTheResult(t *testing.T) {
	code, stdout, _ := stemknRun(t, "", "validate", "--format", "json", "testdata/calder-invalid.json")
	require.Equal(t, exitFindings, code)
	require.Equal(t, 1, strings.Count(stdout, "\n"), "one result, on one line")
	results := jsonResults(t, stdout)
	require.Len(t, results, 1)
	r := results[0]
	require.False(t, r.Valid)
	require.NotNil(t, r.Eligible)
	require.False(t, *r.Eligible)
	require.Equal(t, []stemkn.Code{stemkn.CodeRequired, stemkn.CodeCap, stemkn.CodeCategoryShare}, r.Findings.Codes())
	require.NotEmpty(t, r.Rules)
	require.Contains(t, stdout, "£2,000.00", "money signs are not escaped")
}

func TestValidateBasicOutputIsJSONSchemaBasicOutput(t *testing.T) {
	var ndjson bytes.Buffer
	for _, f := range []string{"calder-valid.json", "calder-invalid.json"} {
		require.NoError(t, json.Compact(&ndjson, []byte(readTestdata(t, f))))
		ndjson.WriteByte('\n')
	}
	code, stdout, _ := stemknRun(t, ndjson.String(), "validate", "--format", "basic")
	require.Equal(t, exitFindings, code)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 2, "one output per document, one line each")
	require.JSONEq(t, `{"valid": true, "keywordLocation": "", "instanceLocation": ""}`, lines[0])
	var basic stemkn.BasicOutput
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &basic))
	require.False(t, basic.Valid)
	require.Equal(t, []stemkn.BasicError{
		{KeywordLocation: "/properties/network/$ref/properties/name/minLength",
			AbsoluteKeywordLocation: "https://stemkn.org/schema/stem-kn-2011.json#/$defs/Network/properties/name/minLength",
			InstanceLocation:        "/network/name", Error: "Enter the network's name"},
		{KeywordLocation: "/x-stemkn-rules/5", InstanceLocation: "/funding/lines", Error: "The total must be £2,000.00 or less: it is £2,200.00"},
		{KeywordLocation: "/x-stemkn-rules/6", InstanceLocation: "/funding/lines", Error: jsonResultsMessage(t, "calder-invalid.json", 2)},
	}, basic.Errors)
}

func TestValidateTextOutputSaysWhatIsWrongAndWhy(t *testing.T) {
	code, stdout, _ := stemknRun(t, "", "validate", "testdata/calder-invalid.json")
	require.Equal(t, exitFindings, code)
	require.Equal(t, `testdata/calder-invalid.json: not valid
  error /network/name: Enter the network's name (required)
  error /funding/lines: The total must be £2,000.00 or less: it is £2,200.00 (budget.cap)
  error /funding/lines: `+jsonResultsMessage(t, "calder-invalid.json", 2)+` (budget.category-share)
  not eligible, because it fails:
    cap: The total asked for is £2,000.00 or less (budget.cap)
      reference: Funding of up to £2,000 may be available to support the development of a network.
    categoryShares.resources: Resources is no more than 20% of the total (budget.category-share)
      reference: Please note that no more than 20% of the funding should be spent on resources.
`, stdout)
}

// jsonResultsMessage is the message of a document's nth finding, as the
// library words it, so the text test does not pin the library's rounding.
func jsonResultsMessage(t *testing.T, name string, n int) string {
	r := stemkn.NewValidator(nil).Validate([]byte(readTestdata(t, name)), stemkn.Options{})
	return r.Findings[n].Message
}

func TestValidateReportsMalformedJSONAsASyntaxFinding(t *testing.T) {
	code, stdout, stderr := stemknRun(t, "", "validate", "--format", "json", "testdata/malformed.json")
	require.Equal(t, exitFindings, code, "malformed JSON is a finding about the document, not trouble")
	require.Empty(t, stderr)
	r := jsonResults(t, stdout)[0]
	require.Equal(t, []stemkn.Code{stemkn.CodeSyntax}, r.Findings.Codes())
	require.Equal(t, int64(3), r.Findings[0].Params["line"])

	_, stdout, _ = stemknRun(t, "", "validate", "testdata/malformed.json")
	require.Contains(t, stdout, "  error: The document cannot be read as JSON: there is something other than a field name in quotes at line 3, column 32 (syntax)\n")
}

func TestValidateCallsALineLongerThanTheLimitTooLarge(t *testing.T) {
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	long := `{"network":{"name":"` + strings.Repeat("x", stemkn.DefaultLimits.Bytes) + `"}}`
	exact := `{"scheme":"` + strings.Repeat("x", stemkn.DefaultLimits.Bytes-len(`{"scheme":""}`)) + `"}`
	require.Len(t, exact, stemkn.DefaultLimits.Bytes)

	t.Run("in NDJSON", func(t *testing.T) {
		code, stdout, stderr := stemknRun(t, valid+"\n"+long+"\n"+exact+"\r\n"+valid+"\n", "validate", "--format", "json")
		require.Equal(t, exitFindings, code, stderr)
		results := jsonResults(t, stdout)
		require.Len(t, results, 4)
		require.True(t, results[0].Valid)
		require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, results[1].Findings.Codes())
		require.NotContains(t, results[2].Findings.Codes(), stemkn.CodeTooLarge, "a line of exactly the limit is read")
		require.True(t, results[3].Valid)
	})
	t.Run("as the first line", func(t *testing.T) {
		code, stdout, _ := stemknRun(t, long+"\n"+valid+"\n", "validate", "--format", "json")
		require.Equal(t, exitFindings, code)
		results := jsonResults(t, stdout)
		require.Len(t, results, 2)
		require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, results[0].Findings.Codes())
		require.True(t, results[1].Valid)
	})
	t.Run("as the only document", func(t *testing.T) {
		code, stdout, _ := stemknRun(t, long, "validate", "--format", "json")
		require.Equal(t, exitFindings, code)
		require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, jsonResults(t, stdout)[0].Findings.Codes())
	})
	t.Run("spread over many lines", func(t *testing.T) {
		spread := "{\n" + strings.Repeat(`"network": {},`+"\n", stemkn.DefaultLimits.Bytes/15) + `"scheme": "stem-kn-2011"}`
		code, stdout, _ := stemknRun(t, spread, "validate", "--format", "json")
		require.Equal(t, exitFindings, code)
		require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, jsonResults(t, stdout)[0].Findings.Codes())
	})
}

func TestFlagsMayFollowTheFile(t *testing.T) {
	code, stdout, stderr := stemknRun(t, "", "validate", "testdata/calder-valid.json", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	require.Len(t, jsonResults(t, stdout), 1)

	code, _, stderr = stemknRun(t, "", "validate", "--", "--format")
	require.Equal(t, exitTrouble, code, "after --, --format is a file name")
	require.Contains(t, stderr, "open --format")
}

func TestValidateStopsOnTroubleReadingOrWriting(t *testing.T) {
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	lines := strings.Repeat(valid+"\n", 20)

	t.Run("reading", func(t *testing.T) {
		in := io.MultiReader(strings.NewReader(lines), iotest.ErrReader(errors.New("disk on fire")))
		var out, errs bytes.Buffer
		code := run([]string{"validate"}, in, &out, &errs)
		require.Equal(t, exitTrouble, code)
		require.Contains(t, errs.String(), "<stdin>: disk on fire")
		require.Equal(t, 20, strings.Count(out.String(), ": valid\n"), "what was read is reported")
	})
	t.Run("writing", func(t *testing.T) {
		var errs bytes.Buffer
		code := run([]string{"validate"}, strings.NewReader(strings.Repeat(lines, 300)), failingWriter{}, &errs)
		require.Equal(t, exitTrouble, code)
		require.Contains(t, errs.String(), "stdout is gone")
	})
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("stdout is gone") }

func TestStatsReproducesTheEnthuse2014Cohort(t *testing.T) {
	code, stdout, stderr := stemknRun(t, "", "stats", cohortPath)
	require.Equal(t, exitOK, code, stderr)
	var got stemkn.Statistics
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.Equal(t, 38, got.Networks)
	require.Equal(t, 248, got.Institutions)
	require.Equal(t, map[string]int{"primary": 201, "secondary": 47, "other": 0}, got.ByPhase)
	require.Equal(t, map[string]int64{"GBP": 45_600_000}, got.Requested)
	total := 0
	for _, n := range got.ByRegion {
		total += n
	}
	require.Equal(t, 248, total)
	require.NotContains(t, stdout, "skipped")
}

func TestStatsSaysHowManyLinesItSkipped(t *testing.T) {
	code, stdout, stderr := stemknRun(t, "[]\n{\n\n"+`{"network":{"institutions":[{"urn":"107552"}]}}`, "stats")
	require.Equal(t, exitOK, code)
	require.Equal(t, "stemkn stats: <stdin>: skipped 2 lines that are not applications\n", stderr)
	var got stemkn.Statistics
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.Equal(t, 2, got.Skipped)
	require.Equal(t, 1, got.Networks)
}

func TestSchemesListsTheCatalogueInOrder(t *testing.T) {
	code, stdout, _ := stemknRun(t, "", "schemes")
	require.Equal(t, exitOK, code)
	var want strings.Builder
	for _, s := range stemkn.NewCatalogue().Schemes() {
		want.WriteString(s.ID + "\t" + s.Title + "\n")
	}
	require.Equal(t, want.String(), stdout)
	require.True(t, strings.HasPrefix(stdout, "stem-kn-2011\tSTEM Knowledge Networks\n"))
}

func TestTestReportsEveryCase(t *testing.T) {
	code, stdout, _ := stemknRun(t, "", "test", "testdata/lower-cap.scheme.json", "testdata/wrong-expectations.scheme.json")
	require.Equal(t, exitFindings, code)
	require.Equal(t, `ok  a £2,000 request is over the lowered cap
ok  a £1,500 request, a fifth on resources, is within it
ok  a draft with no network is still being written
ok  the valid application passes
FAIL the over-share application is wrongly expected to pass: expected valid to be true, got false
`, stdout)
}

func TestTestSaysWhenAFileHasNoCases(t *testing.T) {
	code, stdout, _ := stemknRun(t, "", "test", "testdata/unknown-rule.scheme.json")
	require.Equal(t, exitTrouble, code)
	require.Empty(t, stdout)

	dir := t.TempDir()
	path := dir + "/empty.scheme.json"
	require.NoError(t, os.WriteFile(path, []byte(`{"id":"no-cases","title":"No cases","extends":"stem-kn-2011"}`), 0o644))
	code, stdout, _ = stemknRun(t, "", "test", path)
	require.Equal(t, exitOK, code)
	require.Equal(t, "?   "+path+": scheme no-cases has no tests\n", stdout)
}

func TestHelpListsEveryCommand(t *testing.T) {
	_, stdout, _ := stemknRun(t, "", "help")
	for _, c := range commands {
		require.Contains(t, stdout, "  stemkn "+c.name)
	}
	require.Contains(t, stdout, "Exit status")
}

func TestTestJudgesEachFileByItsOwnScheme(t *testing.T) {
	calder := oneLine(t, readTestdata(t, "calder-valid.json"))
	dir := t.TempDir()
	write := func(name, scheme string) string {
		path := dir + "/" + name
		require.NoError(t, os.WriteFile(path, []byte(scheme), 0o644))
		return path
	}
	lower := write("lower.json", `{"id": "calder", "title": "Lower", "extends": "stem-kn-2011",
		"rules": {"cap": {"amount": 180000, "reference": "lower"}},
		"tests": [{"name": "lower cap refuses £2,000", "document": `+calder+`, "expect": {"valid": false}}]}`)
	same := write("same.json", `{"id": "calder", "title": "Same", "extends": "stem-kn-2011",
		"tests": [{"name": "built-in cap allows £2,000", "document": `+calder+`, "expect": {"valid": true}}]}`)
	child := write("child.json", `{"id": "calder-child", "title": "Child", "extends": "calder",
		"tests": [{"name": "a file extends an earlier file", "document": `+calder+`, "expect": {"valid": true}}]}`)

	code, stdout, stderr := stemknRun(t, "", "test", lower, same, child)
	require.Equal(t, exitOK, code, stderr)
	require.Equal(t, "ok  lower cap refuses £2,000\nok  built-in cap allows £2,000\nok  a file extends an earlier file\n", stdout)
}

func TestTheStatisticsCohortIsOfValidENTHUSEApplications(t *testing.T) {
	code, stdout, stderr := stemknRun(t, "", "validate", "--format", "json", cohortPath)
	require.Equal(t, exitOK, code, stderr)
	results := jsonResults(t, stdout)
	require.Len(t, results, 38)
	for i, r := range results {
		require.Equal(t, "enthuse-2014", r.Scheme, "line %d", i+1)
		require.True(t, r.Valid, "line %d: %v", i+1, r.Findings)
		require.NotNil(t, r.Eligible)
		require.True(t, *r.Eligible, "line %d", i+1)
	}
}

// BenchmarkValidateNDJSON measures bulk validation of the 38-application
// cohort, JSON output, on GOMAXPROCS workers.
func BenchmarkValidateNDJSON(b *testing.B) {
	cohort, err := os.ReadFile(cohortPath)
	require.NoError(b, err)
	b.SetBytes(int64(len(cohort)))
	for b.Loop() {
		if code := run([]string{"validate", "--format", "json"}, bytes.NewReader(cohort), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func TestValidateLangWordsTheFindingsInThatLanguage(t *testing.T) {
	cy, err := stemkn.MessagesIn("cy")
	require.NoError(t, err)
	doc, err := os.ReadFile("testdata/calder-invalid.json")
	require.NoError(t, err)
	want := stemkn.NewValidator(nil).WithMessages(cy).Validate(doc, stemkn.Options{})

	code, stdout, _ := stemknRun(t, "", "validate", "--format", "json", "--lang", "cy", "testdata/calder-invalid.json")
	require.Equal(t, exitFindings, code)
	results := jsonResults(t, stdout)
	require.Len(t, results, 1)
	require.Equal(t, want.Findings, results[0].Findings, "the library's Welsh findings")
	require.NotEqual(t, stemkn.NewValidator(nil).Validate(doc, stemkn.Options{}).Findings[0].Message, results[0].Findings[0].Message, "not the English ones")

	code, _, stderr := stemknRun(t, "", "validate", "--lang", "fr", "testdata/calder-invalid.json")
	require.Equal(t, exitTrouble, code)
	require.Contains(t, stderr, `--lang: there are no messages in "fr"`)
}

func TestValidateJSONLinesAreWhatJSONMarshalWritesForTheResult(t *testing.T) {
	valid := oneLine(t, readTestdata(t, "calder-valid.json"))
	docs := []string{
		valid,
		// Findings whose messages quote the document: <, > and &, a line
		// separator, Welsh letters and a pound sign.
		strings.Replace(valid, `"amount":160000`, `"amount":260000`, 1),
		`{"scheme":"stem-kn-2011","network":{"name":"<b>D&T</b> \u2028 Ŵyn £"}}`,
		`{"scheme": "no-such-scheme"}`,
		`not json`,
	}
	v := stemkn.NewValidator(stemkn.NewCatalogue())
	code, stdout, stderr := stemknRun(t, strings.Join(docs, "\n")+"\n", "validate", "--format", "json")
	require.Equal(t, exitFindings, code, stderr)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, len(docs))
	for i, doc := range docs {
		want, err := json.Marshal(v.Validate([]byte(doc), stemkn.Options{}))
		require.NoError(t, err)
		require.Equal(t, string(want), lines[i], "line %d", i+1)
	}
}
