// The demo site in headless Chromium: real GOV.UK pages (govuk-frontend's
// CSS, JavaScript and initAll) with the widget attached, and the same
// pages with JavaScript off, answered by the server's own Go. Both must
// pass the same checks: the GOV.UK error pattern, a date input, conditional
// reveals, rows added and removed, the budget summary, the eligibility
// panel, hostile text, accessibility, and agreement between what the
// browser judged, what it posted and what the server made of the post.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startDemo, launch, openPage, axeViolations, shot, root } from './helpers.mjs'

let demo, browser, noScript

before(async () => {
  demo = await startDemo()
  browser = await launch()
  noScript = await launch({ javaScript: false })
})

after(async () => {
  await browser?.close()
  await noScript?.close()
  await demo?.stop()
})

async function open (pathname = '/', { widget = true } = {}) {
  const p = await openPage(browser.context, demo.url)
  await p.page.setViewportSize({ width: 1280, height: 900 })
  await p.page.goto(demo.url + pathname)
  if (widget) {
    await p.ready()
    await p.page.waitForFunction(() => document.querySelector('#application')?.dataset.stemknAttached === 'true')
  }
  return p
}

async function openWithoutScript (pathname = '/') {
  const page = await noScript.context.newPage()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(demo.url + pathname)
  return page
}

const submitButton = '#application button[data-demo-submit]'
const summary = page => page.$$eval('.govuk-error-summary:not([hidden]) .govuk-error-summary__list li',
  lis => lis.map(li => [li.textContent.trim(), li.querySelector('a')?.getAttribute('href') || null]))
const inline = page => page.$$eval('#application .govuk-error-message', ps => ps.map(p => [p.id, p.textContent.replace(/^\s*Error:\s*/, '').trim()]))
const errorFields = page => page.$$eval('#application .govuk-input--error, #application .govuk-select--error, #application .govuk-textarea--error', els => els.map(e => e.id))
const focused = page => page.evaluate(() => document.activeElement && document.activeElement.id)

async function fillDate (page, id, day, month, year) {
  await page.fill(`#${id}-day`, day)
  await page.fill(`#${id}-month`, month)
  await page.fill(`#${id}-year`, year)
}

/**
 * Fills in a complete, eligible Calder Valley application: two members,
 * two budget lines. With JavaScript off, rows are added with the form's
 * own buttons, which post it and come back with a row more.
 */
async function fillValid (page, { script = true } = {}) {
  const add = async group => {
    if (script) await page.click(`[data-demo-add="${group}"]`)
    else await Promise.all([page.waitForNavigation(), page.click(`[data-demo-add="${group}"]`)])
  }
  await add('network[members]')
  await add('funding[lines]')
  await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
  await page.fill('#network-areaOfInterest', 'Graphs and algebra taught consistently across maths, science and D&T in KS3')
  await page.check('input[name="network[theme]"][value="maths-skills"]')
  const inst = 'network-institutions-0-'
  await page.fill(`#${inst}name`, 'Calder Community School')
  await page.selectOption(`#${inst}kind`, 'school')
  await page.check(`#${inst}subdivision`)
  await page.fill(`#${inst}urn`, '107552')
  await page.selectOption(`#${inst}establishmentType`, 'community-school')
  await page.selectOption(`#${inst}phase`, 'secondary')
  await page.selectOption(`#${inst}region`, 'yorkshire-and-the-humber')
  await page.selectOption('#network-lead', 'institution-0')
  const members = [
    ['Asha Patel', 'a.patel@calder.example.org', 'coordinator', 'mathematics'],
    ['Tom Reid', 't.reid@calder.example.org', 'teacher', 'science']
  ]
  for (const [i, [name, email, role, subject]] of members.entries()) {
    await page.fill(`#network-members-${i}-name`, name)
    await page.fill(`#network-members-${i}-email`, email)
    await page.selectOption(`#network-members-${i}-role`, role)
    await page.check(`input[name="network[members][${i}][subjects][]"][value="${subject}"]`)
    await page.selectOption(`#network-members-${i}-institution`, 'institution-0')
  }
  await fillDate(page, 'plan-startDate', '1', '2', '2011')
  await fillDate(page, 'plan-endDate', '15', '7', '2011')
  await page.fill('#plan-reflection', 'Lesson-study cycle each half term, written up jointly')
  await page.fill('#plan-activities-0-title', 'Joint planning')
  await page.selectOption('#plan-activities-0-kind', 'meeting')
  await fillDate(page, 'plan-activities-0-date', '10', '2', '2011')
  for (const box of await page.$$('input[name^="plan[commitments]"]')) await box.check()
  await fillLine(page, 0, 'supply-cover', 'Release for six half-days', '1,200')
  await fillLine(page, 1, 'resources', 'Data loggers', '£300.00')
  await page.fill('#contact-name', 'Asha Patel')
  await page.fill('#contact-email', 'a.patel@calder.example.org')
  await fillDate(page, 'submittedOn', '7', '1', '2011')
}

