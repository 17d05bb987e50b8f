/** CPU masks as sysfs and procfs read and write them (lib/bitmap.c bitmap_parse, %*pb, %*pbl). */
import { KernelError } from '../include/linux/errno.ts';

/**
 * `%*pb` (lib/vsprintf.c bitmap_string): hex groups of 32 bits, highest first, the first as wide as
 * `nbits` needs. The mask is a number (up to 32 CPUs) or its 32-bit words, lowest first.
 */
export function formatCpuMask(mask: number | readonly number[], nbits: number): string {
  const words = typeof mask === 'number' ? [mask] : mask;
  let chunksz = nbits & 31 || 32;
  const out: string[] = [];
  for (let i = Math.ceil(nbits / 32) * 32 - 32; i >= 0; i -= 32) {
    const bits = chunksz === 32 ? 0xffffffff : (1 << chunksz) - 1;
    out.push((((words[i >>> 5] ?? 0) & bits) >>> 0).toString(16).padStart(Math.ceil(chunksz / 4), '0'));
    chunksz = 32;
  }
  return out.join(',');
}

/** `%*pbl`: ranges, as in 0-1,3. */
export function formatCpuList(mask: number, nrCpus: number): string {
  const parts: string[] = [];
  for (let cpu = 0; cpu < nrCpus; cpu++) {
    if (!(mask & (1 << cpu))) continue;
    let last = cpu;
    while (last + 1 < nrCpus && mask & (1 << (last + 1))) last++;
    parts.push(last === cpu ? `${cpu}` : `${cpu}-${last}`);
    cpu = last;
  }
  return parts.join(',');
}

/** bitmap_parse of a hex mask: EINVAL if it is not hex, EOVERFLOW if it names a CPU beyond nr_cpu_ids. */
export function parseCpuMask(text: string, nrCpus: number): number {
  const t = text.replace(/\n$/, '').trim();
  if (t === '' || !/^[0-9a-fA-F]+(,[0-9a-fA-F]+)*$/.test(t)) throw new KernelError('EINVAL', `"${text.trim()}" is not a hex CPU mask`);
  const words = t.split(',');
  let mask = 0;
  for (let i = 0; i < words.length; i++) {
    const value = parseInt(words[words.length - 1 - i]!, 16);
    if (i > 0 && value !== 0) throw new KernelError('EOVERFLOW', `the mask names CPUs beyond the ${nrCpus} this host has`);
    if (i === 0) mask = value;
  }
  if (nrCpus < 32 && mask >>> nrCpus !== 0) throw new KernelError('EOVERFLOW', `the mask names CPUs beyond the ${nrCpus} this host has (0-${nrCpus - 1})`);
  return mask >>> 0;
}

/** bitmap_parselist: "0-1,3". */
export function parseCpuList(text: string, nrCpus: number): number {
  const t = text.trim();
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(t)) throw new KernelError('EINVAL', `"${t}" is not a CPU list such as 0-1,3`);
  let mask = 0;
  for (const part of t.split(',')) {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    const hi = b ?? a;
    if (hi < a) throw new KernelError('EINVAL', `"${part}" is a backwards range`);
    if (hi >= nrCpus) throw new KernelError('ERANGE', `CPU ${hi} does not exist (0-${nrCpus - 1})`);
    for (let c = a; c <= hi; c++) mask |= 1 << c;
  }
  return mask >>> 0;
}

export function cpusOf(mask: number, nrCpus: number): number[] {
  const cpus: number[] = [];
  for (let c = 0; c < nrCpus; c++) if (mask & (1 << c)) cpus.push(c);
  return cpus;
}
