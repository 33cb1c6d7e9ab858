// The npm package as hosts get it: `npm pack` of wasm/, installed into a
// fresh project; a page that uses it bundled with Vite and with esbuild,
// each validating in Chromium under the strict CSP; the package's types
// checked with tsc --strict --noEmit on usage files; and the Node example
// (examples/node) validating NDJSON with it, answer for answer as the Go
// command does.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, rm, cp, readFile, writeFile, readdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root, dist, launch, openPage, startStatic, releaseFiles } from './helpers.mjs'

const run = promisify(execFile)
const here = path.join(root, 'wasm/test/bundle')
let work, project, browser, tarball

before(async () => {
  assert.ok(existsSync(path.join(dist, 'stemkn.wasm')), 'build the widget first: make widget')
  work = await mkdtemp(path.join(tmpdir(), 'stemkn-bundlers-'))
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: path.join(root, 'wasm') })
  const [packed] = JSON.parse(stdout)
  tarball = { path: path.join(work, packed.filename), files: packed.files.map(f => f.path) }
  project = path.join(work, 'host')
  await cp(here, project, { recursive: true })
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }))
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball.path], { cwd: project })
  browser = await launch()
})

after(async () => {
  await browser?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

const calder = JSON.parse(await readFile(path.join(root, 'examples/applications/stem-kn-2011.json'), 'utf8'))

/**
 * Opens a bundled page, validates a document with the kit it made, submits
 * its empty form and reads what the widget showed; nothing may go wrong on
 * the page (requests elsewhere, console errors, CSP violations).
 */
async function exercise (dir, page) {
  const site = await startStatic(dir)
  try {
    const p = await openPage(browser.context, site.url)
    await p.page.goto(`${site.url}/${page}`)
    const out = await p.page.evaluate(async doc => {
      const kit = await window.__kit
      const valid = kit.validate(doc)
      doc.funding.lines.push({ category: 'resources', description: 'More', amount: 100000 })
      const over = kit.validate(doc)
      document.querySelector('#application').requestSubmit()
      return {
        valid: valid.valid,
        over: over.findings.map(f => f.code),
        summary: document.querySelector('.govuk-error-summary h2')?.textContent,
        links: [...document.querySelectorAll('.govuk-error-summary a')].map(a => a.getAttribute('href')),
        title: document.title
      }
    }, structuredClone(calder))
    const wasm = p.requests.filter(u => u.endsWith('.wasm'))
    await p.check()
    return { ...out, wasm }
  } finally {
    await site.stop()
  }
}

describe('the npm package', { timeout: 300000 }, () => {
  it('packs the widget\'s release files and nothing else', () => {
    // The release is one module: no copy of wasm/src's other modules, which
    // nothing imports any more, and nothing else a build left behind.
    assert.deepEqual([...tarball.files].sort(), ['README.md', 'package.json', ...releaseFiles.map(f => 'dist/' + f)].sort())
  })

  it('bundled with Vite, validates in Chromium with no set-up', async () => {
    const { build } = await import('vite')
    const outDir = path.join(work, 'vite-dist')
    await build({ root: project, logLevel: 'error', build: { outDir, emptyOutDir: true, rollupOptions: { input: path.join(project, 'index.html') } } })
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8')
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script')
    assert.ok((await readdir(path.join(outDir, 'assets'))).some(f => /^stemkn-.*\.wasm$/.test(f)), 'Vite ships stemkn.wasm')
    const out = await exercise(outDir, '')
    assert.equal(out.valid, true)
    assert.ok(out.over.includes('budget.category-share'))
    assert.equal(out.summary?.trim(), 'There is a problem')
    assert.ok(out.links.includes('#name'))
    assert.match(out.title, /^Error: /)
    assert.equal(out.wasm.length, 1)
  })

  it('served by Vite\'s dev server, validates in Chromium once the package is kept out of dependency pre-bundling', async () => {
    const { createServer } = await import('vite')
    const results = {}
    for (const [name, optimizeDeps] of [['pre-bundled', {}], ['excluded', { exclude: ['@stemkn/widget'] }]]) {
      const server = await createServer({
        root: project,
        logLevel: 'silent',
        cacheDir: path.join(work, `vite-cache-${name}`),
        server: { host: '127.0.0.1', port: 0, strictPort: false },
        optimizeDeps
      })
      await server.listen()
      try {
        const origin = server.resolvedUrls.local[0].replace(/\/$/, '')
        const p = await openPage(browser.context, origin)
        await p.page.goto(origin + '/')
        results[name] = await p.page.evaluate(async () => {
          try {
            return (await window.__kit).validate('{}').findings.length > 0
          } catch (err) {
            return `${err.name}: ${err.message}`
          }
        })
        if (name === 'excluded') await p.check()
      } finally {
        await server.close()
      }
    }
    // Pre-bundling moves the module away from stemkn.wasm: the README says to exclude it.
    assert.match(results['pre-bundled'], /^StemknError: stemkn: cannot load .*stemkn\.wasm: the server sent a web page, not stemkn\.wasm$/)
    assert.equal(results.excluded, true)
  })

  it('bundled with esbuild (the file loader for .wasm), validates in Chromium', async () => {
    const esbuild = await import('esbuild')
    const outdir = path.join(work, 'esbuild-dist')
    const result = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ['esbuild-main.js'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outdir,
      loader: { '.wasm': 'file' },
      logLevel: 'silent'
    })
    assert.deepEqual(result.warnings, [])
    // The Vite page, with the esbuild bundle and its form not marked for auto-attach.
    const page = (await readFile(path.join(project, 'index.html'), 'utf8'))
      .replace('src="./vite-main.js"', 'src="./esbuild-main.js"')
      .replace(' data-stemkn-scheme="stem-kn-2011"', '')
    assert.match(page, /esbuild-main\.js/)
    assert.doesNotMatch(page, /data-stemkn-scheme/)
    await writeFile(path.join(outdir, 'index.html'), page)
    assert.ok((await readdir(outdir)).some(f => /^stemkn-.*\.wasm$/.test(f)), 'esbuild copies stemkn.wasm')
    const out = await exercise(outdir, '')
    assert.equal(out.valid, true)
    assert.ok(out.over.includes('budget.category-share'))
    assert.equal(out.summary?.trim(), 'There is a problem')
    assert.ok(out.links.includes('#name'))
    assert.equal(out.wasm.length, 1)
  })

  it('has types that tsc --strict accepts for browser and Node hosts, and that catch misuse', async () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc')
    const common = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler']
    const check = (lib, file) => run(process.execPath, [tsc, ...common, '--lib', lib, file], { cwd: project })
      .catch(err => assert.fail(`tsc ${file}:\n${err.stdout}${err.stderr}`))
    await check('es2022,dom', 'usage.ts')
    await check('es2022', 'usage-node.ts')
    const wrong = await run(process.execPath, [tsc, ...common, '--lib', 'es2022,dom', 'usage-wrong.ts'], { cwd: project }).then(() => '', e => e.stdout)
    const lines = [...wrong.matchAll(/usage-wrong\.ts\((\d+),\d+\): error (TS\d+)/g)].map(m => Number(m[1]))
    const marked = (await readFile(path.join(project, 'usage-wrong.ts'), 'utf8')).split('\n')
      .flatMap((l, i) => l.includes('// TS') ? [i + 1] : [])
    assert.deepEqual([...new Set(lines)], marked, wrong)
  })

  it('runs the Node example, which answers as the Go command does', async () => {
    await cp(path.join(root, 'examples/node/validate-ndjson.mjs'), path.join(project, 'validate-ndjson.mjs'))
    const cohort = await readFile(path.join(root, 'stemkn/testdata/enthuse-2014-cohort.ndjson'), 'utf8')
    const lines = cohort.trimEnd().split('\n')
    lines.splice(3, 0, '', '{"scheme": "enthuse-2014", "network": {"name": 7}}', 'not json', '{"scheme":"stem-kn-2011","x\\n<stdin>:2: valid\\u001b[2J":1}')
    const input = path.join(work, 'input.ndjson')
    await writeFile(input, lines.join('\n') + '\n')

    const node = await run(process.execPath, ['validate-ndjson.mjs', '--format', 'json', input], { cwd: project, maxBuffer: 64 << 20 }).catch(e => e)
    assert.equal(node.code, 1, node.stderr)
    const bin = path.join(work, 'stemkn')
    await run('go', ['build', '-o', bin, './cmd/stemkn'], { cwd: root })
    const go = await run(bin, ['validate', '--format', 'json', input], { maxBuffer: 64 << 20 }).catch(e => e)
    assert.equal(go.code, 1, go.stderr)
    const parse = text => text.trimEnd().split('\n').map(l => JSON.parse(l))
    assert.deepEqual(parse(node.stdout), parse(go.stdout))
    assert.equal(parse(node.stdout).length, lines.filter(l => l.trim() !== '').length)

    const text = await run(process.execPath, ['validate-ndjson.mjs', input], { cwd: project, maxBuffer: 64 << 20 }).catch(e => e)
    const goText = await run(bin, ['validate', input], { maxBuffer: 64 << 20 }).catch(e => e)
    assert.equal(text.stdout, goText.stdout, 'the same text, escapes and all')
    const usage = await run(process.execPath, ['validate-ndjson.mjs', '--format', 'yaml', input], { cwd: project }).catch(e => e)
    assert.equal(usage.code, 2)
  })
})