async function fillLine (page, i, category, description, amount) {
  await page.selectOption(`#funding-lines-${i}-category`, category)
  await page.fill(`#funding-lines-${i}-description`, description)
  await page.fill(`#funding-lines-${i}-amount`, amount)
}

/** The state a page shows: its title, summary (text and link), inline messages and marked fields. */
async function errorState (page) {
  return { title: await page.title(), summary: await summary(page), inline: await inline(page), marked: await errorFields(page) }
}

describe('the demo application form', { timeout: 240000 }, () => {
  it('is a GOV.UK page: govuk-frontend\'s CSS, JavaScript and initAll, and no stand-in stylesheet', async () => {
    const p = await open()
    const { page } = p
    const sheets = await page.$$eval('link[rel="stylesheet"]', ls => ls.map(l => new URL(l.href).pathname))
    assert.deepEqual(sheets, ['/govuk-frontend/govuk-frontend.min.css', '/widget/stemkn.css'])
    assert.ok(p.requests.some(u => u.endsWith('/govuk-frontend/govuk-frontend.min.js')))
    assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), true)
    // initAll ran: the radios with a reveal and the character counts are govuk-frontend's.
    assert.equal(await page.getAttribute('.govuk-radios[data-module="govuk-radios"]', 'data-govuk-radios-init'), '')
    assert.match(await page.textContent('#network-areaOfInterest-info'), /You can enter up to 2000 characters|You have 2,000 characters remaining/)
    assert.equal(await page.locator('input[type="date"]').count(), 0, 'no native date picker: GOV.UK date inputs')
    assert.equal(await page.locator('#plan-startDate.govuk-date-input').count(), 1)
    // Institutions are chosen, not typed.
    assert.equal(await page.$eval('#network-lead', el => el.tagName), 'SELECT')
    assert.equal(await page.$eval('#network-members-0-institution', el => el.tagName), 'SELECT')
    // "Is it state-funded?" is not asked where it does not apply.
    assert.equal(await page.locator('input[name$="[stateFunded]"]').count(), 0, 'stem-kn-2011 never judges it')
    await p.check()
  })

  it('shows nothing before the first submit, even as the user types', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'x')
    await page.fill('#network-name', '')
    await page.fill('#contact-email', 'not an email')
    assert.equal(await page.locator('.govuk-error-message').count(), 0)
    assert.equal(await page.isHidden('[data-stemkn-error-summary]'), true)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('on a submit with errors shows the summary and one message by each question, focuses the summary and blocks the post', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#contact-email', 'not an email')
    await fillDate(page, 'plan-startDate', '1', '', '2011')
    const before = page.url()
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary:not([hidden])')
    assert.equal(page.url(), before)
    assert.ok(!p.requests.some(u => u.endsWith('/apply')), 'nothing was posted')
    assert.equal((await page.textContent('.govuk-error-summary__title')).trim(), 'There is a problem')
    assert.equal(await page.locator('.govuk-error-summary [role="alert"]').count(), 1)
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true)
    assert.equal(await page.getAttribute('[data-stemkn-error-summary]', 'tabindex'), '-1')
    assert.match(await page.title(), /^Error: Apply to STEM Knowledge Networks/)

    const s = await summary(page)
    const messages = await inline(page)
    assert.ok(s.length >= 10, JSON.stringify(s))
    // Every inline message is in the summary, in the same order, linked to its question.
    const linked = s.filter(([, href]) => href).map(([t]) => t)
    let k = 0
    for (const [, t] of messages) {
      k = linked.indexOf(t, k)
      assert.ok(k >= 0, `"${t}" is in the summary, after the messages above it`)
      k++
    }
    assert.ok(s.some(([t, href]) => t === 'Start date must include a month' && href === '#plan-startDate-month'))
    assert.ok(s.some(([t, href]) => t === 'Add at least one member' && href === '#network-members'), 'the group\'s finding goes to the group')
    assert.deepEqual(await errorFields(page).then(f => f.filter(id => id.startsWith('plan-startDate'))), ['plan-startDate-month'])
    assert.equal(await page.getAttribute('#network-name', 'aria-invalid'), 'true')
    assert.match(await page.getAttribute('#network-name', 'class'), /govuk-input--error/)
    await p.check()
  })

  it('focuses the field when a summary link is clicked, or the group for a finding about a list', async () => {
    const p = await open()
    const { page } = p
    await page.click(submitButton)
    await page.click('.govuk-error-summary__list a[href="#network-name"]')
    assert.equal(await focused(page), 'network-name')
    await page.click('.govuk-error-summary__list a[href="#network-theme"]')
    assert.equal(await focused(page), 'network-theme')
    await page.click('.govuk-error-summary__list a[href="#network-members"]')
    assert.equal(await focused(page), 'network-members')
    await p.check()
  })

  it('clears a message as soon as the question is answered, and the title prefix with the last one', async () => {
    const p = await open()
    const { page } = p
    await page.click(submitButton)
    assert.ok((await inline(page)).some(([id]) => id === 'network-name-error'))
    await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
    assert.ok(!(await inline(page)).some(([id]) => id === 'network-name-error'))
    assert.equal(await page.getAttribute('#network-name', 'aria-invalid'), null)
    assert.equal(await page.getAttribute('#network-name', 'aria-describedby'), 'network-name-hint', 'the hint stays, the message id goes')
    assert.doesNotMatch(await page.getAttribute('#network-name', 'class'), /error/)
    assert.match(await page.title(), /^Error: /)

    await fillValid(page)
    assert.deepEqual(await errorState(page).then(s => [s.summary, s.inline, s.marked]), [[], [], []])
    assert.equal(await page.isHidden('[data-stemkn-error-summary]'), true)
    assert.equal(await page.getAttribute('[data-stemkn-error-summary]', 'tabindex'), null)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('lets a valid application through, and the server confirms it with a summary list', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    await Promise.all([page.waitForURL(demo.url + '/apply'), page.click(submitButton)])
    assert.equal((await page.textContent('h1')).trim(), 'Application received')
    assert.equal(await page.getAttribute('#eligibility-outcome', 'data-eligible'), 'true')
    assert.equal((await page.textContent('#eligibility-outcome')).trim(), 'This application is eligible')
    const rows = await page.$$eval('.govuk-summary-list__row', rs => rs.map(r => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()]))
    assert.deepEqual(rows.slice(0, 5), [['Network', 'Calder Valley Maths in STEM Network'], ['Theme', 'maths-skills'],
      ['Institutions', 'Calder Community School'], ['Members', 'Asha Patel, Tom Reid'], ['Programme', '1 February 2011 to 15 July 2011']])
    await p.check()
  })

  it('explains an ineligible application, citing the scheme\'s references', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    await fillLine(page, 1, 'resources', 'Data loggers', '600') // 600 of 1,800 is 33.34%
    await page.selectOption('#network-institutions-0-establishmentType', 'academy-converter')
    await page.click(submitButton)
    await page.waitForSelector('.stemkn-eligibility:not([hidden])')
    const panel = await page.textContent('.stemkn-eligibility')
    assert.match(panel, /This application is not eligible/)
    assert.match(panel, /Resources must be no more than 20% of the total: £600.00 of £1,800.00 is 33.34%/)
    assert.match(panel, /Source: “Please note that no more than 20% of the funding should be spent on resources\.”/)
    assert.match(panel, /this funding is only available to maintained schools and colleges in England/)
    // The share message is by the resources amount, and nowhere near line 1.
    assert.ok((await summary(page)).some(([t, href]) => t.startsWith('Resources must') && href === '#funding-lines-1-amount'))
    // Members who all teach mathematics: the subject spread is about the
    // members as a group, so it goes by the group, not member 1's name.
    await page.uncheck('input[name="network[members][1][subjects][]"][value="science"]')
    await page.check('input[name="network[members][1][subjects][]"][value="mathematics"]')
    const spread = (await summary(page)).find(([t]) => t.startsWith('Add members from across STEM subjects'))
    assert.deepEqual(spread?.[1], '#network-members')
    assert.ok((await inline(page)).some(([id, t]) => id === 'network-members-error' && t === spread[0]))
    assert.ok(!(await inline(page)).some(([id]) => id.startsWith('network-members-0')), 'nothing on member 1')
    await page.check('input[name="network[members][1][subjects][]"][value="science"]')
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
    const row = id => page.$$eval(`[data-stemkn-category="${id}"] > *`, cells => cells.map(c => c.textContent.trim().replace(/\s+/g, ' ')))
    assert.deepEqual(await row('supply-cover'), ['Supply cover', '£1,200.50', '54.56%'])
    assert.deepEqual(await row('resources'), ['Resources', '£1,000.00', '45.45%no more than 20%Over'])
    assert.equal(await page.locator('.govuk-error-message').count(), 0, 'still nothing shown before the first submit')
    await p.check()
  })

  it('validates rows the host page adds, keeps institution choices in step, and stops at rows it removes', async () => {
    const p = await open()
    const { page } = p
    await fillValid(page)
    await page.click('[data-demo-add="network[members]"]')
    await page.fill('#network-members-2-name', 'Sam Okoro')
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary:not([hidden])')
    const s = (await summary(page)).map(([t]) => t)
    assert.ok(s.includes('Select the role of member 3'), s.join('\n'))
    assert.ok(s.includes('Select the institution of member 3'), s.join('\n'))
    // A second institution appears in every institution select as its name is typed.
    await page.click('[data-demo-add="network[institutions]"]')
    await page.fill('#network-institutions-1-name', 'Hebden Bridge Primary')
    assert.deepEqual(await page.$$eval('#network-members-2-institution option', os => os.map(o => o.textContent)),
      ['Select', 'Calder Community School', 'Hebden Bridge Primary'])
    await page.click('[data-demo-row="1"] [data-demo-remove]')
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
    // An option value a hostile page script put in a select.
    await page.evaluate(v => {
      const select = document.querySelector('#network-lead')
      select.options[1].value = v
      select.selectedIndex = 1
    }, img)
    await page.fill('#funding-lines-0-amount', img)
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary:not([hidden])')
    const s = (await summary(page)).map(([t]) => t)
    assert.ok(s.some(t => t.includes('there is no institution with the ID "' + img + '"')), s.join('\n'))
    assert.equal(await page.locator('.govuk-error-summary img, .govuk-error-message img, .stemkn-eligibility img, script:not([src])').count(), 0)
    assert.equal(await page.evaluate(() => window.__pwned), undefined)
    await p.check()
  })

  it('has no accessibility violations in its error states (axe-core), at 1280 and 375 px', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
    await page.fill('#contact-email', 'asha at calder')
    await fillDate(page, 'plan-startDate', '31', '2', '2011')
    await page.click('[data-demo-add="funding[lines]"]')
    await fillLine(page, 0, 'supply-cover', 'Release for six half-days', '1,200')
    await fillLine(page, 1, 'resources', 'Data loggers', '£1,200.50')
    await page.click(submitButton)
    await page.waitForSelector('.govuk-error-summary:not([hidden])')
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'demo-errors', '#section-funding')
    await page.setViewportSize({ width: 375, height: 812 })
    assert.deepEqual(await axeViolations(page), [], 'at 375 px too')
    // A fixed form, with the eligibility panel showing.
    await fillValid(page)
    await fillLine(page, 1, 'resources', 'Data loggers', '900')
    await page.click(submitButton)
    await page.waitForSelector('.stemkn-eligibility:not([hidden])')
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'demo-ineligible', '[data-stemkn-budget-summary]')
    await p.check()
  })

  it('takes over a page the server rendered with errors, without doubling anything, and clears it', async () => {
    const p = await open()
    const { page } = p
    await page.fill('#network-name', 'Calder')
    await page.fill('#contact-email', 'not an email')
    await fillDate(page, 'plan-startDate', '1', '', '2011')
    // form.submit() skips the submit event, as a browser without the widget would.
    await Promise.all([page.waitForURL(demo.url + '/apply'), page.evaluate(() => document.querySelector('#application').submit())])
    await p.ready()
    await page.waitForFunction(() => document.querySelector('#application').dataset.stemknAttached === 'true')
    const title = await page.title()
    assert.match(title, /^Error: Apply/)
    assert.doesNotMatch(title, /Error: Error:/)
    assert.equal(await page.locator('.govuk-error-summary').count(), 1)
    const ids = (await inline(page)).map(([id]) => id)
    assert.deepEqual(ids, [...new Set(ids)], 'no message twice')
    assert.equal(await page.$eval('#contact-email', el => el.closest('.govuk-form-group').querySelectorAll('.govuk-error-message').length), 1)
    assert.deepEqual(await errorFields(page).then(f => f.filter(id => id.startsWith('plan-startDate'))), ['plan-startDate-month'])
    await page.fill('#contact-email', 'asha@calder.example.org')
    assert.ok(!(await inline(page)).some(([id]) => id === 'contact-email-error'))
    assert.equal(await page.getAttribute('#contact-email', 'aria-invalid'), null)
    assert.equal(await page.getAttribute('#contact-email', 'aria-describedby'), null)
    assert.doesNotMatch(await page.$eval('#contact-email', el => el.closest('.govuk-form-group').className), /error/)
    await page.fill('#plan-startDate-month', '2')
    assert.deepEqual(await errorFields(page).then(f => f.filter(id => id.startsWith('plan-startDate'))), [])
    await p.check()
  })
})

