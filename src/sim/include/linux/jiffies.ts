/** Time in ticks of 1/HZ (include/linux/jiffies.h). */
import { machine } from '../machine.ts';

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
