// stemkn: the WebAssembly form widget. load() starts the Go validator (the
// same rules as the stemkn Go library) and gives a kit to validate documents
// and attach forms; forms marked <form data-stemkn-scheme="…"> are attached
// automatically, after which the document receives a stemkn:ready event.
//
// Everything runs in the page: the module fetches its own files
// (wasm_exec.js and stemkn.wasm, beside it) and nothing else, injects no
// inline script or style, and writes text only through textContent, so it
// works under Content-Security-Policy: default-src 'self';
// script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.

import { FormBinding, formBindingDefaults } from './form-binding.js'

/** The options of load(), with their defaults. */
export const loadDefaults = Object.freeze({
  // Where stemkn.wasm is: beside this module unless told.
  wasmURL: new URL('stemkn.wasm', import.meta.url),
  // Attach every form[data-stemkn-scheme] in the document once loaded.
  autoAttach: true
})

export { formBindingDefaults }

/** The error the kit throws for calls it cannot answer. */
export class StemknError extends Error {
  constructor (message) {
    super(message)
    this.name = 'StemknError'
  }
}

const started = new Map() // resolved wasm URL → Promise<Kit>
let sequence = 0

/**
 * Loads the validator and returns the kit. Loading the same wasmURL again
 * gives the same kit.
 * @param {{wasmURL?: string | URL, autoAttach?: boolean}} [options]
 * @returns {Promise<Kit>}
 */
export async function load (options = {}) {
  let url, config
  try {
    config = { ...loadDefaults, ...(options && typeof options === 'object' ? options : {}) }
    url = new URL(String(config.wasmURL), document.baseURI).href
  } catch (err) {
    throw new StemknError('stemkn: load needs a wasmURL that is a URL: ' + describe(err))
  }
  let kit = started.get(url)
  if (!kit) {
    // The first load of a module attaches the page's marked forms (unless
    // told not to) and then tells the page the kit is ready.
    kit = start(url).then(k => {
      if (config.autoAttach) k.attachAll()
      document.dispatchEvent(new CustomEvent('stemkn:ready', { detail: k }))
      return k
    })
    started.set(url, kit)
    kit.catch(() => started.delete(url))
  }
  const k = await kit
  if (config.autoAttach) k.attachAll()
  return k
}

async function start (url) {
  await import('./wasm_exec.js') // a classic script: it defines globalThis.Go
  const go = new globalThis.Go()
  // The Go program puts its functions on a global object named by its
  // argument and calls onready; the kit then keeps the object privately and
  // takes it off the global scope.
  const name = `__stemkn${++sequence}_${Date.now().toString(36)}`
  const surface = {}
  const ready = new Promise(resolve => { surface.onready = resolve })
  globalThis[name] = surface
  go.argv = ['stemkn', name]
  try {
    const response = await fetch(url)
    if (!response.ok) throw new StemknError(`stemkn: cannot load ${url}: HTTP ${response.status}`)
    const streaming = (response.headers.get('content-type') || '').startsWith('application/wasm') && WebAssembly.instantiateStreaming
    const { instance } = streaming
      ? await WebAssembly.instantiateStreaming(response, go.importObject)
      : await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject)
    const kit = new Kit(surface)
    go.run(instance).then(() => { kit.stopped = true })
    await ready
    return kit
  } finally {
    delete globalThis[name]
  }
}

/** What load() gives: the validator, and forms attached to it. */
export class Kit {
  constructor (surface) {
    this.surface = surface
    this.stopped = false
    this.bindings = new WeakMap()
    this.schemeList = null
  }

  call (fn, ...args) {
    if (this.stopped) throw new StemknError('stemkn: the validator has stopped; reload the page')
    let text
    try {
      text = this.surface[fn](...args)
    } catch (err) {
      // Only when the Go program has ended: its functions then throw.
      this.stopped = true
      throw new StemknError('stemkn: the validator has stopped: ' + describe(err))
    }
    let answer
    try {
      answer = JSON.parse(text)
    } catch {
      throw new StemknError('stemkn: the validator gave an answer that is not JSON')
    }
    if (answer && typeof answer === 'object' && !Array.isArray(answer) && typeof answer.error === 'string') {
      throw new StemknError(answer.error)
    }
    return answer
  }