describe('the demo with JavaScript on and off', { timeout: 240000 }, () => {
  // The same answers typed into the same page; the widget judges them in the
  // browser, the server judges the post without JavaScript. Both pages must
  // show the same summary, the same messages by the same questions and mark
  // the same fields.
  const cases = [
    ['nothing answered', async () => {}],
    ['a partial date, a bad email and a budget over the cap', async page => {
      await page.fill('#network-name', 'Calder')
      await page.fill('#contact-email', 'not an email')
      await fillDate(page, 'plan-startDate', '1', '', '2011')
      await fillDate(page, 'plan-endDate', '31', '4', '2011')
      await fillLine(page, 0, 'resources', 'Kit', '2,500')
    }],
    ['an England-only question answered for a school in Scotland', async page => {
      await page.fill('#network-institutions-0-name', 'Inverness Royal Academy')
      await page.selectOption('#network-institutions-0-kind', 'school')
      await page.check('#network-institutions-0-subdivision-2')
    }]
  ]
  for (const [name, fill] of cases) {
    it(name, async () => {
      const p = await open()
      await fill(p.page)
      await p.page.click(submitButton)
      await p.page.waitForSelector('.govuk-error-summary:not([hidden])')
      const widget = await errorState(p.page)
      await p.check()

      const page = await openWithoutScript()
      await fill(page)
      await Promise.all([page.waitForURL(demo.url + '/apply'), page.click(submitButton)])
      const server = await errorState(page)
      await page.close()
      assert.deepEqual(server, widget)
    })
  }

  it('without JavaScript, the server\'s error page has no accessibility violations (axe-core)', async () => {
    // axe-core needs JavaScript; the page's own scripts are left out instead,
    // so the page is exactly what the server drew.
    const p = await openPage(browser.context, demo.url)
    await p.page.route('**/static/demo.js', route => route.fulfill({ contentType: 'text/javascript', body: '' }))
    await p.page.route('**/widget/stemkn.js', route => route.fulfill({ contentType: 'text/javascript', body: '' }))
    await p.page.goto(demo.url + '/')
    await p.page.fill('#network-name', 'Calder')
    await fillDate(p.page, 'plan-startDate', '1', '', '2011')
    await fillLine(p.page, 0, 'resources', 'Kit', '2,500')
    await Promise.all([p.page.waitForURL(demo.url + '/apply'), p.page.click(submitButton)])
    assert.ok((await summary(p.page)).length > 5)
    assert.equal(await p.page.evaluate(() => document.querySelector('#application').dataset.stemknAttached), undefined, 'no widget')
    assert.deepEqual(await axeViolations(p.page), [])
    await shot(p.page, 'demo-server-errors', '#plan-startDate')
    await p.check()
  })

  it('without JavaScript, adds and removes rows with the form\'s own buttons, and takes a valid application', async () => {
    const page = await openWithoutScript()
    await fillValid(page, { script: false })
    assert.equal(await page.locator('[data-demo-rows] > [data-demo-row="1"]').count(), 2, 'a second member and a second budget line')
    await Promise.all([page.waitForURL(demo.url + '/apply'), page.click(submitButton)])
    assert.equal((await page.textContent('h1')).trim(), 'Application received')
    assert.equal(await page.getAttribute('#eligibility-outcome', 'data-eligible'), 'true')
    await page.close()
  })
})

