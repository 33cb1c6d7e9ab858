#!/usr/bin/env node
// validate-ndjson: validates a file of NDJSON applications (one JSON
// document a line) with the @stemkn/widget npm package — the stemkn Go
// rules compiled to WebAssembly, run here in Node with no browser and no
// DOM — and prints a verdict a line, as `stemkn validate` does.
//
//   node validate-ndjson.mjs [--scheme ID] [--mode submit|draft] [--format text|json] [FILE.ndjson|-]
//
// Exit status: 0 when no document has errors, 1 when any has, 2 on usage
// or I/O trouble.

import { load } from '@stemkn/widget'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

const usage = 'usage: validate-ndjson [--scheme ID] [--mode submit|draft] [--format text|json] [FILE.ndjson|-]'

function parseArgs (args) {
  const opts = { scheme: undefined, mode: 'submit', format: 'text', file: '-' }
  const files = []
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]
    if (['--scheme', '--mode', '--format'].includes(flag)) {
      if (i + 1 >= args.length) throw new Error(`${flag} needs a value`)
      opts[flag.slice(2)] = args[++i]
    } else if (flag.startsWith('--')) {
      throw new Error(`unknown flag ${flag}`)
    } else {
      files.push(flag)
    }
  }
  if (files.length > 1) throw new Error(`give one file (or - for stdin), not ${files.length}`)
  if (!['text', 'json'].includes(opts.format)) throw new Error('--format must be text or json')
  if (!['submit', 'draft'].includes(opts.mode)) throw new Error('--mode must be submit or draft')
  if (files.length === 1) opts.file = files[0]
  return opts
}

// Text from the input (paths, messages that quote it) is printed with
// control characters, line separators and bidirectional controls escaped,
// so a document cannot print a line of its own or a terminal escape.
function printable (s) {
  return s.replace(/[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, c => {
    if (c === '\\') return '\\\\'
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    const code = c.charCodeAt(0)
    return code < 0x80 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0')
  })
}

function writeText (out, label, r) {
  out.push(`${printable(label)}: ${r.valid ? 'valid' : 'not valid'}`)
  for (const f of r.findings) {
    out.push(`  ${f.severity}${f.path ? ' ' + printable(f.path) : ''}: ${printable(f.message)} (${printable(f.code)})`)
  }
  if (r.eligible !== false) return
  out.push('  not eligible, because it fails:')
  for (const rule of r.rules || []) {
    if (rule.outcome !== 'failed' || rule.advice) continue
    out.push(`    ${printable(rule.rule)}: ${printable(rule.title)} (${printable(rule.code)})`)
    if (rule.reference) out.push(`      reference: ${printable(rule.reference)}`)
  }
}

async function main (args) {
  let opts
  try {
    opts = parseArgs(args)
  } catch (err) {
    console.error(`validate-ndjson: ${err.message}\n${usage}`)
    return 2
  }
  const kit = await load() // stemkn.wasm from the package, read from disk
  if (opts.scheme !== undefined && !kit.schemes().some(s => s.id === opts.scheme)) {
    console.error(`validate-ndjson: there is no scheme ${JSON.stringify(opts.scheme)}`)
    return 2
  }
  const name = opts.file === '-' ? '<stdin>' : opts.file
  const input = opts.file === '-' ? process.stdin : createReadStream(opts.file)
  const lines = createInterface({ input, crlfDelay: Infinity })
  const options = { scheme: opts.scheme, mode: opts.mode }
  let invalid = false
  let n = 0
  try {
    for await (const line of lines) {
      n++
      if (line.trim() === '') continue
      const result = kit.validate(line, options)
      invalid ||= !result.valid
      const out = []
      if (opts.format === 'json') out.push(JSON.stringify(result))
      else writeText(out, `${name}:${n}`, result)
      if (!process.stdout.write(out.join('\n') + '\n')) {
        await new Promise(resolve => process.stdout.once('drain', resolve))
      }
    }
  } catch (err) {
    console.error(`validate-ndjson: ${printable(name)}: ${printable(err.message)}`)
    return 2
  }
  return invalid ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
