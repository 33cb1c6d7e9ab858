// The widget on a page built from govuk-frontend's own Nunjucks macros
// (wasm/test/fixtures/govuk/application.njk, rendered here with the
// installed govuk-frontend package), with govuk-frontend's CSS and JS and
// initAll(), under the strict CSP: date inputs, conditional reveals, every
// finding by the thing it is about, one message per question, the summary
// in page order, server-rendered errors taken over and cleared, and
// accessibility in every error state.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startGovuk, launch, openPage, axeViolations, shot } from './helpers.mjs'

let site, browser

before(async () => {
  site = await startGovuk()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await site?.stop()
})

/** An eligible Calder Valley application, as the fixture's fields take it. */
const valid = {
  'network[name]': 'Calder Valley Maths in STEM Network',
  'network[areaOfInterest]': 'Graphs and algebra taught consistently across maths, science and D&T in KS3',
  'network[theme]': 'maths-skills',
  'network[institutions][0][name]': 'Calder Community School',
  'network[institutions][0][kind]': 'school',
  'network[institutions][0][subdivision]': 'GB-ENG',
  'network[institutions][0][urn]': '107552',
  'network[institutions][0][establishmentType]': 'community-school',
  'network[lead]': 'ccs',
  'network[members][0][name]': 'Asha Patel',
  'network[members][0][role]': 'coordinator',
  'network[members][0][subjects][]': ['mathematics'],
  'network[members][0][institution]': 'ccs',
  'network[members][1][name]': 'Tom Reid',
  'network[members][1][role]': 'teacher',
  'network[members][1][subjects][]': ['science'],
  'network[members][1][institution]': 'ccs',
  'plan[startDate]-day': '1',
  'plan[startDate]-month': '2',
  'plan[startDate]-year': '2011',
  'plan[endDate]': '2011-07-15',
  'plan[reflection]': 'Lesson-study cycle each half term, written up jointly',
  'funding[lines][0][category]': 'supply-cover',
  'funding[lines][0][description]': 'Release for six half-days',
  'funding[lines][0][amount]': '1,200',
  'funding[lines][1][category]': 'resources',
  'funding[lines][1][description]': 'Data loggers',
  'funding[lines][1][amount]': '300',
  'contact[name]': 'Asha Patel',
  'contact[email]': 'a.patel@calder.example.org',
  'submittedOn-day': '7',
  'submittedOn-month': '1',
  'submittedOn-year': '2011'
}
for (const c of ['practitionerResearch', 'minimumOneTerm', 'structuredApproach', 'submitReport', 'attendDissemination', 'shareOnline']) {
  valid[`plan[commitments][${c}]`] = true
}

let pages = 0
async function open (context = { values: valid }) {
  const p = await openPage(browser.context, site.url)
  await p.page.setViewportSize({ width: 1280, height: 900 })
  await p.page.goto(site.url + site.page('page-' + ++pages, context))
  await p.ready()
  await p.page.waitForFunction(() => document.querySelector('#application').dataset.stemknAttached === 'true')
  return p
}

const submit = page => page.click('#application button.govuk-button')
const summary = page => page.$$eval('.govuk-error-summary:not([hidden]) .govuk-error-summary__list li',
  lis => lis.map(li => [li.textContent.trim(), li.querySelector('a')?.getAttribute('href') || null]))
/** Each inline message: its id and its text. */
const inline = page => page.$$eval('#application .govuk-error-message', ps => ps.map(p => [p.id, p.textContent.replace(/^\s*Error:\s*/, '').trim()]))
const classesOf = (page, id) => page.$eval('#' + id, el => [...el.classList])
const errorFields = page => page.$$eval('#application .govuk-input--error, #application .govuk-select--error, #application .govuk-textarea--error', els => els.map(e => e.id))
const focused = page => page.evaluate(() => document.activeElement && document.activeElement.id)

