/**
 * What a CPU runs next, and when (kernel/sched/core.c, reduced): pending hard interrupts first, then
 * the softirqs they raised (at irq_exit), then threads (the application, ksoftirqd) by a fair
 * scheduler; the tick; waking a thread, here or on another CPU.
 */
import * as machine_h from '../../include/machine.ts';
import type { Machine } from '../../include/machine.ts';
import * as interrupt_h from '../../include/linux/interrupt.ts';
import { IrqDesc } from '../../include/linux/irqdesc.ts';
import * as sched_h from '../../include/linux/sched.ts';
import type { Cpu, Thread } from '../../include/linux/sched.ts';
import * as apic_h from '../../hw/apic.ts';
// A cycle the kernel has too: named imports, which stay live while the modules load (a module constant would read the other module half-loaded).
import { handle_irq } from '../irq/handle.ts';
import { __raise_softirq_irqoff, handle_softirqs } from '../softirq.ts';
import * as hrtimer_h from '../time/hrtimer.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { TIMER_SOFTIRQ } = interrupt_h;
const { CTX_IDLE, CTX_SOFTIRQ, CTX_SYSTEM } = sched_h;
const { machine } = machine_h;
const { apic_deliver } = apic_h;
const { hrtimer_interrupt } = hrtimer_h;

/** Give a CPU its timers (its next step, its tick) and its local timer vectors, at boot. */
export function sched_init_cpu(cpu: Cpu): void {
  const m = machine();
  cpu.timer = m.timers.create(() => cpu_step(m, cpu));
  cpu.tickTimer = m.timers.create(() => tick(m, cpu));
  m.timers.arm(cpu.tickTimer, m.tickNs);
  cpu.tickIrq = new IrqDesc(-1, 'LOC', '', 0, [], () => sched_tick(cpu));
  cpu.hrtimerIrq = new IrqDesc(-1, 'LOC', '', 1 << cpu.id, [], () => hrtimer_interrupt(cpu));
}

/** One step of `cpu` now: a hard interrupt, a pass over the softirqs, or a thread's step; or idle. */
function cpu_step(m: Machine, cpu: Cpu): void {
  const now = m.now;
  if (cpu.clock < now) {
    cpu.settle();
    cpu.spent[CTX_IDLE]! += now - cpu.clock;
    cpu.clock = now;
    cpu.ctxStart = now;
  }
  m.cpu = cpu;
  if (cpu.irqs.qlen > 0) {
    handle_irq(cpu, cpu.irqs.shift()!);
  } else if (cpu.inSoftirq) {
    handle_softirqs(cpu, CTX_SOFTIRQ);
  } else if (!schedule(m, cpu)) {
    return; // idle until an interrupt or a wake-up
  }
  m.timers.arm(cpu.timer, cpu.clock);
}

/** need_resched(): the scheduler should switch tasks at the next chance. */
export function need_resched(cpu: Cpu): boolean {
  if (cpu.needResched) return true;
  if (cpu.current !== null) return false;
  const threads = cpu.threads;
  for (let i = 0; i < threads.length; i++) if (threads[i]!.runnable) return true;
  return false;
}

/** try_to_wake_up: make a thread of `cpu` runnable, from code running on this CPU (an IPI if it is another). */
export function try_to_wake_up(cpu: Cpu, thread: Thread): void {
  if (thread.runnable) return;
  thread.runnable = true;
  thread.vruntime = Math.max(thread.vruntime, min_vruntime(cpu));
  const m = machine();
  const waker = m.cpu;
  if (waker === cpu) {
    if (cpu.current === null) cpu.needResched = true;
    cpu.wake(cpu.clock);
  } else {
    waker.charge(m.cost.wakeup);
    if (cpu.current === null && cpu.clock <= waker.clock) cpu.local.RES++;
    cpu.wake(waker.clock + m.cost.ipiLatency);
  }
}

/** Put a thread of `cpu` to sleep until `time` (a timer wakes it, no other CPU is involved). */
export function sleep_until(cpu: Cpu, thread: Thread, time: number): void {
  thread.runnable = false;
  const timers = machine().timers;
  const timer = timers.create(() => {
    if (thread.runnable) return;
    thread.runnable = true;
    thread.vruntime = Math.max(thread.vruntime, min_vruntime(cpu));
    if (cpu.current === null) cpu.needResched = true;
    cpu.wake(time);
  });
  timers.arm(timer, time);
}

function min_vruntime(cpu: Cpu): number {
  let min = Infinity;
  const threads = cpu.threads;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i]!;
    if ((t.runnable || t === cpu.current) && t.vruntime < min) min = t.vruntime;
  }
  return min === Infinity ? 0 : min;
}

/** pick_next_task: the runnable thread with the least vruntime. */
function pick_next_task(cpu: Cpu): Thread | null {
  let best: Thread | null = null;
  const threads = cpu.threads;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i]!;
    if (t.runnable && (best === null || t.vruntime < best.vruntime)) best = t;
  }
  return best;
}

/** schedule, then a step of the thread chosen; false when nothing is runnable. */
function schedule(m: Machine, cpu: Cpu): boolean {
  let t = cpu.current;
  if (t === null || !t.runnable || cpu.needResched) {
    const next = pick_next_task(cpu);
    cpu.needResched = false;
    if (next !== t && next !== null && t !== null) {
      cpu.setCtx(CTX_SYSTEM);
      cpu.charge(m.cost.contextSwitch);
    }
    if (next !== t) {
      cpu.nr_switches++;
      cpu.sliceStart = cpu.clock;
    }
    cpu.current = next;
    t = next;
  }
  if (t === null) return false;
  const before = cpu.clock;
  t.step(cpu);
  t.vruntime += cpu.clock - before;
  return true;
}

/** The periodic tick (HZ): skipped while idle (NOHZ), otherwise a local timer interrupt. */
function tick(m: Machine, cpu: Cpu): void {
  const now = m.now;
  m.timers.arm(cpu.tickTimer, now + m.tickNs);
  const busy = cpu.clock > now || cpu.current !== null || cpu.inSoftirq || cpu.irqs.qlen > 0;
  if (!busy) return;
  apic_deliver(cpu, cpu.tickIrq, now);
}

/** sched_tick: account the tick, raise TIMER_SOFTIRQ, and preempt a thread whose slice is over. */
function sched_tick(cpu: Cpu): void {
  const cost = machine().cost;
  cpu.local.LOC++;
  // The interrupt's entry and exit were charged as a hard IRQ; the tick's own work is the rest.
  cpu.charge(Math.max(0, cost.tick - cost.hardirq));
  __raise_softirq_irqoff(cpu, TIMER_SOFTIRQ);
  const cur = cpu.current;
  if (cur !== null && cpu.clock - cpu.sliceStart >= machine().sched_slice_ns) {
    for (let i = 0; i < cpu.threads.length; i++) {
      const t = cpu.threads[i]!;
      if (t !== cur && t.runnable && t.vruntime < cur.vruntime) {
        cpu.needResched = true;
        break;
      }
    }
  }
}
