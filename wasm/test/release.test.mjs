// The release files as `make widget` writes them, and what a browser does
// with them on the page a host writes: wasm/dist holds exactly the release;
// stemkn.js is one ES module whose only import is Go's wasm_exec.js, loaded
// with import() (so a page asks for stemkn.wasm as soon as the module runs,
// not one level of imports after another); its precompressed copies are of
// this build; and in Chromium, under the strict CSP, a page with one
// <script type="module"> makes no request for any other module, and a page
// with the README's preload hints fetches each file once.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import path from 'node:path'
import { root, dist, releaseFiles, startPlain, launch, openPage } from './helpers.mjs'
import { preloadHints } from '../bench/peer.mjs'

let plain, browser

before(async () => {
  plain = await startPlain()
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await plain?.stop()
})

/** The import records of a module, as esbuild's parser reads them. */
async function importsOf (file) {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    external: ['*'],
    logLevel: 'silent'
  })
  return Object.values(result.metafile.inputs)[0].imports
}

/** The widget's files a page asked for, in the order it asked, by name. */
const widgetRequests = (p, origin) => p.requests
  .filter(u => u.startsWith(origin + '/widget/'))
  .map(u => new URL(u).pathname.slice('/widget/'.length))

describe('the release files', { timeout: 120000 }, () => {
  it('are exactly the release: no module of wasm/src beside the one bundled from them', async () => {
    assert.deepEqual((await readdir(dist)).sort(), [...releaseFiles].sort())
  })

  it('have one ES module whose only import is wasm_exec.js, loaded with import()', async () => {
    assert.deepEqual(await importsOf(path.join(dist, 'stemkn.js')), [
      { path: './wasm_exec.js', kind: 'dynamic-import', external: true }
    ])
    // The source it comes from has static imports: the check can tell.
    assert.ok((await importsOf(path.join(root, 'wasm/src/stemkn.js'))).some(i => i.kind === 'import-statement'))
  })

  it('keep the module readable, with its licence, its wasm URL and its hints to bundlers', async () => {
    const text = await readFile(path.join(dist, 'stemkn.js'), 'utf8')
    const { name, version, license } = JSON.parse(await readFile(path.join(root, 'wasm/package.json'), 'utf8'))
    assert.ok(text.startsWith(`/*! ${name} ${version} | ${license} License | Copyright (c) `), text.slice(0, 200))
    // Resolved beside the module, and in a form Vite and webpack see.
    assert.match(text, /new URL\("\.\/stemkn\.wasm", import\.meta\.url\)/)
    // The Node-only import() keeps the comments that keep bundlers away
    // from it (a minifier drops them), and stays an import of a variable.
    assert.match(text, /import\(\s*\/\* webpackIgnore: true \*\/\s*\/\* @vite-ignore \*\/\s*name\s*\)/)
    assert.doesNotMatch(text, /import\(\s*["']node:/)
    // Not minified: each part is marked with its source file, in import order.
    const parts = [...text.matchAll(/^\/\/ (wasm\/src\/[a-z-]+\.js)$/gm)].map(m => m[1])
    assert.deepEqual([...parts].sort(), (await readdir(path.join(root, 'wasm/src'))).filter(f => f.endsWith('.js')).map(f => 'wasm/src/' + f).sort())
    assert.equal(parts.at(-1), 'wasm/src/stemkn.js')
    assert.doesNotMatch(text, /sourceMappingURL/)
  })

  it('have precompressed copies of this build of the module and of stemkn.wasm', async () => {
    for (const file of ['stemkn.js', 'stemkn.wasm']) {
      const body = await readFile(path.join(dist, file))
      assert.ok(brotliDecompressSync(await readFile(path.join(dist, file + '.br'))).equals(body), file + '.br')
      assert.ok(gunzipSync(await readFile(path.join(dist, file + '.gz'))).equals(body), file + '.gz')
    }
  })
})

describe('the release on a host page in Chromium', { timeout: 120000 }, () => {
  it('asks for stemkn.wasm and wasm_exec.js straight after stemkn.js, and for no other module', async () => {
    const p = await openPage(browser.context, plain.url)
    await p.page.goto(plain.url + '/host.html')
    await p.ready()
    const scripts = widgetRequests(p, plain.url).filter(f => f !== 'stemkn.css')
    assert.equal(scripts[0], 'stemkn.js')
    // stemkn.js starts the fetch of stemkn.wasm and then imports wasm_exec.js.
    assert.deepEqual(scripts.slice(1).sort(), ['stemkn.wasm', 'wasm_exec.js'], scripts.join(', '))
    assert.deepEqual(widgetRequests(p, plain.url).filter(f => f === 'stemkn.css'), ['stemkn.css'])
    // The bundled form binding, error summary and messages work.
    await p.page.locator('#host button').click()
    await p.page.locator('.govuk-error-summary').waitFor()
    assert.ok(await p.page.locator('#host .govuk-error-message').count() > 0, 'an inline error message')
    await p.check()
  })

  it('with the README\'s preload hints, fetches each of the widget\'s files once', async () => {
    const hints = preloadHints('/widget/').trim().split('\n')
    const readme = (await readFile(path.join(root, 'README.md'), 'utf8')).split('\n')
      .filter(l => /^<link rel="(module)?preload"/.test(l))
    assert.deepEqual(readme, hints, 'the README gives the hints the timing harness uses')
    const page = await readFile(path.join(root, 'wasm/test/fixtures/host-preload.html'), 'utf8')
    assert.deepEqual(page.split('\n').map(l => l.trim()).filter(l => /^<link rel="(module)?preload"/.test(l)), hints)

    const p = await openPage(browser.context, plain.url)
    const failed = []
    p.page.on('response', r => { if (!r.ok()) failed.push(`${r.status()} ${r.url()}`) })
    await p.page.goto(plain.url + '/host-preload.html')
    await p.ready()
    // A preload the widget could not use (no crossorigin on stemkn.wasm's)
    // would show as a second request for the same file.
    assert.deepEqual(widgetRequests(p, plain.url).sort(), ['stemkn.css', 'stemkn.js', 'stemkn.wasm', 'wasm_exec.js'])
    assert.deepEqual(failed, [])
    await p.check()
  })
})
