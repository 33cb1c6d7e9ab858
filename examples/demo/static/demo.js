// The demo page's own script, the kind of thing any host page has: it starts
// GOV.UK Frontend's components (initAll), runs the add another pattern for
// repeating rows (institutions, members, budget lines…), keeps the selects
// that name an institution in step with the institutions typed, and loads a
// scheme file into the widget for schemes that are not built in. The widget
// notices rows coming and going by itself.

import { initAll } from '/govuk-frontend/govuk-frontend.min.js'
import { load } from '/widget/stemkn.js'

initAll()

document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target : null
  if (!target) return
  const add = target.closest('[data-demo-add]')
  if (add) {
    // Without JavaScript the button posts the form and the server adds the row.
    event.preventDefault()
    addRow(add.closest('[data-demo-group]'))
    return
  }
  const remove = target.closest('[data-demo-remove]')
  if (remove) {
    event.preventDefault()
    removeRow(remove.closest('[data-demo-row]'))
  }
})

document.addEventListener('input', event => {
  if (event.target instanceof HTMLInputElement && /^network\[institutions\]\[\d+\]\[name\]$/.test(event.target.name)) syncInstitutions()
})

const INDEXED = ['name', 'id', 'for', 'value', 'aria-describedby', 'aria-controls', 'data-aria-controls', 'data-demo-row']

function addRow (group) {
  const rows = group.querySelector('[data-demo-rows]')
  const existing = rows.querySelectorAll(':scope > [data-demo-row]')
  if (existing.length >= Number(group.dataset.demoMax || Infinity)) return
  const indices = [...existing].map(r => Number(r.dataset.demoRow))
  const next = String(indices.length ? Math.max(...indices) + 1 : 0)
  const copy = group.querySelector('template[data-demo-template]').content.cloneNode(true)
  for (const el of copy.querySelectorAll('*')) {
    for (const attr of INDEXED) {
      const v = el.getAttribute(attr)
      if (v && v.includes('__index__')) el.setAttribute(attr, v.replaceAll('__index__', next))
    }
  }
  const row = copy.firstElementChild
  rows.append(copy)
  initAll({ scope: row })
  renumber(group)
  syncInstitutions()
  const first = row.querySelector('input:not([type="hidden"]), select, textarea')
  if (first) first.focus()
}

function removeRow (row) {
  const group = row.closest('[data-demo-group]')
  row.remove()
  renumber(group)
  syncInstitutions()
  group.querySelector('[data-demo-add]').focus()
}

function renumber (group) {
  const noun = group.dataset.demoNoun
  const title = noun.charAt(0).toUpperCase() + noun.slice(1)
  group.querySelectorAll('[data-demo-rows] > [data-demo-row]').forEach((row, i) => {
    row.querySelector('legend').textContent = `${title} ${i + 1}`
    row.querySelector('[data-demo-remove]').textContent = `Remove ${noun} ${i + 1}`
  })
}

// People choose an institution by its name: every select that names one
// lists the institutions as they are now, keeping what was chosen.
function syncInstitutions () {
  const group = document.querySelector('[data-demo-group="network[institutions]"]')
  if (!group) return
  const institutions = [...group.querySelectorAll('[data-demo-rows] > [data-demo-row]')].map((row, i) => ({
    id: row.querySelector('input[name$="[id]"]').value,
    name: row.querySelector('input[name$="[name]"]').value.trim() || `Institution ${i + 1}`
  }))
  const selects = [...document.querySelectorAll('select[name="network[lead]"], select[name$="][institution]"]')]
  for (const template of document.querySelectorAll('template[data-demo-template]')) {
    selects.push(...template.content.querySelectorAll('select[name$="][institution]"]'))
  }
  for (const select of selects) {
    const chosen = select.value
    const blank = select.options[0]
    const options = institutions.map(({ id, name }) => {
      const option = document.createElement('option')
      option.value = id
      option.textContent = name
      return option
    })
    select.replaceChildren(blank, ...options)
    select.value = institutions.some(i => i.id === chosen) ? chosen : ''
  }
}

// A scheme from a file (such as the Hemel partnership, which extends
// enthuse-2022) is loaded into the widget before the form is attached.
const fileForm = document.querySelector('form[data-demo-scheme-file]')
if (fileForm) {
  const kit = await load({ autoAttach: false })
  const response = await fetch(fileForm.dataset.demoSchemeFile)
  kit.loadScheme(await response.text())
  kit.attach(fileForm, { scheme: fileForm.dataset.demoScheme })
}
