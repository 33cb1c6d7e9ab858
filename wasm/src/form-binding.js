// The form binding: ties a host's ordinary <form>, whose fields use the
// document's names in bracket notation (SPEC §5), to the Go validator. It
// reads the form afresh each time (so rows the host adds or removes are
// picked up), lets Go decode and validate it, and shows the findings the
// GOV.UK way: nothing before the first submit (or, in blur mode, before the
// user leaves a field they changed); on a submit with errors, an error
// summary that takes focus, an inline message by each field and an
// "Error: " title, with the submit blocked; after that, live as they type.

import { ErrorMessages, errorMessageDefaults, ensureId } from './error-message.js'
import { ErrorSummary, errorSummaryDefaults } from './error-summary.js'
import { EligibilityPanel, eligibilityPanelDefaults } from './eligibility-panel.js'
import { BudgetSummary, budgetSummaryDefaults } from './budget-summary.js'

/** Every option of attach(), with its default: the one place they live. */
export const formBindingDefaults = Object.freeze({
  // The scheme to validate against; else the form's data-stemkn-scheme, else
  // the form's own "scheme" field.
  scheme: undefined,
  // "submit" (everything missing is an error) or "draft".
  mode: 'submit',
  // Message template overrides, keyed as stemkn's Messages keys
  // ("required@/network/name"), passed to Go's Messages.With.
  messages: undefined,
  // When to validate before the first submit: "input" and "submit" show
  // nothing until the first submit, then validate as the user types
  // ("submit" only on submit); "blur" also shows a field's message when the
  // user leaves a field they changed.
  live: 'input',
  // The "Error: " put before the page title while errors show.
  titlePrefix: 'Error: ',
  // Where the components draw; each defaults to an element inside the form
  // with the data attribute, then one made for it.
  summary: undefined, // [data-stemkn-error-summary], else made at the top of the form
  eligibility: undefined, // [data-stemkn-eligibility], else made after the summary
  budget: undefined, // [data-stemkn-budget-summary] in the form or for="form id"; else none
  // Class names and words of the components (govuk-frontend's by default).
  errorMessage: errorMessageDefaults,
  errorSummary: errorSummaryDefaults,
  eligibilityPanel: eligibilityPanelDefaults,
  budgetSummary: budgetSummaryDefaults
})

const LIVE_MODES = ['input', 'blur', 'submit']

/**
 * A form bound to a validator. Made by kit.attach(form, options).
 */
export class FormBinding {
  /**
   * @param {HTMLFormElement} form
   * @param {(entries: string[][], options: object) => object} validateForm
   *   the kit's validateForm, which throws on failure
   * @param {object} [config] see formBindingDefaults
   */
  constructor (form, validateForm, config = {}) {
    if (!(form instanceof HTMLFormElement)) throw new TypeError('stemkn: attach needs a <form> element')
    this.form = form
    this.validateForm = validateForm
    this.config = { ...formBindingDefaults, ...config }
    if (!LIVE_MODES.includes(this.config.live)) throw new TypeError('stemkn: live must be "input", "blur" or "submit"')
    if (this.config.scheme === undefined && form.dataset.stemknScheme) this.config.scheme = form.dataset.stemknScheme

    this.submitted = false
    this.touched = new Set() // names of fields the user changed (blur mode)
    this.left = new Set() // names of changed fields the user has left (blur mode)
    this.answer = null

    this.messages = new ErrorMessages(form, this.config.errorMessage)
    this.summary = new ErrorSummary(this.place('summary', '[data-stemkn-error-summary]', root => form.prepend(root)), this.config.errorSummary)
    this.eligibility = new EligibilityPanel(
      this.place('eligibility', '[data-stemkn-eligibility]', root => this.summary.root.after(root)),
      this.config.eligibilityPanel)
    const budgetRoot = this.config.budget || this.findBudgetRoot()
    this.budget = budgetRoot ? new BudgetSummary(budgetRoot, this.config.budgetSummary) : null

    this.listeners = [
      ['submit', e => this.onSubmit(e)],
      ['input', e => this.onEdit(e)],
      ['change', e => this.onEdit(e)],
      ['focusout', e => this.onLeave(e)]
    ]
    for (const [type, fn] of this.listeners) form.addEventListener(type, fn)
    // Rows the host adds or removes change the form without input events.
    this.pending = false
    this.observer = new MutationObserver(records => {
      if (!this.pending && records.some(changesFields)) {
        this.pending = true
        queueMicrotask(() => {
          this.pending = false
          this.run('rows')
        })
      }
    })
    this.observer.observe(form, { childList: true, subtree: true })

    // A page a server rendered with errors (the same markup, marked
    // data-stemkn-error) is taken over as if submitted once.
    form.dataset.stemknAttached = 'true'
    const serverSummary = this.summary.root.childElementCount > 0
    if (this.messages.adopt() || serverSummary) this.submitted = true
    this.run(this.submitted ? 'adopt' : 'attach')
  }

  /** The element a component draws in: the option, a marked element in the form, or a new one. */
  place (option, selector, insert) {
    if (this.config[option] instanceof HTMLElement) return this.config[option]
    const found = this.form.querySelector(selector) || this.forForm(selector)
    if (found) return found
    const root = document.createElement('div')
    root.hidden = true
    insert(root)
    return root
  }

  /** An element with the attribute elsewhere in the page that names this form. */
  forForm (selector) {
    if (!this.form.id) return null
    const attr = selector.slice(1, -1)
    for (const el of document.querySelectorAll(selector)) {
      if (el.getAttribute(attr) === this.form.id) return el
    }
    return null
  }