describe('a page built from govuk-frontend\'s macros', { timeout: 180000 }, () => {
  it('takes a complete date input, and says what is wrong with a partial or impossible one, part by part', async () => {
    const p = await open()
    const { page } = p
    await submit(page)
    await page.waitForURL(site.url + '/fixture/post')
    assert.match(site.posts.at(-1), /plan%5BstartDate%5D-day=1&plan%5BstartDate%5D-month=2&plan%5BstartDate%5D-year=2011/, 'a complete date posts as the three parts')

    const q = await open()
    await q.page.fill('#plan-startDate-month', '')
    await submit(q.page)
    const partial = 'Start date must include a month'
    assert.deepEqual(await summary(q.page), [[partial, '#plan-startDate-month']])
    assert.deepEqual(await inline(q.page), [['plan-startDate-error', partial]], 'the message has the id govukDateInput gives it')
    // The message sits above the three fields, in the fieldset, after the hint.
    const order = await q.page.$eval('#plan-startDate', date => [...date.parentElement.children].map(c => c.className || c.tagName))
    assert.deepEqual(order, ['govuk-fieldset__legend govuk-fieldset__legend--s', 'govuk-hint', 'govuk-error-message', 'govuk-date-input'])
    assert.deepEqual(await errorFields(q.page), ['plan-startDate-month'], 'only the missing part is marked')
    assert.ok((await q.page.getAttribute('#plan-startDate', 'class')).includes('govuk-date-input'))
    const fieldset = await q.page.$eval('#plan-startDate', d => d.closest('fieldset').getAttribute('aria-describedby'))
    assert.deepEqual(fieldset.split(' '), ['plan-startDate-hint', 'plan-startDate-error'])
    assert.ok(await q.page.$eval('#plan-startDate', d => d.closest('.govuk-form-group:not(.govuk-date-input__item .govuk-form-group)').classList.contains('govuk-form-group--error')))
    await q.page.click('.govuk-error-summary a[href="#plan-startDate-month"]')
    assert.equal(await focused(q.page), 'plan-startDate-month', 'the link focuses the first wrong part')
    assert.deepEqual(await axeViolations(q.page), [])
    await shot(q.page, 'govuk-date-partial', '.govuk-form-group:has(> fieldset #plan-startDate)')

    // Impossible: 31 February. All three are wrong together.
    await q.page.fill('#plan-startDate-day', '31')
    await q.page.fill('#plan-startDate-month', '2')
    assert.deepEqual(await summary(q.page), [['Start date must be a real date', '#plan-startDate-day']])
    assert.deepEqual(await errorFields(q.page), ['plan-startDate-day', 'plan-startDate-month', 'plan-startDate-year'])
    // A month that cannot be: only the month.
    await q.page.fill('#plan-startDate-day', '1')
    await q.page.fill('#plan-startDate-month', '13')
    assert.deepEqual(await errorFields(q.page), ['plan-startDate-month'])
    assert.deepEqual(await axeViolations(q.page), [])

    // Fixed: every trace goes.
    await q.page.fill('#plan-startDate-month', '2')
    assert.deepEqual(await summary(q.page), [])
    assert.deepEqual(await errorFields(q.page), [])
    assert.equal(await q.page.$eval('#plan-startDate', d => d.closest('fieldset').getAttribute('aria-describedby')), 'plan-startDate-hint')
    assert.equal(await q.page.locator('.govuk-form-group--error').count(), 0)
    assert.equal(await q.page.isHidden('.govuk-error-summary'), true)
    await p.check()
    await q.check()
  })

  it('still takes a date typed into one field', async () => {
    const p = await open({ values: { ...valid, 'plan[endDate]': '15/07/2011' } })
    await submit(p.page)
    assert.deepEqual(await summary(p.page), [['End date must be a real date, like 2011-01-10', '#plan-endDate']])
    await p.page.fill('#plan-endDate', '2011-01-15')
    assert.deepEqual(await summary(p.page), [['End date must be the same as or after the start date', '#plan-endDate']])
    assert.deepEqual(await errorFields(p.page), ['plan-endDate'])
    await p.page.fill('#plan-endDate', '2011-07-15')
    assert.deepEqual(await summary(p.page), [])
    await p.check()
  })

  it('neither judges nor sends the fields of a closed conditional reveal, and judges them again when it opens', async () => {
    const p = await open({ values: { ...valid, 'network[institutions][0][urn]': '12' } })
    const { page } = p
    await submit(page)
    assert.ok((await summary(page)).some(([t]) => t.startsWith('The URN of institution 1')), JSON.stringify(await summary(page)))
    const urn = (await summary(page)).find(([t]) => t.startsWith('The URN'))
    assert.equal(urn[1], '#network-institutions-0-urn')

    // Scotland: the England questions close, and the URN is not judged.
    await page.check('#network-institutions-0-subdivision-2')
    assert.equal(await page.isHidden('#network-institutions-0-urn'), true, 'govuk-frontend closed the reveal')
    const s = await summary(page)
    assert.ok(!s.some(([t]) => t.includes('URN')), JSON.stringify(s))
    assert.ok(!s.some(([t]) => t.includes('type of establishment')), 'nor the type of establishment')
    const doc = await page.evaluate(() => window.stemkn.load().then(kit => kit.binding(document.querySelector('#application')).answer.document))
    assert.deepEqual(Object.keys(doc.network.institutions[0]).sort(), ['country', 'id', 'kind', 'name', 'subdivision'])

    // Shown again: judged again.
    await page.check('#network-institutions-0-subdivision')
    assert.equal(await page.isVisible('#network-institutions-0-urn'), true)
    assert.ok((await summary(page)).some(([t]) => t.startsWith('The URN of institution 1')))

    // Closed once more, the application is valid (a Scottish lead is not
    // eligible for funding, so no money is asked for), and the post leaves
    // the hidden answers out: the server sees what the widget judged.
    await page.check('#network-institutions-0-subdivision-2')
    for (const i of [0, 1]) {
      await page.selectOption(`#funding-lines-${i}-category`, '')
      await page.fill(`#funding-lines-${i}-description`, '')
      await page.fill(`#funding-lines-${i}-amount`, '')
    }
    const judged = await page.evaluate(() => window.stemkn.load().then(kit => kit.binding(document.querySelector('#application')).answer))
    assert.equal(judged.result.valid, true, JSON.stringify(judged.result.findings))
    await Promise.all([page.waitForURL(site.url + '/fixture/post'), submit(page)])
    const post = new URLSearchParams(site.posts.at(-1))
    assert.equal(post.get('network[institutions][0][subdivision]'), 'GB-SCT')
    assert.equal(post.has('network[institutions][0][urn]'), false, 'the closed reveal\'s URN is not sent')
    assert.equal(post.has('network[institutions][0][establishmentType]'), false)
    assert.equal(post.get('csrf_token'), 'host-token', 'the host\'s own fields are sent as they are')
    await p.check()
  })

  it('leaves out hidden, disabled and inert fields too', async () => {
    const p = await open()
    const { page } = p
    await page.evaluate(() => {
      document.querySelector('#network-name').closest('.govuk-form-group').hidden = true
      document.querySelector('#contact-email').disabled = true
      document.querySelector('#plan-reflection').closest('.govuk-form-group').inert = true
    })
    await submit(page)
    const s = await summary(page)
    // None of the three is sent, so each is missing; with no field the user
    // can see, each is listed last in the summary, without a link or a message.
    assert.deepEqual(s.slice(-3), [['Enter the network\'s name', null], ['Enter how teachers will reflect on their professional practice', null], ['Enter the contact\'s email address', null]])
    assert.deepEqual(await inline(page), [])
    const entries = await page.evaluate(() => window.stemkn.load().then(kit => kit.binding(document.querySelector('#application')).entries()))
    const names = entries.map(([n]) => n)
    for (const n of ['network[name]', 'contact[email]', 'plan[reflection]']) assert.ok(!names.includes(n), n)
    await p.check()
  })

  it('puts the share rule by the resources amount and the cap by the budget group, and nothing on line 1', async () => {
    const p = await open({ values: { ...valid, 'funding[lines][1][amount]': '1,500' } })
    const { page } = p
    await submit(page)
    const s = await summary(page)
    const cap = 'The total must be £2,000.00 or less: it is £2,700.00'
    const share = 'Resources must be no more than 20% of the total: £1,500.00 of £2,700.00 is 55.56%'
    assert.deepEqual(s, [[cap, '#budget-lines'], [share, '#funding-lines-1-amount']])
    assert.deepEqual(await inline(page), [['budget-lines-error', cap], ['funding-lines-1-amount-error', share]])
    for (const id of ['funding-lines-0-category', 'funding-lines-0-description', 'funding-lines-0-amount', 'funding-lines-1-category']) {
      assert.ok(!(await classesOf(page, id)).some(c => c.endsWith('--error')), id)
      assert.equal(await page.getAttribute('#' + id, 'aria-invalid'), null, id)
    }
    assert.deepEqual(await errorFields(page), ['funding-lines-1-amount'])
    // The cap's message is in the group, after its heading, and describes it.
    assert.deepEqual(await page.$eval('#budget-lines', g => [...g.children].slice(0, 2).map(c => c.className || c.tagName)), ['govuk-heading-m', 'govuk-error-message'])
    assert.ok((await page.getAttribute('#budget-lines', 'aria-describedby')).split(' ').includes('budget-lines-error'))
    assert.ok((await classesOf(page, 'budget-lines')).includes('govuk-form-group--error'))
    // The group's link takes focus to the group, as govuk-frontend focuses a summary.
    await page.click('.govuk-error-summary a[href="#budget-lines"]')
    assert.equal(await focused(page), 'budget-lines')
    assert.equal(await page.getAttribute('#budget-lines', 'tabindex'), '-1')
    await page.focus('#contact-name')
    assert.equal(await page.getAttribute('#budget-lines', 'tabindex'), null, 'tabindex goes on blur')
    // The over-limit category is marked in the budget summary, in words too.
    assert.match(await page.textContent('[data-stemkn-category="resources"]'), /no more than 20%\s*Over/)
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'govuk-budget', '#budget-lines')

    // Two resources lines: the message by the first amount, both marked.
    await page.selectOption('#funding-lines-0-category', 'resources')
    await page.fill('#funding-lines-0-amount', '100')
    await page.fill('#funding-lines-1-amount', '100')
    const both = await summary(page)
    assert.deepEqual(both, [['Resources must be no more than 20% of the total: £200.00 of £200.00 is 100%', '#funding-lines-0-amount']])
    assert.deepEqual(await errorFields(page), ['funding-lines-0-amount', 'funding-lines-1-amount'])
    assert.deepEqual((await page.getAttribute('#funding-lines-1-amount', 'aria-describedby')).split(' '), ['funding-lines-0-amount-error'])
    await page.selectOption('#funding-lines-0-category', 'supply-cover')
    await page.fill('#funding-lines-0-amount', '1,200')
    assert.deepEqual(await summary(page), [])
    assert.deepEqual(await errorFields(page), [])
    assert.equal(await page.getAttribute('#funding-lines-1-amount', 'aria-describedby'), null)
    await p.check()
  })

  it('shows one message per question, the first; the summary keeps the rest, in page order, with what has no place last', async () => {
    // One line of £2,500 of resources: the cap at the group, the share and
    // the line's own maximum both about the amount.
    const values = { ...valid, 'funding[lines][0][category]': '', 'funding[lines][0][description]': '', 'funding[lines][0][amount]': '', 'funding[lines][1][amount]': '2,500' }
    delete values['plan[commitments][submitReport]']
    delete values['plan[commitments][shareOnline]']
    values['network[name]'] = ''
    const p = await open({ values })
    const { page } = p
    // A hidden field the host put under a document field: the widget has no field to show its message by.
    await page.evaluate(() => {
      const input = document.createElement('input')
      input.type = 'hidden'
      input.name = 'network[colour]'
      input.value = 'blue'
      document.querySelector('#application').append(input)
    })
    await submit(page)
    const s = await summary(page)
    assert.deepEqual(s, [
      ['Enter the network\'s name', '#network-name'],
      ['Confirm the network agrees to all 6 commitments: 2 are not selected', '#plan-commitments-4'],
      ['The total must be £2,000.00 or less: it is £2,500.00', '#budget-lines'],
      ['Resources must be no more than 20% of the total: £2,500.00 of £2,500.00 is 100%', '#funding-lines-1-amount'],
      ['The amount of budget line 1 must be £2,000.00 or less', '#funding-lines-1-amount'],
      ['Remove "colour": it is not a field this document can have', null]
    ])
    const messages = await inline(page)
    assert.equal(await page.$eval('#funding-lines-1-amount', el => el.closest('.govuk-form-group').querySelectorAll('.govuk-error-message').length), 1, 'one message by the amount')
    assert.deepEqual(messages.map(([, t]) => t), s.filter(([, href]) => href).map(([t]) => t).filter(t => !t.startsWith('The amount of budget line 1')))
    // The commitments are one question: one message, in its fieldset, linked to the first box not ticked.
    assert.equal(await page.$eval('#plan-commitments', el => el.closest('fieldset').querySelectorAll('.govuk-error-message').length), 1)
    await page.click('.govuk-error-summary a[href="#plan-commitments-4"]')
    assert.equal(await focused(page), 'plan-commitments-4')
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'govuk-order', '#plan-commitments')
    await p.check()
  })

  it('takes over errors a server rendered with govuk-frontend\'s macros, and clears every trace of them', async () => {
    const values = { ...valid, 'network[name]': '', 'plan[startDate]-month': '', 'contact[email]': 'asha at calder' }
    delete values['network[theme]']
    const errors = {
      'network[name]': 'Enter the network\'s name',
      'network[theme]': 'Select the network\'s theme',
      'plan[startDate]': 'Start date must include a month',
      'contact[email]': 'Enter an email address in the correct format, like name@example.com'
    }
    const errorList = [
      { text: errors['network[name]'], href: '#network-name' },
      { text: errors['network[theme]'], href: '#network-theme' },
      { text: errors['plan[startDate]'], href: '#plan-startDate-month' },
      { text: errors['contact[email]'], href: '#contact-email' }
    ]
    const p = await open({ values, errors, errorList, errorParts: ['month'], title: 'Error: Apply' })
    const { page } = p
    // initAll focused the server's summary; the widget took it over.
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true)
    const s = await summary(page)
    assert.deepEqual(s.map(([, href]) => href), ['#network-name', '#network-theme', '#plan-startDate-month', '#contact-email'], 'the same problems')
    assert.deepEqual(s.slice(0, 3).map(([t]) => t), [errors['network[name]'], errors['network[theme]'], errors['plan[startDate]']])
    assert.match(s[3][0], /email address/)
    // No message is doubled.
    for (const id of ['network-name', 'network-theme', 'plan-startDate', 'contact-email']) {
      const n = await page.$eval('#' + id, el => (el.closest('.govuk-date-input') ? el.closest('.govuk-date-input').parentElement.closest('.govuk-form-group') : el.closest('.govuk-form-group')).querySelectorAll('.govuk-error-message').length)
      assert.equal(n, 1, id)
    }
    assert.equal(await page.locator('.govuk-error-summary').count(), 1)
    assert.deepEqual(await errorFields(page), ['network-name', 'plan-startDate-month', 'contact-email'])
    assert.deepEqual(await axeViolations(page), [])
    await shot(page, 'govuk-server-errors', '.govuk-form-group:has(> fieldset #plan-startDate)')

    // Fixing each takes away its message, error classes and aria-describedby entry.
    await page.fill('#network-name', 'Calder Valley Maths in STEM Network')
    assert.equal(await page.locator('#network-name-error').count(), 0)
    assert.deepEqual(await classesOf(page, 'network-name'), ['govuk-input'])
    assert.equal(await page.getAttribute('#network-name', 'aria-describedby'), null)
    assert.ok(!(await page.$eval('#network-name', el => el.closest('.govuk-form-group').className)).includes('error'))
    await page.check('#network-theme')
    await page.fill('#plan-startDate-month', '2')
    await page.fill('#contact-email', 'a.patel@calder.example.org')
    assert.deepEqual(await summary(page), [])
    assert.deepEqual(await errorFields(page), [])
    assert.equal(await page.locator('.govuk-error-message, .govuk-form-group--error').count(), 0)
    assert.equal(await page.$eval('#network-theme', el => el.closest('fieldset').getAttribute('aria-describedby')), null)
    assert.equal(await page.$eval('#plan-startDate', el => el.closest('fieldset').getAttribute('aria-describedby')), 'plan-startDate-hint')
    assert.equal(await page.getAttribute('#contact-email', 'aria-describedby'), null)
    assert.equal(await page.isHidden('.govuk-error-summary'), true)
    assert.ok(!(await page.title()).startsWith('Error:'))
    await p.check()
  })

  it('behaves as govuk-frontend\'s error summary, alongside it', async () => {
    const values = { ...valid, 'network[name]': '' }
    const p = await open({ values, errors: { 'network[name]': 'Enter the network\'s name' }, errorList: [{ text: 'Enter the network\'s name', href: '#network-name' }] })
    const { page } = p
    const root = '.govuk-error-summary'
    assert.equal(await page.getAttribute(root, 'data-govuk-error-summary-init'), '', 'initAll runs govuk-frontend\'s own error summary here')
    assert.equal(await page.getAttribute(root, 'tabindex'), '-1', 'focused on load')
    await page.click(`${root} a[href="#network-name"]`)
    assert.equal(await focused(page), 'network-name', 'one handler focuses the field, once')
    assert.equal(await page.getAttribute(root, 'tabindex'), null, 'tabindex is removed on blur')

    // A submit with errors focuses the summary again; blur removes tabindex again.
    await submit(page)
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('govuk-error-summary')), true)
    assert.equal(await page.getAttribute(root, 'tabindex'), '-1')
    await page.keyboard.press('Tab')
    assert.equal(await page.getAttribute(root, 'tabindex'), null)
    assert.equal(await page.locator(root).count(), 1)
    await p.check()
  })
})
