// Calls the Go program's kit functions through its WebAssembly exports
// (wasm/exports.go): the arguments' UTF-8 written straight into a buffer in
// Go's memory, the answer's UTF-8 read straight out of it. A call this way
// costs about 4 µs in Node where one through a js.Func, Go's syscall/js
// callback, costs about 14 (wasm/bench/calls.mjs); the answer is the same
// text.

const encoder = new TextEncoder()
const decoder = new TextDecoder()

// Arguments whose UTF-8 can be no longer than this (3 bytes for each UTF-16
// unit) are encoded straight into Go's buffer, sized for the longest they
// could be; longer ones are encoded first, to ask for exactly their size.
const direct = 1 << 18

// An answer longer than this is let go in Go once read (stemkn_buffer(0)),
// so a large one is not kept until the next call: exports.go's keepBuffer.
const keep = 1 << 20

/**
 * The caller for an instance of the module whose exports these are, or
 * null if the module has none (a build from before them). names are the
 * kit's functions in the order Go numbers them (onready's second argument).
 */
export function goExports (go, instance, names) {
  const e = instance && instance.exports
  if (!e || typeof e.stemkn_buffer !== 'function' || typeof e.stemkn_call !== 'function' ||
      !(e.mem instanceof WebAssembly.Memory) || !Array.isArray(names)) return null
  return new GoExports(go, e, names)
}

class GoExports {
  constructor (go, exports, names) {
    this.go = go
    this.buffer = exports.stemkn_buffer
    this.run = exports.stemkn_call
    this.mem = exports.mem
    this.numbers = new Map(names.map((name, i) => [name, i]))
    this.answered = 0 // calls answered, as Go counts them in head[2]
  }

  /**
   * Calls function name with args: its answer, or undefined when it cannot
   * go this way (an argument that is neither a string nor undefined or
   * null, an unknown name, or input larger than Go's buffer may be), for
   * the caller to make through the js.Func. As there, only the first two
   * arguments count and a missing one is "". Throws when Go stopped in the
   * call.
   */
  call (name, args) {
    const fn = this.numbers.get(name)
    const a = text(args[0])
    const b = text(args[1])
    if (fn === undefined || a === undefined || b === undefined) return undefined
    let len1, len2
    const most = 3 * (a.length + b.length)
    if (most <= direct) {
      const at = this.enter(this.buffer(most))
      if (at === 0) return undefined
      const room = new Uint8Array(this.mem.buffer, at, most)
      len1 = encoder.encodeInto(a, room).written
      len2 = encoder.encodeInto(b, room.subarray(len1)).written
    } else {
      const x = encoder.encode(a)
      const y = encoder.encode(b)
      const at = this.enter(this.buffer(x.length + y.length))
      if (at === 0) return undefined
      const room = new Uint8Array(this.mem.buffer, at, x.length + y.length)
      room.set(x)
      room.set(y, x.length)
      len1 = x.length
      len2 = y.length
    }
    const at = this.enter(this.run(fn, len1, len2))
    // memory.buffer only now: the call may have grown the memory, which
    // detaches the buffer taken before it.
    const head = new Uint32Array(this.mem.buffer, at, 3)
    if (head[2] !== ((this.answered + 1) >>> 0)) throw new Error('the Go program did not finish the call')
    this.answered = head[2]
    const answer = decoder.decode(new Uint8Array(this.mem.buffer, head[0], head[1]))
    if (head[1] > keep) this.buffer(0)
    return answer
  }

  /** An address an export gave, once Go is known to be still there. */
  enter (address) {
    if (this.go.exited) throw new Error('the Go program ended')
    return address >>> 0
  }
}

/** An argument as the text Go gets: undefined and null are "", anything else not a string has no text. */
function text (x) {
  if (typeof x === 'string') return x
  return x === undefined || x === null ? '' : undefined
}
