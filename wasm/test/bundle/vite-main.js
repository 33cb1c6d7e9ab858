// With Vite the package needs nothing: Vite sees new URL('./stemkn.wasm',
// import.meta.url) in the package and ships stemkn.wasm with the bundle, so
// the defaults find it, and the marked form is attached automatically.
import { load } from '@stemkn/widget'

window.__kit = load()
