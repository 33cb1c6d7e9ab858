// Inline error messages: the GOV.UK Design System error message component,
// put by each field that has a problem and taken away cleanly when it is
// fixed. Text goes in with textContent only.

/** Class names and words, overridable through the config. */
export const errorMessageDefaults = Object.freeze({
  classes: Object.freeze({
    formGroup: 'govuk-form-group',
    formGroupError: 'govuk-form-group--error',
    message: 'govuk-error-message',
    visuallyHidden: 'govuk-visually-hidden',
    inputError: 'govuk-input--error',
    selectError: 'govuk-select--error',
    textareaError: 'govuk-textarea--error'
  }),
  // The visually hidden word before each message, for screen readers.
  prefix: 'Error:'
})

/**
 * Shows inline error messages in a form.
 *
 * render() takes the problems to show, each {element, text}, and brings the
 * form to exactly that state: messages that are still wanted stay as they
 * are, new ones are added, and everything added for a fixed problem (the
 * message, the error classes, aria-invalid, the message id in
 * aria-describedby) is removed, leaving the host's own attributes as they
 * were.
 */
export class ErrorMessages {
  /**
   * @param {HTMLFormElement} form
   * @param {object} [config]
   */
  constructor (form, config = {}) {
    this.form = form
    this.config = { ...errorMessageDefaults, ...config, classes: { ...errorMessageDefaults.classes, ...config.classes } }
    /** @type {Map<Element, {key: string, paragraphs: Element[], undo: Function[]}>} */
    this.shown = new Map()
  }

  /**
   * Removes messages a server rendered into the form (marked
   * data-stemkn-error) and the error state around them, so the widget can
   * take over. Reports whether there were any.
   */
  adopt () {
    const c = this.config.classes
    const old = this.form.querySelectorAll('[data-stemkn-error]')
    for (const p of old) {
      const id = p.id
      p.remove()
      if (!id) continue
      for (const el of this.form.querySelectorAll('[aria-describedby]')) {
        const ids = el.getAttribute('aria-describedby').split(/\s+/).filter(t => t && t !== id)
        if (ids.length) el.setAttribute('aria-describedby', ids.join(' '))
        else el.removeAttribute('aria-describedby')
      }
    }
    if (old.length) {
      for (const el of this.form.querySelectorAll('[data-stemkn-invalid]')) {
        el.removeAttribute('aria-invalid')
        el.removeAttribute('data-stemkn-invalid')
        removeClasses(el, c.inputError, c.selectError, c.textareaError)
      }
      for (const g of this.form.querySelectorAll('.' + cssClass(c.formGroupError))) removeClasses(g, c.formGroupError)
    }
    return old.length > 0
  }

  /**
   * Shows exactly these problems.
   * @param {{element: Element, text: string}[]} problems
   */
  render (problems) {
    const wanted = new Map()
    for (const p of problems) {
      const group = this.groupOf(p.element)
      let entry = wanted.get(group)
      if (!entry) {
        entry = { element: p.element, texts: [] }
        wanted.set(group, entry)
      }
      if (!entry.texts.includes(p.text)) entry.texts.push(p.text)
    }
    for (const [group, state] of this.shown) {
      const w = wanted.get(group)
      if (!w || key(w) !== state.key) this.clearGroup(group)
    }
    for (const [group, w] of wanted) {
      if (!this.shown.has(group)) this.showGroup(group, w)
    }
  }

  /** Removes every message this component added. */
  clear () {
    for (const group of [...this.shown.keys()]) this.clearGroup(group)
  }

  /**
   * The form group a field belongs to: the closest element with the form
   * group class, else the field's parent.
   */
  groupOf (element) {
    return element.closest('.' + cssClass(this.config.classes.formGroup)) || element.parentElement
  }

  showGroup (group, { element, texts }) {
    const c = this.config.classes
    const undo = []
    const choice = isChoice(element)
    const fieldset = choice ? element.closest('fieldset') : null
    const container = fieldset && group.contains(fieldset) ? fieldset : group
    // The message goes after the label and hint, just before the input (or
    // the radios or checkboxes, or the input's wrapper).
    let anchor = element
    while (anchor.parentElement && anchor.parentElement !== container) anchor = anchor.parentElement
    if (anchor.parentElement !== container) anchor = null

    const baseId = ensureId(element)
    const paragraphs = texts.map((text, i) => {
      const p = document.createElement('p')
      p.id = uniqueId(i === 0 ? `${baseId}-error` : `${baseId}-error-${i + 1}`)
      p.className = c.message
      p.setAttribute('data-stemkn-error', '')
      const hidden = document.createElement('span')
      hidden.className = c.visuallyHidden
      hidden.textContent = this.config.prefix
      p.append(hidden, ' ' + text)
      if (anchor) container.insertBefore(p, anchor)
      else container.prepend(p)
      return p
    })

    if (!hasClasses(group, c.formGroupError)) {
      addClasses(group, c.formGroupError)
      undo.push(() => removeClasses(group, c.formGroupError))
    }
    // Radios and checkboxes are described through their fieldset, as in
    // GOV.UK; other fields through themselves.
    const described = fieldset && container === fieldset ? fieldset : element
    const ids = paragraphs.map(p => p.id)
    const before = described.getAttribute('aria-describedby')
    described.setAttribute('aria-describedby', [...(before ? before.split(/\s+/) : []), ...ids].filter(Boolean).join(' '))
    undo.push(() => {
      const now = (described.getAttribute('aria-describedby') || '').split(/\s+/).filter(t => t && !ids.includes(t))
      if (now.length) described.setAttribute('aria-describedby', now.join(' '))
      else described.removeAttribute('aria-describedby')
    })

    for (const field of this.fieldsOf(element)) {
      const cls = errorClass(field, c)
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
    this.shown.set(group, { key: texts.join('\n'), paragraphs, undo })
  }

  clearGroup (group) {
    const state = this.shown.get(group)
    if (!state) return
    for (const p of state.paragraphs) p.remove()
    for (const u of state.undo) u()
    this.shown.delete(group)
  }

  /** The fields that share the element's name (one text box, or every box of a group). */
  fieldsOf (element) {
    if (!element.name || !isChoice(element)) return [element]
    return [...this.form.elements].filter(el => el.name === element.name)
  }
}

function key (w) {
  return w.texts.join('\n')
}

function isChoice (el) {
  return el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
}

function errorClass (el, c) {
  if (el instanceof HTMLSelectElement) return c.selectError
  if (el instanceof HTMLTextAreaElement) return c.textareaError
  if (el instanceof HTMLInputElement && !isChoice(el)) return c.inputError
  return ''
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