describe('what the browser posts is what it judged', { timeout: 240000 }, () => {
  // The post the server receives is the document the widget checked: a
  // date typed as three parts, and no answer from a question the user
  // cannot see. Each case's entries and the widget's document are kept in
  // examples/demo/testdata/posts/, where a Go test holds DecodeForm to the
  // same document (STEMKN_UPDATE_POSTS=1 writes them again).
  const cases = [
    ['date-input', async page => {
      await fillDate(page, 'plan-endDate', ' 15 ', 'Jul', '2011')
    }],
    ['closed-reveal', async page => {
      // England first, with its questions answered, then Scotland: the
      // England questions close and are not sent.
      await page.check('#network-institutions-0-subdivision-4')
      await page.check('#network-institutions-0-subdivision')
      await page.fill('#network-institutions-0-urn', '123456')
      await page.selectOption('#network-institutions-0-establishmentType', 'academy-converter')
      await page.check('#network-institutions-0-subdivision-2')
      for (const i of [0, 1]) await fillLine(page, i, '', '', '')
    }]
  ]
  for (const [name, change] of cases) {
    it(name, async () => {
      const p = await open()
      const { page } = p
      await fillValid(page)
      await change(page)
      const validated = page.evaluate(() => new Promise(resolve =>
        document.querySelector('#application').addEventListener('stemkn:validated', e => resolve(e.detail), { once: true })))
      const posted = page.waitForRequest(r => r.url() === demo.url + '/apply' && r.method() === 'POST')
      await Promise.all([page.waitForURL(demo.url + '/apply'), page.click(submitButton)])
      const detail = await validated.catch(() => null)
      const request = await posted
      const entries = [...new URLSearchParams(request.postData())].filter(([n]) => n !== 'csrf_token')
      assert.equal((await page.textContent('h1')).trim(), 'Application received', 'the server takes it as the widget did')
      assert.ok(detail, 'the widget validated the submit')
      assert.equal(detail.result.valid, true)
      if (name === 'closed-reveal') {
        assert.ok(!entries.some(([n]) => n.endsWith('[urn]') || n.endsWith('[establishmentType]')), 'the closed reveal is not sent')
        assert.equal(detail.document.network.institutions[0].subdivision, 'GB-SCT')
        assert.equal(detail.document.network.institutions[0].urn, undefined)
      } else {
        assert.deepEqual(entries.filter(([n]) => n.startsWith('plan[endDate]')), [['plan[endDate]-day', ' 15 '], ['plan[endDate]-month', 'Jul'], ['plan[endDate]-year', '2011']])
        assert.equal(detail.document.plan.endDate, '2011-07-15')
      }
      const fixture = path.join(root, 'examples/demo/testdata/posts', name + '.json')
      const record = { entries, document: detail.document }
      if (process.env.STEMKN_UPDATE_POSTS === '1') {
        await mkdir(path.dirname(fixture), { recursive: true })
        await writeFile(fixture, JSON.stringify(record, null, 2) + '\n')
      }
      assert.deepEqual(record, JSON.parse(await readFile(fixture, 'utf8')), 'the browser still posts what the Go test checks (STEMKN_UPDATE_POSTS=1 to write it again)')
      await p.check()
    })
  }
})

