// peer serves the two pages that timing.mjs starts side by side, so that the
// widget's cold start reads as a ratio to a peer's from the same run:
//
//   /widget.html  a plain page with one form marked data-stemkn-scheme and
//                 the widget's module (wasm/dist): it is ready when the
//                 widget's stemkn:ready event comes.
//   /widget-preload.html  the same, with the preload hints of preloadHints
//                 in its head.
//   /ajv.html     the same page with ajv 8 instead: draft 2020-12, strict,
//                 allErrors, ajv-formats, as the ajv peers of `make bench`
//                 set it up, bundled with esbuild (minified, the exported
//                 stem-kn-2011 schema inside the bundle) and compiling that
//                 schema at start-up; it then sends the same stemkn:ready
//                 event, whose detail has validate(text) (JSON.parse and
//                 the compiled validator, structure only).
//
// Both pages come from one server with the same treatment: brotli (quality
// 11, as the widget's release files are) when the browser accepts it, and
// the COOP/COEP headers that make a page cross-origin isolated (5 µs
// timers), so the first calls after ready can be timed on both.
import http from 'node:http'
import { readFile, readdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { brotliCompressSync, constants } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json'
}

const page = (title, script, hints = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${hints}
<script type="module" src="${script}"></script>
</head>
<body>
<form id="application" method="post" action="/" data-stemkn-scheme="stem-kn-2011" novalidate>
<label for="network-name">Network name</label>
<input id="network-name" name="network[name]" type="text">
<button type="submit">Submit</button>
</form>
</body>
</html>
`

/**
 * The hints a host page can copy into its head (the repository README,
 * "Serving the widget") so that the browser fetches the widget's files
 * while it parses the page, not once the module has run: the module and Go's
 * wasm_exec.js (which the module imports with import()) as module preloads,
 * and stemkn.wasm as a fetch preload (crossorigin, so that the widget's
 * fetch() may use it).
 */
export function preloadHints (base) {
  const modules = ['stemkn.js', 'wasm_exec.js']
  return '\n' + modules.map(m => `<link rel="modulepreload" href="${base}${m}">`).join('\n') +
    `\n<link rel="preload" href="${base}stemkn.wasm" as="fetch" type="application/wasm" crossorigin>`
}

// The ajv page's script: the validator compiled at start-up, then the
// event the harness waits for.
const ajvEntry = schemaPath => `
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import schema from ${JSON.stringify(schemaPath)}
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
ajv.addKeyword('x-stemkn-rules')
const check = ajv.compile(schema)
const kit = {
  validate (text) {
    const valid = check(JSON.parse(text))
    return { valid, findings: valid ? [] : check.errors }
  }
}
const ready = () => document.dispatchEvent(new CustomEvent('stemkn:ready', { detail: kit }))
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true })
else ready()
`

/**
 * Bundles the ajv page's script with esbuild and starts the server. root is
 * the repository; dist the widget's release files; schema the exported
 * schema file. Gives the server's URL, the bundle's size (raw and brotli)
 * and a stop function.
 */
export async function startPeerPages ({ root, dist, schema }) {
  const esbuild = await import('esbuild')
  const work = await mkdtemp(path.join(os.tmpdir(), 'stemkn-peer-'))
  const entry = path.join(work, 'ajv-entry.mjs')
  await writeFile(entry, ajvEntry(schema))
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    absWorkingDir: root,
    nodePaths: [path.join(root, 'node_modules')],
    logLevel: 'silent'
  })
  const ajvBundle = Buffer.from(result.outputFiles[0].contents)
  const files = new Map([
    ['/widget.html', Buffer.from(page('stemkn widget', '/dist/stemkn.js'))],
    ['/widget-preload.html', Buffer.from(page('stemkn widget', '/dist/stemkn.js', preloadHints('/dist/')))],
    ['/ajv.html', Buffer.from(page('ajv 8', '/ajv-page.js'))],
    ['/ajv-page.js', ajvBundle]
  ])
  const compressed = new Map()
  const brotli = body => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://x')
      let body = files.get(pathname)
      if (!body && pathname.startsWith('/dist/') && !pathname.includes('..')) {
        body = await readFile(path.join(dist, pathname.slice('/dist/'.length)))
      }
      if (!body) {
        res.writeHead(404)
        res.end()
        return
      }
      const headers = {
        'content-type': types[path.extname(pathname)] || 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp'
      }
      if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        // The release's own .br beside a file (stemkn.wasm.br), else
        // compressed here once, before the first timed visit asks.
        if (!compressed.has(pathname)) {
          const release = pathname.startsWith('/dist/') ? await readFile(path.join(dist, pathname.slice('/dist/'.length)) + '.br').catch(() => null) : null
          compressed.set(pathname, release || brotli(body))
        }
        body = compressed.get(pathname)
        headers['content-encoding'] = 'br'
      }
      headers['content-length'] = body.length
      res.writeHead(200, headers)
      res.end(body)
    } catch (err) {
      res.writeHead(500)
      res.end(String(err))
    }
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  // One request for each file first, so that no timed visit waits for
  // brotli here.
  const released = (await readdir(dist)).filter(f => !/\.(br|gz)$/.test(f)).map(f => '/dist/' + f)
  for (const file of [...files.keys(), ...released]) {
    await fetch(url + file, { headers: { 'accept-encoding': 'br' } }).then(r => r.arrayBuffer())
  }
  return {
    url,
    ajvBytes: ajvBundle.length,
    ajvBrotliBytes: brotli(ajvBundle).length,
    stop: async () => {
      await new Promise(resolve => server.close(resolve))
      await rm(work, { recursive: true, force: true })
    }
  }
}
