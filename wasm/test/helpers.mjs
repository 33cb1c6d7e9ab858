// Shared set-up for the browser tests: the demo server, a plain page served
// under the same strict Content-Security-Policy, Chromium launched the one
// way the project launches it, and a watch on every page for requests to
// anything but its own files, console errors and CSP violations.

import { chromium } from 'playwright-core'
import { spawn, execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const dist = path.join(root, 'wasm/dist')
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

/**
 * The widget's release files, as `make widget` writes them to wasm/dist and
 * the npm package ships them under dist/: one ES module, the stylesheet,
 * Go's wasm_exec.js, the WebAssembly module, precompressed copies of the
 * two big files, the types and the licence.
 */
export const releaseFiles = Object.freeze([
  'LICENSE', 'stemkn.css', 'stemkn.d.ts', 'stemkn.js', 'stemkn.js.br', 'stemkn.js.gz',
  'stemkn.wasm', 'stemkn.wasm.br', 'stemkn.wasm.gz', 'wasm_exec.js'
])

/** Builds the demo and starts it on a free port; resolves to {url, stop}. */
export async function startDemo () {
  assert.ok(existsSync(path.join(dist, 'stemkn.wasm')), 'build the widget first: make widget')
  const dir = await mkdtemp(path.join(tmpdir(), 'stemkn-demo-'))
  const bin = path.join(dir, 'demo')
  execFileSync('go', ['build', '-o', bin, './examples/demo'], { cwd: root, stdio: 'inherit' })
  const child = spawn(bin, ['-addr', '127.0.0.1:0', '-dist', dist, '-schemes', path.join(root, 'examples/schemes')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', chunk => {
      out += chunk
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//)
      if (m) resolve(m[1])
    })
    child.on('exit', code => reject(new Error('demo exited with ' + code)))
  })
  return {
    url,
    async stop () {
      child.kill('SIGTERM')
      await new Promise(resolve => child.once('exit', resolve))
      await rm(dir, { recursive: true, force: true })
    }
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.ico': 'image/x-icon' }

/**
 * Serves files on a free port of 127.0.0.1 with the strict CSP: fileFor
 * names the file for a path, or gives undefined for a 404.
 */
async function serveFiles (fileFor) {
  const server = createServer(async (req, res) => {
    const file = fileFor(new URL(req.url, 'http://localhost').pathname)
    try {
      if (!file) throw new Error('not served')
      const body = await readFile(file)
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP })
      res.end(body)
    } catch {
      res.writeHead(404, { 'Content-Security-Policy': CSP })
      res.end('not found')
    }
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise(resolve => server.close(resolve)) }
}

/** The file, when it is inside dir. */
function inside (dir, file) {
  return file.startsWith(dir + path.sep) ? file : undefined
}

const fixtures = path.join(root, 'wasm/test/fixtures')

/** Serves wasm/dist under /widget/ and the test fixtures at /, with the strict CSP. */
export function startPlain () {
  return serveFiles(pathname => pathname.startsWith('/widget/')
    ? inside(dist, path.join(dist, pathname.slice('/widget/'.length)))
    : inside(fixtures, path.join(fixtures, pathname === '/' ? 'plain.html' : pathname.slice(1))))
}

/**
 * Serves a folder (a bundler's output) at /, with the strict CSP; "/" is
 * index.html, and /favicon.svg the test fixtures' icon.
 */
export function startStatic (dir) {
  return serveFiles(pathname => pathname === '/favicon.svg'
    ? path.join(fixtures, 'favicon.svg')
    : inside(dir, path.join(dir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1)))))
}

/** The one way the project launches Chromium. */
export const chromiumOptions = Object.freeze({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})

/** Chromium, launched exactly as the project's tests launch it, in a fresh profile (with JavaScript off if asked). */
export async function launch ({ javaScript = true } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'stemkn-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { ...chromiumOptions, javaScriptEnabled: javaScript })
  return {
    context,
    async close () {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    }
  }
}

/**
 * Opens a page that records what must never happen: a request to anything
 * but the origin's own files, a console error, an uncaught exception, a CSP
 * violation, an alert. check() fails the test on any of them.
 */
