// A Node host's use of @stemkn/widget, with no DOM in its TypeScript
// libraries (lib: es2022 only), checked with tsc --strict --noEmit.
import { load, type Kit, type Result } from '@stemkn/widget'

export async function validateLines (lines: string[], bytes: ArrayBuffer): Promise<boolean[]> {
  const kit: Kit = await load({ wasm: bytes })
  const byPath: Kit = await load({ wasm: 'node_modules/@stemkn/widget/dist/stemkn.wasm' })
  const results: Result[] = lines.map(line => kit.validate(line, { scheme: 'enthuse-2014' }))
  return [...results.map(r => r.valid), byPath.schema('stem-kn-2011').$id === 'https://stemkn.org/schema/stem-kn-2011.json']
}
