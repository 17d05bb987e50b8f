/** `ethtool -X equal N` / `weight w0 w1 …`: the table ethtool itself computes and sends (ethtool's own arithmetic, not the kernel's). */
import { KernelError } from '../../sim/index.ts';

export function rxfhIndirFromWeights(weights: number[], size: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new KernelError('EINVAL', 'at least one weight must be non-zero');
  const indir: number[] = [];
  let j = -1;
  let partial = 0;
  for (let i = 0; i < size; i++) {
    while (i >= (size * partial) / sum) {
      j++;
      partial += weights[j]!;
    }
    indir.push(j);
  }
  return indir;
}
