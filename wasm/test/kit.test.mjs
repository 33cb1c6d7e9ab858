// The kit's API on a plain page served under the strict CSP: validation,
// schemes, scheme files, hostile calls (which must fail politely and leave
// the runtime working), blur mode and configurable classes.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { startPlain, launch, openPage, root } from './helpers.mjs'

let plain, browser

before(async () => {
  plain = await startPlain()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await plain?.stop()
})

async function open () {
  const p = await openPage(browser.context, plain.url)
  await p.page.goto(plain.url + '/')
  await p.ready()
  return p
}

const calder = JSON.parse(await readFile(path.join(root, 'examples/applications/stem-kn-2011.json'), 'utf8'))

describe('the kit', { timeout: 120000 }, () => {
  it('validates documents with the Go rules and gives the documented result', async () => {
    const p = await open()
    const out = await p.page.evaluate(async doc => {
      const kit = await window.stemkn.load()
      const valid = kit.validate(doc)
      const text = kit.validate(JSON.stringify(doc))
      doc.funding.lines.push({ category: 'resources', description: 'More kit', amount: 100000 })
      const over = kit.validate(doc, { scheme: 'stem-kn-2011' })
      const draft = kit.validate({ scheme: 'stem-kn-2011' }, { mode: 'draft' })
      return { valid, text, over, draft }
    }, calder)
    assert.equal(out.valid.valid, true)
    assert.equal(out.valid.eligible, true)
    assert.deepEqual(out.text, out.valid)
    assert.equal(out.over.valid, false)
    assert.equal(out.over.eligible, false)
    const share = out.over.findings.find(f => f.code === 'budget.category-share')
    assert.equal(share.path, '/funding/lines')
    assert.match(share.message, /^Resources must be no more than 20% of the total/)
    assert.ok(out.over.rules.some(r => r.outcome === 'failed' && /20% of the funding/.test(r.reference)))
    assert.equal(out.draft.valid, true)
    assert.ok(out.draft.findings.length > 0 && out.draft.findings.every(f => f.severity === 'warning'))
    await p.check()
  })

  it('lists the schemes, and adds scheme files that extend them', async () => {
    const p = await open()
    const hemel = await readFile(path.join(root, 'examples/schemes/hemel-enthuse-2022.json'), 'utf8')
    const application = JSON.parse(await readFile(path.join(root, 'examples/applications/hemel-2022.json'), 'utf8'))
    const out = await p.page.evaluate(async ({ hemel, application }) => {
      const kit = await window.stemkn.load()
      const before = kit.schemes()
      const loaded = kit.loadScheme(hemel)
      const after = kit.schemes()
      let bad
      try { kit.loadScheme('{"id": "x", "title": "X", "extends": "no-such-scheme"}') } catch (e) { bad = [e.name, e.message] }
      const primary = kit.validate(application)
      application.network.institutions[7].phase = 'nursery'
      const nursery = kit.validate(application)
      return { before, loaded, after, bad, primary, nursery }
    }, { hemel, application })
    const ids = out.before.map(s => s.id)
    for (const id of ['stem-kn-2011', 'enthuse-2014', 'enthuse-2022', 'stem-pd-net-2016', 'stem-exchange']) assert.ok(ids.includes(id), id)
    const kn = out.before.find(s => s.id === 'stem-kn-2011')
    assert.equal(kn.currency, 'GBP')
    assert.equal(kn.kind, 'application')
    assert.equal(kn.themes.length, 8)
    assert.equal(kn.rules.cap.amount, 200000)
    assert.equal(kn.rules.categoryShares[0].maxPercent, 20)
    assert.equal(out.before.find(s => s.id === 'stem-exchange').kind, 'offer')
    assert.deepEqual(out.loaded, { id: 'hemel-enthuse-2022' })
    const h = out.after.find(s => s.id === 'hemel-enthuse-2022')
    assert.equal(h.rules.cap.amount, 5000000)
    assert.equal(h.tests, undefined)
    // "Primary schools across the Hemel Hempstead area": the phase primary,
    // so a nursery school, which the primary phase group admits, is refused.
    assert.deepEqual(h.rules.institutions.find(r => r.id === 'primarySchools').phases, ['primary'])
    assert.equal(out.primary.valid, true)
    assert.equal(out.nursery.eligible, false)
    assert.deepEqual(out.nursery.findings.map(f => [f.code, f.path, f.rule]),
      [['eligibility.institution-class', '/network/institutions/7/phase', 'primarySchools']])
    assert.equal(out.bad[0], 'StemknError')
    assert.match(out.bad[1], /not a known scheme/)
    await p.check()
  })

  it('answers hostile calls with errors and keeps working', async () => {
    const p = await open()
    const out = await p.page.evaluate(async doc => {
      const { load, StemknError } = window.stemkn
      const kit = await load()
      const throwing = { toString () { throw new Error('toString') }, valueOf () { throw new Error('valueOf') } }
      const circular = {}
      circular.self = circular
      const calls = {
        null: () => kit.validate(null),
        undefined: () => kit.validate(undefined),
        number: () => kit.validate(42),
        nan: () => kit.validate(NaN),
        string10MB: () => kit.validate('x'.repeat(10 << 20)),
        json10MB: () => kit.validate('{"scheme": "' + 'a'.repeat(10 << 20) + '"}'),
        throwingToString: () => kit.validate(throwing),
        throwingToJSON: () => kit.validate({ toJSON () { throw throwing } }),
        circular: () => kit.validate(circular),
        bigint: () => kit.validate(10n),
        symbol: () => kit.validate(Symbol('x')),
        badOptions: () => kit.validate(doc, 'draft'),
        throwingScheme: () => kit.validate(doc, { scheme: throwing }),
        badMode: () => kit.validate(doc, { mode: 'maybe' }),
        badMessages: () => kit.validate(doc, { messages: { required: 1 } }),
        throwingGetter: () => kit.validate(doc, { get scheme () { throw new Error('getter') } }),
        formNotList: () => kit.validateForm('network[name]=x'),
        formBadPairs: () => kit.validateForm([['a', 1]]),
        formThrowing: () => kit.validateForm([throwing]),
        loadSchemeNull: () => kit.loadScheme(null),
        loadSchemeNumber: () => kit.loadScheme(7),
        loadSchemeThrowing: () => kit.loadScheme(throwing),
        attachNull: () => kit.attach(null),
        attachNumber: () => kit.attach(document.querySelector('form'), 5),
        attachBadLive: () => kit.attach(document.querySelector('form'), { live: 'sometimes' }),
        schemaUnknown: () => kit.schema('no-such-scheme'),
        schemaThrowing: () => kit.schema(throwing)
      }
      const out = {}
      for (const [name, call] of Object.entries(calls)) {
        try {
          const r = call()
          out[name] = { result: r && typeof r === 'object' ? { valid: r.valid, codes: (r.findings || []).map(f => f.code) } : typeof r }
        } catch (e) {
          out[name] = { error: e instanceof StemknError || e instanceof TypeError ? e.name : 'other: ' + e }
        }
      }
      out.after = kit.validate(doc)
      out.loadBadURL = await load({ wasmURL: throwing }).then(() => 'loaded', e => e.name)
      return out
    }, calder)
    const result = codes => ({ result: { valid: false, codes } })
    assert.deepEqual(out.null, result(['type']))
    assert.deepEqual(out.undefined.result.codes, ['syntax'])
    assert.deepEqual(out.number, result(['type']))
    assert.deepEqual(out.nan, result(['type']), 'NaN is written as null')
    assert.deepEqual(out.string10MB, result(['too-large']))
    assert.deepEqual(out.json10MB, result(['too-large']))
    assert.deepEqual(out.throwingToString.result.valid, false, 'toString is never called: the object is written as JSON')
    for (const name of ['throwingToJSON', 'circular', 'bigint', 'badOptions', 'throwingScheme', 'badMode', 'badMessages',
      'throwingGetter', 'formNotList', 'formBadPairs', 'formThrowing', 'loadSchemeNull', 'loadSchemeNumber', 'loadSchemeThrowing',
      'attachNull', 'attachNumber', 'schemaUnknown', 'schemaThrowing']) {
      assert.equal(out[name].error, 'StemknError', `${name}: ${JSON.stringify(out[name])}`)
    }
    assert.equal(out.attachBadLive.error, 'TypeError')
    assert.deepEqual(out.symbol.result.codes, ['syntax'], 'a symbol has no JSON: an empty document')
    assert.equal(out.after.valid, true, 'the runtime still works')
    assert.equal(out.loadBadURL, 'StemknError')
    await p.check()
  })

  it('gives JSON Schema basic output, as the Go command does, by the official output schema', async () => {
    const p = await open()
    const over = structuredClone(calder)
    over.funding.lines.push({ category: 'resources', description: 'More kit', amount: 100000 })
    delete over.network.name
    const out = await p.page.evaluate(async doc => {
      const kit = await window.stemkn.load()
      const basic = kit.validate(doc, { output: 'basic' })
      const valid = kit.validate({ scheme: 'stem-kn-2011' }, { mode: 'draft', output: 'basic' })
      const form = kit.validateForm([['scheme', 'stem-kn-2011'], ['network[name]', 'x'.repeat(201)]], { output: 'basic' })
      let refused
      try { kit.validate(doc, { output: 'flag' }) } catch (err) { refused = err.message }
      return { basic, valid, form, refused }
    }, over)
    const official = JSON.parse(await readFile(path.join(root, 'stemkn/testdata/output/schema.json'), 'utf8'))
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema(official)
    const basicUnit = ajv.getSchema(official.$id + '#/$defs/basic')
    for (const o of [out.basic, out.valid, out.form.basic]) assert.ok(basicUnit(o), JSON.stringify(basicUnit.errors))
    const go = spawnSync('go', ['run', './cmd/stemkn', 'validate', '--format', 'basic'], { cwd: root, input: JSON.stringify(over) + '\n' })
    assert.equal(go.status, 1, go.stderr.toString())
    assert.deepEqual(out.basic, JSON.parse(go.stdout.toString()), 'the widget answers as the Go command does')
    assert.equal(out.basic.valid, false)
    assert.ok(out.basic.errors.some(e => e.keywordLocation === '/properties/network/$ref/required' && e.instanceLocation === '/network'))
    assert.ok(out.basic.errors.some(e => /^\/x-stemkn-rules\/\d+$/.test(e.keywordLocation) && e.instanceLocation === '/funding/lines'))
    assert.deepEqual(out.valid, { valid: true, keywordLocation: '', instanceLocation: '' })
    assert.equal(out.form.result.valid, false)
    assert.ok(out.form.basic.errors.some(e => e.keywordLocation === '/properties/network/$ref/properties/name/maxLength' && e.instanceLocation === '/network/name'))
    assert.match(out.refused, /output must be "result" or "basic", not "flag"/)
    await p.check()
  })

  it('judges an oldest age typed as 0, and asks for one left empty', async () => {
    const p = await open()
    const out = await p.page.evaluate(async () => {
      const kit = await window.stemkn.load()
      const offer = max => [['scheme', 'stem-exchange'], ['offer[kind]', 'work-experience'], ['offer[format]', 'placement'],
        ['offer[employer][name]', 'Example Water Services Ltd'], ['offer[title]', 'A week in the lab'], ['offer[audience][]', 'school'],
        ['offer[ageRange][min]', '0'], ['offer[ageRange][max]', max]]
      return ['0', '1', ''].map(max => kit.validateForm(offer(max)).result.findings.map(f => [f.code, f.path, f.message]))
    })
    assert.deepEqual(out, [
      [['minimum', '/offer/ageRange/max', 'The oldest age must be 1 or more']],
      [],
      [['required', '/offer/ageRange/max', 'Enter the oldest age the offer is open to']]
    ])
    await p.check()
  })

  it('gives the JSON Schema of each scheme', async () => {
    const p = await open()
    const out = await p.page.evaluate(async () => {
      const kit = await window.stemkn.load()
      return kit.schemes().map(s => [s.id, kit.schema(s.id)])
    })
    for (const [id, schema] of out) {
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', id)
      assert.ok(schema.$id, id)
    }
    await p.check()
  })

  it('in blur mode shows a field\'s message once the user leaves it, and no summary', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#email', 'not an email')
    assert.equal(await page.locator('.govuk-error-message').count(), 0, 'not while typing')
    await page.focus('#name')
    await page.waitForSelector('.govuk-error-message')
    const message = await page.textContent('.govuk-error-message')
    assert.match(message, /^Error: .*email/)
    assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'true')
    assert.ok((await page.getAttribute('#email', 'aria-describedby')).includes('email-error'))
    assert.equal(await page.locator('.govuk-error-summary').count(), 0)
    assert.equal(await page.locator('.govuk-error-message').count(), 1, 'the untouched name field shows nothing')
    await page.fill('#email', 'a@example.org')
    assert.equal(await page.locator('.govuk-error-message').count(), 0)
    await p.check()
  })

  it('uses the host\'s classes, words and messages, and detaches cleanly', async () => {
    const p = await open()
    const { page } = p
    const out = await page.evaluate(async () => {
      const kit = await window.stemkn.load()
      const form = document.querySelector('#plain')
      const events = []
      form.addEventListener('stemkn:validated', e => events.push(e.detail.trigger))
      const moved = (() => {
        try {
          kit.attach(form, { errorSummary: { title: 'Mae problem' } })
          return 'attached'
        } catch (err) {
          return err.message
        }
      })()
      const binding = kit.attach(form, {
        messages: { 'required@/network/name': 'Tell us the network’s name', 'ui.error-summary.title': 'Some answers need changing', 'ui.error-message.prefix': 'Problem:' },
        errorMessage: { classes: { formGroup: 'field', formGroupError: 'field--error', message: 'msg', inputError: 'bad' } },
        errorSummary: { classes: { summary: 'summary' } }
      })
      form.requestSubmit()
      const state = {
        summary: document.querySelector('.summary h2').textContent,
        first: document.querySelector('.summary a[href="#name"]').textContent,
        inline: document.querySelector('.field--error .msg').textContent,
        input: document.querySelector('#name').className,
        events: [...events],
        moved
      }
      kit.detach(form)
      state.after = {
        messages: document.querySelectorAll('.msg').length,
        summaryHidden: document.querySelector('.summary').hidden,
        groups: document.querySelectorAll('.field--error').length,
        aria: document.querySelector('#name').getAttribute('aria-invalid'),
        title: document.title,
        attached: binding.form.dataset.stemknAttached
      }
      return state
    })
    assert.match(out.moved, /errorSummary\.title is a word of the message catalogue now: give it as messages: \{"ui\.error-summary\.title"/)
    assert.equal(out.summary, 'Some answers need changing')
    assert.equal(out.first, 'Tell us the network’s name')
    assert.equal(out.inline, 'Problem: Tell us the network’s name')
    assert.equal(out.input, 'bad')
    assert.ok(out.events.includes('submit'))
    assert.deepEqual(out.after, { messages: 0, summaryHidden: true, groups: 0, aria: null, title: 'Plain page', attached: undefined })
    await p.check()
  })
})
