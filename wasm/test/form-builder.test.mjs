// A schema-driven form builder, react-jsonschema-form (@rjsf/core with
// @rjsf/validator-ajv8), draws forms from stemkn's exported JSON Schema
// alone, in Chromium under the strict CSP: the labels, hints and choices a
// person reads are the schema's titles, descriptions and labelled choices,
// in English and in Welsh; a person can fill the form in and submit it; and
// what it submits is an application stemkn finds valid and eligible. (Its
// validator's verdicts on the schema agreement corpus are
// TestFormBuilderAgreesWithTheValidator's, in stemkn/.)

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, mkdtemp } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { dist, startStatic, launch, openPage } from './helpers.mjs'
import { buildFormBuilder } from './form-builder.mjs'

let kit, server, browser, shots

before(async () => {
  assert.ok(existsSync(path.join(dist, 'stemkn.wasm')), 'build the widget first: make widget')
  const stemkn = await import(pathToFileURL(path.join(dist, 'stemkn.js')).href)
  kit = await stemkn.load({ wasm: await readFile(path.join(dist, 'stemkn.wasm')) })
  const out = await buildFormBuilder({
    'stem-kn-2011': { schema: kit.schema('stem-kn-2011'), lang: 'en' },
    'stem-kn-2011.cy': { schema: kit.schema('stem-kn-2011', { lang: 'cy' }), lang: 'cy' },
    'stem-exchange': { schema: kit.schema('stem-exchange'), lang: 'en' }
  })
  server = await startStatic(out)
  browser = await launch()
  shots = await mkdtemp(path.join(tmpdir(), 'stemkn-form-builder-shots-'))
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function open (key, width = 1280) {
  const p = await openPage(browser.context, server.url)
  await p.page.setViewportSize({ width, height: 900 })
  await p.page.goto(server.url + '/#' + encodeURIComponent(key))
  await p.page.waitForSelector('form')
  return p
}

/** The texts of the labels and legends a person reads, in document order. */
function captions (page) {
  return page.evaluate(() => [...document.querySelectorAll('label.control-label, legend, label > span')]
    .map(e => e.textContent.replace(/\*$/, '').trim()).filter(Boolean))
}

/** Matches a field's label: its title, and the * rjsf adds when it is required. */
function label (title) {
  return new RegExp('^' + title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\*?$')
}

/** The texts of a select's options, the empty one left out. */
async function options (select) {
  return (await select.locator('option').allTextContents()).filter(Boolean)
}

describe('a form drawn by react-jsonschema-form from the exported schema', { timeout: 180000 }, () => {
  it('has the labels, hints and choices a person reads', async () => {
    const p = await open('stem-kn-2011')
    const { page } = p
    assert.equal(await page.locator('legend').first().textContent(), 'STEM Knowledge Networks')
    assert.equal(await page.getByLabel(label('Network name')).getAttribute('type'), 'text')
    assert.ok(await page.getByText('What the network calls itself.', { exact: true }).isVisible())
    assert.equal(await page.getByLabel(label('Date submitted')).getAttribute('type'), 'date', 'format date draws a date input')
    const themes = await options(page.getByLabel(label('Theme')))
    assert.equal(themes.length, 8)
    assert.ok(themes.includes('Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering'), themes.join(' | '))
    const member = page.locator('#root_network_members_0')
    assert.deepEqual(await options(member.getByLabel(label('Role'))), ['Coordinator', 'Teacher', 'Technician', 'Leader', 'Researcher', 'Other'])
    assert.deepEqual(await options(member.getByLabel(label('Subjects'))), ['Science', 'Technology', 'Engineering', 'Mathematics'])
    const institution = page.locator('#root_network_institutions_0')
    assert.ok((await options(institution.getByLabel(label('Kind of organisation')))).includes('Professional development centre'))
    assert.deepEqual(await options(institution.getByLabel(label('Part of the UK'))), ['England', 'Scotland', 'Wales', 'Northern Ireland'])
    assert.ok((await options(institution.getByLabel(label('Region')))).includes('Yorkshire and The Humber'))
    assert.ok((await options(institution.getByLabel(label('Type of establishment')))).includes('Community school'))
    assert.ok((await options(page.getByLabel(label('Currency')))).includes('Pounds'))
    const all = await captions(page)
    for (const caption of ['Network', 'Institutions', 'Members', 'Plan', 'Commitments', 'Funding', 'Budget lines', 'Contact', 'Practitioner research', 'Share online']) {
      assert.ok(all.includes(caption), `${caption} in ${all.join(' | ')}`)
    }
    assert.ok(all.every(c => !/^[a-z]+[A-Z]/.test(c)), 'no camelCase names: ' + all.join(' | '))
    await page.screenshot({ path: path.join(shots, 'stem-kn-2011-1280.png'), fullPage: true })
    await p.check()
  })

  it('is usable: a person fills it in, and what it submits stemkn finds valid and eligible', async () => {
    const p = await open('stem-kn-2011')
    const { page } = p
    await page.getByRole('button', { name: 'Submit' }).click()
    assert.equal(await page.evaluate(() => window.formBuilder.submitted), null, 'an empty form is not submitted')
    assert.match(await page.locator('.panel-danger').textContent(), /'Network name'/, 'its errors name fields by their titles')

    await page.getByLabel(label('Date submitted')).fill('2011-01-07')
    await page.getByLabel(label('Network name')).fill('Calder Valley Maths in STEM Network')
    await page.getByLabel(label('Specific area of interest')).fill('Graphs and algebra taught consistently across maths, science and D&T in KS3')
    await page.getByLabel(label('Theme')).selectOption({ label: 'Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering' })
    await page.getByLabel(label('Lead institution')).fill('ccs')
    const institution = page.locator('#root_network_institutions_0')
    await institution.getByLabel(label('ID')).fill('ccs')
    await institution.getByLabel(label('Name')).fill('Calder Community School')
    await institution.getByLabel(label('Kind of organisation')).selectOption({ label: 'School' })
    await institution.getByLabel(label('Country')).selectOption({ label: 'GB' })
    await institution.getByLabel(label('Part of the UK')).selectOption({ label: 'England' })
    await institution.getByLabel(label('URN')).fill('107552')
    await institution.getByLabel(label('Type of establishment')).selectOption({ label: 'Community school' })
    await institution.getByLabel(label('Phase of education')).selectOption({ label: 'Secondary' })
    await institution.getByLabel(label('Region')).selectOption({ label: 'Yorkshire and The Humber' })
    const members = [
      ['Asha Patel', 'a.patel@calder.example.org', 'Coordinator', 'Mathematics'],
      ['Tom Reid', 't.reid@calder.example.org', 'Teacher', 'Science']
    ]
    for (const [i, [name, email, role, subject]] of members.entries()) {
      if (i > 0) await page.locator('#root_network_members').getByRole('button', { name: 'Add' }).last().click()
      const member = page.locator(`#root_network_members_${i}`)
      await member.getByLabel(label('Full name')).fill(name)
      await member.getByLabel(label('Email address')).fill(email)
      await member.getByLabel(label('Role')).selectOption({ label: role })
      await member.getByLabel(label('Subjects')).selectOption([{ label: subject }])
      await member.getByLabel(label('Institution')).fill('ccs')
    }
    await page.getByLabel(label('Start date')).fill('2011-02-01')
    await page.getByLabel(label('End date')).fill('2011-07-15')
    await page.getByLabel(label('Reflection on practice')).fill('Lesson-study cycle each half term, written up jointly')
    for (const commitment of ['Practitioner research', 'At least one term', 'Structured approach', 'Submit a report', 'Attend a dissemination event', 'Share online']) {
      await page.getByLabel(commitment).check()
    }
    await page.getByLabel(label('Currency')).selectOption({ label: 'Pounds' })
    const line = page.locator('#root_funding_lines_0') // the scheme asks for one line at least: it is drawn
    await line.getByLabel(label('Spend category')).selectOption({ label: 'Supply cover' })
    await line.getByLabel(label('Description')).fill('Release for six half-days')
    await line.getByLabel(label('Amount')).fill('120000')
    const contact = page.locator('#root_contact')
    await contact.getByLabel(label('Full name')).fill('Asha Patel')
    await contact.getByLabel(label('Email address')).fill('a.patel@calder.example.org')
    await page.getByRole('button', { name: 'Submit' }).click()

    const submitted = await page.evaluate(() => window.formBuilder.submitted)
    assert.ok(submitted, 'the form submits once it is filled in: ' + await page.locator('.panel-danger').textContent().catch(() => ''))
    const result = kit.validate(submitted)
    assert.deepEqual(result.findings, [], JSON.stringify(submitted))
    assert.equal(result.valid, true)
    assert.equal(result.eligible, true)
    await page.screenshot({ path: path.join(shots, 'stem-kn-2011-filled.png'), fullPage: false })
    await p.check()
  })

  it('in Welsh has Welsh labels, hints and choices', async () => {
    const p = await open('stem-kn-2011.cy', 375)
    const { page } = p
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy')
    assert.equal(await page.locator('legend').first().textContent(), 'Rhwydweithiau Gwybodaeth STEM')
    assert.equal(await page.getByLabel(label("Enw'r rhwydwaith")).getAttribute('type'), 'text')
    assert.ok(await page.getByText("Yr enw y mae'r rhwydwaith yn ei ddefnyddio amdano'i hun.", { exact: true }).isVisible())
    const member = page.locator('#root_network_members_0')
    assert.deepEqual(await options(member.getByLabel(label('Rôl'))), ['Cydlynydd', 'Athro', 'Technegydd', 'Arweinydd', 'Ymchwilydd', 'Arall'])
    assert.deepEqual(await options(member.getByLabel(label('Pynciau'))), ['Gwyddoniaeth', 'Technoleg', 'Peirianneg', 'Mathemateg'])
    const english = new Set(await captions((await open('stem-kn-2011')).page))
    const shared = [...new Set(await captions(page))].filter(c => english.has(c))
    assert.deepEqual(shared.sort(), ['ID', 'PIC', 'UKPRN', 'URN'], 'no English caption but the initialisms Welsh writes alike')
    await page.screenshot({ path: path.join(shots, 'stem-kn-2011-cy-375.png'), fullPage: false })
    await p.check()
  })

  it('draws an offer, with its choices labelled', async () => {
    const p = await open('stem-exchange')
    const { page } = p
    assert.deepEqual(await options(page.getByLabel(label('Kind of offer'))), ['CPD', 'Work experience'])
    assert.ok((await options(page.getByLabel(label('Format')))).includes('Phone advice'))
    assert.equal(await page.getByLabel(label('Oldest age')).getAttribute('type'), 'number')
    await p.check()
    console.log(`# screenshots in ${shots}`)
  })
})
