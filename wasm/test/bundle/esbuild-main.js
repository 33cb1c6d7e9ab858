// With esbuild: the file loader for .wasm (--loader:.wasm=file) copies
// stemkn.wasm into the output and gives its path, relative to the bundle;
// load() is told where it is. The form is attached by hand, not marked for
// auto-attach (which would look for stemkn.wasm beside the bundle).
import { load } from '@stemkn/widget'
import wasmPath from '@stemkn/widget/stemkn.wasm'

window.__kit = load({ wasm: new URL(wasmPath, import.meta.url) }).then(kit => {
  kit.attach(document.querySelector('#application'), { scheme: 'stem-kn-2011' })
  return kit
})
