/**
 * Softirqs (kernel/softirq.c): raised by interrupt handlers, run at irq_exit and restarted while
 * under 2 ms and 10 rounds with nothing else to run; what keeps coming back goes to ksoftirqd.
 */
import * as machine_h from '../include/machine.ts';
import * as interrupt_h from '../include/linux/interrupt.ts';
import type { SoftirqAction } from '../include/linux/interrupt.ts';
import * as sched_h from '../include/linux/sched.ts';
import type { Cpu, Thread } from '../include/linux/sched.ts';
// A cycle the kernel has too: named imports, which stay live while the modules load (a module constant would read the other module half-loaded).
import { need_resched, try_to_wake_up } from './sched/core.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { MAX_SOFTIRQ_RESTART, MAX_SOFTIRQ_TIME_NS, NR_SOFTIRQS } = interrupt_h;
const { CTX_KSOFTIRQD, CTX_SOFTIRQ } = sched_h;
const { machine } = machine_h;

/** open_softirq: the handler of softirq `nr`. */
export function open_softirq(nr: number, action: SoftirqAction): void {
  machine().softirq_vec[nr] = action;
}

/** __raise_softirq_irqoff: mark softirq `nr` pending on `cpu` (this CPU, in the kernel). */
export function __raise_softirq_irqoff(cpu: Cpu, nr: number): void {
  cpu.pending |= 1 << nr;
}

/** irq_exit: the interrupt handler raised softirqs, so run them now, unless softirqs are already running here. */
export function irq_exit(cpu: Cpu): void {
  if (cpu.inSoftirq || !cpu.pending) return;
  // end = jiffies + msecs_to_jiffies(2): at HZ=250 that is the next tick, not a full 2 ms.
  const tickNs = machine().tickNs;
  const jiffies = Math.floor(cpu.clock / tickNs);
  cpu.inSoftirq = true;
  cpu.softirqEnd = jiffies + Math.ceil(MAX_SOFTIRQ_TIME_NS / tickNs);
  cpu.softirqRestart = MAX_SOFTIRQ_RESTART;
}

/**
 * handle_softirqs: one pass, each pending softirq's handler once. In irq_exit context, decide
 * whether to go round again or hand the rest to ksoftirqd.
 */
export function handle_softirqs(cpu: Cpu, ctx: typeof CTX_SOFTIRQ | typeof CTX_KSOFTIRQD): void {
  const m = machine();
  cpu.setCtx(ctx);
  const pending = cpu.pending;
  cpu.pending = 0;
  cpu.charge(m.cost.softirqEntry);
  const vec = m.softirq_vec;
  for (let nr = 0; nr < NR_SOFTIRQS; nr++) {
    if (!(pending & (1 << nr))) continue;
    cpu.softirqCounts[nr]!++;
    const action = vec[nr]!;
    if (action !== null) action();
  }
  if (ctx === CTX_SOFTIRQ && cpu.inSoftirq) {
    const jiffies = Math.floor(cpu.clock / m.tickNs);
    if (cpu.pending && !(jiffies < cpu.softirqEnd && !need_resched(cpu) && --cpu.softirqRestart > 0)) {
      wakeup_softirqd(cpu);
      cpu.inSoftirq = false;
    } else if (!cpu.pending) {
      cpu.inSoftirq = false;
    }
  }
}

export function wakeup_softirqd(cpu: Cpu): void {
  try_to_wake_up(cpu, cpu.ksoftirqd);
}

/** The per-CPU kthread that takes over softirq work that keeps coming back. */
class Ksoftirqd implements Thread {
  declare readonly name: string;
  runnable = false;
  vruntime = -0; // a double from the start (docs/fast-simulator-code.md)

  constructor(cpu: number) {
    this.name = `ksoftirqd/${cpu}`;
  }

  /** run_ksoftirqd */
  step(cpu: Cpu): void {
    if (!cpu.pending) {
      this.runnable = false;
      return;
    }
    handle_softirqs(cpu, CTX_KSOFTIRQD);
  }
}

/** spawn_ksoftirqd: ksoftirqd/N, the first thread of each CPU. */
export function spawn_ksoftirqd(cpu: Cpu): void {
  cpu.ksoftirqd = new Ksoftirqd(cpu.id);
  cpu.threads.push(cpu.ksoftirqd);
}
