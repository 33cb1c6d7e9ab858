// The kit in a page in Chromium, under the strict CSP: every way load()
// takes the WebAssembly module, input past the limits refused before it
// reaches Go (the attack that stopped the runtime), the costliest calls the
// limits allow, a fresh runtime after Go runs out of memory, and the two
// ways the kit calls Go answering alike. The same checks run in Node
// (node.test.mjs) from fixtures/checks.js and fixtures/calls.js.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startPlain, launch, openPage, root } from './helpers.mjs'
import { judgeEveryLoadingForm, judgeRefusedBeforeGo, judgeCostliestCalls, judgeRestart } from './fixtures/checks.js'
import { judgeBothWays, judgeKitCalls, judgeManyCalls, manyRounds } from './fixtures/calls.js'

let plain, browser, application, hemel, schemeFile

before(async () => {
  plain = await startPlain()
  browser = await launch()
  application = JSON.parse(await readFile(path.join(root, 'examples/applications/stem-kn-2011.json'), 'utf8'))
  hemel = JSON.parse(await readFile(path.join(root, 'examples/applications/hemel-2022.json'), 'utf8'))
  schemeFile = await readFile(path.join(root, 'examples/schemes/hemel-enthuse-2022.json'), 'utf8')
})

after(async () => {
  await browser?.close()
  await plain?.stop()
})

async function open () {
  const p = await openPage(browser.context, plain.url)
  const warnings = []
  p.page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()) })
  await p.page.goto(plain.url + '/')
  await p.ready()
  return { ...p, warnings }
}

describe('load() in Chromium', { timeout: 300000 }, () => {
  it('loads from every kind of source', async () => {
    const p = await open()
    const out = await p.page.evaluate(async fixtures => {
      const { everyLoadingForm } = await import('/checks.js')
      const url = '/widget/stemkn.wasm'
      const response = await fetch(url)
      const bytes = await (await fetch(url)).arrayBuffer()
      const module = await WebAssembly.compile(bytes)
      return everyLoadingForm(window.stemkn, {
        'the default (stemkn.wasm beside the module)': () => undefined,
        'a URL relative to the page': () => 'widget/stemkn.wasm',
        'a URL object': () => new URL(url, location.href),
        'a Response (application/wasm: compiled as it streams)': () => response,
        'a Response of another type': () => new Response(bytes),
        'a promise of a Response': () => fetch(url),
        'an ArrayBuffer': () => bytes,
        'a Uint8Array': () => new Uint8Array(bytes),
        'a compiled WebAssembly.Module': () => module
      }, fixtures)
    }, { application, schemeFile })
    judgeEveryLoadingForm(assert, out)
    await p.check()
  })

  it('refuses what is not a module, saying why', async () => {
    const p = await open()
    const out = await p.page.evaluate(async () => {
      const { badSources } = await import('/checks.js')
      return badSources(window.stemkn, {
        number: () => 42,
        'a URL that is not there': () => '/widget/no-such.wasm',
        'a promise of bytes, not a Response': () => fetch('/widget/stemkn.wasm').then(r => r.arrayBuffer()),
        'bytes that are not WebAssembly': () => new TextEncoder().encode('<!doctype html>')
      })
    })
    assert.match(out.number, /^StemknError: stemkn: load needs the module as a URL, a Response/)
    assert.match(out['a URL that is not there'], /^StemknError: stemkn: cannot load .*no-such\.wasm: HTTP 404$/)
    assert.match(out['a promise of bytes, not a Response'], /^StemknError: .*not a Response/)
    assert.match(out['bytes that are not WebAssembly'], /^StemknError: stemkn: cannot start the validator: /)
    // The 404 is a request the page made on purpose; nothing else.
    p.trouble.splice(0, p.trouble.length, ...p.trouble.filter(t => !/404|no-such\.wasm/.test(t)))
    await p.check()
  })

  it('refuses input past the byte limit before it reaches Go, with the answer Go gives it', async () => {
    const p = await open()
    const out = await p.page.evaluate(async () => {
      const { refusedBeforeGo } = await import('/checks.js')
      return refusedBeforeGo(await window.stemkn.load())
    })
    judgeRefusedBeforeGo(assert, out)
    await p.check()
  })

  it('answers the costliest calls the limits allow and keeps Go\'s memory bounded', async () => {
    const p = await open()
    const out = await p.page.evaluate(async () => {
      const { costliestCalls } = await import('/checks.js')
      const { worstDocument } = await import('/worst.js')
      return costliestCalls(await window.stemkn.load(), worstDocument(), 2)
    })
    judgeCostliestCalls(assert, out)
    await p.check()
  })

  it('starts a fresh runtime after Go runs out of memory, says so in the console, and keeps the page\'s form working', async () => {
    const p = await open()
    const out = await p.page.evaluate(async fixtures => {
      const { restartAfterOutOfMemory } = await import('/checks.js')
      const kit = await window.stemkn.load()
      const result = restartAfterOutOfMemory(kit, fixtures)
      // The auto-attached form validates through the fresh runtime.
      const form = document.querySelector('#plain')
      form.requestSubmit()
      result.summary = document.querySelector('.govuk-error-summary')?.textContent.includes('There is a problem') ?? false
      return result
    }, { schemeFile, schemeID: 'hemel-enthuse-2022', application: hemel })
    judgeRestart(assert, out, 'hemel-enthuse-2022')
    assert.ok(p.warnings.some(w => /^stemkn: the validator had stopped \(.*\); started a fresh one$/.test(w)), 'in the page\'s console')
    assert.equal(out.summary, true)
    await p.check()
  })

  it('answers alike through the exports and the js.Func', async () => {
    const p = await open()
    const out = await p.page.evaluate(async fixtures => {
      const { bothWays, callCases } = await import('/calls.js')
      const kit = await window.stemkn.load()
      return bothWays(kit, callCases(kit.limits.bytes, fixtures))
    }, { application, schemeFile })
    judgeBothWays(assert, out)
    await p.check()
  })

  it('calls Go through the exports, and through the js.Func for arguments that are not strings', async () => {
    const p = await open()
    const out = await p.page.evaluate(async fixtures => {
      const { kitCallsGoThroughTheExports } = await import('/calls.js')
      return kitCallsGoThroughTheExports(await window.stemkn.load(), fixtures)
    }, { application, schemeFile })
    judgeKitCalls(assert, out, 'hemel-enthuse-2022')
    await p.check()
  })

  it('keeps answering alike over many calls in a row of every size', async () => {
    const p = await open()
    const out = await p.page.evaluate(async ([fixtures, rounds]) => {
      const { manyCalls } = await import('/calls.js')
      return manyCalls(await window.stemkn.load(), fixtures, rounds)
    }, [{ application }, manyRounds])
    judgeManyCalls(assert, out)
    await p.check()
  })
})