  /**
   * Validates a document: a JSON string, or a value to write as JSON.
   * Returns the result of SPEC §6; throws StemknError for options it cannot
   * use or a value that cannot be written as JSON.
   */
  validate (doc, options) {
    return this.call('validate', documentText(doc), optionsText(options, 'validate'))
  }

  /**
   * Decodes form entries ([name, value] pairs, as FormData gives them) with
   * the Go form decoder and validates the document. Returns {result,
   * document, fields, targets, budget}.
   */
  validateForm (entries, options) {
    if (!Array.isArray(entries)) throw new StemknError('stemkn: validateForm needs a list of [name, value] pairs')
    let text
    try {
      text = JSON.stringify(entries.map(e => {
        if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || typeof e[1] !== 'string') throw new TypeError('not a pair of strings')
        return e
      }))
    } catch (err) {
      throw new StemknError('stemkn: validateForm needs a list of [name, value] pairs of strings: ' + describe(err))
    }
    return this.call('validateForm', text, optionsText(options, 'validateForm'))
  }

  /**
   * The words of the page around a form in a language — the error
   * summary's title, the "Error:" prefix, the page title, the budget
   * summary and the eligibility panel — from the Go message catalogue,
   * with the options' overrides: {lang, name, words}, words keyed as the
   * catalogue's "ui." keys. Throws StemknError for a language stemkn does
   * not have or an override it cannot use.
   * @param {{lang?: string, messages?: Object<string, string>}} [options]
   */
  messages (options) {
    return this.call('messages', optionsText(options, 'messages'))
  }

  /** The schemes: id, title, kind, currency, themes, categories and rules. */
  schemes () {
    if (!this.schemeList) this.schemeList = this.call('schemes')
    return structuredClone(this.schemeList)
  }

  /**
   * The JSON Schema (draft 2020-12) of a scheme's documents, with the rules
   * a schema cannot express listed under x-stemkn-rules; with no id, the
   * base schema of every document. Throws StemknError for an unknown scheme.
   */
  schema (id) {
    if (id !== undefined && typeof id !== 'string') throw new StemknError('stemkn: schema needs a scheme id')
    return this.call('schema', id || '')
  }

  /**
   * Adds a scheme file (JSON text or a value), which may extend a built-in
   * scheme. Returns {id}; throws StemknError when the file is not a good scheme.
   */
  loadScheme (scheme) {
    const answer = this.call('loadScheme', documentText(scheme))
    this.schemeList = null
    return answer
  }

  /**
   * Binds a form: validates it on submit, shows errors the GOV.UK way and
   * keeps them live. Attaching a form again replaces its binding.
   * @param {HTMLFormElement} form
   * @param {object} [options] see formBindingDefaults
   * @returns {FormBinding}
   */
  attach (form, options = {}) {
    if (!(form instanceof HTMLFormElement)) throw new StemknError('stemkn: attach needs a <form> element')
    if (options === null || typeof options !== 'object') throw new StemknError('stemkn: attach options must be an object')
    let config
    try {
      config = { ...options }
      checkOptionText(config.scheme, 'scheme')
      checkOptionText(config.mode, 'mode')
      checkOptionText(config.lang, 'lang')
      checkMessages(config.messages)
      checkNoWords(config)
    } catch (err) {
      if (err instanceof StemknError) throw err
      throw new StemknError('stemkn: attach options cannot be read: ' + describe(err))
    }
    const old = this.bindings.get(form)
    if (old) old.detach()
    const binding = new FormBinding(form, (entries, opts) => this.validateForm(entries, opts), config, opts => this.messages(opts))
    this.bindings.set(form, binding)
    return binding
  }

  /** The binding of a form, if attached. */
  binding (form) {
    return this.bindings.get(form) || null
  }

  /** Stops validating a form and removes what the binding showed. */
  detach (form) {
    const b = this.bindings.get(form)
    if (b) {
      b.detach()
      this.bindings.delete(form)
    }
  }

  /**
   * Attaches every form[data-stemkn-scheme] not yet attached, with options
   * from its data attributes: data-stemkn-live, data-stemkn-mode,
   * data-stemkn-lang and data-stemkn-messages (JSON).
   */
  attachAll (root = document) {
    for (const form of root.querySelectorAll('form[data-stemkn-scheme]')) {
      if (this.bindings.has(form)) continue
      const options = {}
      if (form.dataset.stemknLive) options.live = form.dataset.stemknLive
      if (form.dataset.stemknMode) options.mode = form.dataset.stemknMode
      if (form.dataset.stemknLang) options.lang = form.dataset.stemknLang
      if (form.dataset.stemknMessages) {
        try {
          options.messages = JSON.parse(form.dataset.stemknMessages)
        } catch {
          form.dispatchEvent(new CustomEvent('stemkn:error', { detail: { error: new StemknError('stemkn: data-stemkn-messages is not JSON') } }))
          continue
        }
      }
      try {
        this.attach(form, options)
      } catch (err) {
        form.dispatchEvent(new CustomEvent('stemkn:error', { detail: { error: err } }))
      }
    }
  }
}

