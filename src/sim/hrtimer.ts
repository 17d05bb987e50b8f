/** struct hrtimer, reduced to what NAPI uses (kernel/time/hrtimer.c). */
import type { Cpu } from './cpu.ts';
import type { Host } from './host.ts';
import type { Timer } from './timer.ts';

/** One timer with one function, run in hard IRQ context on the CPU that last started it. */
export class Hrtimer {
  declare readonly host: Host;
  declare readonly function: () => void;
  /** Its place in virtual time, made at the first start (so that hosts that never start one keep their event order). */
  timer: Timer | null = null;
  /** The CPU it was last started on (HRTIMER_MODE_REL_PINNED): where it expires. */
  cpu: Cpu | null = null;

  constructor(host: Host, fn: () => void) {
    this.host = host;
    this.function = fn;
  }
}

/** hrtimer_start(timer, ns_to_ktime(delayNs), HRTIMER_MODE_REL_PINNED): (re)arm on this CPU; a pending expiry moves. */
export function hrtimer_start(timer: Hrtimer, delayNs: number): void {
  const cpu = timer.host.cpu;
  timer.cpu = cpu;
  const timers = timer.host.timers;
  timer.timer ??= timers.create(() => timer.cpu!.hrtimerExpired(timer.function));
  timers.arm(timer.timer, cpu.clock + delayNs);
}
