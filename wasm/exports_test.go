//go:build js && wasm

package main

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// exportCall calls the kit through the exports as the ES module does: the
// arguments' bytes into the buffer stemkn_buffer gives, then stemkn_call,
// then the answer from where head says.
func exportCall(t *testing.T, fn int, a, b string) string {
	t.Helper()
	size := len(a) + len(b)
	at := buffer(int32(size))
	require.NotNil(t, at)
	room := unsafe.Slice((*byte)(at), size)
	copy(room, a)
	copy(room[len(a):], b)
	before := head[2]
	answer := answered(t, callExport(int32(fn), int32(len(a)), int32(len(b))))
	require.Equal(t, before+1, head[2], "head counts the call")
	return answer
}

// answered is the answer stemkn_call kept, once its result is seen to be
// head and head is seen to say where the answer is.
func answered(t *testing.T, result unsafe.Pointer) string {
	t.Helper()
	require.Equal(t, unsafe.Pointer(&head), result)
	require.Equal(t, uint32(uintptr(unsafe.Pointer(unsafe.StringData(serving.answer)))), head[0])
	require.Equal(t, uint32(len(serving.answer)), head[1])
	return serving.answer
}

// serveTest serves fns, with a byte limit of limit, for one test.
func serveTest(t *testing.T, fns []kitFunction, limit int) {
	saved := serving
	t.Cleanup(func() { serving = saved })
	serving.in, serving.answer = nil, ""
	serve(fns, limit)
}

// echo answers its arguments as JSON.
var echo = kitFunction{"echo", func(a []string) string { return toJSON(a) }}

func TestExportsAnswerAsTheKitDoes(t *testing.T) {
	k := newKit()
	fns := k.functions()
	serveTest(t, fns, k.validator.Limits().Bytes)
	number := map[string]int{}
	for i, f := range fns {
		number[f.name] = i
	}
	welsh := strings.Replace(warmUpDocument, "Calder Valley Maths", "Cwm Calder: Mathemateg ŵyr 🧪 «STEM»", 1)
	tests := []struct {
		fn   string
		a, b string
		want string
	}{
		{"validate", warmUpDocument, "", k.validate(warmUpDocument, "")},
		{"validate", welsh, `{"lang": "cy"}`, k.validate(welsh, `{"lang": "cy"}`)},
		{"validate", `{"scheme": "stem-kn-2011"`, `{"mode": "draft"}`, k.validate(`{"scheme": "stem-kn-2011"`, `{"mode": "draft"}`)},
		{"validateForm", `[["network[name]","Siân 😀"]]`, "", k.validateForm(`[["network[name]","Siân 😀"]]`, "")},
		{"schemes", "", "", k.schemes()},
		{"schema", "stem-kn-2011", `{"lang": "cy"}`, k.schema("stem-kn-2011", `{"lang": "cy"}`)},
		{"messages", `{"messages": {"ui.error-summary.title": "Mae problem 🙁"}}`, "", k.messages(`{"messages": {"ui.error-summary.title": "Mae problem 🙁"}}`)},
		{"refuse", "validate", `{"mode": "draft"}`, k.refuse("validate", `{"mode": "draft"}`)},
		{"warmUp", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.fn, func(t *testing.T) {
			require.Equal(t, tt.want, exportCall(t, number[tt.fn], tt.a, tt.b))
		})
	}
}

func TestExportsCarryTheArgumentsBytesExactly(t *testing.T) {
	serveTest(t, []kitFunction{echo}, 1<<20)
	for _, args := range [][2]string{
		{"", ""},
		{"a", ""},
		{"", "b"},
		{"Siân ŵyr", "中文"},
		{"😀 𝔖 \U0010FFFF", "\x00\x1f\u2028"},
		{"\uFEFF{}", "\xef\xbf\xbd"}, // a byte order mark, and U+FFFD as JavaScript writes a lone surrogate
		{strings.Repeat("x", 100_000), strings.Repeat("é", 50_000)},
	} {
		require.Equal(t, toJSON([]string{args[0], args[1]}), exportCall(t, 0, args[0], args[1]))
	}
}

func TestAPanicInAnExportedCallIsAnErrorAnswer(t *testing.T) {
	boom := kitFunction{"boom", func(a []string) string { panic("boom: " + a[0]) }}
	serveTest(t, []kitFunction{echo, boom}, 1<<20)
	require.Equal(t, `{"error":"stemkn: internal error: boom: Siân"}`, exportCall(t, 1, "Siân", ""))
	require.Equal(t, `["still","working"]`, exportCall(t, 0, "still", "working"))
}

func TestExportsRefuseWhatTheyCannotAnswer(t *testing.T) {
	serveTest(t, []kitFunction{echo}, 1<<20)
	require.Contains(t, exportCall(t, 1, "", ""), `"stemkn: there is no function number 1"`)
	require.Contains(t, exportCall(t, -1, "", ""), `"stemkn: there is no function number -1"`)
	buffer(10)
	for _, lens := range [][2]int32{{-1, 0}, {0, -1}, {minBuffer + 1, 0}, {minBuffer, 1}, {1 << 30, 1 << 30}} {
		require.Contains(t, answered(t, callExport(0, lens[0], lens[1])), "are not in the buffer", lens)
	}
	require.Equal(t, `["a","b"]`, exportCall(t, 0, "a", "b"), "and the next call is answered")
}

func TestTheBufferIsReusedAndBounded(t *testing.T) {
	serveTest(t, []kitFunction{echo}, 4<<20)
	require.Nil(t, buffer(-1))
	require.Nil(t, buffer(4<<20+optionsRoom+1), "past the byte limit and the room for options")
	require.NotNil(t, buffer(4<<20+optionsRoom))

	first := buffer(10)
	require.NotNil(t, first)
	require.Equal(t, minBuffer, cap(serving.in))
	for i := range 1000 {
		require.Equal(t, first, buffer(int32(i%minBuffer)), "a small buffer is kept from call to call")
		exportCall(t, 0, "x", strings.Repeat("y", i))
	}

	grown := buffer(keepBuffer)
	require.GreaterOrEqual(t, cap(serving.in), keepBuffer)
	exportCall(t, 0, strings.Repeat("x", keepBuffer/2), "")
	require.Equal(t, grown, buffer(keepBuffer), "a buffer of keepBuffer is kept")

	exportCall(t, 0, strings.Repeat("x", keepBuffer+1), "")
	require.Nil(t, serving.in, "a larger one is let go after its call")
	require.Greater(t, len(serving.answer), keepBuffer, "its answer is kept until it is read")
	buffer(0)
	require.Empty(t, serving.answer, "asking for the next buffer lets the answer go")
	require.Equal(t, minBuffer, cap(serving.in))
}

func TestEachFunctionHasItsOwnName(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range newKit().functions() {
		require.False(t, seen[f.name], "two functions called %s: the ES module would number one of them wrongly", f.name)
		seen[f.name] = true
	}
	require.Len(t, seen, 8)
}