  findBudgetRoot () {
    return this.form.querySelector('[data-stemkn-budget-summary]') || this.forForm('[data-stemkn-budget-summary]')
  }

  /** The form's entries as [name, value] pairs: what the browser would post (and the scheme). */
  entries (submitter) {
    const data = submitter ? new FormData(this.form, submitter) : new FormData(this.form)
    const out = []
    for (const [name, value] of data) {
      if (typeof value === 'string') out.push([name, value])
    }
    // A form bound to a scheme is a document of that scheme, whether or
    // not it has a field that says so.
    if (this.config.scheme && !out.some(([name, value]) => name === 'scheme' && value !== '')) {
      out.push(['scheme', this.config.scheme])
    }
    return out
  }

  /**
   * Validates the form now and shows the outcome as the binding's state
   * says (nothing before the first submit). Returns the validateForm answer,
   * or null when the validator failed.
   */
  validate () {
    return this.run('validate')
  }

  run (trigger, submitter) {
    let answer
    try {
      answer = this.validateForm(this.entries(submitter), {
        scheme: this.config.scheme,
        mode: this.config.mode,
        messages: this.config.messages
      })
    } catch (err) {
      this.answer = null
      this.form.dispatchEvent(new CustomEvent('stemkn:error', { detail: { error: err } }))
      return null
    }
    this.answer = answer
    if (this.budget) this.budget.render(answer.budget)
    this.show(answer, trigger)
    this.form.dispatchEvent(new CustomEvent('stemkn:validated', {
      detail: { result: answer.result, document: answer.document, budget: answer.budget || null, trigger, shown: this.submitted }
    }))
    return answer
  }

  onSubmit (event) {
    this.submitted = true
    const answer = this.run('submit', event.submitter)
    // If the validator is not there (it failed to load, or stopped), the
    // form posts as it would without the widget: the server validates too.
    if (!answer || answer.result.valid) return
    event.preventDefault()
    this.summary.focus()
  }

  onEdit (event) {
    const name = event.target && event.target.name
    if (name) this.touched.add(name)
    this.run(event.type)
  }

  onLeave (event) {
    if (this.config.live !== 'blur' || this.submitted) return
    const name = event.target && event.target.name
    if (!name || !this.touched.has(name) || this.left.has(name)) return
    this.left.add(name)
    if (this.answer) this.show(this.answer, 'blur')
  }

  /**
   * Shows the answer's findings as far as the binding's state allows:
   * after the first submit, everything (in "submit" mode, only when
   * submitting again); before it, in blur mode, the messages of the fields
   * the user changed and left.
   */
  show (answer, trigger) {
    if (this.submitted) {
      if (this.config.live === 'submit' && (trigger === 'input' || trigger === 'change')) return
      const problems = this.problems(answer)
      this.messages.render(problems.filter(p => p.element))
      this.summary.render(problems.map(p => ({ text: p.text, target: p.element })))
      this.eligibility.render(answer.result)
      this.setTitle(problems.length > 0)
    } else if (this.left.size > 0) {
      const problems = this.problems(answer).filter(p => p.element && this.left.has(p.element.name))
      this.messages.render(problems)
      this.setTitle(problems.length > 0)
    }
  }

  /**
   * The errors to show, in page order, each with the field it
   * belongs to: the field the value came from, else the field it would have
   * come from, else (for a list or a row) the group's first field.
   */
  problems (answer) {
    const seen = new Set()
    const out = []
    for (const f of answer.result.findings) {
      if (f.severity !== 'error') continue
      const element = this.fieldFor(answer.targets[f.path] || '')
      if (element) ensureId(element)
      const key = (element ? element.id : '') + '\n' + f.message
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ finding: f, element, text: f.message })
    }
    // The summary lists problems in the order of the page, as people read it.
    return out.sort((a, b) => {
      if (!a.element || !b.element) return (a.element ? 1 : 0) - (b.element ? 1 : 0)
      if (a.element === b.element) return 0
      return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
    })
  }

  /** The first field in the form with the name, or in the group the name names. */
  fieldFor (name) {
    if (!name) return null
    const fields = [...this.form.elements].filter(isField)
    return fields.find(el => el.name === name) ||
      (!name.endsWith('[]') && fields.find(el => el.name === name + '[]')) ||
      fields.find(el => el.name.startsWith(name + '[')) ||
      null
  }

  setTitle (errors) {
    const prefix = this.config.titlePrefix
    if (!prefix) return
    const has = document.title.startsWith(prefix)
    if (errors && !has) document.title = prefix + document.title
    if (!errors && has) document.title = document.title.slice(prefix.length)
  }

  /** Stops validating the form and removes everything the binding showed. */
  detach () {
    for (const [type, fn] of this.listeners) this.form.removeEventListener(type, fn)
    this.observer.disconnect()
    delete this.form.dataset.stemknAttached
    this.messages.clear()
    this.summary.destroy()
    this.eligibility.render(null)
    this.setTitle(false)
  }
}

const FIELD_SELECTOR = 'input, select, textarea'

/** Whether a DOM change added or removed fields (a row), not just text (our messages). */
function changesFields (record) {
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (node instanceof Element && (node.matches(FIELD_SELECTOR) || node.querySelector(FIELD_SELECTOR))) return true
    }
  }
  return false
}

/** Whether an element is a field a person fills in (not a button or hidden input). */
function isField (el) {
  if (!el.name || el.disabled) return false
  if (el instanceof HTMLInputElement) return !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)
  return el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
}
