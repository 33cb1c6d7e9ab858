// Inline error messages: the GOV.UK Design System error message component,
// put by the question a finding is about and taken away cleanly when it is
// fixed. Text goes in with textContent only.

/**
 * Class names, overridable through the config. The visually hidden word
 * before each message ("Error:") is the catalogue's ui.error-message.prefix,
 * which the form binding passes in the language of the form, with lang, the
 * language's tag.
 */
export const errorMessageDefaults = Object.freeze({
  classes: Object.freeze({
    formGroup: 'govuk-form-group',
    formGroupError: 'govuk-form-group--error',
    message: 'govuk-error-message',
    visuallyHidden: 'govuk-visually-hidden',
    inputError: 'govuk-input--error',
    selectError: 'govuk-select--error',
    textareaError: 'govuk-textarea--error',
    dateInput: 'govuk-date-input'
  }),
  // The visually hidden word before each message, for screen readers.
  prefix: '',
  lang: ''
})

/**
 * Shows inline error messages in a form.
 *
 * render() takes the messages to show, one per question, each
 * {question, place, text, marks}: the question's element (its form group,
 * or the group element a finding about a list goes to), where the message
 * goes, its text and the fields to mark as wrong. It brings the form to
 * exactly that state: a message still wanted stays as it is, a new one is
 * added, and everything added for a fixed one (the message, the error
 * classes, aria-invalid, the message id in aria-describedby) goes, leaving
 * the host's own attributes as they were.
 */
export class ErrorMessages {
  /**
   * @param {HTMLFormElement} form
   * @param {object} [config]
   */
  constructor (form, config = {}) {
    this.form = form
    this.config = { ...errorMessageDefaults, ...config, classes: { ...errorMessageDefaults.classes, ...config.classes } }
    /** @type {Map<Element, {key: string, undo: Function[]}>} */
    this.shown = new Map()
  }

  /**
   * Takes over the messages a server rendered into the form with the same
   * markup (govuk-frontend's macros with errorMessage set, or anything
   * marked data-stemkn-error) for the questions the widget judges: each
   * message, its id in every aria-describedby, and the error classes of its
   * question go, so the widget can draw them afresh. Reports whether there
   * were any.
   * @param {(question: Element) => boolean} judged whether the widget judges a question
   */
  adopt (judged) {
    const c = this.config.classes
    const messages = [...this.form.querySelectorAll('.' + cssClass(c.message) + ', [data-stemkn-error]')]
      .filter(p => !this.isOurs(p))
    const questions = new Set()
    const ids = new Set()
    for (const p of messages) {
      const question = p.closest('[data-stemkn-for]') || p.closest('.' + cssClass(c.formGroup)) || p.parentElement
      if (!question || !this.form.contains(question) || !judged(question)) continue
      questions.add(question)
      if (p.id) ids.add(p.id)
      p.remove()
    }
    if (questions.size === 0) return false
    for (const el of this.form.querySelectorAll('[aria-describedby]')) {
      const tokens = el.getAttribute('aria-describedby').split(/\s+/)
      if (tokens.some(t => ids.has(t))) {
        const keep = tokens.filter(t => t && !ids.has(t))
        if (keep.length) el.setAttribute('aria-describedby', keep.join(' '))
        else el.removeAttribute('aria-describedby')
      }
    }
    // The server marked the fields of those questions, and fields a finding
    // is about without a message of their own: every error state of the
    // judged fields goes, to be drawn again from the widget's findings.
    for (const q of questions) removeClasses(q, c.formGroupError)
    for (const el of this.form.querySelectorAll('.' + cssClass(c.formGroupError))) {
      if (judged(el)) removeClasses(el, c.formGroupError)
    }
    for (const el of this.form.querySelectorAll([c.inputError, c.selectError, c.textareaError].map(x => '.' + cssClass(x)).join(', '))) {
      if (judged(el)) {
        removeClasses(el, c.inputError, c.selectError, c.textareaError)
        if (el.getAttribute('data-stemkn-invalid') !== null || el.getAttribute('aria-invalid') === 'true') el.removeAttribute('aria-invalid')
        el.removeAttribute('data-stemkn-invalid')
      }
    }
    return true
  }

  isOurs (p) {
    for (const state of this.shown.values()) {
      if (state.paragraph === p) return true
    }
    return false
  }

  /**
   * Shows exactly these messages.
   * @param {{question: Element, place: object, text: string, marks: Element[]}[]} wanted
   */
  render (wanted) {
    const byQuestion = new Map()
    for (const w of wanted) {
      if (!byQuestion.has(w.question)) byQuestion.set(w.question, w)
    }
    for (const [question, state] of this.shown) {
      const w = byQuestion.get(question)
      if (!w || keyOf(w) !== state.key || !question.isConnected) this.clearQuestion(question)
    }
    for (const [question, w] of byQuestion) {
      if (!this.shown.has(question)) this.showQuestion(question, w)
    }
  }

  /** Removes every message this component added. */
  clear () {
    for (const question of [...this.shown.keys()]) this.clearQuestion(question)
  }

