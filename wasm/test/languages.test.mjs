// The widget's languages in headless Chromium: the demo form in Welsh
// (?lang=cy, the form marked data-stemkn-lang="cy") shows Welsh in its
// error summary, inline messages, eligibility panel, budget summary and
// page title, and no English message; the English form shows no Welsh.
// "English" and "Welsh" words are those only one of stemkn's catalogues
// (stemkn/messages/en.json, cy.json) has, so the check follows the
// catalogues as they grow. A <form lang="cy"> on a plain page picks Welsh
// by itself.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startDemo, startPlain, launch, openPage, axeViolations, shot, root } from './helpers.mjs'

let demo, plain, browser, only

before(async () => {
  demo = await startDemo()
  plain = await startPlain()
  browser = await launch()
  const read = async lang => JSON.parse(await readFile(path.join(root, 'stemkn/messages', lang + '.json'), 'utf8'))
  const [en, cy] = await Promise.all([read('en'), read('cy')])
  only = { en: wordsOnlyIn(en, cy), cy: wordsOnlyIn(cy, en) }
  assert.ok(only.en.has('enter') && only.en.has('select') && only.cy.has('rhowch') && only.cy.has('gwall'))
})

after(async () => {
  await browser?.close()
  await demo?.stop()
  await plain?.stop()
})

