package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"
)

// How validate bounds its memory, whatever the input (README, "Memory"):
//
//   - Deciding whether the input is one document or NDJSON looks ahead at
//     most one line past the first non-blank one, and keeps at most the byte
//     limit plus one of what it has read: past that, the input as one
//     document is too large whatever follows.
//   - A line is read into a buffer of the byte limit (plus its line end);
//     a longer line is cut there and is too large, never held whole.
//   - NDJSON goes to the workers in batches of at most batchDocs documents
//     and batchBytes of input, or one document alone when it is bigger; at
//     most queuedBatches batches wait, besides the ones being worked on,
//     and a batch's input is let go document by document as it is judged.
//   - A worker hands its verdicts to the writer in chunks of about
//     chunkBytes (a verdict bigger than that is one chunk), one chunk at a
//     time, and waits until the writer has taken the one before: a batch
//     holds at most one chunk in its hand-over and one in its worker, and
//     the writer one more, so at most maxRenderedInFlight rendered
//     verdicts are in memory, whatever the size of each result.
//   - And a worker starts a document only while less than
//     outputBudgetBytes of rendered output waits to be written, unless its
//     batch is the one the writer is on: the output in memory is at most
//     that budget plus the verdicts being made and handed over.
const (
	// A worker takes up to batchDocs documents, or batchBytes of input, at
	// a time: handed over one by one, documents kept the workers waiting on
	// the reader (one more goroutine than there are cores), and the cores
	// idle.
	batchDocs  = 32
	batchBytes = 1 << 20
	// chunkBytes is how much rendered output a worker gathers before
	// handing it to the writer.
	chunkBytes = 64 << 10
	// outputBudgetBytes is how much rendered output may wait to be written
	// before the workers hold off starting documents (see outputBudget).
	outputBudgetBytes = 4 << 20
)

// queuedBatches is how many batches may wait for a worker or the writer:
// enough that no core idles while the writer finishes the batch before.
func queuedBatches(workers int) int { return workers }

// maxRenderedInFlight bounds the rendered verdicts in memory at once: one
// in the writer's hand, one in the hand-over of each batch waiting to be
// written, and one more in each worker blocked on its hand-over.
func maxRenderedInFlight(workers int) int { return 2 + queuedBatches(workers) + workers }

// document is one document of the input: its text, and for NDJSON the
// 1-based line it is on (0 for a whole-input document).
type document struct {
	line int
	text []byte
}

// judgeFunc validates one document and renders its verdict onto out,
// saying whether the document has errors.
type judgeFunc func(d document, out *bytes.Buffer) (invalid bool)

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

// isBlank says whether a line (as next read it) is only white space.
func isBlank(raw []byte, tooLong bool) bool {
	return !tooLong && len(bytes.TrimSpace(raw)) == 0
}

