//go:build js && wasm

package main

import (
	"runtime"
	"strconv"
	"unsafe"
)

// The kit's functions as WebAssembly exports. A call from JavaScript
// through a js.Func goes through syscall/js's event loop (the call wakes a
// handler goroutine, which runs the function and then waits for every other
// goroutine to run) and converts each argument and the answer through
// JavaScript values: a call that does next to nothing in Go costs about
// 14 µs that way in Node, and about 4 µs through these exports
// (wasm/bench/calls.mjs). The ES module calls the kit through these when
// every argument is a string:
//
//	stemkn_buffer(size) → the address of a Go-owned buffer of size bytes
//	  (0 if size is past maxBuffer), which JavaScript fills with the
//	  arguments' UTF-8, one after the other
//	stemkn_call(fn, len1, len2) → the address of head: the answer's
//	  address and length, and the calls answered so far
//
// fn is the function's place in kit.functions, whose names main gives to
// onready in that order. JavaScript reads the answer's bytes from the
// instance's memory before its next call (memory.buffer afresh: it grows).
// The js.Func functions stay, for arguments that are not strings (they
// answer with the error) and for input past maxBuffer.
//
// JavaScript calls these while Go waits in main's select{}, after onready:
// the runtime has started, and a kit function never waits for JavaScript,
// so a call runs to its end on the goroutine Go paused on, lets the
// goroutines it woke run (runtime.Gosched), and returns to JavaScript.
// Should Go pause inside one instead, or exit (out of memory, say), head's
// count does not move, and the ES module takes the instance as stopped.

// serving holds what the exports need: the functions by number, the
// buffer JavaScript writes arguments to, and the last answer, which stays
// referenced (so the collector keeps its bytes where head says) until the
// next stemkn_buffer.
var serving struct {
	fns       []kitFunction
	maxBuffer int
	in        []byte
	answer    string
}

// head is where stemkn_call tells JavaScript where its answer is: the
// answer's address and length, and how many calls have been answered. A
// global, so its address never changes.
var head [3]uint32

// keepBuffer is the most the argument buffer keeps between calls: a larger
// one, for a large document, is let go after its call, as is a larger
// answer once JavaScript has read it (stemkn_buffer(0)). Memory taken
// for one large call then goes back to the collector, not to the next
// keystroke's call.
const keepBuffer = 1 << 20

// minBuffer is the least the argument buffer is made, so that the first
// calls of a page do not each make it a little larger.
const minBuffer = 16 << 10

// optionsRoom is what the buffer holds past the byte limit: room for the
// options (or a form's JSON quoting) beside a document at the limit.
const optionsRoom = 1 << 20

// serve makes the functions callable through the exports, with buffers of
// at most the byte limit and optionsRoom.
func serve(fns []kitFunction, byteLimit int) {
	serving.fns = fns
	serving.maxBuffer = byteLimit + optionsRoom
}

// buffer gives JavaScript a buffer of at least size bytes to write the next
// call's arguments into, reusing the last one when it is large enough and
// not past keepBuffer. It lets go of the last answer: JavaScript has read
// it. Past maxBuffer it gives nil, and JavaScript calls the js.Func
// instead (the input is then past the byte limit, which that call says).
//
//go:wasmexport stemkn_buffer
func buffer(size int32) unsafe.Pointer {
	serving.answer = ""
	n := int(size)
	if n < 0 || n > serving.maxBuffer {
		return nil
	}
	if c := cap(serving.in); c < n || (c > keepBuffer && n <= keepBuffer) || c == 0 {
		serving.in = make([]byte, max(n, minBuffer))
	}
	serving.in = serving.in[:cap(serving.in)]
	return unsafe.Pointer(unsafe.SliceData(serving.in))
}

// callExport runs function fn on the two arguments in the buffer, of len1
// and len2 bytes, under call's guard (a panic is an error answer), and
// keeps the answer for JavaScript to read.
//
//go:wasmexport stemkn_call
func callExport(fn, len1, len2 int32) unsafe.Pointer {
	serving.answer = answerCall(int(fn), int(len1), int(len2))
	// Let the goroutines the call woke run before Go returns to
	// JavaScript, as a js.Func call does: a collection the call started
	// finishes here in its mark worker. Without this the worker runs only
	// at Go's next wait, the call's own allocations do the marking, and
	// the memory after 4,000 calls of the reference document in Node was
	// 32–36 MiB instead of 22.
	runtime.Gosched()
	if cap(serving.in) > keepBuffer {
		serving.in = nil
	}
	head[0] = uint32(uintptr(unsafe.Pointer(unsafe.StringData(serving.answer))))
	head[1] = uint32(len(serving.answer))
	head[2]++
	return unsafe.Pointer(&head)
}

// answerCall is callExport's answer. The arguments are copied out of the
// buffer, which the next call writes over, since a function may keep its
// text (loadScheme keeps a scheme file's).
func answerCall(fn, len1, len2 int) string {
	if fn < 0 || fn >= len(serving.fns) {
		return errorJSON("stemkn: there is no function number " + strconv.Itoa(fn))
	}
	in := serving.in
	if len1 < 0 || len2 < 0 || len1 > len(in) || len2 > len(in)-len1 {
		return errorJSON("stemkn: the arguments (" + strconv.Itoa(len1) + " and " + strconv.Itoa(len2) +
			" bytes) are not in the buffer of " + strconv.Itoa(len(in)))
	}
	args := []string{string(in[:len1]), string(in[len1 : len1+len2])}
	return call(serving.fns[fn].fn, args)
}
