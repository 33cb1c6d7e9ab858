// wasmsize says what stemkn.wasm is made of: each section's size, and the
// code of each Go package (by the function names in the module's name
// section), raw and brotli (quality 9, each package's code compressed
// alone, so the parts do not add up to the whole file's brotli).
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/named.wasm ./wasm   # with names: no -s -w
//	node wasm/bench/wasmsize.mjs /tmp/named.wasm [-top=30] [-functions=20]
//	node wasm/bench/wasmsize.mjs /tmp/named.wasm -json   # {package: {raw, functions}}
//
// A release build (make widget) is built with -s -w and has no names; its
// code is the same.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants } from 'node:zlib'

const args = process.argv.slice(2)
const flag = (name, fallback) => Number((args.find(a => a.startsWith(`-${name}=`)) || `=${fallback}`).split('=')[1])
const file = args.find(a => !a.startsWith('-'))
if (!file) throw new Error('wasmsize: give a .wasm built without -s -w')
const b = readFileSync(file)
let p = 8
const leb = () => { let r = 0; let s = 0; let x; do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7 } while (x & 0x80); return r }
// skip steps over a name: its length, then its bytes (p += leb() would add
// to p as it was before leb moved it).
const skip = () => { const n = leb(); p += n }
const sectionNames = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data' }
let imported = 0
const bodies = []
const names = new Map()
const sections = []
while (p < b.length) {
  const id = b[p++]
  const len = leb()
  const end = p + len
  let name = sectionNames[id] || String(id)
  if (id === 0) {
    const n = leb()
    name = 'custom ' + b.subarray(p, p + n).toString()
    p += n
    if (name === 'custom name') {
      while (p < end) {
        const sub = b[p++]
        const subEnd = leb() + p
        if (sub === 1) {
          for (let i = leb(); i > 0; i--) { const idx = leb(); const l = leb(); names.set(idx, b.subarray(p, p + l).toString()); p += l }
        }
        p = subEnd
      }
    }
  } else if (id === 2) {
    for (let i = leb(); i > 0; i--) { skip(); skip(); if (b[p++] !== 0) throw new Error('wasmsize: only function imports are expected'); leb(); imported++ }
  } else if (id === 10) {
    for (let i = leb(); i > 0; i--) { const l = leb(); bodies.push([p, l]); p += l }
  }
  sections.push([name, len, b.subarray(end - len, end)])
  p = end
}
const brotli = buf => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length
const kb = n => (n / 1e3).toFixed(1).padStart(8) + ' KB'
// Go names functions package.Func, package.(*T).M, with the package path's
// slashes and dots mangled; stemkn's own packages are kept apart.
function packageOf (fn) {
  const own = fn.match(/^github\.com_stemkn_stemkn_([a-z_]*)/)
  if (own) return 'stemkn: ' + own[1].replace(/_/g, '/')
  const slash = fn.lastIndexOf('/')
  const dot = fn.indexOf('.', slash + 1)
  return dot > 0 ? fn.slice(0, dot) : fn
}

// printJSON prints each package's code as {package: {raw, functions}}, for
// wasm/test/weight.test.mjs.
function printJSON () {
  const out = {}
  bodies.forEach(([, len], i) => {
    const fn = names.get(i + imported) || '?'
    const e = out[packageOf(fn)] ||= { raw: 0, functions: [] }
    e.raw += len
    e.functions.push(fn)
  })
  console.log(JSON.stringify(out))
}

function printTables () {
  console.log('section            raw        brotli')
  for (const [name, len, bytes] of sections) console.log(name.padEnd(16), kb(len), len > 1e4 ? kb(brotli(bytes)) : '')
  const byPackage = new Map()
  bodies.forEach(([start, len], i) => {
    const pkg = packageOf(names.get(i + imported) || '?')
    const e = byPackage.get(pkg) || { raw: 0, parts: [] }
    e.raw += len
    e.parts.push(b.subarray(start, start + len))
    byPackage.set(pkg, e)
  })
  console.log('\ncode by package    raw        brotli')
  for (const [pkg, e] of [...byPackage].sort((x, y) => y[1].raw - x[1].raw).slice(0, flag('top', 25))) {
    console.log(pkg.slice(0, 16).padEnd(16), kb(e.raw), kb(brotli(Buffer.concat(e.parts))), pkg.length > 16 ? pkg : '')
  }
  const top = flag('functions', 0)
  if (top > 0) {
    console.log('\nlargest functions')
    bodies.map(([, len], i) => [len, names.get(i + imported)]).sort((x, y) => y[0] - x[0]).slice(0, top)
      .forEach(([len, fn]) => console.log(kb(len), fn))
  }
}

if (args.includes('-json')) printJSON()
else printTables()
