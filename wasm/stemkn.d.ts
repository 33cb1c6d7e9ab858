// Type declarations for @stemkn/widget: the stemkn WebAssembly form widget.
// The kit runs in browsers, workers and Node (20 or later); its types use
// the DOM's (Response, WebAssembly, HTMLFormElement), so they are
// referenced here for projects that do not include the DOM library.
/// <reference lib="dom" />

/**
 * Where load() reads the WebAssembly module from: a URL (resolved against
 * the page's base URL; in Node also a path, or a file: URL, read from
 * disk), a Response (compiled as it streams when served as
 * application/wasm), a promise of a Response, the module's bytes, or a
 * compiled WebAssembly.Module.
 */
export type WasmSource = string | URL | Response | PromiseLike<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module

/** Options of load(). */
export interface LoadOptions {
  /** The module; when left out (or null), wasmURL. */
  wasm?: WasmSource | null
  /** Where stemkn.wasm is when wasm is not given; by default beside stemkn.js (from import.meta.url). */
  wasmURL?: string | URL
  /** Attach every form[data-stemkn-scheme] once loaded, where there is a document (default true). */
  autoAttach?: boolean
}

/**
 * Loads the validator. Loading the same URL, or the same object, again
 * gives the same kit. Where there is a document, the first load attaches
 * the page's marked forms and then dispatches a `stemkn:ready` event on
 * document, with the kit as its detail. Rejects with a StemknError when
 * the module cannot be read or started.
 */
export function load (options?: LoadOptions): Promise<Kit>

/** The defaults of load(). */
export const loadDefaults: Readonly<{ wasmURL: URL, autoAttach: boolean }>

/** The defaults of attach(). */
export const formBindingDefaults: Readonly<AttachOptions>

/** Thrown by the kit for calls it cannot answer (bad arguments, a module it cannot load, a runtime that stopped). */
export class StemknError extends Error {
  name: 'StemknError'
}

/** "submit" (everything missing is an error) or "draft" (missing values are warnings). */
export type Mode = 'submit' | 'draft'

/** Options of validate() and validateForm(). */
export interface ValidateOptions {
  /** The scheme id; overrides the document's own scheme field. */
  scheme?: string
  mode?: Mode
  /**
   * The language of every word: a BCP 47 tag stemkn has a catalogue for
   * ("en", the default, or "cy" for Welsh; "cy-GB" is Welsh too).
   */
  lang?: string
  /**
   * Overrides of keys of the language's message catalogue (see the README's
   * Languages): finding templates `code`, `code.variant`, `code@/path/*`;
   * labels `label@/path/*`; rule titles `rule@kind`; the page's words
   * `ui.error-summary.title`, `ui.error-message.prefix`, `ui.page-title`,
   * `ui.budget.*`, `ui.eligibility.*`. An unknown key, or a placeholder the
   * message cannot fill, is an error (StemknError).
   */
  messages?: Record<string, string>
}

/** The page's words in a language, as kit.messages() gives them. */
export interface PageWords {
  /** The language's tag ("cy"). */
  lang: string
  /** The language's name in itself ("Cymraeg"). */
  name: string
  /** The catalogue's `ui.` keys and their texts. */
  words: Record<string, string>
}

export type Severity = 'error' | 'warning'

/** One thing the validator has to say about a document. */
export interface Finding {
  /** A stable code such as "required" or "budget.category-share". */
  code: string
  severity: Severity
  /** An RFC 6901 JSON Pointer into the document ("" for the whole document). */
  path: string
  /** The finding in plain English (or the host's wording). */
  message: string
  /** The values the message was built from. */
  params?: Record<string, string | number | string[]>
  /** The id of the scheme rule that made the finding. */
  rule?: string
  /**
   * JSON Pointers of the fields the finding is about, in document order, when
   * `path` is a group: the amounts of a category's lines for a share rule at
   * /funding/lines, the commitments not agreed at /plan/commitments. A form
   * shows the message by the field at `path`, else by the first of these (and
   * marks the others), else by the group (`data-stemkn-for`).
   */
  related?: string[]
  /**
   * Refines code for the wording: "missing" for a value a rule needs, a
   * format's name, the limit an input passed… The message key is
   * code.variant (see the README's Messages).
   */
  variant?: string
}

export type Outcome = 'passed' | 'failed' | 'not-judged' | 'not-applicable'

/** One scheme rule's outcome, with the source it comes from. */
export interface RuleResult {
  rule: string
  code: string
  title: string
  outcome: Outcome
  /** The source's words the rule comes from, quoted ("…" where shortened); empty for stemkn's own checks. */
  reference: string
  /** The document the reference is from, when it is not the scheme's own source (such as the Erasmus+ Programme Guide 2016). */
  source?: string
  /** An advice rule: failing it does not make a document ineligible. */
  advice?: boolean
}

