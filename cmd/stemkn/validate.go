package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strconv"
	"sync"

	"github.com/stemkn/stemkn/stemkn"
)

func init() {
	addCommand(command{
		name:    "validate",
		usage:   "[--scheme ID | --scheme-file FILE] [--format text|json] [--mode submit|draft] [FILE|-]",
		summary: "validate one JSON document, or NDJSON (one document per line), from FILE or stdin",
		run:     runValidate,
	})
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flagSet("validate", stderr)
	scheme := flags.String("scheme", "", "judge every document against the scheme `ID`, whatever its own scheme field says")
	schemeFile := flags.String("scheme-file", "", "load a scheme `FILE` (it may extend a built-in scheme) and judge against it unless --scheme is given")
	format := flags.String("format", "text", "output `format`: text, or json (one result per line)")
	mode := flags.String("mode", "submit", "`mode`: submit (missing values are errors) or draft (missing values are warnings)")
	paths, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	switch {
	case len(paths) > 1:
		return trouble(stderr, "validate", "give one file (or - for stdin), not "+strconv.Itoa(len(paths)))
	case *format != "text" && *format != "json":
		return trouble(stderr, "validate", "--format must be text or json, not "+strconv.Quote(*format))
	case *mode != string(stemkn.Submit) && *mode != string(stemkn.Draft):
		return trouble(stderr, "validate", "--mode must be submit or draft, not "+strconv.Quote(*mode))
	}

	catalogue := stemkn.NewCatalogue()
	opts := stemkn.Options{Scheme: *scheme, Mode: stemkn.Mode(*mode)}
	if *schemeFile != "" {
		s, err := catalogue.LoadFile(*schemeFile)
		if err != nil {
			return trouble(stderr, "validate", schemeFileProblem(*schemeFile, err))
		}
		if opts.Scheme == "" {
			opts.Scheme = s.ID
		}
	}
	if opts.Scheme != "" {
		if _, known := catalogue.Scheme(opts.Scheme); !known {
			return trouble(stderr, "validate", "there is no scheme "+strconv.Quote(opts.Scheme)+" (stemkn schemes lists them)")
		}
	}

	path := ""
	if len(paths) == 1 {
		path = paths[0]
	}
	in, name, closeIn, err := openInput(path, stdin)
	if err != nil {
		return trouble(stderr, "validate", err.Error())
	}
	defer closeIn()

	v := stemkn.NewValidator(catalogue)
	judge := func(d document) verdict {
		r := v.Validate(d.text, opts)
		var b bytes.Buffer
		if *format == "json" {
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(&r) // a Result always encodes; the buffer cannot fail
		} else {
			label := name
			if d.line > 0 {
				label += ":" + strconv.Itoa(d.line)
			}
			writeText(&b, label, &r)
		}
		return verdict{out: b.Bytes(), invalid: !r.Valid}
	}
	// bufio.Writer keeps its first error, so a long run stops as soon as
	// its output cannot be written.
	out := bufio.NewWriter(stdout)
	invalid, readErr, writeErr := validateInput(newLineReader(in, v.Limits().Bytes), v.Limits().Bytes, judge, out)
	if err := out.Flush(); writeErr == nil {
		writeErr = err
	}
	switch {
	case readErr != nil:
		return trouble(stderr, "validate", name+": "+readErr.Error())
	case writeErr != nil:
		return trouble(stderr, "validate", writeErr.Error())
	case invalid:
		return exitFindings
	}
	return exitOK
}

// schemeFileProblem words a scheme file that would not load; an I/O error
// already names the file.
func schemeFileProblem(path string, err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return err.Error()
	}
	return path + ": " + err.Error()
}

// writeText prints a result for people: the verdict, each finding, and for
// an ineligible document the rules it fails with their references. Paths,
// messages and rule texts come from the document and the scheme file, so
// each goes through printable: every line the output has is one this
// function starts.
func writeText(w io.Writer, label string, r *stemkn.Result) {
	verdict := "valid"
	if !r.Valid {
		verdict = "not valid"
	}
	fmt.Fprintf(w, "%s: %s\n", printable(label), verdict)
	for _, f := range r.Findings {
		path := ""
		if f.Path != "" {
			path = " " + printable(f.Path)
		}
		fmt.Fprintf(w, "  %s%s: %s (%s)\n", f.Severity, path, printable(f.Message), printable(string(f.Code)))
	}
	if r.Eligible == nil || *r.Eligible {
		return
	}
	fmt.Fprintln(w, "  not eligible, because it fails:")
	for _, rule := range r.Rules {
		if rule.Outcome != stemkn.Failed || rule.Advice {
			continue
		}
		fmt.Fprintf(w, "    %s: %s (%s)\n", printable(rule.Rule), printable(rule.Title), printable(string(rule.Code)))
		if rule.Reference != "" {
			fmt.Fprintf(w, "      reference: %s\n", printable(rule.Reference))
		}
	}
}

// document is one document of the input: its text, and for NDJSON the
// 1-based line it is on (0 for a whole-input document).
type document struct {
	line int
	text []byte
}

// lineReader reads input a line at a time, holding at most one line, so
// bulk NDJSON of any length streams through in little memory.
type lineReader struct {
	br   *bufio.Reader
	line int // lines read so far
}

// newLineReader's buffer has room for a line of exactly limit bytes and its
// "\r\n"; a longer line is cut to the buffer's length, which is still past
// the limit, so the validator reports it as too large without it ever being
// held whole.
func newLineReader(r io.Reader, limit int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, limit+2)}
}

