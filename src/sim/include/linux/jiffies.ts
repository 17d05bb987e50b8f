/** Time in ticks of 1/HZ (include/linux/jiffies.h). */
import * as machine_h from '../machine.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;

/** jiffies, as the CPU running now sees it: its clock in ticks. */
export function jiffies(): number {
  const m = machine();
  return Math.floor(m.cpu.clock / m.tickNs);
}

/** usecs_to_jiffies: rounds up. */
export function usecs_to_jiffies(usecs: number): number {
  const usPerJiffy = 1_000_000 / machine().hz;
  return Math.ceil(usecs / usPerJiffy);
}

/** time_after_eq(a, b) */
export function time_after_eq(a: number, b: number): boolean {
  return a - b >= 0;
}
