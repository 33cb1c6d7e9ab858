// Uses the types wrongly: tsc must reject each marked line, which shows it
// checks against the package's types rather than letting anything pass.
import { load } from '@stemkn/widget'

export async function wrong (): Promise<void> {
  const kit = await load({ autoAttach: 'yes' }) // TS2322: not a boolean
  kit.validate({}, { mode: 'maybe' }) // TS2322: not a Mode
  const valid: string = kit.validate({}).valid // TS2322: a boolean
  kit.validateForm([['network[name]']]) // TS2322: not a pair
  console.log(valid)
}
