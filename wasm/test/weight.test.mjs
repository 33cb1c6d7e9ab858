// What the widget's WebAssembly is made of: the module built as `make
// widget` builds it, but with its function names kept, holds no code of
// the packages the Go side keeps out of the browser download on purpose —
// encoding/json and fmt (96 KB brotli between them, replaced by about 30 KB
// of internal/jsonscan and internal/jsonreflect), math/big (exact number
// comparison is done by hand), regexp (patterns are compiled tag programs)
// and validator/v10 (the WebAssembly build runs the tags itself). A change
// that reaches one of them again from the module's calls fails here, with
// the package named, rather than as a few more kilobytes nobody notices.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root } from './helpers.mjs'

// The packages no function of the module may come from, as Go names them
// in the module's name section (the path's slashes and dots as "_"), but
// for what each package's initialisation keeps: the Scheme type still
// names json.RawMessage (its test documents), so encoding/json's package
// variables are set up (about 5 KB of code, its float encoders among
// them), and runtime/debug imports fmt. What is kept out is the machinery:
// a function of the package that is not init, its float encoders or
// their error types.
const keptOut = ['encoding_json', 'fmt', 'math_big', 'regexp', 'github.com_go-playground_validator_v10']
const initOnly = /^(encoding_json|fmt)\.(init|floatEncoder\.|mayAppendQuote|__?(jsonError|UnsupportedValueError|Number|encodeState)_?\.|jsonError\.|Number\.String)|^type_\.eq\.encoding_json\./

let dir, packages

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stemkn-weight-'))
  const wasm = path.join(dir, 'named.wasm')
  // make widget's flags, but for -ldflags="-s -w", which drop the names.
  execFileSync('go', ['build', '-trimpath', '-gcflags=all=-l', '-o', wasm, './wasm'],
    { cwd: root, env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' }, stdio: ['ignore', 'ignore', 'inherit'] })
  const out = execFileSync('node', [path.join(root, 'wasm/bench/wasmsize.mjs'), wasm, '-json'], { encoding: 'utf8' })
  packages = JSON.parse(out)
})

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the WebAssembly module', () => {
  it('is made of the packages its function names say, stemkn among them', () => {
    for (const pkg of ['runtime', 'reflect', 'syscall_js', 'stemkn: stemkn', 'stemkn: internal/jsonscan', 'stemkn: internal/jsonreflect']) {
      assert.ok(packages[pkg]?.raw > 0, `no code of ${pkg}: the names are not what this test reads`)
    }
  })

  for (const pkg of keptOut) {
    it(`holds no code of ${pkg.replace(/_/g, '/')} but its initialisation`, () => {
      const reached = (packages[pkg]?.functions || []).filter(fn => !initOnly.test(fn))
      assert.deepEqual(reached, [], `one of the module's calls reaches ${pkg}`)
    })
  }
})
