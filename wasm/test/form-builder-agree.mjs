// The verdicts of the form builder's validator (react-jsonschema-form's
// @rjsf/validator-ajv8, precompiled, in the page Chromium draws under the
// strict CSP) on documents, for the Go test
// TestFormBuilderAgreesWithTheValidator. Reads on standard input
// {"forms": {"<scheme id>": <exported schema>}, "documents": [{"form": id,
// "doc": "<JSON text>"}, …]} and prints {"verdicts": [true | false, …]}, one
// per document: whether the form's validator finds it valid. Text that is
// not JSON is not valid.

import { buildFormBuilder } from './form-builder.mjs'
import { startStatic, launch, openPage } from './helpers.mjs'

let text = ''
process.stdin.setEncoding('utf8')
for await (const chunk of process.stdin) text += chunk
const input = JSON.parse(text)

const forms = Object.fromEntries(Object.entries(input.forms).map(([id, schema]) => [id, { schema, lang: 'en' }]))
const server = await startStatic(await buildFormBuilder(forms))
const browser = await launch()
try {
  const p = await openPage(browser.context, server.url)
  await p.page.goto(server.url + '/')
  await p.page.waitForSelector('form')
  const verdicts = []
  const chunk = 500
  for (let i = 0; i < input.documents.length; i += chunk) {
    verdicts.push(...await p.page.evaluate(docs => docs.map(({ form, doc }) => {
      let value
      try { value = JSON.parse(doc) } catch { return false }
      return window.formBuilder.isValid(form, value)
    }), input.documents.slice(i, i + chunk)))
  }
  await p.check()
  process.stdout.write(JSON.stringify({ verdicts }))
} finally {
  await browser.close()
  await server.stop()
}
