// The widget on the demo site's application form, in headless Chromium:
// the GOV.UK error pattern, live re-validation, rows the host adds and
// removes, the budget summary, the eligibility panel, hostile text,
// accessibility, and agreement with the server that validates the same post.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { startDemo, launch, openPage, axeViolations, root } from './helpers.mjs'

let demo, browser

before(async () => {
  demo = await startDemo()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await demo?.stop()
})

async function open (pathname = '/', { widget = true } = {}) {
  const p = await openPage(browser.context, demo.url)
  await p.page.goto(demo.url + pathname)
  if (widget) await p.ready()
  return p
}

const submitButton = 'form#application button.govuk-button:not([name])'

const summaryTexts = page => page.$$eval('.govuk-error-summary__list li', lis => lis.map(li => li.textContent.trim()))
const inlineTexts = page => page.$$eval('form .govuk-error-message', ps => ps.map(p => p.textContent.replace(/^\s*Error:\s*/, '').trim()))
const hasMessage = (page, fieldId) => page.evaluate(id => {
  const group = document.getElementById(id).closest('.govuk-form-group')
  return Boolean(group.querySelector('.govuk-error-message'))
}, fieldId)

/** Fills in a complete, eligible Calder Valley application: 2 members, 2 budget lines. */
async function fillValid (page) {
  await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
  await page.fill('#network-areaOfInterest', 'Graphs and algebra taught consistently across maths, science and D&T in KS3')
  await page.check('input[name="network[theme]"][value="maths-skills"]')
  await page.fill('#network-lead', 'ccs')
  const inst = 'network-institutions-0-'
  await page.fill(`#${inst}name`, 'Calder Community School')
  await page.fill(`#${inst}id`, 'ccs')
  await page.selectOption(`#${inst}kind`, 'school')
  await page.fill(`#${inst}country`, 'GB')
  await page.selectOption(`#${inst}subdivision`, 'GB-ENG')
  await page.fill(`#${inst}urn`, '107552')
  await page.selectOption(`#${inst}establishmentType`, 'community-school')
  await page.selectOption(`#${inst}phase`, 'secondary')
  await page.selectOption(`#${inst}region`, 'yorkshire-and-the-humber')
  await page.click('[data-demo-add="network[members]"]')
  const members = [
    ['Asha Patel', 'a.patel@calder.example.org', 'coordinator', 'mathematics'],
    ['Tom Reid', 't.reid@calder.example.org', 'teacher', 'science']
  ]
  for (const [i, [name, email, role, subject]] of members.entries()) {
    await page.fill(`#network-members-${i}-name`, name)
    await page.fill(`#network-members-${i}-email`, email)
    await page.selectOption(`#network-members-${i}-role`, role)
    await page.check(`input[name="network[members][${i}][subjects][]"][value="${subject}"]`)
    await page.fill(`#network-members-${i}-institution`, 'ccs')
  }
  await page.fill('#plan-startDate', '2011-02-01')
  await page.fill('#plan-endDate', '2011-07-15')
  await page.fill('#plan-reflection', 'Lesson-study cycle each half term, written up jointly')
  await page.fill('#plan-activities-0-title', 'Joint planning')
  await page.selectOption('#plan-activities-0-kind', 'meeting')
  await page.fill('#plan-activities-0-date', '2011-02-10')
  for (const c of ['practitionerResearch', 'minimumOneTerm', 'structuredApproach', 'submitReport', 'attendDissemination', 'shareOnline']) {
    await page.check(`#plan-commitments-${c}`)
  }
  await page.click('[data-demo-add="funding[lines]"]')
  await fillLine(page, 0, 'supply-cover', 'Release for six half-days', '1,200')
  await fillLine(page, 1, 'resources', 'Data loggers', '£300.00')
  await page.fill('#contact-name', 'Asha Patel')
  await page.fill('#contact-email', 'a.patel@calder.example.org')
  await page.fill('#submittedOn', '2011-01-07')
}

async function fillLine (page, i, category, description, amount) {
  await page.selectOption(`#funding-lines-${i}-category`, category)
  await page.fill(`#funding-lines-${i}-description`, description)
  await page.fill(`#funding-lines-${i}-amount`, amount)
}

