// The form binding: ties a host's ordinary <form>, whose fields use the
// document's names in bracket notation (network[members][0][email]), to
// the Go validator. It reads the form afresh each time (so rows the host
// adds or removes are picked up), leaving out what the user cannot see or
// use, lets Go decode and validate it, and shows the findings the GOV.UK
// way: nothing before the first submit (or, in blur mode, before the user
// leaves a field they changed); on a submit with errors, an error summary
// that takes focus, one inline message by each question a finding is about
// and an "Error: " title, with the submit blocked; after that, live as
// they type.

import { ErrorMessages, errorMessageDefaults, ensureId, isChoice, cssClass, markLanguage } from './error-message.js'
import { ErrorSummary, errorSummaryDefaults } from './error-summary.js'
import { EligibilityPanel, eligibilityPanelDefaults } from './eligibility-panel.js'
import { BudgetSummary, budgetSummaryDefaults, budgetWords } from './budget-summary.js'

/** Every option of attach(), with its default: the one place they live. */
export const formBindingDefaults = Object.freeze({
  // The scheme to validate against; else the form's data-stemkn-scheme, else
  // the form's own "scheme" field.
  scheme: undefined,
  // "submit" (everything missing is an error) or "draft".
  mode: 'submit',
  // The language of every word the widget shows ("cy", "en"): else the
  // form's data-stemkn-lang, else the form's language (its lang attribute
  // or its nearest ancestor's, as HTML inherits it) when stemkn has it,
  // else English.
  lang: undefined,
  // Overrides of keys of the language's message catalogue, passed to Go's
  // Messages.With: finding templates ("required@/network/name"), labels
  // ("label@/network/name") and the page's words ("ui.error-summary.title",
  // "ui.page-title", "ui.budget.total"…).
  messages: undefined,
  // When to validate before the first submit: "input" and "submit" show
  // nothing until the first submit, then validate as the user types
  // ("submit" only on submit); "blur" also shows a field's message when the
  // user leaves a field they changed.
  live: 'input',
  // Where the components draw; each defaults to an element inside the form
  // with the data attribute, then one made for it.
  summary: undefined, // [data-stemkn-error-summary], else the page's .govuk-error-summary, else made at the top of the form
  eligibility: undefined, // [data-stemkn-eligibility], else made after the summary
  budget: undefined, // [data-stemkn-budget-summary] in the form or for="form id"; else none
  // Class names of the components (govuk-frontend's by default); their
  // words come from the catalogue.
  errorMessage: errorMessageDefaults,
  errorSummary: errorSummaryDefaults,
  eligibilityPanel: eligibilityPanelDefaults,
  budgetSummary: budgetSummaryDefaults
})

const LIVE_MODES = ['input', 'blur', 'submit']

// The document's own top-level fields (stemkn.Application and
// stemkn.OfferDocument): a form field whose first name is another is the
// host's (a CSRF token, a button), which the widget neither judges nor
// takes over. A Go test holds this list to the decoder's.
export const DOCUMENT_FIELDS = Object.freeze(['scheme', 'submittedOn', 'network', 'plan', 'funding', 'contact', 'offer'])

// A GOV.UK conditional reveal that govuk-frontend has closed.
const CLOSED_REVEAL = '.govuk-radios__conditional--hidden, .govuk-checkboxes__conditional--hidden'

const DATE_PARTS = ['day', 'month', 'year']

/**
 * A form bound to a validator. Made by kit.attach(form, options).
 */
