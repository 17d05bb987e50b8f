/** struct hrtimer, reduced to what NAPI uses (include/linux/hrtimer.h). */
import type { Timer } from '../../engine/timer.ts';
import type { Cpu } from './sched.ts';

/** One timer with one function, run in hard IRQ context on the CPU that last started it. */
export class Hrtimer {
  /** What runs when it expires (hrtimer_setup). */
  function: () => void = hrtimer_unset;
  /** Its place in virtual time, made at the first start (so that hosts that never start one keep their event order). */
  timer: Timer | null = null;
  /** The CPU it was last started on (HRTIMER_MODE_REL_PINNED): where it expires. */
  cpu: Cpu | null = null;
}

function hrtimer_unset(): void {
  throw new Error('hrtimer expired before hrtimer_setup gave it a function');
}
