// The widget's module in Node, with no DOM at all: every way load() takes
// the WebAssembly module, the kit's calls, input past the limits refused
// before it reaches Go, the costliest calls the limits allow, a fresh
// runtime after the Go program runs out of memory, and the two ways the kit
// calls Go — the module's exports and the js.Func callbacks — answering
// alike. The same checks run in Chromium (load.test.mjs) from
// fixtures/checks.js and fixtures/calls.js; a panic inside a call, an error
// answer both ways, only here (a build with a function that panics:
// wasm/testhooks.go).

import { describe, it, before } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { root, dist } from './helpers.mjs'
import {
  everyLoadingForm, badSources, refusedBeforeGo, costliestCalls, restartAfterOutOfMemory,
  judgeEveryLoadingForm, judgeRefusedBeforeGo, judgeCostliestCalls, judgeRestart
} from './fixtures/checks.js'
import { worstDocument } from './fixtures/worst.js'
import {
  callCases, bothWays, kitCallsGoThroughTheExports, manyCalls, manyRounds,
  judgeBothWays, judgeKitCalls, judgeManyCalls
} from './fixtures/calls.js'

const wasmPath = path.join(dist, 'stemkn.wasm')
let stemkn, bytes, application, schemeFile, hemel

before(async () => {
  assert.ok(existsSync(wasmPath), 'build the widget first: make widget')
  assert.equal(typeof document, 'undefined', 'Node has no DOM')
  stemkn = await import(pathToFileURL(path.join(dist, 'stemkn.js')).href)
  bytes = await readFile(wasmPath)
  application = JSON.parse(await readFile(path.join(root, 'examples/applications/stem-kn-2011.json'), 'utf8'))
  hemel = JSON.parse(await readFile(path.join(root, 'examples/applications/hemel-2022.json'), 'utf8'))
  schemeFile = await readFile(path.join(root, 'examples/schemes/hemel-enthuse-2022.json'), 'utf8')
})

const wasmType = { headers: { 'content-type': 'application/wasm' } }
const run = promisify(execFile)

