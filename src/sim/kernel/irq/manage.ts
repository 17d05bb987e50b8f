/** Requesting an interrupt line (kernel/irq/manage.c). */
import type { IrqDesc } from '../../include/linux/irqdesc.ts';
import type { IrqReturn } from '../../include/linux/irqreturn.ts';

/** request_irq: run `handler(irq, dev_id)` when the line fires; the name is what /proc/interrupts shows. */
export function request_irq<T>(desc: IrqDesc, handler: (irq: number, dev_id: T) => IrqReturn, dev_id: T): void {
  desc.action = { handler, dev_id };
}
