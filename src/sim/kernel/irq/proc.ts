/**
 * /proc/irq/<N>/smp_affinity and smp_affinity_list (kernel/irq/proc.c): the write side; what a
 * read shows is the shell's to print, from the descriptor's affinity.
 */
import { KernelError } from '../../include/linux/errno.ts';
import type { IrqDesc } from '../../include/linux/irqdesc.ts';
import { machine } from '../../include/machine.ts';
import { parseCpuList, parseCpuMask } from '../../lib/cpumask.ts';

/** write_irq_affinity: a hex mask (type 0, smp_affinity) or a CPU list (type 1, smp_affinity_list); at least one CPU. */
export function write_irq_affinity(type: 0 | 1, desc: IrqDesc, text: string): void {
  const nrCpus = machine().nrCpus;
  const mask = type === 1 ? parseCpuList(text, nrCpus) : parseCpuMask(text, nrCpus);
  if (mask === 0) throw new KernelError('EINVAL', 'the mask names no online CPU');
  desc.affinity = mask;
}
