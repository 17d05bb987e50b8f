/** The interrupt controller: an interrupt reaches a CPU (an MSI-X message, an IPI, the local timer). */
import type { IrqDesc } from '../include/linux/irqdesc.ts';
import type { Cpu } from '../include/linux/sched.ts';

/** Queue the interrupt on `cpu`, which handles it at its next step boundary at or after `time`. */
export function apic_deliver(cpu: Cpu, desc: IrqDesc, time: number): void {
  cpu.irqs.push(desc);
  cpu.wake(time);
}