// next reads one line as it is in the input, line ending included, in a
// fresh slice. tooLong says the line was cut. err is io.EOF once the input
// ends (raw then holds any last line without a line ending).
func (lr *lineReader) next() (raw []byte, tooLong bool, err error) {
	chunk, err := lr.br.ReadSlice('\n')
	raw = bytes.Clone(chunk)
	for err == bufio.ErrBufferFull {
		tooLong = true
		_, err = lr.br.ReadSlice('\n')
	}
	if len(raw) > 0 {
		lr.line++
	}
	return raw, tooLong, err
}

// nextDocument reads up to the next non-blank line. ok says there is one;
// err is io.EOF at the end of the input.
func (lr *lineReader) nextDocument() (d document, ok bool, err error) {
	for {
		raw, tooLong, err := lr.next()
		if tooLong || len(bytes.TrimSpace(raw)) > 0 {
			return document{line: lr.line, text: trimLineEnding(raw)}, true, err
		}
		if err != nil {
			return document{}, false, err
		}
	}
}

func trimLineEnding(raw []byte) []byte {
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	return bytes.TrimSuffix(raw, []byte("\r"))
}

// verdict is one document's result, rendered for output.
type verdict struct {
	out     []byte
	invalid bool
}

// validateInput validates the input as one document or as NDJSON with
// judge, and writes each verdict to w in input order. The input is NDJSON
// when it has more than one non-blank line and its first non-blank line is
// a complete JSON value on its own (or is longer than limit); otherwise the
// whole input is one document, which may spread over many lines.
func validateInput(lr *lineReader, limit int, judge func(document) verdict, w io.Writer) (invalid bool, readErr, writeErr error) {
	one := func(d document) (bool, error, error) {
		v := judge(d)
		_, err := w.Write(v.out)
		return v.invalid, nil, err
	}
	var head []byte // the input read so far, as it is
	var first document
	for {
		raw, tooLong, err := lr.next()
		if err != nil && err != io.EOF {
			return false, err, nil
		}
		head = append(head, raw...)
		if tooLong || len(bytes.TrimSpace(raw)) > 0 {
			first = document{line: lr.line, text: trimLineEnding(raw)}
			if err == io.EOF {
				return one(document{text: head})
			}
			if !tooLong && !json.Valid(first.text) {
				// A document spread over lines: read the rest, up to one
				// byte past the limit, which is enough to call it too large.
				rest, err := io.ReadAll(io.LimitReader(lr.br, int64(max(0, limit+1-len(head)))))
				if err != nil {
					return false, err, nil
				}
				return one(document{text: append(head, rest...)})
			}
			break
		}
		if err == io.EOF {
			return one(document{text: head})
		}
	}
	second, more, err := lr.nextDocument()
	if err != nil && err != io.EOF {
		return false, err, nil
	}
	if !more {
		return one(document{text: head})
	}
	pending := []document{first, second}
	if err == io.EOF {
		lr = nil
	}
	return validateStream(pending, lr, judge, w)
}

// validateStream validates NDJSON on every core: one reader, a worker per
// GOMAXPROCS validating and rendering (the validator is safe for concurrent
// use), and the verdicts written in input order. Workers take documents in
// batches (see batchDocs); at most a few batches per worker are in flight,
// so memory stays small whatever the input's length. lr is nil when pending
// holds the whole input.
func validateStream(pending []document, lr *lineReader, judge func(document) verdict, w io.Writer) (invalid bool, readErr, writeErr error) {
	type job struct {
		docs    []document
		verdict chan verdict // the batch's output, and whether any document is invalid
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers)
	order := make(chan job, 4*workers) // verdicts wait here to be written in order
	done := make(chan struct{})        // closed when writing stops

	go func() {
		defer close(order)
		defer close(jobs)
		var batch []document
		size := 0
		send := func() bool {
			if len(batch) == 0 {
				return true
			}
			j := job{docs: batch, verdict: make(chan verdict, 1)}
			batch, size = nil, 0
			select {
			case order <- j:
			case <-done:
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-done:
				return false
			}
		}
		// add queues a document and sends the batch when it is full, or
		// when reading on would wait for more input, so that a slow stream
		// still gets its verdicts as it goes.
		add := func(d document) bool {
			batch = append(batch, d)
			size += len(d.text)
			if len(batch) >= batchDocs || size >= batchBytes || lr == nil || lr.br.Buffered() == 0 {
				return send()
			}
			return true
		}
		for _, d := range pending {
			if !add(d) {
				return
			}
		}
		for lr != nil {
			d, ok, err := lr.nextDocument()
			if ok && !add(d) {
				return
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				break
			}
		}
		send()
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				var all verdict
				for _, d := range j.docs {
					v := judge(d)
					all.out = append(all.out, v.out...)
					all.invalid = all.invalid || v.invalid
				}
				j.verdict <- all
			}
		})
	}

	for j := range order {
		v := <-j.verdict
		invalid = invalid || v.invalid
		if _, writeErr = w.Write(v.out); writeErr != nil {
			// The reader may be blocked on input that never ends: stop it
			// and the workers, and do not wait for them.
			close(done)
			return invalid, nil, writeErr
		}
	}
	close(done)
	wg.Wait()
	return invalid, readErr, nil
}

// A worker takes up to batchDocs documents, or batchBytes of input, at a
// time: handed over one by one, documents kept the workers waiting on the
// reader (one more goroutine than there are cores), and the cores idle.
const (
	batchDocs  = 32
	batchBytes = 1 << 20
)