// nextDocument reads up to the next non-blank line. ok says there is one;
// err is io.EOF at the end of the input.
func (lr *lineReader) nextDocument() (d document, ok bool, err error) {
	for {
		raw, tooLong, err := lr.next()
		if !isBlank(raw, tooLong) {
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

// validateInput validates the input as one document or as NDJSON with
// judge, and writes each verdict to w in input order. The input is NDJSON
// when it has more than one non-blank line and its first non-blank line is
// a complete JSON value on its own (or is longer than limit); otherwise the
// whole input is one document, which may spread over many lines. Of the
// input read before the decision, at most limit+1 bytes are kept: a
// whole-input document longer than that is too large anyway.
func validateInput(lr *lineReader, limit int, judge judgeFunc, w *bufio.Writer) (invalid bool, readErr, writeErr error) {
	one := func(d document) (bool, error, error) {
		var out bytes.Buffer
		invalid := judge(d, &out)
		_, err := w.Write(out.Bytes())
		return invalid, nil, err
	}
	var head []byte // the input read so far, as it is, up to limit+1 bytes
	keep := func(raw []byte) {
		head = append(head, raw[:min(len(raw), limit+1-len(head))]...)
	}
	var first document
	for {
		raw, tooLong, err := lr.next()
		if err != nil && err != io.EOF {
			return false, err, nil
		}
		keep(raw)
		if !isBlank(raw, tooLong) {
			first = document{line: lr.line, text: trimLineEnding(raw)}
			if err == io.EOF {
				return one(document{text: head})
			}
			if !tooLong && !json.Valid(first.text) {
				// A document spread over lines: read the rest, up to one
				// byte past the limit, which is enough to call it too large.
				rest, err := io.ReadAll(io.LimitReader(lr.br, int64(limit+1-len(head))))
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
	head = nil
	pending := []document{first, second}
	if err == io.EOF {
		lr = nil
	}
	return validateStream(pending, lr, judge, w)
}

// batchJob is one batch of documents on its way through the workers to the
// writer. Its output comes a chunk at a time on out, which the worker closes
// after the last; invalid is set before that.
type batchJob struct {
	docs    []document
	out     chan []byte
	invalid bool
}

// validateStream validates NDJSON on every core: one reader, a worker per
// GOMAXPROCS validating and rendering (the validator is safe for concurrent
// use), and the verdicts written in input order as they come (see the
// memory bounds at the top of this file). lr is nil when pending holds the
// whole input.
func validateStream(pending []document, lr *lineReader, judge judgeFunc, w *bufio.Writer) (invalid bool, readErr, writeErr error) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *batchJob, workers)
	order := make(chan *batchJob, queuedBatches(workers)) // batches in input order, for the writer
	done := make(chan struct{})                           // closed when writing stops
	budget := newOutputBudget(outputBudgetBytes)

	reader := &batcher{lr: lr, jobs: jobs, order: order, done: done}
	go reader.read(pending)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				if !work(j, judge, budget, done) {
					return
				}
			}
		})
	}

	stop := func() {
		// The reader may be blocked on input that never ends: stop it and
		// the workers, and do not wait for them.
		close(done)
		budget.stop()
	}
	for j := range order {
		budget.setHead(j)
		if writeErr = writeBatch(j, budget, w); writeErr != nil {
			stop()
			return invalid, nil, writeErr
		}
		invalid = invalid || j.invalid
		if len(order) == 0 {
			// No batch is ready: what has been written goes out now, so
			// the last verdict of a slow stream is not held in the buffer
			// until the next line comes.
			if writeErr = w.Flush(); writeErr != nil {
				stop()
				return invalid, nil, writeErr
			}
		}
	}
	stop()
	wg.Wait()
	return invalid, reader.err, nil // order is closed, so reader.err is set
}

// batcher is the reader of validateStream: it gathers documents into
// batches and hands each to the writer's queue (order) and then to the
// workers (jobs), until the input ends or writing stops (done).
type batcher struct {
	lr          *lineReader // nil when the pending documents are the whole input
	jobs, order chan<- *batchJob
	done        <-chan struct{}
	batch       []document
	size        int   // the bytes of the batch's documents
	err         error // the error reading stopped on, other than the end of input; set before order closes
}

// read sends the pending documents and then every document lr reads, and
// closes jobs and order when it stops.
func (b *batcher) read(pending []document) {
	defer close(b.order)
	defer close(b.jobs)
	for _, d := range pending {
		if !b.add(d) {
			return
		}
	}
	pending = nil
	for b.lr != nil {
		d, ok, err := b.lr.nextDocument()
		if ok && !b.add(d) {
			return
		}
		if err != nil {
			if err != io.EOF {
				b.err = err
			}
			break
		}
	}
	b.send()
}

