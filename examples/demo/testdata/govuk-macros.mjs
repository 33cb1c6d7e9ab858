// govuk-macros renders GOV.UK Frontend components with govuk-frontend's own
// Nunjucks macros, from the installed npm package (node_modules/govuk-frontend):
//
//   node examples/demo/testdata/govuk-macros.mjs calls.json rendered.json
//
// calls.json is a list of {"macro": "govukInput", "params": {…}}; rendered.json
// gets the HTML each call renders, in order. The demo's markup test
// (examples/demo/govuk_test.go) compares it with the demo's own rendering of
// the same options.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dist = path.join(root, 'node_modules/govuk-frontend/dist')
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dist), { autoescape: true })

const [callsPath, outPath] = process.argv.slice(2)
const calls = JSON.parse(readFileSync(callsPath, 'utf8'))
const out = calls.map(({ macro, params }) => {
  const dir = macro.replace(/^govuk/, '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())
  return env.renderString(`{% from "govuk/components/${dir}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`, { params })
})
writeFileSync(outPath, JSON.stringify(out))
