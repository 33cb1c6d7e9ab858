// startwork is what one start costs the processor, counted rather than
// timed: it is run under valgrind (callgrind counts the instructions a
// process carries out, the same for the same binary and input whatever else
// the machine is doing), once per subject, by startwork.sh:
//
//	node wasm/bench/startwork.mjs base     Node starting and exiting
//	node wasm/bench/startwork.mjs widget   + the widget: load() from wasm/dist (compile, Go's start, warm-up)
//	node wasm/bench/startwork.mjs compile  + compiling stemkn.wasm alone (the part of widget's count before Go runs)
//	node wasm/bench/startwork.mjs ajv      + ajv 8 compiling the exported schema, as the ajv peer page does
//
// The widget's count less base against ajv's less base is the ratio of the
// start-up work, free of the noise of a shared machine (Chromium's cold
// start in timing.mjs is the figure users meet).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const dist = path.resolve(root, process.env.STEMKN_DIST || 'wasm/dist') // another build's release files, to compare
const subject = process.argv[2]
if (subject === 'widget') {
  const { load } = await import(path.join(dist, 'stemkn.js'))
  const kit = await load({ wasm: await readFile(path.join(dist, 'stemkn.wasm')) })
  if (!kit.validate(await readFile(path.join(root, 'stemkn/testdata/reference-12-members.json'), 'utf8')).valid) throw new Error('the reference document is not valid')
} else if (subject === 'compile') {
  await WebAssembly.compile(await readFile(path.join(dist, 'stemkn.wasm')))
} else if (subject === 'ajv') {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js')
  const { default: addFormats } = await import('ajv-formats')
  const schema = JSON.parse(await readFile(process.argv[3], 'utf8'))
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  addFormats(ajv)
  ajv.addKeyword('x-stemkn-rules')
  const check = ajv.compile(schema)
  if (!check(JSON.parse(await readFile(path.join(root, 'stemkn/testdata/reference-12-members.json'), 'utf8')))) throw new Error('ajv: the reference document is not valid')
} else if (subject !== 'base') {
  throw new Error('startwork: base, widget, compile or ajv SCHEMA')
}
process.exit(0)