export class FormBinding {
  /**
   * @param {HTMLFormElement} form
   * @param {(entries: string[][], options: object) => object} validateForm
   *   the kit's validateForm, which throws on failure
   * @param {object} [config] see formBindingDefaults
   * @param {(options: object) => {lang: string, words: Object<string, string>}} pageWords
   *   the kit's messages: the page's words in a language, which throws
   *   for a language or an override it cannot use
   */
  constructor (form, validateForm, config, pageWords) {
    if (!(form instanceof HTMLFormElement)) throw new TypeError('stemkn: attach needs a <form> element')
    this.form = form
    this.validateForm = validateForm
    this.config = { ...formBindingDefaults, ...config }
    if (!LIVE_MODES.includes(this.config.live)) throw new TypeError('stemkn: live must be "input", "blur" or "submit"')
    if (this.config.scheme === undefined && form.dataset.stemknScheme) this.config.scheme = form.dataset.stemknScheme
    const page = wordsFor(form, this.config, pageWords)
    this.lang = page.lang
    this.words = page.words
    const w = this.words

    this.submitted = false
    this.touched = new Set() // names of fields the user changed (blur mode)
    this.left = new Set() // names of changed fields the user has left (blur mode)
    this.answer = null

    const lang = this.lang
    this.messages = new ErrorMessages(form, { ...this.config.errorMessage, prefix: w['ui.error-message.prefix'], lang })
    const summaryClass = (this.config.errorSummary && this.config.errorSummary.classes && this.config.errorSummary.classes.summary) || errorSummaryDefaults.classes.summary
    this.summary = new ErrorSummary(this.place('summary', '[data-stemkn-error-summary]', root => form.prepend(root), '.' + cssClass(summaryClass)),
      { ...this.config.errorSummary, title: w['ui.error-summary.title'] })
    this.summaryLang = this.summary.root.getAttribute('lang')
    markLanguage(this.summary.root, lang, this.summary.root.parentElement)
    this.eligibility = new EligibilityPanel(
      this.place('eligibility', '[data-stemkn-eligibility]', root => this.summary.root.after(root)),
      { ...this.config.eligibilityPanel, heading: w['ui.eligibility.heading'], lead: w['ui.eligibility.lead'], source: w['ui.eligibility.source'], lang })
    const budgetRoot = this.config.budget || this.findBudgetRoot()
    this.budget = budgetRoot ? new BudgetSummary(budgetRoot, { ...this.config.budgetSummary, words: budgetWords(w), lang }) : null

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

    // A page a server rendered with errors (govuk-frontend's markup, or an
    // error summary) is taken over as if submitted once.
    form.dataset.stemknAttached = 'true'
    const serverSummary = this.summary.root.childElementCount > 0 && !this.summary.root.hidden
    if (this.messages.adopt(q => this.judges(q)) || serverSummary) this.submitted = true
    this.run(this.submitted ? 'adopt' : 'attach')
  }

