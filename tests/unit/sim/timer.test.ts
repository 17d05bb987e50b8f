import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/sim/engine/rng.ts';
import { TimerQueue, type Timer } from '../../../src/sim/engine/timer.ts';

/** The order the heap must reproduce: earliest time first, then lowest id. */
function earliest(armed: Set<Timer>): Timer | undefined {
  let best: Timer | undefined;
  for (const t of armed) if (!best || t.time < best.time || (t.time === best.time && t.id < best.id)) best = t;
  return best;
}

describe('TimerQueue', () => {
  it('pops (and peeks) timers by (time, id) through any mix of arm, re-arm, armEarlier, disarm and pop', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const q = new TimerQueue();
      const timers = Array.from({ length: 2 + rng.int(30) }, () => q.create(() => {}));
      const armed = new Set<Timer>();
      for (let step = 0; step < 3000; step++) {
        const t = timers[rng.int(timers.length)]!;
        // Few distinct times, so that ties (broken by id) are common.
        const time = rng.int(50);
        const op = rng.int(6);
        if (op === 0 || op === 1) {
          q.arm(t, time);
          armed.add(t);
        } else if (op === 2) {
          const before = t.index >= 0 ? t.time : Infinity;
          q.armEarlier(t, time);
          if (time < before) armed.add(t);
          expect(t.time).toBe(Math.min(before, time));
        } else if (op === 3) {
          q.disarm(t);
          armed.delete(t);
        } else {
          const got = q.pop();
          expect(got).toBe(earliest(armed));
          if (got) {
            armed.delete(got);
            expect(got.index).toBe(-1);
          }
        }
        expect(q.peekTime()).toBe(earliest(armed)?.time ?? Infinity);
        expect(q.peek()).toBe(earliest(armed));
      }
      // Drain: what is left comes out in order.
      for (let want = earliest(armed); want; want = earliest(armed)) {
        expect(q.pop()).toBe(want);
        armed.delete(want);
      }
      expect(q.pop()).toBeUndefined();
      expect(q.peekTime()).toBe(Infinity);
    }
  });
});
