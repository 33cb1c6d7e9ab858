// compress writes brotli (.br) and gzip (.gz) copies of files, for servers
// that send a file precompressed in the encoding the browser accepts:
//
//   node wasm/compress.mjs wasm/dist/stemkn.wasm …
//
// Brotli at quality 11 with a 16 MiB window (the most browsers decode) and
// gzip at level 9: both are made once, at build time, so the slowest,
// smallest settings cost nothing when serving. Node's own zlib does both:
// nothing to install.
import { readFileSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

for (const file of process.argv.slice(2)) {
  const data = readFileSync(file)
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length
    }
  })
  const gz = gzipSync(data, { level: 9 })
  writeFileSync(file + '.br', br)
  writeFileSync(file + '.gz', gz)
  const kb = n => (n / 1000).toFixed(0) + ' kB'
  console.log(`${file}: ${kb(data.length)}, brotli ${kb(br.length)}, gzip ${kb(gz.length)}`)
}
