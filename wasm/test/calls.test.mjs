// The two ways the kit calls Go — the module's WebAssembly exports, which
// the kit's calls go through, and the js.Func functions, which take the
// calls the exports cannot — give the same answers, byte for byte, in Node
// and in a page in Chromium (fixtures/calls.js); and a panic inside a call
// is an error answer both ways (Node, a build with the test function
// panic: wasm/testhooks.go).

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { root, dist, startPlain, launch, openPage } from './helpers.mjs'
import {
  callCases, bothWays, kitCallsGoThroughTheExports, manyCalls,
  judgeBothWays, judgeKitCalls, judgeManyCalls
} from './fixtures/calls.js'

const rounds = 600
let stemkn, bytes, fixtures

before(async () => {
  assert.ok(existsSync(path.join(dist, 'stemkn.wasm')), 'build the widget first: make widget')
  stemkn = await import(pathToFileURL(path.join(dist, 'stemkn.js')).href)
  bytes = await readFile(path.join(dist, 'stemkn.wasm'))
  fixtures = {
    application: JSON.parse(await readFile(path.join(root, 'examples/applications/stem-kn-2011.json'), 'utf8')),
    schemeFile: await readFile(path.join(root, 'examples/schemes/hemel-enthuse-2022.json'), 'utf8')
  }
})

// Each check on a kit of its own: a new object of the module's bytes is a
// new load.
const freshKit = () => stemkn.load({ wasm: new Uint8Array(bytes) })

describe('calls into Go in Node', { timeout: 300000 }, () => {
  it('answer alike through the exports and the js.Func', async () => {
    const kit = await freshKit()
    judgeBothWays(assert, bothWays(kit, callCases(kit.limits.bytes, fixtures)))
  })

  it('go through the exports for the kit\'s calls, and to the js.Func for arguments that are not strings', async () => {
    judgeKitCalls(assert, kitCallsGoThroughTheExports(await freshKit(), fixtures), 'hemel-enthuse-2022')
  })

  it('keep answering alike over many calls in a row of every size', async () => {
    judgeManyCalls(assert, manyCalls(await freshKit(), fixtures, rounds))
  })

  it('answer a panic inside a call with an error, both ways, and keep working', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stemkn-testhooks-'))
    try {
      const module = path.join(dir, 'stemkn.wasm')
      execFileSync('go', ['build', '-tags', 'stemkntest', '-o', module, './wasm'], {
        cwd: root, env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' }, stdio: ['ignore', 'ignore', 'inherit']
      })
      const kit = await stemkn.load({ wasm: await readFile(module) })
      const runtime = kit.runtime
      assert.throws(() => kit.call('panic', 'büm 🧨 \uD800'), { name: 'StemknError', message: 'stemkn: internal error: büm 🧨 \uFFFD' })
      const viaExports = runtime.exports.call('panic', ['büm 🧨'])
      assert.equal(viaExports, '{"error":"stemkn: internal error: büm 🧨"}')
      assert.equal(viaExports, runtime.surface.panic('büm 🧨'))
      assert.equal(runtime.stopped, false)
      assert.equal(kit.validate(fixtures.application).valid, true, 'the runtime keeps working')
      assert.equal(kit.runtime, runtime, 'the same runtime')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('calls into Go in Chromium', { timeout: 300000 }, () => {
  let plain, browser

  before(async () => {
    plain = await startPlain()
    browser = await launch()
  })

  after(async () => {
    await browser?.close()
    await plain?.stop()
  })

  // Each check on a page of its own, and so a kit of its own.
  async function inPage (check, ...args) {
    const p = await openPage(browser.context, plain.url)
    await p.page.goto(plain.url + '/')
    await p.ready()
    const out = await p.page.evaluate(async ([check, fixtures, args]) => {
      const calls = await import('/calls.js')
      const kit = await window.stemkn.load()
      return check === 'bothWays'
        ? calls.bothWays(kit, calls.callCases(kit.limits.bytes, fixtures))
        : calls[check](kit, fixtures, ...args)
    }, [check, fixtures, args])
    await p.check()
    return out
  }

  it('answer alike through the exports and the js.Func', async () => {
    judgeBothWays(assert, await inPage('bothWays'))
  })

  it('go through the exports for the kit\'s calls, and to the js.Func for arguments that are not strings', async () => {
    judgeKitCalls(assert, await inPage('kitCallsGoThroughTheExports'), 'hemel-enthuse-2022')
  })

  it('keep answering alike over many calls in a row of every size', async () => {
    judgeManyCalls(assert, await inPage('manyCalls', rounds))
  })
})
