import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../src/sim/engine/fifo.ts';

/** Empty a queue, in the order it gives its items back. */
function drain<T>(q: Fifo<T>): T[] {
  const out: T[] = [];
  for (let x = q.shift(); x !== undefined; x = q.shift()) out.push(x);
  return out;
}

describe('the ring FIFO behind skb queues and pending interrupts', () => {
  it('gives items back in the order they came, also once it has wrapped round and grown', () => {
    const q = new Fifo<number>();
    const expected: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the head moves round the ring before it has to grow (16, then 32, 64).
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 3; i++) {
        q.push(next);
        expected.push(next++);
      }
      expect(q.shift()).toBe(expected.shift());
    }
    expect(q.qlen).toBe(expected.length);
    expect(q.peek()).toBe(expected[0]);
    expect(drain(q)).toEqual(expected);
    expect(q.qlen).toBe(0);
    expect(q.shift()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
  });

  it('splices every item of one queue onto the tail of another and leaves the first empty', () => {
    const a = new Fifo<string>();
    const b = new Fifo<string>();
    for (const x of ['a1', 'a2']) a.push(x);
    for (const x of ['b1', 'b2', 'b3']) b.push(x);
    a.spliceTailInit(b);
    expect(b.qlen).toBe(0);
    expect(drain(a)).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
  });
});
