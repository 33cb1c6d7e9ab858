// Builds the form-builder page (fixtures/form-builder): react-jsonschema-form
// drawing forms from stemkn's exported JSON Schemas, with its ajv8
// validator precompiled for each schema, bundled by esbuild into one folder
// that startStatic serves under the strict CSP.

import { mkdtemp, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators'
import { makeAllReferencesAbsolute } from '@rjsf/utils/lib/findSchemaDefinition.js'
import Ajv2020 from 'ajv/dist/2020.js'
import { root } from './helpers.mjs'

const page = path.join(root, 'wasm/test/fixtures/form-builder')

/**
 * The validator options of the forms: draft 2020-12 (stemkn's schemas use
 * $defs, if/else and 2020-12 semantics), ajv-formats' full formats (a real
 * date, as stemkn checks it), and the schema's annotation keyword declared.
 */
export const validatorOptions = Object.freeze({
  AjvClass: Ajv2020,
  ajvOptionsOverrides: { keywords: ['x-stemkn-rules'] }
})

/**
 * Builds the page for forms: {key: {schema, lang}}. Resolves to the folder
 * to serve; the page draws the form #key.
 */
export async function buildFormBuilder (forms) {
  const esbuild = await import('esbuild')
  const work = await mkdtemp(path.join(tmpdir(), 'stemkn-form-builder-'))
  const lines = []
  const entries = []
  let i = 0
  for (const [key, form] of Object.entries(forms)) {
    // rjsf reads a 2020-12 schema with its $refs made absolute against its
    // $id, and a precompiled validator refuses any schema but the one it
    // was compiled from: so the form, its validator and the tests' verdicts
    // all use that same reading of the exported schema (the same schema,
    // each "#/$defs/X" written "<$id>#/$defs/X").
    const schema = makeAllReferencesAbsolute(form.schema, form.schema.$id ?? '#')
    const lang = form.lang
    await writeFile(path.join(work, `schema-${i}.json`), JSON.stringify(schema))
    await writeFile(path.join(work, `validators-${i}.cjs`), compileSchemaValidatorsCode(schema, validatorOptions))
    lines.push(`import schema${i} from './schema-${i}.json'`, `import * as validateFns${i} from './validators-${i}.cjs'`)
    entries.push(`  ${JSON.stringify(key)}: { schema: schema${i}, validateFns: validateFns${i}, lang: ${JSON.stringify(lang)} }`)
    i++
  }
  await writeFile(path.join(work, 'forms.js'), lines.join('\n') + '\n\nexport default {\n' + entries.join(',\n') + '\n}\n')
  await copyFile(path.join(page, 'main.js'), path.join(work, 'main.js'))
  const out = path.join(work, 'dist')
  await esbuild.build({
    absWorkingDir: work,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    outfile: path.join(out, 'form-builder.js'),
    nodePaths: [path.join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'error'
  })
  await copyFile(path.join(page, 'index.html'), path.join(out, 'index.html'))
  await copyFile(path.join(page, 'form-builder.css'), path.join(out, 'form-builder.css'))
  return out
}
