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
//
// The kit needs no DOM: in Node (20 or later), a worker or a bundle,
// validate, validateForm, schemes, schema and loadScheme work as in a page,
// from a module given as a URL, a file URL, a Response, a promise of one,
// the bytes or a compiled WebAssembly.Module.

import { FormBinding, formBindingDefaults, wordsFor } from './form-binding.js'
import { goExports } from './go-exports.js'

/** The options of load(), with their defaults. */
export const loadDefaults = Object.freeze({
  // Where stemkn.wasm is when the wasm option does not say: beside this
  // module. (The "./" and the literal let Vite and webpack see the file
  // and ship it with a bundle.)
  wasmURL: new URL('./stemkn.wasm', import.meta.url),
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

const byURL = new Map() // resolved module URL → Promise<Kit>
const byObject = new WeakMap() // Module, Response, promise or bytes → Promise<Kit>
let sequence = 0

/**
 * Loads the validator and returns the kit. The module is options.wasm —
 * a URL (string or URL; a file: URL or a path in Node), a Response, a
 * promise of one, an ArrayBuffer or typed array (any ArrayBuffer view) of
 * its bytes, or a compiled WebAssembly.Module — else options.wasmURL, else
 * (for either left out, undefined or null) stemkn.wasm beside this module.
 * Loading the same URL or object again gives the same kit.
 * @param {{wasm?: unknown, wasmURL?: string | URL, autoAttach?: boolean}} [options]
 * @returns {Promise<Kit>}
 */
export async function load (options = {}) {
  let source, config
  try {
    config = { ...loadDefaults, ...(options && typeof options === 'object' ? options : {}) }
    source = moduleSource(config.wasm ?? config.wasmURL)
  } catch (err) {
    if (err instanceof StemknError) throw err
    throw new StemknError('stemkn: load needs a module it can read: ' + describe(err))
  }
  const cache = typeof source === 'string' ? byURL : byObject
  let kit = cache.get(source)
  if (!kit) {
    // The first load of a module attaches the page's marked forms (unless
    // told not to) and then tells the page the kit is ready.
    kit = start(source).then(k => {
      if (hasDocument()) {
        if (config.autoAttach) k.attachAll()
        document.dispatchEvent(new CustomEvent('stemkn:ready', { detail: k }))
      }
      return k
    })
    cache.set(source, kit)
    kit.catch(() => cache.delete(source))
  }
  const k = await kit
  if (config.autoAttach && hasDocument()) k.attachAll()
  return k
}

function hasDocument () {
  return typeof document !== 'undefined' && document !== null && typeof document.querySelectorAll === 'function'
}

/**
 * What load() reads the module from: a URL's href, or the object itself
 * (Module, Response, promise or bytes).
 */
function moduleSource (wasm) {
  if (wasm instanceof WebAssembly.Module || wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm) ||
      isResponse(wasm) || isThenable(wasm)) {
    return wasm
  }
  if (typeof wasm === 'string' || wasm instanceof URL) return new URL(String(wasm), baseURL()).href
  throw new StemknError('stemkn: load needs the module as a URL, a Response, a promise of a Response, ' +
    'an ArrayBuffer or typed array, or a WebAssembly.Module, not ' + (wasm === null ? 'null' : typeof wasm))
}

function isResponse (x) {
  return x !== null && typeof x === 'object' && typeof x.arrayBuffer === 'function' && typeof x.ok === 'boolean'
}

function isThenable (x) {
  return x !== null && (typeof x === 'object' || typeof x === 'function') && typeof x.then === 'function'
}

/**
 * Where a relative URL is taken from: the page's base URL; in a worker its
 * location; in Node the current directory, so a path works as a URL.
 */
function baseURL () {
  if (hasDocument() && document.baseURI) return document.baseURI
  if (globalThis.location && globalThis.location.href) return globalThis.location.href
  const process = globalThis.process
  if (process && process.versions && process.versions.node && typeof process.cwd === 'function') {
    const cwd = process.cwd()
    const url = nodeBuiltin('node:url')
    if (url) return url.pathToFileURL(cwd.endsWith('/') || cwd.endsWith('\\') ? cwd : cwd + '/').href
    let dir = cwd.replace(/\\/g, '/').replace(/[%#?]/g, encodeURIComponent)
    if (!dir.startsWith('/')) dir = '/' + dir
    return new URL('file://' + (dir.endsWith('/') ? dir : dir + '/')).href
  }
  return import.meta.url
}

/**
 * One of Node's built-in modules from process.getBuiltinModule (Node 20.16
 * and later), or undefined elsewhere. It is never imported by name, so no
 * bundler tries to pack it into a page.
 */
function nodeBuiltin (name) {
  const process = globalThis.process
  if (process && typeof process.getBuiltinModule === 'function') return process.getBuiltinModule(name)
  return undefined
}

/** Node's fs module in Node (any 20.x), undefined elsewhere. */
async function nodeFS () {
  const fs = nodeBuiltin('node:fs')
  if (fs) return fs
  const process = globalThis.process
  if (!process || !process.versions || !process.versions.node) return undefined
  const name = 'node:fs' // a variable, and the comments: bundlers leave this import alone
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name)
}

/** Compiles the module from wherever it is. */
async function compile (source) {
  if (source instanceof WebAssembly.Module) return source
  if (source instanceof ArrayBuffer) return WebAssembly.compile(source)
  if (ArrayBuffer.isView(source)) return WebAssembly.compile(new Uint8Array(source.buffer, source.byteOffset, source.byteLength))
  if (typeof source === 'string') return compileURL(source)
  const response = await source // a Response, or a promise of one
  if (!isResponse(response)) throw new StemknError('stemkn: load was given a promise of something that is not a Response')
  return compileResponse(response)
}

async function compileURL (href) {
  if (href.startsWith('file:')) {
    const fs = await nodeFS()
    if (fs) return WebAssembly.compile(await fs.promises.readFile(new URL(href)))
  }
  return compileResponse(await fetch(href))
}

async function compileResponse (response) {
  const what = response.url || 'the module'
  if (!response.ok) throw new StemknError(`stemkn: cannot load ${what}: HTTP ${response.status}`)
  const type = ((response.headers && typeof response.headers.get === 'function' && response.headers.get('content-type')) || '').split(';')[0].trim()
  if (type === 'text/html') {
    // What a server's fallback page looks like: the module is not where
    // the URL says (a bundler that did not ship it, say).
    throw new StemknError(`stemkn: cannot load ${what}: the server sent a web page, not stemkn.wasm`)
  }
  if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
    return WebAssembly.compileStreaming(response)
  }
  return WebAssembly.compile(await response.arrayBuffer())
}

async function start (source) {
  let module, runtime
  try {
    // The module's fetch and compilation start at once, while wasm_exec.js
    // loads: neither waits for the other.
    const compiling = compile(source)
    compiling.catch(() => {}) // awaited below; not unhandled if the import fails first
    await import('./wasm_exec.js') // a classic script: it defines globalThis.Go
    module = await compiling
    runtime = await Runtime.start(module)
  } catch (err) {
    if (err instanceof StemknError) throw err
    throw new StemknError('stemkn: cannot start the validator: ' + describe(err))
  }
  return new Kit(module, runtime)
}

/**
 * One running instance of the Go program: its functions, and whether it
 * has stopped. Go ends the program on a fatal error (out of memory, say);
 * a trap inside a call leaves it unusable. A call goes through the
 * module's WebAssembly exports (go-exports.js) when its arguments are
 * strings, else through the js.Func of the same name on surface, which
 * answers an argument that is not a string with an error.
 */
class Runtime {
  /** Starts an instance of the compiled module: at once when sync is true. */
  static start (module, sync = false) {
    const go = new globalThis.Go()
    // The Go program puts its functions on a global object named by its
    // argument and calls onready; the runtime then keeps the object
    // privately and takes it off the global scope.
    const name = `__stemkn${++sequence}_${Date.now().toString(36)}`
    const runtime = new Runtime(go)
    // onready brings the input limits, so that nothing calls into Go
    // before the page is told the kit is ready (a call through a js.Func
    // would also run whatever Go had scheduled meanwhile), and the names
    // of the functions in the order the exports number them.
    const ready = new Promise(resolve => {
      runtime.surface.onready = (limits, names) => {
        runtime.limits = JSON.parse(limits)
        runtime.exports = goExports(go, runtime.instance, names)
        runtime.ready = true
        resolve()
      }
    })
    globalThis[name] = runtime.surface
    go.argv = ['stemkn', name]
    let ended
    const run = instance => {
      runtime.instance = instance
      ended = go.run(instance).then(() => runtime.stop('the Go program ended'), err => runtime.stop(describe(err)))
      return runtime
    }
    const finish = async () => {
      try {
        // A program that ends before it is ready would leave ready waiting.
        await Promise.race([ready, ended.then(() => {
          throw new StemknError(`stemkn: the validator ended as it started (${runtime.reason})`)
        })])
        runtime.warmUpLater()
        return runtime
      } finally {
        delete globalThis[name]
      }
    }
    if (sync) {
      try {
        run(new WebAssembly.Instance(module, go.importObject))
        // main runs to its first wait inside go.run, and calls onready there.
        if (!runtime.ready || runtime.stopped) throw new StemknError('stemkn: the validator did not start')
        runtime.warmUpLater()
        return runtime
      } finally {
        delete globalThis[name]
      }
    }
    return WebAssembly.instantiate(module, go.importObject).then(run).then(finish, err => {
      delete globalThis[name]
      throw err
    })
  }

  constructor (go) {
    this.go = go
    this.surface = {}
    this.instance = null
    this.exports = null // the calls through the module's exports, once ready
    this.ready = false
    this.reason = '' // why it stopped, once it has
  }

  /**
   * Warms up the form decoder at the page's next turn, after whoever
   * waited for ready has run: Go's first pass over a form post costs more
   * than the later ones, and a form's first keystroke comes later than
   * that.
   */
  warmUpLater () {
    setTimeout(() => {
      if (!this.stopped) this.invoke('warmUp', [])
    }, 0)
  }

  /**
   * Calls the Go function fn with args and gives its answer, the text of
   * JSON: through the exports when they take the arguments, else through
   * the js.Func.
   */
  invoke (fn, args) {
    const answer = this.exports === null ? undefined : this.exports.call(fn, args)
    return answer === undefined ? this.surface[fn](...args) : answer
  }

  get stopped () {
    return this.reason !== '' || this.go.exited === true
  }

  stop (reason) {
    if (this.reason === '') this.reason = reason || 'it stopped'
    // Go's pending wake-ups (timers it set before it ended) would call into
    // the ended program, which throws outside any caller.
    const timeouts = this.go._scheduledTimeouts
    if (timeouts) {
      for (const id of timeouts.values()) clearTimeout(id)
      timeouts.clear()
    }
  }
}

/** What load() gives: the validator, and forms attached to it. */
export class Kit {
  constructor (module, runtime) {
    this.module = module
    this.runtime = runtime
    // The scheme files loaded, by id, in the order first loaded (a file
    // loaded again with the same id replaces its text in place), for a
    // fresh runtime: so kept once each, however often a page reloads one.
    this.schemeFiles = new Map()
    this.bindings = new WeakMap()
    this.schemeList = null
  }

  /** The validator's input limits: {bytes, depth, items, findings}. */
  get limits () {
    return { ...this.runtime.limits }
  }

  call (fn, ...args) {
    if (this.runtime.stopped) this.restart()
    const runtime = this.runtime
    let text
    try {
      text = runtime.invoke(fn, args)
    } catch (err) {
      // Only when the Go program has ended, or trapped: its functions then
      // throw, and it cannot be trusted again.
      runtime.stop(describe(err))
    }
    if (runtime.stopped) {
      throw new StemknError(`stemkn: the validator stopped (${runtime.reason || 'the Go program ended'}); the next call starts a fresh one`)
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
   * Starts a fresh instance of the module in place of one that stopped,
   * with the scheme files loaded so far, and says so in the console.
   */
  restart () {
    const reason = this.runtime.reason || 'the Go program ended'
    this.runtime.stop(reason)
    let runtime
    try {
      runtime = Runtime.start(this.module, true)
      for (const text of this.schemeFiles.values()) runtime.invoke('loadScheme', [text])
    } catch (err) {
      throw new StemknError(`stemkn: the validator stopped (${reason}) and cannot start again: ` + describe(err))
    }
    this.runtime = runtime
    this.schemeList = null
    console.warn(`stemkn: the validator had stopped (${reason}); started a fresh one`)
  }

  /**
   * Validates a document: a JSON string, or a value to write as JSON.
   * Returns the result (valid, eligible, findings, rules), or with
   * {output: 'basic'} the result in JSON Schema's basic output format
   * (valid, keywordLocation, instanceLocation, errors), its keyword
   * locations in the scheme's exported schema; throws StemknError for
   * options it cannot use or a value that cannot be written as JSON. A document longer than the byte limit is not handed
   * to Go: its answer is the too-large result Go gives such a document.
   */
  validate (doc, options) {
    const text = documentText(doc)
    const opts = optionsText(options, 'validate')
    if (text.length > this.runtime.limits.bytes) return this.call('refuse', 'validate', opts)
    return this.call('validate', text, opts)
  }

  /**
   * Decodes form entries ([name, value] pairs, as FormData gives them) with
   * the Go form decoder and validates the document. Returns {result,
   * document, fields, targets, budget}, and with {output: 'basic'} also
   * basic, the result in JSON Schema's basic output format. A form whose names and values are
   * together longer than the byte limit is not handed to Go: its answer is
   * the too-large one Go gives it.
   */
  validateForm (entries, options) {
    if (!Array.isArray(entries)) throw new StemknError('stemkn: validateForm needs a list of [name, value] pairs')
    const opts = optionsText(options, 'validateForm')
    // A JavaScript string's length (in UTF-16 units) is never more than its
    // UTF-8 bytes, so a form this measures as too large is too large in Go.
    let size = 0
    try {
      for (const e of entries) {
        if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || typeof e[1] !== 'string') throw new TypeError('not a pair of strings')
        size += e[0].length + e[1].length
      }
    } catch (err) {
      throw new StemknError('stemkn: validateForm needs a list of [name, value] pairs of strings: ' + describe(err))
    }
    if (size > this.runtime.limits.bytes) return this.call('refuse', 'validateForm', opts)
    return this.call('validateForm', JSON.stringify(entries), opts)
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
   * base schema of every document. Every property has a title and a
   * description for people, and vocabularies are labelled choices, in the
   * options' lang (English by default) with their messages overrides.
   * Throws StemknError for an unknown scheme or language.
   * @param {string} [id]
   * @param {{lang?: string, messages?: Object<string, string>}} [options]
   */
  schema (id, options) {
    if (id !== undefined && id !== null && typeof id !== 'string') throw new StemknError('stemkn: schema needs a scheme id')
    return this.call('schema', id || '', optionsText(options, 'schema'))
  }

  /**
   * Adds a scheme file (JSON text or a value), which may extend a built-in
   * scheme. Returns {id}; throws StemknError when the file is not a good
   * scheme, or is longer than the byte limit (it is then not handed to Go).
   */
  loadScheme (scheme) {
    const text = documentText(scheme)
    const answer = text.length > this.runtime.limits.bytes ? this.call('refuse', 'loadScheme', '') : this.call('loadScheme', text)
    this.schemeFiles.set(answer.id, text)
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
    if (typeof HTMLFormElement === 'undefined' || !(form instanceof HTMLFormElement)) throw new StemknError('stemkn: attach needs a <form> element')
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
    // The words first: a language or an override the catalogue refuses
    // throws here, and leaves a form already attached as it was.
    const page = wordsFor(form, config, opts => this.messages(opts))
    const old = this.bindings.get(form)
    if (old) old.detach()
    const binding = new FormBinding(form, (entries, opts) => this.validateForm(entries, opts), config, () => page)
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
  attachAll (root = hasDocument() ? document : null) {
    if (!root) return
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
    const { scheme, mode, lang, messages, output } = options
    checkOptionText(scheme, 'scheme')
    checkOptionText(mode, 'mode')
    checkOptionText(lang, 'lang')
    checkOptionText(output, 'output')
    checkMessages(messages)
    return JSON.stringify({ scheme, mode, lang, messages, output })
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