describe('the scheme picker', { timeout: 240000 }, () => {
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
      const q = await open(`/schemes/${id}`)
      const validated = q.page.evaluate(() => new Promise(resolve =>
        document.querySelector('#application').addEventListener('stemkn:validated', e => {
          if (e.detail.trigger === 'submit') resolve(e.detail.result)
        })))
      await q.page.click(submitButton)
      const result = await validated
      assert.equal(result.scheme, id)
      assert.equal(result.valid, false)
      assert.ok(!result.findings.some(f => f.code === 'eligibility.scheme-unknown'), `${id} is known to the widget`)
      await q.page.waitForSelector('.govuk-error-summary:not([hidden])')
      assert.deepEqual(await axeViolations(q.page), [], id)
      await q.check()
      await q.page.close()
    }
  })

  it('asks "Is it state-funded?" only of institutions outside England, and the age range only of work experience', async () => {
    const p = await open('/schemes/enthuse-2014')
    const { page } = p
    assert.equal(await page.isVisible('#network-institutions-0-stateFunded-wls'), false)
    await page.check('#network-institutions-0-subdivision-3') // Wales
    assert.equal(await page.isVisible('#network-institutions-0-stateFunded-wls'), true)
    await p.check()
    const q = await open('/schemes/stem-exchange')
    assert.equal(await q.page.isVisible('#offer-ageRange-min'), false)
    await q.page.check('input[name="offer[kind]"][value="work-experience"]')
    assert.equal(await q.page.isVisible('#offer-ageRange-min'), true)
    await q.check()
  })
})