  /** The element a component draws in: the option, a marked element, the page's own, or a new one. */
  place (option, selector, insert, pageSelector) {
    if (this.config[option] instanceof HTMLElement) return this.config[option]
    const found = this.form.querySelector(selector) || this.forForm(selector) ||
      (pageSelector && [...document.querySelectorAll(pageSelector)].find(el => !el.closest('form[data-stemkn-attached]') || this.form.contains(el)))
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

  /** Whether a question holds a field the widget judges (or is a group a finding can be about). */
  judges (question) {
    if (question.hasAttribute('data-stemkn-for')) return true
    const fields = question.matches('input, select, textarea') ? [question] : question.querySelectorAll('input, select, textarea')
    for (const el of fields) {
      if (el.name && DOCUMENT_FIELDS.includes(el.name.split(/[[-]/)[0])) return true
    }
    return false
  }

  /**
   * The fields the user cannot see or use, which are neither judged nor
   * sent: disabled ones, those inside [hidden] or [inert], and those in a
   * GOV.UK conditional reveal that is closed.
   */
  excludedFields () {
    const out = []
    for (const el of this.form.elements) {
      if (el.name && !el.disabled && excluded(el)) out.push(el)
    }
    return out
  }

  /** The form's entries as [name, value] pairs: what the browser would post (and the scheme). */
  entries (submitter) {
    // The browser leaves disabled fields out of a form's entries: the
    // excluded ones are disabled while they are read, and at once enabled
    // again (no event, paint or focus change happens in between).
    const hide = this.excludedFields()
    for (const el of hide) el.disabled = true
    let data
    try {
      data = submitter ? new FormData(this.form, submitter) : new FormData(this.form)
    } finally {
      for (const el of hide) el.disabled = false
    }
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
        lang: this.lang,
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
    if (!answer) return
    if (!answer.result.valid) {
      event.preventDefault()
      this.summary.focus()
      return
    }
    // The post is the document the widget judged: what the user cannot see
    // is not sent. The browser reads the form's entries right after this
    // event; the fields come back straight after.
    const hide = this.excludedFields()
    for (const el of hide) el.disabled = true
    setTimeout(() => { for (const el of hide) el.disabled = false }, 0)
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
      this.messages.render(inlineMessages(problems))
      this.summary.render(problems.map(p => ({ text: p.text, target: p.place ? p.place.first : null })))
      this.eligibility.render(answer.result)
      this.setTitle(problems.length > 0)
    } else if (this.left.size > 0) {
      const problems = this.problems(answer).filter(p => p.place && p.place.fields.some(f => this.left.has(f.name)))
      this.messages.render(inlineMessages(problems))
      this.setTitle(problems.length > 0)
    }
  }

  /**
   * The errors to show, in page order, each with the place its message
   * goes: the question at the finding's path; else the first of its
   * related fields (the others are marked too); else the group the path
   * names (an element marked data-stemkn-for with the pointer, or the
   * fieldset holding a row's fields); else none (the summary lists it
   * last). Each question shows the first of its messages, in the
   * findings' documented order; the rest stay in the summary.
   */
  problems (answer) {
    const index = new FieldIndex(this.form)
    const seen = new Set()
    const out = []
    for (const f of answer.result.findings) {
      if (f.severity !== 'error') continue
      let place = this.fieldPlace(f.path, f, answer, index)
      const marks = []
      if (!place) {
        for (const pointer of f.related || []) {
          const p = this.fieldPlace(pointer, null, answer, index)
          if (!p) continue
          if (!place) place = p
          else if (p.question !== place.question) marks.push(...p.fields)
        }
      }
      if (!place) place = this.groupPlace(f.path, answer, index)
      const key = (place ? ensureId(place.first) : '') + '\n' + f.message
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ finding: f, place, marks, text: f.message, order: out.length })
    }
    // The summary lists problems in the order of the page, as people read
    // it; those with no place in the form come last, in the findings' order.
    return out.map((p, i) => ({ p, i })).sort((a, b) => {
      const x = a.p.place
      const y = b.p.place
      if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1) || a.i - b.i
      if (x.first === y.first) return a.i - b.i
      return x.first.compareDocumentPosition(y.first) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
    }).map(({ p }) => p)
  }

  /**
   * The question a pointer names, when the form has a field for it: a date
   * input's parts (marking those the finding says are wrong), a set of
   * radios or checkboxes, or one field.
   */
  fieldPlace (pointer, finding, answer, index) {
    const c = this.messages.config.classes
    const parts = answer.dateInputs && answer.dateInputs[pointer]
    if (parts) {
      const els = parts.map(name => index.field(name))
      if (els.some(Boolean)) {
        const wrong = finding && finding.params && Array.isArray(finding.params.parts) ? finding.params.parts : DATE_PARTS
        const fields = els.filter((el, i) => el && wrong.includes(DATE_PARTS[i]))
        const first = fields[0] || els.find(Boolean)
        const date = first.closest('.' + cssClass(c.dateInput))
        const question = (date && date.parentElement.closest('.' + cssClass(c.formGroup))) || first.parentElement
        const fieldset = date && date.closest('fieldset')
        const container = fieldset && question.contains(fieldset) ? fieldset : question
        return {
          kind: 'date', first, fields, question, container, anchor: ancestorIn(date || first, container),
          describe: container === fieldset ? fieldset : first, idBase: (date && date.id) || ensureId(first)
        }
      }
    }
    const name = answer.targets[pointer]
    if (!name) return null
    const el = index.field(name) || (!name.endsWith('[]') && index.field(name + '[]'))
    if (!el) return null
    const question = el.closest('.' + cssClass(c.formGroup)) || el.parentElement
    if (isChoice(el)) {
      const fieldset = el.closest('fieldset')
      const container = fieldset && question.contains(fieldset) ? fieldset : question
      return {
        kind: 'choice', first: el, fields: index.named(el.name), question, container, anchor: ancestorIn(el, container),
        describe: container === fieldset ? fieldset : el, idBase: ensureId(el)
      }
    }
    return { kind: 'field', first: el, fields: [el], question, container: question, anchor: ancestorIn(el, question), describe: el, idBase: ensureId(el) }
  }

  /** The element of the group a pointer names, for findings about a list or a row as a whole. */
  groupPlace (pointer, answer, index) {
    let el = index.group(pointer)
    if (!el) {
      const name = answer.targets[pointer]
      if (name) el = index.fieldsetHolding(name)
    }
    if (!el) return null
    const heading = el.querySelector(':scope > legend, :scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6')
    return { kind: 'group', first: el, fields: [], question: el, container: el, anchor: null, describe: el, idBase: ensureId(el), heading }
  }

  /**
   * Words the page title as the catalogue's ui.page-title says while
   * errors show ("Error: {title}"), and takes it back after. A title that
   * already has the words (a page a server rendered with errors) keeps
   * them once.
   */
  setTitle (errors) {
    const [before, after] = aroundTitle(this.words['ui.page-title'])
    if (!before && !after) return
    const t = document.title
    const has = t.startsWith(before) && t.endsWith(after) && t.length >= before.length + after.length
    if (errors && !has) document.title = before + t + after
    if (!errors && has) document.title = t.slice(before.length, t.length - after.length)
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
    if (this.summaryLang === null) this.summary.root.removeAttribute('lang')
  }
}

