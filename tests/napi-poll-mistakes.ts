// The napi-poll lab's reference solution and the mistakes learners make in it, for the unit and the
// browser tests alike.
import type { CodeLab } from '../src/lab-runtime/define.ts';
import { isTuningLab } from '../src/lab-runtime/define.ts';
import { labFile, loadLab } from '../src/lab-runtime/node-labs.ts';

export const solution = labFile('napi-poll', 'solution.ts');

/** The solution with one piece of it replaced: a learner's typical mistake. */
export function mutate(from: string, to: string): string {
  if (!solution.includes(from)) throw new Error(`the napi-poll solution no longer contains ${JSON.stringify(from)}: update the mistake`);
  return solution.replaceAll(from, to);
}

/** A poll that never gives the ring its buffers back. */
export const noRefill = () => mutate('igb_alloc_rx_buffers(rx_ring, cleaned_count);', '');

/** A poll that throws on packet 500. */
export const throwing = () => mutate('    napi_gro_receive(napi, skb);\n', '    if (skb.id === 500) throw new RangeError("bad skb");\n    napi_gro_receive(napi, skb);\n');

/** A poll that never returns. */
export const LOOPS = 'export function igb_poll(napi: unknown, budget: number): number {\n  for (;;) {}\n}\n';

export async function napiPollLab(): Promise<CodeLab> {
  const lab = await loadLab('napi-poll');
  if (isTuningLab(lab)) throw new Error('napi-poll should be a code lab');
  return lab;
}