describe('the kit in Node', { timeout: 300000 }, () => {
  it('loads from every kind of source and needs no DOM', async () => {
    const module = await WebAssembly.compile(bytes)
    const padded = new Uint8Array(bytes.length + 16)
    padded.set(bytes, 8)
    const out = await everyLoadingForm(stemkn, {
      'the default (stemkn.wasm beside the module)': () => undefined,
      'a path': () => path.relative(process.cwd(), wasmPath),
      'a file: URL': () => pathToFileURL(wasmPath),
      'a file: URL as text': () => pathToFileURL(wasmPath).href,
      'a Response (application/wasm: compiled as it streams)': () => new Response(bytes, wasmType),
      'a Response of another type': () => new Response(bytes),
      'a promise of a Response': () => Promise.resolve(new Response(bytes, wasmType)),
      'an ArrayBuffer': () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      'a Uint8Array': () => new Uint8Array(bytes),
      'a view into a larger buffer': () => padded.subarray(8, 8 + bytes.length),
      'a DataView': () => new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
      'a compiled WebAssembly.Module': () => module
    }, { application, schemeFile })
    judgeEveryLoadingForm(assert, out)
    const first = await stemkn.load()
    assert.equal(await stemkn.load({ wasmURL: new URL('stemkn.wasm', pathToFileURL(dist + '/')) }), first, 'the same URL, the same kit')
  })

  it('loads from a path and a file: URL in every Node 20, without process.getBuiltinModule (before 20.16)', async () => {
    const script = `
      delete process.getBuiltinModule
      const { load } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'stemkn.js')).href)})
      const byDefault = await load()
      const byPath = await load({ wasm: ${JSON.stringify(path.relative(root, wasmPath))} })
      console.log(JSON.stringify([byDefault.validate('{}').findings.length > 0, byPath.schemes().length, byDefault === byPath]))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root })
    assert.deepEqual(JSON.parse(stdout), [true, 5, true])
  })

  it('refuses what is not a module, saying why', async () => {
    const out = await badSources(stemkn, {
      number: () => 42,
      'an object that is none of them': () => ({ href: 'stemkn.wasm' }),
      'a missing file': () => path.join(dist, 'no-such.wasm'),
      'a Response that failed': () => new Response('not found', { status: 404 }),
      'a promise of bytes, not a Response': () => Promise.resolve(bytes),
      'a rejected promise': () => Promise.reject(new Error('offline')),
      'bytes that are not WebAssembly': () => new TextEncoder().encode('<!doctype html>'),
      'a Response already read': () => {
        const r = new Response(bytes)
        r.arrayBuffer()
        return r
      }
    })
    assert.match(out.number, /^StemknError: stemkn: load needs the module as a URL, a Response/)
    assert.match(out['a missing file'], /^StemknError: stemkn: cannot start the validator: ENOENT/)
    assert.match(out['a Response that failed'], /^StemknError: stemkn: cannot load .*HTTP 404/)
    assert.match(out['a promise of bytes, not a Response'], /^StemknError: .*not a Response/)
    assert.match(out['a rejected promise'], /^StemknError: .*offline/)
    for (const [name, got] of Object.entries(out)) assert.match(got, /^StemknError: /, name)
  })

  it('keeps to the kit where there is no document: attach says it needs a form', async () => {
    const kit = await stemkn.load()
    assert.throws(() => kit.attach({}), { name: 'StemknError', message: /attach needs a <form> element/ })
    assert.doesNotThrow(() => kit.attachAll())
  })

  it('refuses input past the byte limit before it reaches Go, with the answer Go gives it', async () => {
    const kit = await stemkn.load({ wasm: bytes })
    const out = refusedBeforeGo(kit)
    judgeRefusedBeforeGo(assert, out)
  })

  it('answers the costliest calls the limits allow and keeps Go\'s memory bounded', async () => {
    const kit = await stemkn.load({ wasm: bytes })
    const out = costliestCalls(kit, worstDocument(), 2)
    judgeCostliestCalls(assert, out)
  })

  it('starts a fresh runtime after Go runs out of memory, with the scheme files loaded before', async () => {
    const kit = await stemkn.load({ wasm: await WebAssembly.compile(bytes) })
    const out = restartAfterOutOfMemory(kit, { schemeFile, schemeID: 'hemel-enthuse-2022', application: hemel })
    judgeRestart(assert, out, 'hemel-enthuse-2022')
  })

  it('answers alike through the exports and the js.Func', async () => {
    const kit = await stemkn.load({ wasm: new Uint8Array(bytes) })
    judgeBothWays(assert, bothWays(kit, callCases(kit.limits.bytes, { application, schemeFile })))
  })

  it('calls Go through the exports, and through the js.Func for arguments that are not strings', async () => {
    const kit = await stemkn.load({ wasm: new Uint8Array(bytes) })
    judgeKitCalls(assert, kitCallsGoThroughTheExports(kit, { application, schemeFile }), 'hemel-enthuse-2022')
  })

  it('keeps answering alike over many calls in a row of every size', async () => {
    const kit = await stemkn.load({ wasm: new Uint8Array(bytes) })
    judgeManyCalls(assert, manyCalls(kit, { application }, manyRounds))
  })

  it('answers a panic inside a call with an error, both ways, and keeps working', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stemkn-testhooks-'))
    try {
      const module = path.join(dir, 'stemkn.wasm')
      await run('go', ['build', '-tags', 'stemkntest', '-o', module, './wasm'], { cwd: root, env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' } })
      const kit = await stemkn.load({ wasm: await readFile(module) })
      const runtime = kit.runtime
      assert.throws(() => kit.call('panic', 'büm 🧨 \uD800'), { name: 'StemknError', message: 'stemkn: internal error: büm 🧨 \uFFFD' })
      const viaExports = runtime.exports.call('panic', ['büm 🧨'])
      assert.equal(viaExports, '{"error":"stemkn: internal error: büm 🧨"}')
      assert.equal(viaExports, runtime.surface.panic('büm 🧨'))
      assert.equal(runtime.stopped, false)
      assert.equal(kit.validate(application).valid, true, 'the runtime keeps working')
      assert.equal(kit.runtime, runtime, 'the same runtime')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
