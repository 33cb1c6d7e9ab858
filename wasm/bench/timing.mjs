// timing measures the widget where people meet it: the demo site in a cold
// headless Chromium. It prints Go benchmark-format lines, which
// `make bench` gathers into BENCHMARKS.md with the Go and ajv numbers:
//
//	BenchmarkColdStart/widget        a plain page with the widget, cold:
//	                                 navigation → ready (ns/op), the first
//	                                 validation, the median and p99 of the
//	                                 first N calls, bytes on the wire
//	BenchmarkColdStart/ajv           the same page with ajv 8 instead (peer.mjs),
//	                                 in alternating pairs with the widget's
//	BenchmarkColdStart/widget-preload  the widget's page with preload hints
//	BenchmarkAjvBundleSize           that ajv bundle, raw and brotli
//	BenchmarkBrowserStartup          navigation → stemkn:ready, per cold start
//	BenchmarkBrowserFirstValidation  the first kit.validate after ready
//	BenchmarkDemoFirstVisit          bytes on the wire, the demo's first visit
//	BenchmarkBrowserValidateFirst    kit.validate of the reference document,
//	                                 the first N calls after ready: median
//	                                 (ns/op), p99 and slowest
//	BenchmarkBrowserValidate         the same, N more calls in steady state
//	BenchmarkBrowserValidateWay/exports  N more, through the module's exports
//	BenchmarkBrowserValidateWay/js.Func  and N through the js.Func, in turns
//	                                 with them, in blocks of a tenth: the two
//	                                 ways the kit calls Go, under the same load
//	BenchmarkBrowserKeystroke        keystroke → updated messages on the demo
//	                                 form after a first submit: median, p99,
//	                                 p99 of the first 1,000, max
//
//	node wasm/bench/timing.mjs [-count=5] [-calls=2000] [-keys=2000] [-demo=BIN] [-dist=wasm/dist] [-steady=false]
//
// It needs the widget's release files (make widget) and runs the demo
// (examples/demo; built here unless -demo names a binary) on 127.0.0.1.
// Every browser is Debian's /usr/bin/chromium, launched exactly as the
// browser tests launch it, with a fresh profile each time, so every start is
// cold: no HTTP cache, no compiled-code cache.
//
// Timers: Chromium rounds performance.now() to 100 µs on pages that are not
// cross-origin isolated, too coarse for a call that takes tens of
// microseconds. The per-call and per-keystroke runs therefore go through a
// small proxy that adds the COOP/COEP headers that isolate the page (5 µs
// timers); the start-up runs load the demo as it is served.
//
// TIMING_DEBUG=1 lists the calls over 1 ms; TIMING_TRACE=1 also traces the
// browser meanwhile and says what overlapped each of them.
//
// This file is not a test (it lives outside wasm/test, which `node --test`
// runs) and asserts no time: it measures.
import { chromium } from 'playwright-core'
import { spawn, execFileSync } from 'node:child_process'
import http from 'node:http'
import { mkdtemp, rm, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPeerPages } from './peer.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const a = args.find(x => x.startsWith(`-${name}=`))
  return a ? a.slice(name.length + 2) : fallback
}
const count = Number(flag('count', '5'))
const calls = Number(flag('calls', '2000'))
const keys = Number(flag('keys', '2000'))
const dist = path.resolve(root, flag('dist', 'wasm/dist'))
// -steady=false leaves out the steady-state calls and the keystrokes on
// the demo (the cold starts alone, for a quick before-and-after).
const steady = flag('steady', 'true') !== 'false'

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
}

const log = (...a) => console.error('timing:', ...a)

/** Runs the demo site on a free port and gives its URL and a stop function. */
async function startDemo () {
  let bin = flag('demo', '')
  let tmp = null
  if (!bin) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'stemkn-demo-'))
    bin = path.join(tmp, 'demo')
    execFileSync('go', ['build', '-o', bin, './examples/demo'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const child = spawn(bin, ['-addr', '127.0.0.1:0', '-dist', dist], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', chunk => {
      out += chunk
      const m = out.match(/listening on (http:\/\/\S+)/)
      if (m) resolve(m[1])
    })
    child.on('exit', code => reject(new Error(`the demo exited (${code}) before listening`)))
  })
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM')
      if (tmp) await rm(tmp, { recursive: true, force: true })
    }
  }
}

/**
 * A proxy to the demo that adds the headers making its pages cross-origin
 * isolated (every resource is same-origin, so nothing else changes).
 */
