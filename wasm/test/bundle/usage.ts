// A TypeScript host's use of @stemkn/widget, checked with tsc --strict
// --noEmit against the packed package's types (bundlers.test.mjs).
import { load, loadDefaults, StemknError, type Kit, type Result, type FormAnswer, type WasmSource, type Finding } from '@stemkn/widget'

async function everyWay (bytes: Uint8Array, module: WebAssembly.Module): Promise<Kit[]> {
  const sources: WasmSource[] = [
    '/widget/stemkn.wasm',
    new URL('stemkn.wasm', 'https://example.org/widget/'),
    await fetch('/widget/stemkn.wasm'),
    fetch('/widget/stemkn.wasm'),
    bytes,
    bytes.buffer as ArrayBuffer,
    module
  ]
  return Promise.all(sources.map(wasm => load({ wasm, autoAttach: false })))
}

export async function host (form: HTMLFormElement, bytes: Uint8Array, module: WebAssembly.Module): Promise<string[]> {
  const kit: Kit = await load({ wasmURL: loadDefaults.wasmURL })
  const kits = await everyWay(bytes, module)
  const result: Result = kit.validate({ scheme: 'stem-kn-2011' }, { mode: 'draft', messages: { 'required@/network/name': 'Rhowch enw' } })
  const answer: FormAnswer = kit.validateForm([['network[name]', 'Calder Valley']])
  const errors: Finding[] = result.findings.filter(f => f.severity === 'error')
  const binding = kit.attach(form, { live: 'blur', lang: 'cy', messages: { 'ui.error-summary.title': 'Mae problem wedi codi' } })
  form.addEventListener('stemkn:validated', e => console.log(e.detail.result.valid, e.detail.trigger))
  document.addEventListener('stemkn:ready', e => e.detail.schemes())
  binding.detach()
  try {
    kit.loadScheme('{}')
  } catch (err) {
    if (err instanceof StemknError) console.log(err.name, err.message)
  }
  const size: number = kit.limits.bytes
  return [String(answer.document === null), String(size), String(kits.length), ...errors.map(f => f.code), ...kit.schemes().map(s => s.id)]
}
