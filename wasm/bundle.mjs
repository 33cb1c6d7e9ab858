// bundle writes the widget's release module: wasm/src/stemkn.js and every
// module it imports, as one ES module (esbuild, a devDependency of the
// repository's package.json):
//
//   node wasm/bundle.mjs wasm/dist/stemkn.js
//
// One file, because a browser finds a module's static imports only once it
// has the module, one level at a time: with form-binding.js and the four
// modules it imports as files of their own, a page without preload hints
// asked for stemkn.wasm three round trips after stemkn.js. Bundled, the
// module starts the fetch of stemkn.wasm as soon as it runs.
//
// What stays outside: Go's wasm_exec.js, which the module loads with
// import('./wasm_exec.js') at the moment it starts the fetch of stemkn.wasm,
// so the two download side by side, and stemkn.wasm itself, found with
// new URL('./stemkn.wasm', import.meta.url) beside the module.
//
// Not minified: the output reads as the source does (the same names, each
// part marked with the file it comes from), for whoever debugs a page; and
// esbuild's minifier drops the /* webpackIgnore: true */ /* @vite-ignore */
// comments on the Node-only import() of node:fs (its syntax pass even folds
// it to import("node:fs")), which a host's bundler would then try to
// resolve. Brotli makes the difference small (wasm/README.md, "Files").
// No source map: the output is readable as it is.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const [outfile] = process.argv.slice(2)
if (!outfile || process.argv.length !== 3) {
  console.error('usage: node wasm/bundle.mjs OUTFILE')
  process.exit(2)
}

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const { name, version, license, repository } = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'))
const copyright = readFileSync(path.join(root, 'LICENSE'), 'utf8').match(/^Copyright .*$/m)[0]
const repo = repository.url.replace(/^git\+/, '').replace(/\.git$/, '')

const banner = `/*! ${name} ${version} | ${license} License | ${copyright} | ${repo}
 * One ES module: ${repository.directory}/src/stemkn.js and the modules it imports, bundled by
 * esbuild (${repository.directory}/bundle.mjs). It loads Go's wasm_exec.js and stemkn.wasm from
 * beside itself. */`

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [path.join(here, 'src/stemkn.js')],
  outfile: path.resolve(outfile),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  external: ['./wasm_exec.js'],
  charset: 'utf8',
  banner: { js: banner },
  write: false,
  logLevel: 'error'
})
if (result.warnings.length) {
  const text = await esbuild.formatMessages(result.warnings, { kind: 'warning' })
  console.error(text.join('\n'))
  process.exit(1)
}
const [out] = result.outputFiles
writeFileSync(out.path, out.contents)
console.log(`${path.relative(process.cwd(), out.path)}: ${(out.contents.length / 1000).toFixed(0)} kB, one module`)
