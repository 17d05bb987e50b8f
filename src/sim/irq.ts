import type { Host } from './host.ts';

/**
 * struct irq_desc, reduced: a number, the name given to request_irq() (what /proc/interrupts
 * shows), the affinity mask of /proc/irq/N/smp_affinity and the per-CPU counts.
 */
export class IrqDesc {
  declare readonly irq: number;
  declare readonly name: string;
  /** "IR-PCI-MSIX-0000:03:00.0 1-edge": chip, hwirq and trigger, as 6.18 prints them. */
  declare readonly chip: string;
  declare affinity: number;
  declare readonly counts: number[];
  declare readonly handler: (desc: IrqDesc) => void;

  constructor(irq: number, name: string, chip: string, affinity: number, counts: number[], handler: (desc: IrqDesc) => void) {
    this.irq = irq;
    this.name = name;
    this.chip = chip;
    this.affinity = affinity;
    this.counts = counts;
    this.handler = handler;
  }

  /** The CPU the interrupt is delivered to: the lowest CPU of the mask (x86 delivers to one). */
  get targetCpu(): number {
    const mask = this.affinity;
    for (let cpu = 0; cpu < this.counts.length; cpu++) if (mask & (1 << cpu)) return cpu;
    return 0;
  }
}

/** Raise an interrupt: queue it on its target CPU, which handles it at its next step boundary. */
export function generic_handle_irq(host: Host, desc: IrqDesc, time: number): void {
  host.cpus[desc.targetCpu]!.raiseIrq(desc, time);
}