/**
 * The page's words of the binding's language: the option, the form's
 * data-stemkn-lang, or the form's own language when stemkn has it, else
 * English. A language asked for by option or data attribute that stemkn
 * does not have is an error; one the page merely is in is not.
 */
export function wordsFor (form, config, pageWords) {
  const asked = config.lang || form.dataset.stemknLang
  if (asked) return pageWords({ lang: asked, messages: config.messages })
  const inherited = form.closest('[lang]')
  const lang = inherited ? inherited.getAttribute('lang') : ''
  if (lang) {
    try {
      return pageWords({ lang, messages: config.messages })
    } catch (err) {
      if (!(err instanceof Error) || !/no messages in/.test(err.message)) throw err
    }
  }
  return pageWords({ messages: config.messages })
}

/** The words a page-title template puts before and after the title. */
function aroundTitle (template) {
  const t = String(template || '')
  const i = t.indexOf('{title}')
  return i < 0 ? ['', ''] : [t.slice(0, i), t.slice(i + '{title}'.length)]
}

/** The inline messages of the problems: one per question, the first. */
function inlineMessages (problems) {
  const out = []
  const seen = new Set()
  // In the findings' order (problems are in page order; the index keeps it).
  for (const p of [...problems].sort((a, b) => a.order - b.order)) {
    if (!p.place || seen.has(p.place.question)) continue
    seen.add(p.place.question)
    out.push({ question: p.place.question, place: p.place, text: p.text, marks: p.marks })
  }
  return out
}

/** The element's ancestor (or itself) that is a child of container. */
function ancestorIn (el, container) {
  let a = el
  while (a && a.parentElement !== container) a = a.parentElement
  return a
}

/**
 * The form's live fields by name, and its group elements by pointer, made
 * once for each validation so that placing findings costs a lookup each.
 */
class FieldIndex {
  constructor (form) {
    this.form = form
    this.byName = new Map()
    for (const el of form.elements) {
      if (!isField(el) || excluded(el)) continue
      const list = this.byName.get(el.name)
      if (list) list.push(el)
      else this.byName.set(el.name, [el])
    }
    this.groups = null
    this.prefixes = null
  }

  field (name) {
    const list = this.byName.get(name)
    return list ? list[0] : null
  }

  named (name) {
    return this.byName.get(name) || []
  }

  group (pointer) {
    if (!this.groups) {
      this.groups = new Map()
      for (const el of this.form.querySelectorAll('[data-stemkn-for]')) {
        if (excluded(el)) continue
        for (const p of el.getAttribute('data-stemkn-for').split(/\s+/)) {
          if (p && !this.groups.has(p)) this.groups.set(p, el)
        }
      }
    }
    return this.groups.get(pointer) || null
  }

  /** The innermost fieldset holding every live field named under name ("funding[lines][3]"). */
  fieldsetHolding (name) {
    if (!this.prefixes) {
      this.prefixes = new Map()
      for (const [n, els] of this.byName) {
        for (let i = n.indexOf('['); i > 0; i = n.indexOf('[', i + 1)) {
          const prefix = n.slice(0, i)
          const entry = this.prefixes.get(prefix)
          if (entry) entry.push(...els)
          else this.prefixes.set(prefix, [...els])
        }
      }
    }
    const fields = this.prefixes.get(name)
    if (!fields || fields.length === 0) return null
    for (let fs = fields[0].closest('fieldset'); fs; fs = fs.parentElement && fs.parentElement.closest('fieldset')) {
      if (fields.every(f => fs.contains(f))) return fs
    }
    return null
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

/**
 * Whether the user cannot see or use an element: disabled (itself or by a
 * fieldset), inside [hidden] or [inert], or in a conditional reveal that
 * govuk-frontend has closed and hidden.
 */
export function excluded (el) {
  if (el.matches(':disabled')) return true
  if (el.closest('[hidden], [inert]')) return true
  const reveal = el.closest(CLOSED_REVEAL)
  return Boolean(reveal) && !rendered(reveal)
}

function rendered (el) {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0
}
