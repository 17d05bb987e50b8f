/** An interrupt taken on a CPU (arch/x86/kernel/irq.c's handle_irq, kernel/irq/handle.c). */
import * as machine_h from '../../include/machine.ts';
import type { IrqDesc } from '../../include/linux/irqdesc.ts';
import * as sched_h from '../../include/linux/sched.ts';
import type { Cpu } from '../../include/linux/sched.ts';
// A cycle the kernel has too: named imports, which stay live while the modules load (a module constant would read the other module half-loaded).
import { irq_exit } from '../softirq.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { CTX_IRQ } = sched_h;
const { machine } = machine_h;

/** Enter hard IRQ context, count the interrupt (kstat_irqs), run its handler, then irq_exit. */
export function handle_irq(cpu: Cpu, desc: IrqDesc): void {
  cpu.setCtx(CTX_IRQ);
  cpu.charge(machine().cost.hardirq);
  if (desc.irq >= 0) desc.counts[cpu.id]!++;
  const action = desc.action;
  if (action !== null) {
    // The handler's dev_id is whatever it was requested with (a void * in C).
    action.handler(desc.irq, action.dev_id as never);
  } else if (desc.local !== null) {
    desc.local();
  }
  irq_exit(cpu);
}