/** The result of validating one document. */
export interface Result {
  scheme: string
  /** True when no finding is an error. */
  valid: boolean
  /** True or false when the rules could judge, absent when too incomplete. */
  eligible?: boolean
  findings: Finding[]
  rules?: RuleResult[]
}

/** The money asked for in one spend category. */
export interface CategorySpend {
  id: string
  title: string
  /** Minor units (pence, cents). */
  amount: number
  /** As people read it: "£1,200.50". */
  amountText: string
  /** Share of the total, rounded up: "20.01%". */
  share: string
  /** The largest share the scheme allows, in whole percent. */
  maxPercent?: number
  within: boolean
}

/** An application's budget against its scheme. Amounts in minor units, texts formatted. */
export interface BudgetSummary {
  currency: string
  total: number
  totalText: string
  cap?: number
  capText?: string
  /** Cap less total; negative when over. */
  remaining?: number
  /** Remaining without its sign (see over). */
  remainingText?: string
  over: boolean
  overflow?: boolean
  categories: CategorySpend[]
}

/**
 * JSON Schema's basic output format (draft 2020-12, as the official output
 * schema https://json-schema.org/draft/2020-12/output/schema defines it):
 * what validate() gives with {output: 'basic'}.
 */
export interface BasicOutput {
  valid: boolean
  /** Always "": the unit is the whole schema's verdict. */
  keywordLocation: ''
  /** Always "": the whole document. */
  instanceLocation: ''
  /** One unit per error finding, in the findings' order (warnings are not listed). */
  errors?: BasicError[]
}

/** One error finding as an output unit of the basic output format. */
export interface BasicError {
  valid: false
  /**
   * The keyword of the scheme's exported schema (kit.schema(id)) behind the
   * finding, along the validator's path through "$ref"
   * ("/properties/network/$ref/properties/name/maxLength"); a rule the
   * schema cannot say points at its entry ("/x-stemkn-rules/2"); what no
   * keyword says (malformed JSON, input past a limit, a repeated key or
   * institution id, an unknown institution) at "".
   */
  keywordLocation: string
  /** The same keyword as the schema's $id and a plain pointer; given when keywordLocation passes a "$ref". */
  absoluteKeywordLocation?: string
  /** The value the keyword judges: the finding's path, or for a missing or unknown field the object holding it. */
  instanceLocation: string
  /** The finding's message. */
  error: string
}

/** What validate() and validateForm() answer: the result (the default) or JSON Schema's basic output format. */
export type Output = 'result' | 'basic'

/** What validateForm() gives. */
export interface FormAnswer {
  result: Result
  /** The document the form decodes to; null when it is past the byte limit. */
  document: unknown
  /** JSON Pointer in the document → the form field name it came from. */
  fields: Record<string, string>
  /** Each finding's path → the form field (or group) its message goes by:
   * for a date input, the first part the finding marks wrong. */
  targets: Record<string, string>
  /** JSON Pointer of each date posted as a GOV.UK date input → the names of
   * its day, month and year fields. A finding there with `params.parts`
   * (["day"], ["month", …]) marks those parts; any other marks all three. */
  dateInputs?: Record<string, [string, string, string]>
  /** For application schemes. */
  budget?: BudgetSummary
}

export interface Theme { id: string, title: string }
export interface Category { id: string, title: string }

/** A funding scheme as data (stemkn's Scheme without its test cases). */
export interface Scheme {
  id: string
  title: string
  funders?: string[]
  kind: 'application' | 'offer'
  currency?: string
  reference?: string
  extends?: string
  themes?: Theme[]
  categories?: Category[]
  /** The parameters of the scheme's rules, each with its reference. */
  rules: Record<string, unknown>
}

/**
 * Class names of the components; govuk-frontend's by default. Their words
 * come from the message catalogue (`ui.` keys in messages).
 */
export interface ErrorMessageConfig {
  classes?: Partial<{
    formGroup: string
    formGroupError: string
    message: string
    visuallyHidden: string
    inputError: string
    selectError: string
    textareaError: string
    dateInput: string
  }>
}

export interface ErrorSummaryConfig {
  classes?: Partial<{ summary: string, title: string, body: string, list: string }>
}

export interface EligibilityPanelConfig {
  classes?: Partial<{ panel: string, heading: string, body: string, list: string, rule: string, ruleTitle: string, reference: string }>
}

export interface BudgetSummaryConfig {
  classes?: Partial<Record<'summary' | 'list' | 'row' | 'key' | 'value' | 'over' | 'table' | 'caption' | 'head' |
    'headRow' | 'header' | 'numericHeader' | 'body' | 'bodyRow' | 'cell' | 'numericCell' | 'status' | 'limit' | 'overTag', string>>
}

