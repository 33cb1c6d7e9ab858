// The eligibility panel: for an application that is not eligible, which of
// the scheme's rules it fails, why (the findings' messages) and where each
// rule comes from (the scheme's reference), so a host can say "not
// eligible, because…" rather than show red text alone. Text goes in with
// textContent only.

import { addClasses, uniqueId, markLanguage } from './error-message.js'

/**
 * Class names, overridable through the config. Its words are the
 * catalogue's ui.eligibility.* (heading, lead, and source, a template with
 * {reference}), which the form binding passes in the language of the form,
 * with lang, the language's tag. References quote the source documents,
 * which are English: a reference in a panel in another language is marked
 * lang="en".
 */
export const eligibilityPanelDefaults = Object.freeze({
  classes: Object.freeze({
    panel: 'stemkn-eligibility',
    heading: 'govuk-heading-m',
    body: 'govuk-body',
    list: 'govuk-list',
    rule: 'stemkn-eligibility__rule',
    ruleTitle: 'govuk-heading-s',
    reference: 'govuk-inset-text stemkn-eligibility__reference'
  }),
  heading: '',
  lead: '',
  source: '{reference}',
  lang: '',
  referenceLang: 'en'
})

/** An eligibility panel in a root element, hidden while there is nothing to show. */
export class EligibilityPanel {
  /**
   * @param {HTMLElement} root
   * @param {object} [config]
   */
  constructor (root, config = {}) {
    this.root = root
    this.config = { ...eligibilityPanelDefaults, ...config, classes: { ...eligibilityPanelDefaults.classes, ...config.classes } }
    this.key = null
    root.hidden = true
  }

  /**
   * Shows why a result is not eligible, or nothing when it is eligible or
   * cannot be judged yet.
   * @param {object | null} result a validation result
   */
  render (result) {
    const failed = result && result.eligible === false
      ? (result.rules || []).filter(r => r.outcome === 'failed' && !r.advice)
      : []
    const rules = failed.map(rule => ({
      rule,
      why: unique((result.findings || []).filter(f => f.rule === rule.rule && f.severity === 'error').map(f => f.message))
    }))
    const key = JSON.stringify(rules)
    if (key === this.key) return
    this.key = key
    const root = this.root
    root.replaceChildren()
    if (rules.length === 0) {
      root.hidden = true
      return
    }
    const c = this.config.classes
    const id = root.id || (root.id = uniqueId('stemkn-eligibility'))
    addClasses(root, c.panel)
    markLanguage(root, this.config.lang, root.parentElement)
    root.setAttribute('role', 'region')
    root.setAttribute('aria-labelledby', id + '-heading')
    root.hidden = false

    const heading = el('h2', c.heading, this.config.heading)
    heading.id = id + '-heading'
    const lead = el('p', c.body, this.config.lead)
    const list = el('ul', c.list)
    for (const { rule, why } of rules) {
      const item = el('li', c.rule)
      item.append(el('h3', c.ruleTitle, rule.title))
      for (const text of why) item.append(el('p', c.body, text))
      if (rule.reference) {
        const quote = el('blockquote', c.reference)
        quote.append(source(this.config, rule.reference))
        item.append(quote)
      }
      list.append(item)
    }
    root.append(heading, lead, list)
  }
}

/** "Source: “…”" from its template, the quotation marked with its language. */
function source (config, reference) {
  const p = el('p', '')
  const [before, after] = splitAround(config.source, '{reference}')
  const quote = el('span', '', reference)
  p.append(before, quote, after)
  markLanguage(quote, config.referenceLang, null)
  if (!config.lang || config.lang.split('-')[0] === config.referenceLang) quote.removeAttribute('lang')
  return p
}

function splitAround (template, placeholder) {
  const i = template.indexOf(placeholder)
  return i < 0 ? [template + ' ', ''] : [template.slice(0, i), template.slice(i + placeholder.length)]
}

function el (tag, className, text) {
  const e = document.createElement(tag)
  if (className) e.className = className
  if (text !== undefined) e.textContent = text
  return e
}

function unique (list) {
  return [...new Set(list)]
}
