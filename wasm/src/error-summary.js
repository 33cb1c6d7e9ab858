// The error summary: the GOV.UK Design System component at the top of a page
// that says "There is a problem" and links to each question with one. It
// behaves as govuk-frontend's own: it takes focus when a submit fails (with
// tabindex="-1" for as long as it has focus), and a link focuses its field
// and scrolls the field's legend or label into view. On a summary that
// govuk-frontend also runs (a server-rendered one, initialised by
// initAll), govuk-frontend's click handler goes first and the widget's
// does nothing it has done. Text goes in with textContent only.

import { addClasses } from './error-message.js'

/**
 * Class names, overridable through the config. Its title ("There is a
 * problem") is the catalogue's ui.error-summary.title, which the form
 * binding passes in the language of the form.
 */
export const errorSummaryDefaults = Object.freeze({
  classes: Object.freeze({
    summary: 'govuk-error-summary',
    title: 'govuk-error-summary__title',
    body: 'govuk-error-summary__body',
    list: 'govuk-list govuk-error-summary__list'
  }),
  title: ''
})

/**
 * An error summary in a root element (the host's placeholder, the page's
 * own summary, or one the form binding makes). The root is hidden while
 * there is nothing to show.
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
   * (or group) to link to, null for a problem with no place in the form.
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
      return
    }
    const c = this.config.classes
    addClasses(root, c.summary)
    root.hidden = false

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
    setFocus(this.root)
  }

  /** Stops listening and empties the summary. */
  destroy () {
    this.root.removeEventListener('click', this.onClick)
    this.render([])
  }

  handleClick (event) {
    if (event.defaultPrevented) return // govuk-frontend's own handler has focused the field
    const link = event.target instanceof Element ? event.target.closest('a') : null
    if (!link || !this.root.contains(link)) return
    const href = link.getAttribute('href') || ''
    if (!href.startsWith('#')) return
    const target = document.getElementById(decodeURIComponent(href.slice(1)))
    if (!target) return
    event.preventDefault()
    if (target.matches('input, select, textarea, button')) {
      focusField(target)
    } else {
      // A group (a list, a row): its heading into view, and focus on it
      // while the user reads its message.
      target.scrollIntoView()
      setFocus(target, { preventScroll: true })
    }
  }
}

/**
 * Focuses an element that may not take focus by itself, as govuk-frontend's
 * setFocus does: tabindex="-1" while it has focus, removed on blur (unless
 * the element had its own).
 */
export function setFocus (el, options = {}) {
  const own = el.getAttribute('tabindex')
  if (!own) el.setAttribute('tabindex', '-1')
  el.addEventListener('focus', () => {
    el.addEventListener('blur', () => { if (!own) el.removeAttribute('tabindex') }, { once: true })
  }, { once: true })
  el.focus(options)
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
  const legend = fieldset ? fieldset.querySelector('legend') : null
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
