// The live budget summary: the total asked for, the scheme's cap, what
// remains, and each spend category's share with its limit. The figures are
// worked out in Go (exact money in minor units, formatted like "£1,200.50")
// and arrive with every validation, so the summary follows every keystroke,
// before the first submit too. Text goes in with textContent only.

import { addClasses, markLanguage } from './error-message.js'

/** Class names, overridable through the config, and the words. */
export const budgetSummaryDefaults = Object.freeze({
  classes: Object.freeze({
    summary: 'stemkn-budget',
    list: 'govuk-summary-list',
    row: 'govuk-summary-list__row',
    key: 'govuk-summary-list__key',
    value: 'govuk-summary-list__value',
    over: 'stemkn-budget--over',
    table: 'govuk-table govuk-table--small-text-until-tablet',
    caption: 'govuk-table__caption govuk-table__caption--s',
    head: 'govuk-table__head',
    headRow: 'govuk-table__row',
    header: 'govuk-table__header',
    numericHeader: 'govuk-table__header govuk-table__header--numeric',
    body: 'govuk-table__body',
    bodyRow: 'govuk-table__row',
    cell: 'govuk-table__cell',
    numericCell: 'govuk-table__cell govuk-table__cell--numeric',
    status: 'govuk-body stemkn-budget__status',
    limit: 'stemkn-budget__limit',
    overTag: 'govuk-tag govuk-tag--red stemkn-budget__over-tag'
  }),
  // The words, from the catalogue's ui.budget.* keys, which the form
  // binding passes in the language of the form (see budgetWords).
  words: Object.freeze({}),
  lang: ''
})

/** The budget summary's words by name, from the catalogue's page words. */
export function budgetWords (words) {
  const out = {}
  for (const [name, key] of Object.entries(BUDGET_KEYS)) out[name] = words['ui.budget.' + key] || ''
  return out
}

const BUDGET_KEYS = Object.freeze({
  total: 'total',
  cap: 'cap',
  remaining: 'remaining',
  overBy: 'over-by',
  caption: 'caption',
  category: 'category',
  amount: 'amount',
  share: 'share',
  over: 'over',
  atMost: 'at-most',
  statusRemaining: 'status-remaining',
  statusOver: 'status-over',
  statusNoCap: 'status-no-cap'
})

/** A budget summary drawn into a root element. */
export class BudgetSummary {
  /**
   * @param {HTMLElement} root
   * @param {object} [config]
   */
  constructor (root, config = {}) {
    this.root = root
    this.config = {
      ...budgetSummaryDefaults,
      ...config,
      classes: { ...budgetSummaryDefaults.classes, ...config.classes },
      words: { ...budgetSummaryDefaults.words, ...config.words }
    }
    this.key = null
    // The figures are redrawn as they change; the status sentence is one
    // lasting live region, so screen readers announce its changes.
    this.figures = document.createElement('div')
    this.status = el('p', this.config.classes.status)
    this.status.setAttribute('aria-live', 'polite')
    root.replaceChildren(this.figures, this.status)
  }

  /**
   * Shows a budget summary (the budget of a validateForm answer), or
   * nothing for a scheme without one.
   * @param {object | null | undefined} budget
   */
  render (budget) {
    const key = budget ? JSON.stringify(budget) : ''
    if (key === this.key) return
    this.key = key
    const root = this.root
    this.figures.replaceChildren()
    root.hidden = !budget
    if (!budget) {
      this.status.textContent = ''
      return
    }
    const c = this.config.classes
    const w = this.config.words
    addClasses(root, c.summary)
    markLanguage(root, this.config.lang, root.parentElement)
    root.classList.toggle(classOf(c.over), Boolean(budget.over))

    const list = el('dl', c.list)
    const row = (label, value, extra) => {
      const r = el('div', c.row)
      r.append(el('dt', c.key, label), el('dd', c.value, value))
      if (extra) r.setAttribute('data-stemkn-budget', extra)
      list.append(r)
    }
    row(w.total, budget.totalText, 'total')
    if (budget.capText) {
      row(w.cap, budget.capText, 'cap')
      row(budget.over ? w.overBy : w.remaining, budget.remainingText, 'remaining')
    }

    const table = el('table', c.table)
    table.append(el('caption', c.caption, w.caption))
    const head = el('thead', c.head)
    const headRow = el('tr', c.headRow)
    headRow.append(th(w.category, c.header), th(w.amount, c.numericHeader), th(w.share, c.numericHeader))
    head.append(headRow)
    const body = el('tbody', c.body)
    for (const cat of budget.categories || []) {
      const tr = el('tr', c.bodyRow)
      tr.setAttribute('data-stemkn-category', cat.id)
      const name = el('th', c.header, cat.title)
      name.setAttribute('scope', 'row')
      // Three columns fit a 320px screen: a category's limit, when it has
      // one, goes under its share, with a tag when the share is over it.
      const share = el('td', c.numericCell, cat.share)
      if (cat.maxPercent !== undefined && cat.maxPercent !== null) {
        share.append(el('span', c.limit, fill(w.atMost, { percent: String(cat.maxPercent) })))
      }
      if (!cat.within) {
        share.classList.add(classOf(c.over))
        share.append(el('strong', c.overTag, w.over))
      }
      tr.append(name, el('td', c.numericCell, cat.amountText), share)
      body.append(tr)
    }
    table.append(head, body)

    this.status.textContent = budget.capText
      ? fill(budget.over ? w.statusOver : w.statusRemaining, { amount: budget.remainingText })
      : fill(w.statusNoCap, { amount: budget.totalText })

    this.figures.append(list, table)
  }
}

function el (tag, className, text) {
  const e = document.createElement(tag)
  if (className) e.className = className
  if (text !== undefined) e.textContent = text
  return e
}

function th (text, className) {
  const e = el('th', className, text)
  e.setAttribute('scope', 'col')
  return e
}

function classOf (list) {
  return String(list).trim().split(/\s+/)[0]
}

function fill (template, values) {
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m))
}