async function startIsolatingProxy (target) {
  const to = new URL(target)
  const server = http.createServer((req, res) => {
    const up = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, upRes => {
      res.writeHead(upRes.statusCode, {
        ...upRes.headers,
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp'
      })
      upRes.pipe(res)
    })
    up.on('error', err => { res.writeHead(502); res.end(String(err)) })
    req.pipe(up)
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise(resolve => server.close(resolve)) }
}

/** A fresh browser with a fresh profile, closed and removed after fn. */
async function withColdBrowser (fn) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stemkn-timing-'))
  const context = await chromium.launchPersistentContext(dir, launchOptions)
  try {
    const page = context.pages()[0] || await context.newPage()
    return await fn(page)
  } finally {
    await context.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Before the page's own scripts: note when stemkn:ready comes, keep the kit,
 * and validate the reference document at once, timing that first call.
 */
function instrument (reference) {
  const bench = window.__stemknBench = {}
  // Where start-up goes: when WebAssembly instantiation starts and ends.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name]
    WebAssembly[name] = function (...args) {
      bench.instantiateStart ??= performance.now()
      return original.apply(this, args).then(r => {
        bench.instantiateEnd ??= performance.now()
        return r
      })
    }
  }
  document.addEventListener('stemkn:ready', event => {
    bench.ready = performance.now()
    bench.kit = event.detail
    const start = performance.now()
    const result = event.detail.validate(reference)
    bench.first = performance.now() - start
    bench.firstValid = result.valid
  }, { once: true })
}

/**
 * Counts what the page receives on the wire (Chromium's encodedDataLength:
 * headers and compressed bodies) from now on; the function it gives says
 * how many bytes so far.
 */
async function countWire (page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  const bytes = new Map()
  cdp.on('Network.loadingFinished', e => bytes.set(e.requestId, e.encodedDataLength))
  return () => [...bytes.values()].reduce((a, b) => a + b, 0)
}

async function openDemo (page, url, reference) {
  await page.addInitScript(instrument, reference)
  await page.goto(url)
  await page.waitForFunction(() => window.__stemknBench && window.__stemknBench.first !== undefined, null, { timeout: 60_000 })
  return page.evaluate(() => {
    const b = window.__stemknBench
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      ready: b.ready,
      first: b.first,
      firstValid: b.firstValid,
      isolated: self.crossOriginIsolated,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
      instantiateStart: b.instantiateStart,
      instantiateEnd: b.instantiateEnd
    }
  })
}

/** Times n calls of kit.validate on the reference document, in ms each. */
async function timeCalls (page, reference, n) {
  const { times, starts } = await page.evaluate(({ reference, n }) => {
    const kit = window.__stemknBench.kit
    performance.mark('stemkn-calls')
    const origin = performance.getEntriesByName('stemkn-calls').at(-1).startTime
    const times = []
    const starts = []
    for (let i = 0; i < n; i++) {
      const start = performance.now()
      const result = kit.validate(reference)
      times.push(performance.now() - start)
      starts.push(start - origin)
      if (!result.valid) throw new Error('the reference document is not valid in the browser')
    }
    return { times, starts }
  }, { reference, n })
  times.starts = starts
  return times
}

/**
 * Times n calls of kit.validate on the reference document each way the kit
 * calls Go — through the module's exports and through the js.Func (the
 * runtime's exports set aside) — in turns, in blocks of a tenth, so that
 * both meet the same load; in ms each, by way. Null for a build without
 * the exports.
 */
async function timeWays (page, reference, n) {
  return page.evaluate(({ reference, n }) => {
    const kit = window.__stemknBench.kit
    const runtime = kit.runtime
    const exports = runtime.exports
    if (!exports) return null
    const times = { exports: [], 'js.Func': [] }
    try {
      for (let block = 0; block < 20; block++) {
        const way = block % 2 === 0 ? 'exports' : 'js.Func'
        runtime.exports = way === 'exports' ? exports : null
        for (let i = 0; i < Math.ceil(n / 10); i++) {
          const start = performance.now()
          kit.validate(reference)
          times[way].push(performance.now() - start)
        }
      }
    } finally {
      runtime.exports = exports
    }
    return times
  }, { reference, n })
}

/**
 * With TIMING_TRACE set, runs fn under Chromium's tracing (over the DevTools
 * protocol) and lists, for each call over 1 ms, the browser's work of over
 * 0.3 ms that overlapped it — compilation, garbage collection — on stderr.
 */
