// packdata rewrites a WebAssembly module's data section with fewer, larger
// segments, in place:
//
//   node wasm/packdata.mjs wasm/dist/stemkn.wasm
//
// Go's linker writes the initial contents of memory as one active segment
// per run of non-zero bytes, leaving out every run of eight or more zeros:
// for stemkn's module that is about 78,000 segments, each with its own
// offset and length, which brotli compresses badly. Memory starts zeroed,
// so joining two neighbouring segments and writing the zeros between them
// out changes nothing the program can see; joining those less than
// MAX_GAP bytes apart turns the section into a few dozen segments, some
// 0.8 MB larger raw but about 80 kB smaller in brotli (BENCHMARKS.md).
//
// Only what Go emits is accepted: active segments for memory 0 whose offset
// is a single i32.const. Anything else stops the build rather than being
// rewritten wrongly.
import { readFileSync, writeFileSync } from 'node:fs'

// MAX_GAP is the longest run of zeros written out to join two segments.
// Past a few dozen bytes the brotli size hardly moves (64: 886 kB, one
// segment for the whole image: 885 kB) while the raw size grows.
const MAX_GAP = 64

const DATA = 11
const DATA_COUNT = 12

// readLEB reads a LEB128 number at pos: [value, the position after it].
function readLEB (buf, pos, signed) {
  let value = 0
  let shift = 0
  for (;;) {
    const byte = buf[pos++]
    value += (byte & 0x7f) * 2 ** shift
    shift += 7
    if (byte < 0x80) {
      if (signed && (byte & 0x40)) value -= 2 ** shift
      return [value, pos]
    }
    if (shift > 35) throw new Error(`bad LEB128 at ${pos}`)
  }
}

const readU32 = (buf, pos) => readLEB(buf, pos, false)
const readI32 = (buf, pos) => readLEB(buf, pos, true)

function u32 (n) {
  const out = []
  do {
    let byte = n % 128
    n = Math.floor(n / 128)
    if (n) byte |= 0x80
    out.push(byte)
  } while (n)
  return out
}

function i32 (n) {
  const out = []
  for (;;) {
    const byte = ((n % 128) + 128) % 128
    n = Math.floor(n / 128)
    const done = (n === 0 && !(byte & 0x40)) || (n === -1 && (byte & 0x40))
    out.push(done ? byte : byte | 0x80)
    if (done) return out
  }
}

// segments reads a data section's body into [offset, bytes] pairs.
function segments (body) {
  let [count, pos] = readU32(body, 0)
  const segs = []
  while (count--) {
    let flag, offset, size
    ;[flag, pos] = readU32(body, pos)
    if (flag !== 0 || body[pos] !== 0x41) throw new Error('packdata: only active segments with an i32.const offset are supported')
    ;[offset, pos] = readI32(body, pos + 1)
    if (body[pos] !== 0x0b) throw new Error('packdata: offset expression is not a single i32.const')
    ;[size, pos] = readU32(body, pos + 1)
    segs.push([offset >>> 0, body.subarray(pos, pos + size)])
    pos += size
  }
  if (pos !== body.length) throw new Error('packdata: data section has trailing bytes')
  return segs
}

// pack joins segments less than MAX_GAP zero bytes apart.
function pack (segs) {
  segs.sort((a, b) => a[0] - b[0])
  const runs = []
  for (const [offset, bytes] of segs) {
    const last = runs[runs.length - 1]
    if (last && offset < last.end) throw new Error('packdata: segments overlap')
    if (last && offset - last.end < MAX_GAP) {
      last.parts.push(Buffer.alloc(offset - last.end), bytes)
      last.end = offset + bytes.length
    } else {
      runs.push({ start: offset, end: offset + bytes.length, parts: [bytes] })
    }
  }
  const out = [Buffer.from(u32(runs.length))]
  for (const run of runs) {
    out.push(Buffer.from([0, 0x41, ...i32(run.start | 0), 0x0b, ...u32(run.end - run.start)]))
    for (const part of run.parts) out.push(part)
  }
  return [Buffer.concat(out), runs.length]
}

function section (id, body) {
  return Buffer.concat([Buffer.from([id, ...u32(body.length)]), body])
}

const file = process.argv[2]
if (!file) throw new Error('usage: node wasm/packdata.mjs module.wasm')
const wasm = readFileSync(file)
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a WebAssembly module`)
const out = [wasm.subarray(0, 8)]
let pos = 8
let before = 0
let after = 0
while (pos < wasm.length) {
  const id = wasm[pos]
  const [size, start] = readU32(wasm, pos + 1)
  const body = wasm.subarray(start, start + size)
  if (id === DATA) {
    const segs = segments(body)
    before = segs.length
    let packed
    ;[packed, after] = pack(segs)
    out.push(section(DATA, packed))
  } else if (id === DATA_COUNT) {
    out.push(null) // filled in once the data section is packed
  } else {
    out.push(wasm.subarray(pos, start + size))
  }
  pos = start + size
}
const i = out.indexOf(null)
if (i >= 0) out[i] = section(DATA_COUNT, Buffer.from(u32(after)))
const packed = Buffer.concat(out)
if (!WebAssembly.validate(packed)) throw new Error('packdata: rewritten module does not validate')
writeFileSync(file, packed)
console.log(`${file}: ${before} data segments → ${after}, ${(wasm.length / 1000).toFixed(0)} → ${(packed.length / 1000).toFixed(0)} kB raw`)