function words (text) {
  return (text.replace(/\{[^{}]*\}/g, ' ').match(/[\p{L}’']{3,}/gu) || []).map(w => w.toLowerCase())
}

/** The words of a catalogue's texts that the other catalogue never uses. */
function wordsOnlyIn (a, b) {
  const inB = new Set()
  for (const [k, v] of Object.entries(b)) if (k !== '_meta') for (const w of words(v)) inB.add(w)
  const out = new Set()
  for (const [k, v] of Object.entries(a)) if (k !== '_meta') for (const w of words(v)) if (!inB.has(w)) out.add(w)
  return out
}

/** The words of texts that belong only to the other language. */
function stray (texts, lang) {
  const other = only[lang === 'cy' ? 'en' : 'cy']
  return texts.flatMap(t => words(t).filter(w => other.has(w)).map(w => `${w} (in "${t}")`))
}

async function open (pathname) {
  const p = await openPage(browser.context, demo.url)
  await p.page.setViewportSize({ width: 1280, height: 900 })
  await p.page.goto(demo.url + pathname)
  await p.ready()
  await p.page.waitForFunction(() => document.querySelector('#application')?.dataset.stemknAttached === 'true')
  return p
}

/**
 * What the widget shows, as text: the title, the summary's title and
 * items, each inline message (with its hidden prefix), the eligibility
 * panel and the budget summary, leaving out what is marked as being in
 * another language than lang (the sources' English quotations, the demo's
 * English questions) and what the user typed.
 */
function shown (page, lang) {
  return page.evaluate(lang => {
    const primary = tag => String(tag || '').toLowerCase().split('-')[0]
    const text = el => {
      if (!el || el.hidden) return []
      const copy = el.cloneNode(true)
      for (const other of copy.querySelectorAll('[lang]')) if (primary(other.getAttribute('lang')) !== lang) other.remove()
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT)
      const parts = []
      while (walker.nextNode()) parts.push(walker.currentNode.data)
      return [parts.join(' ').replace(/\s+/g, ' ').replace(/“ ”/g, '“”').trim()]
    }
    const langOf = el => primary(el.closest('[lang]')?.getAttribute('lang'))
    return {
      title: document.title,
      summaryTitle: document.querySelector('.govuk-error-summary:not([hidden]) .govuk-error-summary__title')?.textContent.trim() || '',
      summary: [...document.querySelectorAll('.govuk-error-summary:not([hidden]) .govuk-error-summary__list li')].map(li => li.textContent.trim()),
      inline: [...document.querySelectorAll('#application .govuk-error-message')].map(p => ({ text: p.textContent.replace(/\s+/g, ' ').trim(), lang: langOf(p) })),
      panel: text(document.querySelector('#eligibility')),
      panelLang: langOf(document.querySelector('#eligibility')),
      quoteLangs: [...document.querySelectorAll('#eligibility .stemkn-eligibility__reference span')].map(langOf),
      budget: text(document.querySelector('[data-stemkn-budget-summary]')),
      budgetLang: langOf(document.querySelector('[data-stemkn-budget-summary]'))
    }
  }, lang)
}

/** Submits the demo form with a budget over its cap, so the panel shows too. */
async function submitOverTheCap (page) {
  await page.click('[data-demo-add="funding[lines]"]')
  await page.selectOption('#funding-lines-0-category', 'resources')
  await page.fill('#funding-lines-0-amount', '2,500')
  await page.click('#application button[data-demo-submit]')
  await page.waitForSelector('.govuk-error-summary:not([hidden])')
}

describe('the widget in Welsh and in English', { timeout: 240000 }, () => {
  it('shows the Welsh form\'s summary, messages, panels and title in Welsh, and no English message', async () => {
    const p = await open('/?lang=cy')
    const { page } = p
    assert.equal(await page.getAttribute('html', 'lang'), 'cy')
    assert.equal(await page.getAttribute('#application', 'data-stemkn-lang'), 'cy')
    await submitOverTheCap(page)
    const s = await shown(page, 'cy')
    assert.match(s.title, /^Gwall: Gwneud cais: Rhwydweithiau Gwybodaeth STEM/)
    assert.equal(s.summaryTitle, 'Mae problem wedi codi')
    assert.ok(s.summary.includes("Rhowch enw'r rhwydwaith"), s.summary.join('\n'))
    assert.ok(s.summary.includes("Rhaid i'r cyfanswm fod yn £2,000.00 neu lai: mae'n £2,500.00"), s.summary.join('\n'))
    assert.ok(s.inline.length > 5)
    for (const m of s.inline) {
      assert.match(m.text, /^Gwall: /, m.text)
      assert.equal(m.lang, 'cy', 'a Welsh message in the demo\'s English questions is marked lang="cy": ' + m.text)
    }
    assert.match(s.panel[0], /^Nid yw'r cais hwn yn gymwys Nid yw'n bodloni'r rheolau canlynol yn y cynllun:/)
    assert.match(s.panel[0], /Mae cyfanswm y cais yn £2,000\.00 neu lai/)
    assert.match(s.panel[0], /Ffynhonnell: “”/, 'the English quotation is marked lang="en", so left out here')
    assert.ok(s.quoteLangs.length > 0 && s.quoteLangs.every(l => l === 'en'))
    assert.equal(s.panelLang, 'cy')
    assert.match(s.budget[0], /Cyfanswm y gofynnir amdano £2,500\.00 Uchafswm y mae'r cynllun yn ei ariannu £2,000\.00 Dros y terfyn o £500\.00/)
    assert.match(s.budget[0], /Gwariant fesul categori Categori Swm Cyfran o'r cyfanswm Cyflenwi/)
    assert.match(s.budget[0], /Adnoddau £2,500\.00 100% dim mwy na 20% Dros y terfyn/)
    assert.match(s.budget[0], /£500\.00 dros y terfyn$/)
    assert.equal(s.budgetLang, 'cy')
    assert.deepEqual(stray([s.title, s.summaryTitle, ...s.summary, ...s.inline.map(m => m.text), ...s.panel, ...s.budget], 'cy'), [])
    // Every message in the summary is in its inline message word for word.
    for (const m of s.inline) assert.ok(s.summary.includes(m.text.replace(/^Gwall: /, '')), m.text)
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'welsh-errors', '#eligibility')
    await p.check()
  })

  it('shows the English form with no Welsh', async () => {
    const p = await open('/')
    const { page } = p
    await submitOverTheCap(page)
    const s = await shown(page, 'en')
    assert.match(s.title, /^Error: Apply to STEM Knowledge Networks/)
    assert.equal(s.summaryTitle, 'There is a problem')
    assert.ok(s.summary.includes("Enter the network's name"))
    for (const m of s.inline) assert.match(m.text, /^Error: /, m.text)
    assert.match(s.panel[0], /^This application is not eligible/)
    assert.match(s.budget[0], /^Total asked for £2,500\.00/)
    assert.deepEqual(s.quoteLangs, s.quoteLangs.map(() => 'en'))
    assert.deepEqual(stray([s.title, s.summaryTitle, ...s.summary, ...s.inline.map(m => m.text), ...s.panel, ...s.budget], 'en'), [])
    assert.equal(await page.locator('#application [lang="cy"], .govuk-error-summary[lang], #eligibility[lang]').count(), 0,
      'nothing is marked as Welsh on an English page')
    await p.check()
  })

  it('switches language by the link, and the title\'s prefix follows the language', async () => {
    const p = await open('/')
    const { page } = p
    await Promise.all([page.waitForNavigation(), page.click('a[data-demo-language="cy"]')])
    await p.ready()
    await page.waitForFunction(() => document.querySelector('#application')?.dataset.stemknAttached === 'true')
    assert.equal(new URL(page.url()).search, '?lang=cy')
    await page.click('#application button[data-demo-submit]')
    assert.match(await page.title(), /^Gwall: /)
    await page.fill('#network-name', 'Rhwydwaith Dyffryn Calder')
    assert.equal(await page.locator('#network-name-error').count(), 0, 'a fixed question loses its Welsh message too')
    await p.check()
  })

  it('picks Welsh from <form lang="cy">, English from a language it does not have, and refuses an unknown lang option', async () => {
    const p = await openPage(browser.context, plain.url)
    const { page } = p
    await page.goto(plain.url + '/')
    const out = await page.evaluate(async () => {
      const kit = await window.stemkn.load()
      const form = document.querySelector('#plain')
      form.setAttribute('lang', 'cy')
      kit.attach(form)
      form.requestSubmit()
      const welsh = {
        summary: document.querySelector('.govuk-error-summary__title').textContent,
        first: document.querySelector('.govuk-error-summary__list a').textContent,
        title: document.title
      }
      kit.detach(form)
      form.setAttribute('lang', 'fr')
      kit.attach(form)
      form.requestSubmit()
      const french = document.querySelector('.govuk-error-summary__title').textContent
      kit.detach(form)
      let refused = ''
      try {
        kit.attach(form, { lang: 'fr' })
      } catch (err) {
        refused = err.name + ': ' + err.message
      }
      const words = kit.messages({ lang: 'cy', messages: { 'ui.error-summary.title': 'Mae angen newid rhai atebion' } })
      // A refused re-attach leaves the form's binding as it was.
      form.removeAttribute('lang')
      const first = kit.attach(form)
      let bad = ''
      try {
        kit.attach(form, { messages: { requried: 'Enter {field}' } })
      } catch (err) {
        bad = err.message
      }
      const kept = kit.binding(form) === first && form.dataset.stemknAttached === 'true'
      return { welsh, french, refused, bad, kept, words: [words.lang, words.name, words.words['ui.error-summary.title'], words.words['ui.page-title']] }
    })
    assert.equal(out.welsh.summary, 'Mae problem wedi codi')
    assert.match(out.welsh.first, /^Rhowch /)
    assert.match(out.welsh.title, /^Gwall: /)
    assert.equal(out.french, 'There is a problem', 'a page in a language stemkn lacks gets English')
    assert.equal(out.refused, 'StemknError: stemkn: there are no messages in "fr": the languages are cy and en')
    assert.deepEqual(out.words, ['cy', 'Cymraeg', 'Mae angen newid rhai atebion', 'Gwall: {title}'])
    assert.equal(out.bad, 'stemkn: messages (en): "requried": is not a key stemkn has: there is no finding "requried"')
    assert.ok(out.kept)
    await p.check()
  })
})
