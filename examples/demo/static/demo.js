// The demo page's own script, the kind of thing any host page has: buttons
// that add and remove repeating rows (members, budget lines…), and loading a
// scheme file into the widget for schemes that are not built in. The widget
// notices rows coming and going by itself.

import { load } from '/widget/stemkn.js'

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

function addRow (group) {
  const rows = group.querySelector('.stemkn-rows')
  const indices = [...rows.querySelectorAll(':scope > [data-demo-row]')].map(r => Number(r.dataset.demoRow))
  const next = String(indices.length ? Math.max(...indices) + 1 : 0)
  const copy = group.querySelector('template[data-demo-template]').content.cloneNode(true)
  for (const el of copy.querySelectorAll('*')) {
    for (const attr of ['name', 'id', 'for', 'value', 'aria-describedby', 'data-demo-row']) {
      const v = el.getAttribute(attr)
      if (v && v.includes('__index__')) el.setAttribute(attr, v.replaceAll('__index__', next))
    }
  }
  const row = copy.firstElementChild
  rows.append(copy)
  renumber(group)
  const first = row.querySelector('input, select, textarea')
  if (first) first.focus()
}

function removeRow (row) {
  const group = row.closest('[data-demo-group]')
  row.remove()
  renumber(group)
  group.querySelector('[data-demo-add]').focus()
}

function renumber (group) {
  const noun = group.dataset.demoNoun
  const title = noun.charAt(0).toUpperCase() + noun.slice(1)
  group.querySelectorAll('.stemkn-rows > [data-demo-row]').forEach((row, i) => {
    row.querySelector('legend').textContent = `${title} ${i + 1}`
    row.querySelector('[data-demo-remove]').textContent = `Remove ${noun} ${i + 1}`
  })
}

// A scheme from a file (such as the Hemel partnership, which extends
// enthuse-2022) is loaded into the widget before the form is attached.
const fileForm = document.querySelector('form[data-demo-scheme-file]')
if (fileForm) {
  const kit = await load({ autoAttach: false })
  const response = await fetch(fileForm.dataset.demoSchemeFile)
  kit.loadScheme(await response.text())
  kit.attach(fileForm, { scheme: fileForm.dataset.demoScheme, messages: JSON.parse(fileForm.dataset.stemknMessages || '{}') })
}