async function traced (page, fn, what) {
  if (!process.env.TIMING_TRACE) return fn()
  const cdp = await page.context().newCDPSession(page)
  const events = []
  cdp.on('Tracing.dataCollected', d => events.push(...d.value))
  const complete = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['v8', 'v8.wasm', 'disabled-by-default-v8.gc', 'devtools.timeline', 'blink.user_timing'] }
  })
  const times = await fn()
  await cdp.send('Tracing.end')
  await complete
  const mark = events.filter(e => e.name === 'stemkn-calls').at(-1)
  if (!mark) return times
  const at = e => (e.ts - mark.ts) / 1000
  const work = events.filter(e => e.ph === 'X' && e.dur > 300)
  for (let i = 0; i < times.length; i++) {
    if (times[i] <= 1) continue
    const start = times.starts[i]
    const names = new Set(work.filter(e => at(e) < start + times[i] && at(e) + e.dur / 1000 > start).map(e => e.name))
    log(`${what}: call #${i} took ${times[i].toFixed(1)} ms; meanwhile: ${[...names].join(', ') || 'nothing traced (Go\'s collector runs inside the call)'}`)
  }
  return times
}

/**
 * Submits the empty demo form once (so it validates as the user types),
 * then types n keystrokes into the network name — the name, then as many
 * backspaces, over and over, so every keystroke changes the field — and
 * gives each one's time from the input event's time stamp to the end of
 * the widget's update (its stemkn:validated event comes after the DOM is
 * changed), in ms.
 */
async function timeKeystrokes (page, n) {
  await page.click('form#application button[type=submit]:not([name])')
  await page.waitForSelector('.govuk-error-summary', { state: 'visible' })
  await page.evaluate(() => {
    const bench = window.__stemknBench
    bench.keys = []
    let typed = null
    document.addEventListener('input', e => { typed = e.timeStamp }, { capture: true })
    document.querySelector('form#application').addEventListener('stemkn:validated', e => {
      if (e.detail.trigger === 'input' && typed !== null) {
        bench.keys.push(performance.now() - typed)
        typed = null
      }
    })
  })
  const field = 'form#application [name="network[name]"]'
  await page.focus(field)
  await page.fill(field, '')
  const word = 'Calder Valley Maths in STEM Network'
  const sequence = []
  while (sequence.length < n) {
    for (const c of word) sequence.push(c)
    for (let i = 0; i < word.length; i++) sequence.push('Backspace')
  }
  for (const key of sequence.slice(0, n)) await page.keyboard.press(key)
  const times = await page.evaluate(() => window.__stemknBench.keys)
  const message = await page.evaluate(() => document.querySelector('form#application').querySelectorAll('[data-stemkn-error], .govuk-error-message').length)
  if (times.length !== n) throw new Error(`${n} keystrokes made ${times.length} validations`)
  if (message === 0) throw new Error('the form shows no messages after a submit: is it live?')
  return times
}

/** With TIMING_DEBUG set, lists the calls over 1 ms on stderr. */
function debugSlow (what, times) {
  if (!process.env.TIMING_DEBUG) return
  const slow = times.map((ms, i) => [i, ms]).filter(([, ms]) => ms > 1)
  log(`${what}: ${slow.length} of ${times.length} calls over 1 ms:`, slow.map(([i, ms]) => `#${i} ${ms.toFixed(1)}`).join(' '))
}

function percentile (values, p) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]
}

const ns = ms => Math.round(ms * 1e6)
// The module's instantiation, when the page recorded it.
const wasmStages = t => t.instantiateEnd === undefined ? '' : `\t${ns(t.instantiateStart)} wasm-start-ns\t${ns(t.instantiateEnd)} wasm-ready-ns`

/**
 * The widget's page and the ajv page (peer.mjs), each started cold, in -count
 * alternating pairs: navigation → ready, the first validation, the first
 * -calls calls and the bytes on the wire, for each.
 */