describe('the demo application form', { timeout: 120000 }, () => {
  it('shows nothing before the first submit, even as the user types', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'x')
    await page.fill('#network-name', '')
    await page.fill('#contact-email', 'not an email')
    assert.equal(await page.locator('.govuk-error-message').count(), 0)
    assert.equal(await page.locator('.govuk-error-summary').count(), 0)
    assert.equal(await page.isHidden('[data-stemkn-error-summary]'), true)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('on a submit with errors shows the summary and inline messages, focuses the summary and blocks the post', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#contact-email', 'not an email')
    const before = page.url()
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary')
    assert.equal(page.url(), before)
    assert.ok(!p.requests.some(u => u.endsWith('/apply')), 'nothing was posted')
    assert.equal((await page.textContent('.govuk-error-summary__title')).trim(), 'There is a problem')
    assert.equal(await page.getAttribute('.govuk-error-summary', 'tabindex'), '-1')
    assert.equal(await page.locator('.govuk-error-summary [role="alert"]').count(), 1)
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true)
    assert.match(await page.title(), /^Error: Apply to STEM Knowledge Networks/)

    const summary = await summaryTexts(page)
    const inline = await inlineTexts(page)
    assert.ok(summary.length >= 10, summary.join('\n'))
    assert.deepEqual(summary, inline, 'the summary says exactly what the inline messages say, in the same order')
    assert.ok(summary.includes('Enter the network\'s name'))
    assert.ok(summary.includes('Enter an email address in the correct format, like name@example.com') || summary.some(t => /email/.test(t)))

    // Every link points at a field whose group shows that very message.
    const links = await page.$$eval('.govuk-error-summary__list a', as => as.map(a => [a.getAttribute('href'), a.textContent]))
    for (const [href, text] of links) {
      const ok = await page.evaluate(([id, text]) => {
        const field = document.getElementById(id)
        if (!field) return false
        const group = field.closest('.govuk-form-group')
        const messages = [...group.querySelectorAll('.govuk-error-message')].map(p => p.textContent.replace(/^\s*Error:\s*/, ''))
        const describedBy = (field.closest('fieldset.govuk-fieldset:not(.stemkn-row)') && field.type.match(/radio|checkbox/) && field.closest('.govuk-form-group').querySelector('fieldset')) || field
        const ids = (describedBy.getAttribute('aria-describedby') || '').split(' ')
        const described = [...group.querySelectorAll('.govuk-error-message')].every(p => ids.includes(p.id))
        return messages.includes(text) && group.classList.contains('govuk-form-group--error') && described
      }, [href.slice(1), text])
      assert.ok(ok, `${href} shows "${text}" and is described by it`)
    }
    assert.equal(await page.getAttribute('#network-name', 'aria-invalid'), 'true')
    assert.match(await page.getAttribute('#network-name', 'class'), /govuk-input--error/)
    await p.check()
  })

  it('focuses the field when a summary link is clicked', async () => {
    const p = await open()
    const { page } = p
    await page.click(submitButton)
    await page.click('.govuk-error-summary__list a[href="#network-name"]')
    assert.equal(await page.evaluate(() => document.activeElement.id), 'network-name')
    await page.click('.govuk-error-summary__list a[href="#network-theme"]')
    assert.equal(await page.evaluate(() => document.activeElement.id), 'network-theme')
    assert.equal(await page.evaluate(() => document.activeElement.type), 'radio')
    await p.check()
  })

  it('clears a message as soon as the field is fixed, and the title prefix with the last one', async () => {
    const p = await open()
    const { page } = p
    await page.click(submitButton)
    assert.equal(await hasMessage(page, 'network-name'), true)
    await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
    assert.equal(await hasMessage(page, 'network-name'), false)
    assert.equal(await page.getAttribute('#network-name', 'aria-invalid'), null)
    assert.equal(await page.getAttribute('#network-name', 'aria-describedby'), 'network-name-hint', 'the hint stays, the message id goes')
    assert.doesNotMatch(await page.getAttribute('#network-name', 'class'), /error/)
    assert.ok(!(await summaryTexts(page)).includes('Enter the network\'s name'))
    assert.deepEqual(await summaryTexts(page), await inlineTexts(page))
    assert.match(await page.title(), /^Error: /)

    await fillValid(page)
    assert.equal(await page.locator('.govuk-error-message').count(), 0)
    assert.equal(await page.isHidden('[data-stemkn-error-summary]'), true)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('lets a valid application through, and the server agrees it is eligible', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    const validated = page.evaluate(() => new Promise(resolve =>
      document.querySelector('#application').addEventListener('stemkn:validated', e => resolve(e.detail.result), { once: true })))
    await Promise.all([page.waitForURL(demo.url + '/apply'), page.click(submitButton)])
    assert.equal((await page.textContent('h1')).trim(), 'Application received')
    assert.equal(await page.getAttribute('#eligibility-outcome', 'data-eligible'), 'true')
    assert.equal((await page.textContent('#eligibility-outcome')).trim(), 'This application is eligible')
    await validated.catch(() => {}) // the page has gone; the event fired before it went
    await p.check()
  })

  it('explains an ineligible application, citing the scheme\'s references', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    await fillLine(page, 1, 'resources', 'Data loggers', '600') // 600 of 1,800 is 33.34%
    await page.selectOption('#network-institutions-0-establishmentType', 'academy-converter')
    await page.click(submitButton)
    await page.waitForSelector('.stemkn-eligibility')
    const panel = await page.textContent('.stemkn-eligibility')
    assert.match(panel, /This application is not eligible/)
    assert.match(panel, /Resources is no more than 20% of the total/)
    assert.match(panel, /Resources must be no more than 20% of the total: £600.00 of £1,800.00 is 33.34%/)
    assert.match(panel, /Source: “Please note that no more than 20% of the funding should be spent on resources\.”/)
    assert.match(panel, /maintained school or college in England/)
    assert.match(panel, /this funding is only available to maintained schools and colleges in England/)
    assert.equal(await page.getAttribute('.stemkn-eligibility', 'role'), 'region')

    // Fixing both makes the panel go.
    await fillLine(page, 1, 'resources', 'Data loggers', '300')
    await page.selectOption('#network-institutions-0-establishmentType', 'community-school')
    assert.equal(await page.isHidden('.stemkn-eligibility'), true)
    await p.check()
  })

  it('keeps the budget summary live from the first keystroke', async () => {
    const p = await open()
    const { page } = p
    const figure = key => page.textContent(`[data-stemkn-budget="${key}"] dd`)
    assert.equal(await figure('total'), '£0.00')
    assert.equal(await figure('cap'), '£2,000.00')
    await page.click('[data-demo-add="funding[lines]"]')
    await fillLine(page, 0, 'supply-cover', 'Cover', '£1,200.50')
    assert.equal(await figure('total'), '£1,200.50')
    assert.equal(await figure('remaining'), '£799.50')
    await fillLine(page, 1, 'resources', 'Kit', '1,000')
    assert.equal(await figure('total'), '£2,200.50')
    assert.equal((await page.textContent('[data-stemkn-budget="remaining"] dt')).trim(), 'Over the limit by')
    assert.equal(await figure('remaining'), '£200.50')
    const row = id => page.$$eval(`[data-stemkn-category="${id}"] > *`, cells => cells.map(c => c.textContent.trim()))
    assert.deepEqual(await row('supply-cover'), ['Supply cover', '£1,200.50', '54.56%', 'None'])
    assert.deepEqual(await row('resources'), ['Resources', '£1,000.00', '45.45%', 'no more than 20%'])
    assert.equal(await page.locator('.govuk-error-message').count(), 0, 'still nothing shown before the first submit')
    await p.check()
  })

  it('validates rows the host page adds and stops at rows it removes', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    await page.click('[data-demo-add="network[members]"]')
    await page.fill('#network-members-2-name', 'Sam Okoro')
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary')
    const summary = await summaryTexts(page)
    assert.ok(summary.includes('Select the role of member 3'), summary.join('\n'))
    assert.ok(summary.includes('Enter the short ID of the institution of member 3'), summary.join('\n'))
    assert.equal(await hasMessage(page, 'network-members-2-role'), true)

    await page.click('[data-demo-row="2"] [data-demo-remove]')
    await page.waitForFunction(() => !document.querySelector('.govuk-error-message'))
    assert.equal(await page.isHidden('[data-stemkn-error-summary]'), true)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('never runs text from the form, and shows it as text', async () => {
    const p = await open()
    const { page } = p
    const img = '<img src=x onerror="window.__pwned=1;alert(1)">'
    const script = '</script><script>window.__pwned=2</script>'
    await page.fill('#network-name', img)
    await page.fill('#plan-reflection', script)
    await page.fill('#network-lead', img)
    await page.click('[data-demo-add="network[members]"]')
    await page.fill('#network-members-0-institution', script)
    // An option value a hostile page script put in a select.
    await page.evaluate(v => {
      const select = document.querySelector('#funding-lines-0-category')
      select.options[1].value = v
      select.options[1].textContent = v
      select.selectedIndex = 1
    }, img)
    await page.fill('#funding-lines-0-amount', img)
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary')
    const summary = await summaryTexts(page)
    assert.ok(summary.some(t => t.includes('there is no institution with the ID "' + img + '"')), summary.join('\n'))
    assert.ok(summary.some(t => t.includes(script)), summary.join('\n'))
    assert.equal(await page.locator('.govuk-error-summary img, .govuk-error-message img, .stemkn-eligibility img, script:not([src])').count(), 0)
    assert.equal(await page.evaluate(() => window.__pwned), undefined)
    await p.check()
  })

  it('has no accessibility violations in its error state (axe-core), and looks right', async () => {
    const p = await open()
    const { page } = p
    await page.setViewportSize({ width: 1100, height: 1400 })
    await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
    await page.fill('#contact-email', 'asha at calder')
    await page.click('[data-demo-add="funding[lines]"]')
    await fillLine(page, 0, 'supply-cover', 'Release for six half-days', '1,200')
    await fillLine(page, 1, 'resources', 'Data loggers', '£1,200.50')
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary')
    const violations = await axeViolations(page)
    assert.deepEqual(violations, [])
    const dir = path.join(root, 'wasm/test/screenshots')
    await mkdir(dir, { recursive: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(dir, 'error-state.png') })
    await page.evaluate(() => document.querySelector('#section-your-network').scrollIntoView())
    await page.screenshot({ path: path.join(dir, 'error-inline.png') })
    await p.check()
  })

  it('takes over a page the server rendered with errors, without doubling anything', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'Calder')
    await page.fill('#contact-email', 'not an email')
    // form.submit() skips the submit event, as a browser without the widget would.
    await Promise.all([page.waitForURL(demo.url + '/apply'), page.evaluate(() => document.querySelector('#application').submit())])
    await p.ready()
    await page.waitForFunction(() => document.querySelector('#application').dataset.stemknAttached === 'true')
    const title = await page.title()
    assert.match(title, /^Error: Apply/)
    assert.doesNotMatch(title, /Error: Error:/)
    const summary = await summaryTexts(page)
    assert.ok(summary.length > 5)
    assert.deepEqual(summary, await inlineTexts(page))
    assert.equal(await page.locator('#contact-email').evaluate(el => el.closest('.govuk-form-group').querySelectorAll('.govuk-error-message').length), 1)
    await page.fill('#contact-email', 'asha@calder.example.org')
    assert.equal(await hasMessage(page, 'contact-email'), false)
    assert.deepEqual(await summaryTexts(page), await inlineTexts(page))
    assert.equal(await page.getAttribute('#contact-email', 'aria-invalid'), null)
    await p.check()
  })

  it('gives the same messages as the server when JavaScript is off', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'Calder')
    await page.fill('#network-lead', 'nowhere')
    await page.fill('#contact-email', 'not an email')
    await page.click('[data-demo-add="funding[lines]"]')
    await fillLine(page, 1, 'resources', '', 'twelve pounds')
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary')
    const widget = await summaryTexts(page)
    const entries = await page.evaluate(() => [...new FormData(document.querySelector('#application'))].filter(([, v]) => typeof v === 'string'))
    const response = await fetch(demo.url + '/apply', { method: 'POST', body: new URLSearchParams(entries) })
    assert.equal(response.status, 200)
    const html = await response.text()
    const server = [...html.matchAll(/<li>(?:<a href="#[^"]*">)?([^<]*)/g)]
      .map(m => m[1].replaceAll('&#39;', "'").replaceAll('&#34;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').trim())
      .filter(t => t && !['Apply', 'Schemes'].includes(t))
    assert.deepEqual(server, widget)
    assert.match(html, /<title>Error: /)
    await p.check()
  })
})