function documentText (doc) {
  if (typeof doc === 'string') return doc
  if (doc === undefined) return ''
  let text
  try {
    text = JSON.stringify(doc)
  } catch (err) {
    throw new StemknError('stemkn: the document cannot be written as JSON: ' + describe(err))
  }
  return text === undefined ? '' : text
}

function optionsText (options, method) {
  if (options === undefined || options === null) return ''
  if (typeof options !== 'object' || Array.isArray(options)) throw new StemknError(`stemkn: ${method} options must be an object`)
  try {
    const { scheme, mode, lang, messages } = options
    checkOptionText(scheme, 'scheme')
    checkOptionText(mode, 'mode')
    checkOptionText(lang, 'lang')
    checkMessages(messages)
    return JSON.stringify({ scheme, mode, lang, messages })
  } catch (err) {
    if (err instanceof StemknError) throw err
    throw new StemknError(`stemkn: ${method} options cannot be read: ` + describe(err))
  }
}

function checkOptionText (value, name) {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new StemknError(`stemkn: the ${name} option must be a string`)
  }
}

// The words the components once took as options: every word is now a key
// of the message catalogue, overridden through messages.
const MOVED_WORDS = Object.freeze([
  ['titlePrefix', null, 'ui.page-title'],
  ['errorSummary', 'title', 'ui.error-summary.title'],
  ['errorMessage', 'prefix', 'ui.error-message.prefix'],
  ['eligibilityPanel', 'heading', 'ui.eligibility.heading'],
  ['eligibilityPanel', 'lead', 'ui.eligibility.lead'],
  ['eligibilityPanel', 'source', 'ui.eligibility.source'],
  ['budgetSummary', 'words', 'ui.budget.*']
])

function checkNoWords (config) {
  for (const [option, field, key] of MOVED_WORDS) {
    const given = field === null ? config[option] : config[option] && config[option][field]
    if (given !== undefined) {
      throw new StemknError(`stemkn: ${field === null ? option : option + '.' + field} is a word of the message catalogue now: give it as messages: {"${key}": …}`)
    }
  }
}

function checkMessages (messages) {
  if (messages === undefined || messages === null) return
  if (typeof messages !== 'object' || Array.isArray(messages) ||
      Object.values(messages).some(v => typeof v !== 'string')) {
    throw new StemknError('stemkn: the messages option must map template keys to strings')
  }
}

/** Says what went wrong without trusting the thrown value. */
function describe (err) {
  try {
    return err instanceof Error ? String(err.message) : typeof err
  } catch {
    return 'an error'
  }
}

// Auto-start: a page with a form[data-stemkn-scheme] only needs the script.
// data-stemkn-wasm on the first such form overrides where stemkn.wasm is.
if (typeof document !== 'undefined') {
  const auto = () => {
    const form = document.querySelector('form[data-stemkn-scheme]')
    if (!form) return
    const options = form.dataset.stemknWasm ? { wasmURL: new URL(form.dataset.stemknWasm, document.baseURI) } : {}
    load(options).catch(err => document.dispatchEvent(new CustomEvent('stemkn:error', { detail: { error: err } })))
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', auto, { once: true })
  else auto()
}
