/** High-resolution timers (kernel/time/hrtimer.c), reduced to what NAPI uses. */
import * as machine_h from '../../include/machine.ts';
import type { Hrtimer } from '../../include/linux/hrtimer.ts';
import type { Cpu } from '../../include/linux/sched.ts';
import * as apic_h from '../../hw/apic.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;
const { apic_deliver } = apic_h;

/** hrtimer_setup: what the timer runs when it expires. */
export function hrtimer_setup(timer: Hrtimer, fn: () => void): void {
  timer.function = fn;
}

/** hrtimer_start(timer, ns_to_ktime(delayNs), HRTIMER_MODE_REL_PINNED): (re)arm on this CPU; a pending expiry moves. */
export function hrtimer_start(timer: Hrtimer, delayNs: number): void {
  const m = machine();
  const cpu = m.cpu;
  timer.cpu = cpu;
  timer.timer ??= m.timers.create(() => hrtimer_expired(timer.cpu!, timer.function));
  m.timers.arm(timer.timer, cpu.clock + delayNs);
}

/** The timer expired: its function runs in the local timer interrupt of its CPU. */
function hrtimer_expired(cpu: Cpu, fn: () => void): void {
  cpu.hrtimerCallbacks.push(fn);
  apic_deliver(cpu, cpu.hrtimerIrq, machine().now);
}

/** hrtimer_interrupt: run the functions of the timers that expired. */
export function hrtimer_interrupt(cpu: Cpu): void {
  cpu.local.LOC++;
  for (let fn = cpu.hrtimerCallbacks.shift(); fn !== undefined; fn = cpu.hrtimerCallbacks.shift()) fn();
}
