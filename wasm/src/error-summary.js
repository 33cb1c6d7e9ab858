// The error summary: the GOV.UK Design System component at the top of a form
// that says "There is a problem" and links to each field with one. A link
// click focuses the field and scrolls its legend or label into view; the
// summary itself takes focus when a submit fails. Text goes in with
// textContent only.

import { addClasses } from './error-message.js'

/** Class names and words, overridable through the config. */
export const errorSummaryDefaults = Object.freeze({
  classes: Object.freeze({
    summary: 'govuk-error-summary',
    title: 'govuk-error-summary__title',
    body: 'govuk-error-summary__body',
    list: 'govuk-list govuk-error-summary__list'
  }),
  title: 'There is a problem'
})

/**
 * An error summary in a root element (the host's placeholder, or one the
 * form binding makes). The root is hidden while there is nothing to show.
 */
export class ErrorSummary {
  /**
   * @param {HTMLElement} root
   * @param {object} [config]
   */
  constructor (root, config = {}) {
    this.root = root
    this.config = { ...errorSummaryDefaults, ...config, classes: { ...errorSummaryDefaults.classes, ...config.classes } }
    this.key = null
    this.onClick = event => this.handleClick(event)
    root.addEventListener('click', this.onClick)
  }

  /**
   * Shows exactly these items, each {text, target}: target is the field
   * to link to (null for a problem with the document as a whole).
   * @param {{text: string, target: HTMLElement | null}[]} items
   */
  render (items) {
    const key = items.map(i => (i.target ? i.target.id : '') + '\n' + i.text).join('\n\n')
    if (key === this.key) return
    this.key = key
    const root = this.root
    root.replaceChildren()
    if (items.length === 0) {
      root.hidden = true
      root.removeAttribute('tabindex')
      return
    }
    const c = this.config.classes
    addClasses(root, c.summary)
    root.hidden = false
    root.setAttribute('tabindex', '-1')

    const alert = document.createElement('div')
    alert.setAttribute('role', 'alert')
    const title = document.createElement('h2')
    title.className = c.title
    title.textContent = this.config.title
    const body = document.createElement('div')
    body.className = c.body
    const list = document.createElement('ul')
    list.className = c.list
    for (const item of items) {
      const li = document.createElement('li')
      if (item.target) {
        const a = document.createElement('a')
        a.setAttribute('href', '#' + item.target.id)
        a.textContent = item.text
        li.append(a)
      } else {
        li.textContent = item.text
      }
      list.append(li)
    }
    body.append(list)
    alert.append(title, body)
    root.append(alert)
  }

  /** Moves focus to the summary, so screen readers announce it. */
  focus () {
    if (this.root.hidden) return
    this.root.focus()
  }

  /** Stops listening and empties the summary. */
  destroy () {
    this.root.removeEventListener('click', this.onClick)
    this.render([])
  }

  handleClick (event) {
    const link = event.target instanceof Element ? event.target.closest('a') : null
    if (!link || !this.root.contains(link)) return
    const href = link.getAttribute('href') || ''
    if (!href.startsWith('#')) return
    const field = document.getElementById(href.slice(1))
    if (!field) return
    event.preventDefault()
    focusField(field)
  }
}

/**
 * Focuses a field and scrolls its question into view: the legend of its
 * fieldset for radios and checkboxes, or when the legend and the field fit
 * on the screen together; otherwise its label. As in GOV.UK, the field is
 * focused without scrolling, so the question is not scrolled off the top.
 */
export function focusField (field) {
  const question = questionOf(field)
  if (question) question.scrollIntoView()
  field.focus({ preventScroll: Boolean(question) })
}

function questionOf (field) {
  const fieldset = field.closest('fieldset')
  const legend = fieldset ? fieldset.querySelector(':scope > legend') : null
  if (legend) {
    const choice = field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')
    if (choice) return legend
    const legendTop = legend.getBoundingClientRect().top
    const fieldRect = field.getBoundingClientRect()
    if (fieldRect.height && window.innerHeight && fieldRect.top + fieldRect.height - legendTop < window.innerHeight / 2) return legend
  }
  if (field.id) {
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`)
    if (label) return label
  }
  return field.closest('label')
}