describe('the scheme picker', { timeout: 120000 }, () => {
  it('lists every scheme, and each scheme\'s form validates in the browser', async () => {
    const p = await open('/schemes', { widget: false })
    const { page } = p
    const ids = await page.$$eval('[data-scheme]', rows => rows.map(r => r.dataset.scheme))
    for (const id of ['stem-kn-2011', 'enthuse-2014', 'enthuse-2022', 'stem-pd-net-2016', 'stem-exchange', 'hemel-enthuse-2022']) {
      assert.ok(ids.includes(id), `${id} is listed`)
    }
    await p.check()
    await page.close()
    for (const id of ids) {
      const q = await openPage(browser.context, demo.url)
      await q.page.goto(`${demo.url}/schemes/${id}`)
      await q.ready()
      // A scheme from a file is loaded before its form is attached.
      await q.page.waitForFunction(() => document.querySelector('#application').dataset.stemknAttached === 'true')
      const validated = q.page.evaluate(() => new Promise(resolve =>
        document.querySelector('#application').addEventListener('stemkn:validated', e => {
          if (e.detail.trigger === 'submit') resolve(e.detail.result)
        })))
      await q.page.click(submitButton)
      const result = await validated
      assert.equal(result.scheme, id)
      assert.equal(result.valid, false)
      assert.ok(!result.findings.some(f => f.code === 'eligibility.scheme-unknown'), `${id} is known to the widget`)
      await q.page.waitForSelector('.govuk-error-summary')
      assert.deepEqual(await summaryTexts(q.page), await inlineTexts(q.page))
      await q.check()
      await q.page.close()
    }
  })
})