async function pairs (reference) {
  // The exported schema, as the widget's built-in scheme has it.
  const schema = path.join(await mkdtemp(path.join(os.tmpdir(), 'stemkn-schema-')), 'stem-kn-2011.json')
  await writeFile(schema, execFileSync('go', ['run', './cmd/stemkn', 'schema', '--scheme', 'stem-kn-2011'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }))
  const peers = await startPeerPages({ root, dist, schema })
  try {
    console.log(`BenchmarkAjvBundleSize\t1\t${peers.ajvBytes} raw-bytes\t${peers.ajvBrotliBytes} brotli-bytes`)
    for (let run = 0; run < count; run++) {
      for (const name of ['widget', 'ajv', 'widget-preload']) {
        await withColdBrowser(async page => {
          const bytes = await countWire(page)
          const t = await openDemo(page, `${peers.url}/${name}.html`, reference)
          if (!t.firstValid) throw new Error(`the reference document is not valid on the ${name} page`)
          const wire = bytes()
          const first = await timeCalls(page, reference, calls)
          console.log(`BenchmarkColdStart/${name}\t1\t${ns(t.ready)} ns/op\t${ns(t.first)} first-ns\t${ns(percentile(first, 99))} p99-first-ns\t${ns(percentile(first, 50))} median-first-ns\t${wire} wire-bytes\t${ns(t.domContentLoaded)} dcl-ns${wasmStages(t)}`)
        })
      }
    }
  } finally {
    await peers.stop()
    await rm(path.dirname(schema), { recursive: true, force: true })
  }
}

async function main () {
  const reference = await readFile(path.join(root, 'stemkn', 'testdata', 'reference-12-members.json'), 'utf8')
  const demo = await startDemo()
  const proxy = await startIsolatingProxy(demo.url)
  try {
    await pairs(reference)
    for (let run = 0; run < count; run++) {
      let wire
      const t = await withColdBrowser(async page => {
        const bytes = await countWire(page)
        const t = await openDemo(page, demo.url, reference)
        // Let the last responses (the stylesheet's fonts, say) report.
        await page.waitForLoadState('networkidle')
        wire = bytes()
        return t
      })
      if (!t.firstValid) throw new Error('the reference document is not valid in the browser')
      console.log(`BenchmarkDemoFirstVisit\t1\t${wire} wire-bytes`)
      // The stages: the page and its scripts, fetching and compiling the
      // module, then Go's start (runtime, validator, warm-up) to ready.
      console.log(`BenchmarkBrowserStartup\t1\t${ns(t.ready)} ns/op\t${ns(t.domContentLoaded)} dcl-ns${wasmStages(t)}`)
      console.log(`BenchmarkBrowserFirstValidation\t1\t${ns(t.first)} ns/op`)
    }
    for (let run = 0; steady && run < count; run++) {
      await withColdBrowser(async page => {
        const t = await openDemo(page, proxy.url, reference)
        if (!t.isolated) log('the page is not cross-origin isolated: timers are coarse')
        // The first calls after ready run while V8 compiles the hot Go
        // functions again with its optimising tier, on background threads
        // that on two cores take turns with the page's own. They are timed
        // and reported apart; steady state is timed after them and a
        // second's pause, as a page is after a few seconds of use.
        const warm = await traced(page, () => timeCalls(page, reference, calls), 'first calls')
        debugSlow('first calls', warm)
        console.log(`BenchmarkBrowserValidateFirst\t${calls}\t${ns(percentile(warm, 50))} ns/op\t${ns(percentile(warm, 99))} p99-ns\t${ns(Math.max(...warm))} max-ns`)
        await page.waitForTimeout(1000)
        const c = await traced(page, () => timeCalls(page, reference, calls), 'steady state')
        debugSlow('steady state', c)
        console.log(`BenchmarkBrowserValidate\t${calls}\t${ns(percentile(c, 50))} ns/op\t${ns(percentile(c, 99))} p99-ns\t${ns(Math.max(...c))} max-ns`)
        for (const [way, w] of Object.entries(await timeWays(page, reference, calls) ?? {})) {
          console.log(`BenchmarkBrowserValidateWay/${way}\t${w.length}\t${ns(percentile(w, 50))} ns/op\t${ns(percentile(w, 99))} p99-ns\t${ns(Math.max(...w))} max-ns`)
        }
        const k = await timeKeystrokes(page, keys)
        const first = k.slice(0, 1000)
        console.log(`BenchmarkBrowserKeystroke\t${keys}\t${ns(percentile(k, 50))} ns/op\t${ns(percentile(k, 99))} p99-ns\t${ns(percentile(first, 99))} p99-first1000-ns\t${ns(Math.max(...k))} max-ns`)
      })
    }
  } finally {
    await proxy.stop()
    await demo.stop()
  }
}

main().catch(err => {
  console.error('timing:', err)
  process.exit(1)
})
