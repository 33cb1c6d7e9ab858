// firstload measures the demo's first visit as a new user meets it, in a
// cold headless Chromium (a fresh profile each time: no HTTP cache, no
// compiled-code cache):
//
//   - bytes on the wire for the first load of the application form, by file
//     (what Chromium received: headers and compressed bodies);
//   - navigation start → stemkn:ready on the form, median of -count runs;
//   - the same cold start of a peer page in the same run: the demo's scheme
//     list, a GOV.UK page with govuk-frontend's CSS and JavaScript and no
//     widget (navigation start → load event), so the widget's cost reads as
//     a ratio that the machine's load affects less than an absolute time.
//
//   node wasm/bench/firstload.mjs [-count=5]
//
// It prints the load average before and after, to say how busy the machine
// was. It needs the widget's release files (make widget) and govuk-frontend
// (npm ci), and builds and runs the demo as the browser tests do. It asserts
// nothing: it measures.
import { chromium } from 'playwright-core'
import { mkdtemp, rm, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startDemo, chromiumOptions } from '../test/helpers.mjs'

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const a = args.find(x => x.startsWith(`-${name}=`))
  return a ? a.slice(name.length + 2) : fallback
}
const count = Number(flag('count', '5'))

/** One cold visit: a fresh browser and profile, the page, its bytes and its times. */
async function visit (url, waitForReady) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'stemkn-firstload-'))
  const context = await chromium.launchPersistentContext(profile, chromiumOptions)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const requests = new Map()
    cdp.on('Network.responseReceived', e => requests.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' }))
    cdp.on('Network.loadingFinished', e => {
      const r = requests.get(e.requestId)
      if (r) r.bytes = e.encodedDataLength
    })
    await page.addInitScript(() => {
      document.addEventListener('stemkn:ready', () => { window.__readyAt = performance.now() }, { once: true })
    })
    await page.goto(url, { waitUntil: 'load' })
    if (waitForReady) await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 })
    const times = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0]
      return { ready: window.__readyAt, load: nav.loadEventEnd, dcl: nav.domContentLoadedEventEnd }
    })
    // Let the last responses finish reporting their sizes.
    await new Promise(resolve => setTimeout(resolve, 200))
    return { times, files: [...requests.values()].filter(r => r.bytes !== undefined) }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const loadavg = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')

const demo = await startDemo()
try {
  console.log(`load average before: ${await loadavg()} (${os.cpus().length} cores)`)
  const ready = []
  const peer = []
  let first = null
  for (let i = 0; i < count; i++) {
    const form = await visit(demo.url + '/', true)
    first ||= form
    ready.push(form.times.ready)
    const schemes = await visit(demo.url + '/schemes', false)
    peer.push(schemes.times.load)
  }
  const total = first.files.reduce((n, f) => n + f.bytes, 0)
  console.log('\nbytes on the wire, first load of / (headers included):')
  for (const f of first.files.sort((a, b) => b.bytes - a.bytes)) {
    console.log(`  ${String(f.bytes).padStart(9)}  ${f.encoding.padEnd(4)}  ${new URL(f.url).pathname}`)
  }
  console.log(`  ${String(total).padStart(9)}  in all, ${first.files.length} responses`)
  console.log(`\nnavigation → stemkn:ready on /: median ${median(ready).toFixed(0)} ms of ${count} (${ready.map(x => x.toFixed(0)).join(', ')})`)
  console.log(`navigation → load on /schemes (GOV.UK page, no widget): median ${median(peer).toFixed(0)} ms (${peer.map(x => x.toFixed(0)).join(', ')})`)
  console.log(`ratio: ${(median(ready) / median(peer)).toFixed(2)}×`)
  console.log(`load average after: ${await loadavg()}`)
} finally {
  await demo.stop()
}