export async function openPage (context, origin) {
  const page = await context.newPage()
  const trouble = []
  const requests = []
  page.on('request', r => {
    requests.push(r.url())
    if (!r.url().startsWith(origin + '/')) trouble.push('request to ' + r.url())
  })
  page.on('console', m => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) trouble.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', e => trouble.push('page error: ' + e.message))
  page.on('dialog', d => {
    trouble.push('dialog: ' + d.message())
    d.dismiss().catch(() => {})
  })
  await page.addInitScript(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`))
    window.__ready = new Promise(resolve => document.addEventListener('stemkn:ready', () => resolve(true), { once: true }))
    window.__alerts = []
    window.alert = msg => window.__alerts.push(String(msg))
  })
  return {
    page,
    requests,
    trouble,
    async ready () {
      await page.evaluate(() => window.__ready)
    },
    async check () {
      const [violations, alerts] = await page.evaluate(() => [window.__violations, window.__alerts]).catch(() => [[], []])
      assert.deepEqual([...trouble, ...violations.map(v => 'CSP violation ' + v), ...alerts.map(a => 'alert ' + a)], [])
    }
  }
}

/** Runs axe-core (from node_modules) in the page and returns its violations. */
export async function axeViolations (page) {
  const source = await readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8')
  // page.evaluate runs through the DevTools protocol, which the page's CSP
  // does not govern; a <script> tag (addScriptTag) would be inline script
  // and be blocked by it.
  await page.evaluate(source)
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'], elementRef: true })
    // govuk-frontend puts aria-expanded on a radio or checkbox that reveals
    // conditional content, on purpose: screen readers announce it, though
    // ARIA does not list it for those roles. It is govuk-frontend's known
    // issue (alphagov/govuk-frontend#979, #1280), not the page's, so only
    // that attribute on those inputs is let through.
    const govukReveal = n => n.element && n.element.matches('.govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]') &&
      /aria-expanded/.test(n.failureSummary || '') && !/aria-(?!expanded)[a-z]+=/.test(n.failureSummary || '')
    return results.violations
      .map(v => ({ ...v, nodes: v.id === 'aria-allowed-attr' ? v.nodes.filter(n => !govukReveal(n)) : v.nodes }))
      .filter(v => v.nodes.length > 0)
      .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))
  })
}

const GOVUK = path.join(root, 'node_modules/govuk-frontend/dist')

/**
 * Serves pages built from govuk-frontend's own Nunjucks macros (rendered
 * here, with the installed npm package, from wasm/test/fixtures/govuk/*.njk),
 * govuk-frontend's compiled CSS, JavaScript and assets, and the widget, all
 * under the strict CSP. page(name, context) registers a page at
 * /fixture/<name>; posts to /fixture/post are kept in `posts`.
 */
export async function startGovuk () {
  const nunjucks = (await import('nunjucks')).default
  const fixtures = path.join(root, 'wasm/test/fixtures/govuk')
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([fixtures, GOVUK]), { autoescape: true })
  const pages = new Map()
  const posts = []
  const files = [
    ['/govuk-frontend/', path.join(GOVUK, 'govuk')],
    ['/assets/', path.join(GOVUK, 'govuk/assets')],
    ['/widget/', dist],
    ['/fixture/', fixtures]
  ]
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost')
    const headers = { 'Content-Security-Policy': CSP }
    if (req.method === 'POST' && url.pathname === '/fixture/post') {
      let body = ''
      for await (const chunk of req) body += chunk
      posts.push(body)
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<!DOCTYPE html><html lang="en"><head><title>Received</title></head><body><h1>Received</h1></body></html>')
      return
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, headers)
      res.end()
      return
    }
    const name = url.pathname.slice('/fixture/'.length)
    if (url.pathname.startsWith('/fixture/') && pages.has(name)) {
      const { template, context } = pages.get(name)
      try {
        const html = env.render(template, { values: {}, errors: {}, ...context })
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' })
        res.end(html)
      } catch (err) {
        res.writeHead(500, headers)
        res.end(String(err))
      }
      return
    }
    for (const [prefix, dir] of files) {
      if (!url.pathname.startsWith(prefix)) continue
      const file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)))
      if (!file.startsWith(dir + path.sep)) break
      try {
        const body = await readFile(file)
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' })
        res.end(body)
        return
      } catch {
        break
      }
    }
    res.writeHead(404, headers)
    res.end('not found')
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    posts,
    page (name, context = {}, template = 'application.njk') {
      pages.set(name, { template, context })
      return `/fixture/${name}`
    },
    stop: () => new Promise(resolve => server.close(resolve))
  }
}

/**
 * Screenshots at 1280 and 375 px wide into wasm/test/screenshots/: the
 * viewport at the top of the page (NAME-WIDTH-top.png) and, when region is
 * given, with that element scrolled to the top (NAME-WIDTH.png).
 */
export async function shot (page, name, region) {
  const dir = path.join(root, 'wasm/test/screenshots')
  await mkdir(dir, { recursive: true })
  for (const [width, height] of [[1280, 900], [375, 812]]) {
    await page.setViewportSize({ width, height })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(dir, `${name}-${width}-top.png`) })
    if (region) {
      await page.$eval(region, el => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: path.join(dir, `${name}-${width}.png`) })
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}
