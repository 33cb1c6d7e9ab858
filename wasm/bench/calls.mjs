// calls measures what a call into Go costs the kit in Node, on a build's
// release files: kit.validate of the reference document in steady state
// (after -warm calls and a second's pause, as timing.mjs does in
// Chromium), the median and 99th percentile of -calls calls; where the
// module has its exports, the same calls made the two ways in turns, in
// blocks of a tenth, in the same process (so the machine's load and V8's
// state are the same for both); and a call that does next to nothing in Go
// (refuse of an unknown call, a short error answer) through the js.Func
// and the exports. It prints Go benchmark-format lines:
//
//	BenchmarkNodeValidate          kit.validate, steady state: median (ns/op), p99
//	BenchmarkNodeValidateWay/exports  kit.validate through the exports, in turns: median, p99
//	BenchmarkNodeValidateWay/js.Func  the same through the js.Func
//	BenchmarkNodeCall/js.Func      the near-empty call through the js.Func: median
//	BenchmarkNodeCall/exports      the same through the exports: median
//
//	node wasm/bench/calls.mjs [-dist=wasm/dist] [-calls=4000] [-warm=4000]
//
// Run it alternately on two builds' files for a before and after (one
// process each time, so each starts cold). It asserts no time: it measures.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const a = args.find(x => x.startsWith(`-${name}=`))
  return a ? a.slice(name.length + 2) : fallback
}
const dist = path.resolve(root, flag('dist', 'wasm/dist'))
const calls = Number(flag('calls', '4000'))
const warm = Number(flag('warm', '4000'))

const { load } = await import(pathToFileURL(path.join(dist, 'stemkn.js')).href)
const kit = await load({ wasm: await readFile(path.join(dist, 'stemkn.wasm')) })
const reference = await readFile(path.join(root, 'stemkn', 'testdata', 'reference-12-members.json'), 'utf8')

/** The time of each of n calls of fn, in ms. */
function time (n, fn) {
  const times = new Array(n)
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    fn()
    times[i] = performance.now() - start
  }
  return times.sort((a, b) => a - b)
}

const at = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
const ns = ms => Math.round(ms * 1e6)

time(warm, () => {
  if (!kit.validate(reference).valid) throw new Error('the reference document is not valid')
})
await new Promise(resolve => setTimeout(resolve, 1000))
// The first few hundred calls after the pause run slower in Node, some
// runs twice as slow (V8 tiering the module's code again, it seems), so a
// few more calls go before the timing.
time(1000, () => kit.validate(reference))
const validate = time(calls, () => kit.validate(reference))
console.log(`BenchmarkNodeValidate\t${calls}\t${ns(at(validate, 50))} ns/op\t${ns(at(validate, 99))} p99-ns`)

const runtime = kit.runtime
if (runtime.exports) {
  const exports = runtime.exports
  const times = { exports: [], 'js.Func': [] }
  for (let block = 0; block < 20; block++) {
    const way = block % 2 === 0 ? 'exports' : 'js.Func'
    runtime.exports = way === 'exports' ? exports : null // null: the kit calls the js.Func
    times[way].push(...time(Math.ceil(calls / 10), () => kit.validate(reference)))
  }
  runtime.exports = exports
  for (const [way, t] of Object.entries(times)) {
    t.sort((a, b) => a - b)
    console.log(`BenchmarkNodeValidateWay/${way}\t${t.length}\t${ns(at(t, 50))} ns/op\t${ns(at(t, 99))} p99-ns`)
  }
}
const ways = { 'js.Func': () => runtime.surface.refuse('none', '') }
if (runtime.exports) ways.exports = () => runtime.exports.call('refuse', ['none', ''])
for (const [name, call] of Object.entries(ways)) {
  if (!call().includes('nothing to refuse')) throw new Error(`${name}: not the answer refuse gives`)
  time(warm, call)
  const t = time(calls, call)
  console.log(`BenchmarkNodeCall/${name}\t${calls}\t${ns(at(t, 50))} ns/op`)
}
process.exit(0)