// add queues a document and sends the batch when it is full, or when
// reading on would wait for more input, so that a slow stream still gets
// its verdicts as it goes. A document that would take the batch past
// batchBytes goes in the next one. It returns false if writing stopped.
func (b *batcher) add(d document) bool {
	if b.size > 0 && b.size+len(d.text) > batchBytes && !b.send() {
		return false
	}
	b.batch = append(b.batch, d)
	b.size += len(d.text)
	if len(b.batch) >= batchDocs || b.size >= batchBytes || b.lr == nil || b.lr.br.Buffered() == 0 {
		return b.send()
	}
	return true
}

// send hands the batch to the writer's queue and then to the workers; it
// returns false if writing stopped.
func (b *batcher) send() bool {
	if len(b.batch) == 0 {
		return true
	}
	j := &batchJob{docs: b.batch, out: make(chan []byte, 1)}
	b.batch, b.size = nil, 0
	select {
	case b.order <- j:
	case <-b.done:
		return false
	}
	select {
	case b.jobs <- j:
		return true
	case <-b.done:
		return false
	}
}

// writeBatch writes a batch's output as its worker hands it over, giving
// the bytes back to the budget, and flushes what has been written whenever
// nothing is ready, so a slow stream sees each verdict as it is made.
func writeBatch(j *batchJob, budget *outputBudget, w *bufio.Writer) error {
	for {
		var chunk []byte
		var more bool
		select {
		case chunk, more = <-j.out:
		default:
			if err := w.Flush(); err != nil {
				return err
			}
			chunk, more = <-j.out
		}
		if !more {
			return nil
		}
		if _, err := w.Write(chunk); err != nil {
			return err
		}
		budget.give(len(chunk))
	}
}

// work judges a batch's documents in order, letting each one's input go
// once judged, and hands the output to the writer on j.out in chunks of
// about chunkBytes, closing it after the last. Before each document it
// waits for room in the output budget. It returns false if writing stopped.
func work(j *batchJob, judge judgeFunc, budget *outputBudget, done <-chan struct{}) bool {
	var chunk bytes.Buffer
	hand := func() bool {
		if chunk.Len() == 0 {
			return true
		}
		select {
		case j.out <- chunk.Bytes():
			chunk = bytes.Buffer{} // the writer has the old one
			return true
		case <-done:
			return false
		}
	}
	for i := range j.docs {
		if !budget.wait(j) {
			return false
		}
		before := chunk.Len()
		if judge(j.docs[i], &chunk) {
			j.invalid = true
		}
		budget.take(chunk.Len() - before)
		j.docs[i] = document{}
		if chunk.Len() >= chunkBytes && !hand() {
			return false
		}
	}
	if !hand() {
		return false
	}
	close(j.out)
	return true
}

// outputBudget bounds the rendered output waiting to be written. A worker
// starts a document only while less than max bytes wait, or when its batch
// is the one the writer is on, so output in memory stays under max plus
// the verdicts the workers are making, however big each verdict, and the
// writer's batch is never held up (so nothing waits on itself).
type outputBudget struct {
	mu      sync.Mutex
	cond    sync.Cond
	max     int
	used    int
	head    *batchJob
	stopped bool
}

func newOutputBudget(max int) *outputBudget {
	b := &outputBudget{max: max}
	b.cond.L = &b.mu
	return b
}

// wait blocks until j may start a document; false once writing stopped.
func (b *outputBudget) wait(j *batchJob) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for !b.stopped && b.used >= b.max && b.head != j {
		b.cond.Wait()
	}
	return !b.stopped
}

// take counts n bytes of rendered output.
func (b *outputBudget) take(n int) {
	b.mu.Lock()
	b.used += n
	b.mu.Unlock()
}

// give returns n bytes the writer has written.
func (b *outputBudget) give(n int) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// setHead says which batch the writer is on.
func (b *outputBudget) setHead(j *batchJob) {
	b.mu.Lock()
	b.head = j
	b.mu.Unlock()
	b.cond.Broadcast()
}

func (b *outputBudget) stop() {
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
	b.cond.Broadcast()
}