/** Options of attach(). */
export interface AttachOptions extends ValidateOptions {
  /**
   * When to show problems: "input" (default: nothing before the first
   * submit, then live as the user types), "blur" (also a field's message
   * when the user leaves a field they changed) or "submit" (only on submit).
   */
  live?: 'input' | 'blur' | 'submit'
  /** Where the error summary goes; default [data-stemkn-error-summary], else the page's .govuk-error-summary, else made at the top of the form. */
  summary?: HTMLElement
  /** Where the eligibility panel goes; default [data-stemkn-eligibility], else made after the summary. */
  eligibility?: HTMLElement
  /** Where the budget summary goes; default [data-stemkn-budget-summary] in the form (or naming its id). */
  budget?: HTMLElement
  errorMessage?: ErrorMessageConfig
  errorSummary?: ErrorSummaryConfig
  eligibilityPanel?: EligibilityPanelConfig
  budgetSummary?: BudgetSummaryConfig
}

/** A form attached to the validator. */
export interface FormBinding {
  readonly form: HTMLFormElement
  /** True once the user has submitted (or a server rendered errors). */
  readonly submitted: boolean
  /** The latest answer, or null. */
  readonly answer: FormAnswer | null
  /** Validates now and shows what the binding's state allows. */
  validate (): FormAnswer | null
  /** The form's entries as the browser would post them. */
  entries (): [string, string][]
  /** Stops validating and removes everything the binding showed. */
  detach (): void
}

/** The validator's input limits. Input past the byte limit is refused before it reaches Go. */
export interface Limits {
  /** The largest document, form (names and values together) or scheme file, in bytes of UTF-8. */
  bytes: number
  /** The deepest nesting of a document. */
  depth: number
  /** The most entries in any one list. */
  items: number
  /** The most findings reading a document may make before it stops. */
  findings: number
}

/**
 * The kit load() gives. validate, validateForm, schemes, schema and
 * loadScheme need no DOM. If the Go program stops (it ran out of memory,
 * say), the call that met it throws a StemknError, and the next call
 * starts a fresh instance of the module, with the scheme files loaded so
 * far, and says so with console.warn.
 */
export interface Kit {
  /** The input limits. */
  readonly limits: Limits
  /**
   * Validates a document (JSON text, or a value to write as JSON). Text
   * longer than the byte limit gets the too-large result without reaching Go.
   */
  validate (doc: unknown, options?: ValidateOptions & { output?: 'result' }): Result
  /** Validates a document and gives the result in JSON Schema's basic output format. */
  validate (doc: unknown, options: ValidateOptions & { output: 'basic' }): BasicOutput
  /**
   * Decodes form entries with the Go form decoder and validates them. A form
   * whose names and values are together longer than the byte limit gets the
   * too-large result (and a null document) without reaching Go.
   */
  validateForm (entries: [string, string][], options?: ValidateOptions & { output?: 'result' }): FormAnswer
  /** validateForm with the result also in JSON Schema's basic output format, for the decoded document. */
  validateForm (entries: [string, string][], options: ValidateOptions & { output: 'basic' }): FormAnswer & { basic: BasicOutput }
  /** The catalogue's schemes. */
  schemes (): Scheme[]
  /**
   * The words of the page around a form (error summary, "Error:" prefix,
   * page title, budget summary, eligibility panel) in a language, from the
   * Go message catalogue, with the options' overrides.
   */
  messages (options?: Pick<ValidateOptions, 'lang' | 'messages'>): PageWords
  /**
   * The JSON Schema (draft 2020-12) of a scheme's documents, with the rules
   * a schema cannot express under "x-stemkn-rules"; without an id, the base
   * schema of every document. Every property has a title and a description
   * for the person filling a form, and every vocabulary is a list of
   * labelled choices (oneOf of const and title), in the options' language
   * (English by default; "cy" for Welsh) with their message overrides
   * (`title@/path/*`, `description@/path/*`, `word.SET@ID`).
   */
  schema (id?: string, options?: Pick<ValidateOptions, 'lang' | 'messages'>): Record<string, unknown>
  /** Adds a scheme file (JSON text or value), which may extend a built-in scheme. */
  loadScheme (scheme: string | object): { id: string }
  /** Binds a form; attaching it again replaces its binding. */
  attach (form: HTMLFormElement, options?: AttachOptions): FormBinding
  /** The form's binding, or null. */
  binding (form: HTMLFormElement): FormBinding | null
  /** Unbinds a form. */
  detach (form: HTMLFormElement): void
  /** Attaches every form[data-stemkn-scheme] not yet attached. */
  attachAll (root?: ParentNode): void
}

/** Detail of the `stemkn:validated` event, fired on the form after every validation. */
export interface ValidatedDetail {
  result: Result
  document: unknown
  budget: BudgetSummary | null
  /** What caused it: "attach", "adopt", "submit", "input", "change", "validate". */
  trigger: string
  /** Whether problems are being shown (the form has been submitted). */
  shown: boolean
}

declare global {
  interface DocumentEventMap {
    'stemkn:ready': CustomEvent<Kit>
  }
  interface HTMLElementEventMap {
    'stemkn:validated': CustomEvent<ValidatedDetail>
    'stemkn:error': CustomEvent<{ error: unknown }>
  }
}
