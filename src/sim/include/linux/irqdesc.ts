/** struct irq_desc and struct irqaction, reduced (include/linux/irqdesc.h, include/linux/interrupt.h). */
import type { IrqReturn } from './irqreturn.ts';

/** irq_handler_t with its dev_id: request_irq(irq, handler, flags, name, dev_id). */
export interface IrqAction {
  readonly handler: (irq: number, dev_id: never) => IrqReturn;
  readonly dev_id: unknown;
}

/**
 * An interrupt line: its number, the name given to request_irq() (what /proc/interrupts shows), the
 * affinity mask of /proc/irq/N/smp_affinity, the per-CPU counts, and what runs when it fires: the
 * handler a driver requested, or for the CPU's local vectors (timer, IPIs) the kernel's own.
 */
export class IrqDesc {
  declare readonly irq: number;
  declare readonly name: string;
  /** "IR-PCI-MSIX-0000:03:00.0 1-edge": chip, hwirq and trigger, as 6.18 prints them. */
  declare readonly chip: string;
  declare affinity: number;
  declare readonly counts: number[];
  /** A device's handler (request_irq), or null for a local vector. */
  action: IrqAction | null = null;
  /** A local vector's kernel function (the timer tick, the RPS IPI), or null for a device's line. */
  declare readonly local: (() => void) | null;

  constructor(irq: number, name: string, chip: string, affinity: number, counts: number[], local: (() => void) | null) {
    this.irq = irq;
    this.name = name;
    this.chip = chip;
    this.affinity = affinity;
    this.counts = counts;
    this.local = local;
  }

  /** The CPU the interrupt is delivered to: the lowest CPU of the mask (x86 delivers to one). */
  get targetCpu(): number {
    const mask = this.affinity;
    for (let cpu = 0; cpu < this.counts.length; cpu++) if (mask & (1 << cpu)) return cpu;
    return 0;
  }
}