  showQuestion (question, { place, text, marks }) {
    const c = this.config.classes
    const undo = []
    const container = place.container
    const p = document.createElement('p')
    p.id = uniqueId(`${place.idBase}-error`)
    p.className = c.message
    markLanguage(p, this.config.lang, container)
    const hidden = document.createElement('span')
    hidden.className = c.visuallyHidden
    hidden.textContent = this.config.prefix
    p.append(hidden, ' ' + text)
    // The message goes after the question's label, legend and hint, just
    // before its input, its radios or checkboxes, or the date's three fields.
    const anchor = place.anchor && place.anchor.parentElement === container ? place.anchor : firstAfterHeadings(container)
    container.insertBefore(p, anchor)
    undo.push(() => p.remove())

    if (!hasClasses(question, c.formGroupError)) {
      addClasses(question, c.formGroupError)
      undo.push(() => removeClasses(question, c.formGroupError))
    }
    addToken(place.describe, 'aria-describedby', p.id, undo)
    for (const field of place.fields) {
      this.markField(field, undo)
    }
    for (const field of marks || []) {
      this.markField(field, undo)
      addToken(field, 'aria-describedby', p.id, undo)
    }
    this.shown.set(question, { key: keyOf({ place, text, marks }), undo, paragraph: p })
  }

  markField (field, undo) {
    const cls = errorClass(field, this.config.classes)
    if (cls && !hasClasses(field, cls)) {
      addClasses(field, cls)
      undo.push(() => removeClasses(field, cls))
    }
    // ARIA allows aria-invalid on checkboxes but not on single radios.
    if (field.type !== 'radio' && field.getAttribute('aria-invalid') !== 'true') {
      field.setAttribute('aria-invalid', 'true')
      undo.push(() => field.removeAttribute('aria-invalid'))
    }
  }

  clearQuestion (question) {
    const state = this.shown.get(question)
    if (!state) return
    for (const u of state.undo.reverse()) u()
    this.shown.delete(question)
  }
}

function keyOf ({ place, text, marks }) {
  const ids = els => (els || []).map(e => e.id || e.name).join(',')
  return [text, place.kind, ids(place.fields), ids(marks)].join('\n')
}

/** The first child of a container that is not its heading, legend, label or hint. */
function firstAfterHeadings (container) {
  for (const child of container.children) {
    if (!child.matches('h1, h2, h3, h4, h5, h6, legend, label, .govuk-hint, .govuk-caption-l, .govuk-caption-m, .govuk-caption-s')) return child
  }
  return null
}

export function isChoice (el) {
  return el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
}

function errorClass (el, c) {
  if (el instanceof HTMLSelectElement) return c.selectError
  if (el instanceof HTMLTextAreaElement) return c.textareaError
  if (el instanceof HTMLInputElement && !isChoice(el)) return c.inputError
  return ''
}

function addToken (el, attr, token, undo) {
  const before = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean)
  if (before.includes(token)) return
  el.setAttribute(attr, [...before, token].join(' '))
  undo.push(() => removeToken(el, attr, token))
}

function removeToken (el, attr, token) {
  const now = (el.getAttribute(attr) || '').split(/\s+/).filter(t => t && t !== token)
  if (now.length) el.setAttribute(attr, now.join(' '))
  else el.removeAttribute(attr)
}

/**
 * Gives an element the widget draws a lang attribute when its words are in
 * another language than the place it goes in would say (HTML's lang is
 * inherited), so screen readers read them in the right language.
 */
export function markLanguage (el, lang, place) {
  if (!lang) return
  const inherited = place ? place.closest('[lang]') : null
  const primary = tag => String(tag || '').toLowerCase().split('-')[0]
  if (primary(inherited && inherited.getAttribute('lang')) === primary(lang)) {
    if (el.getAttribute('lang') === lang) el.removeAttribute('lang')
    return
  }
  el.setAttribute('lang', lang)
}

/** The element's id, giving it one made from its name when it has none. */
export function ensureId (el) {
  if (!el.id) el.id = uniqueId('stemkn-' + (el.getAttribute('name') || 'field').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, ''))
  return el.id
}

/** An id not yet used in the document: base, or base-2, base-3… */
export function uniqueId (base) {
  let id = base
  for (let n = 2; document.getElementById(id); n++) id = `${base}-${n}`
  return id
}

/** The first class of a configured class list, escaped for a selector. */
export function cssClass (classes) {
  return CSS.escape(String(classes).trim().split(/\s+/)[0])
}

/** The class names in a configured class list ("a b" is two). */
export function classNames (...lists) {
  return lists.flatMap(l => String(l || '').split(/\s+/)).filter(Boolean)
}

export function addClasses (el, ...lists) {
  el.classList.add(...classNames(...lists))
}

export function removeClasses (el, ...lists) {
  el.classList.remove(...classNames(...lists))
}

function hasClasses (el, list) {
  return classNames(list).every(n => el.classList.contains(n))
}
