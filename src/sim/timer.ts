/**
 * Virtual time: a min-heap of timers ordered by (time, id). Every actor that can act later (a CPU,
 * an interrupt vector's throttle, the wire) owns one Timer and re-arms it, so the heap stays a few
 * dozen entries deep and the same inputs always fire in the same order.
 */
export class Timer {
  /** Absolute virtual time in ns; Infinity when disarmed. */
  time = Infinity;
  /** Position in the heap, -1 when not queued. */
  index = -1;
  readonly id: number;
  readonly fire: (now: number) => void;

  constructor(id: number, fire: (now: number) => void) {
    this.id = id;
    this.fire = fire;
  }
}

export class TimerQueue {
  private readonly heap: Timer[] = [];
  private nextId = 0;

  create(fire: (now: number) => void): Timer {
    return new Timer(this.nextId++, fire);
  }

  /** Arm (or re-arm) a timer at an absolute time. */
  arm(timer: Timer, time: number): void {
    timer.time = time;
    if (timer.index < 0) {
      timer.index = this.heap.length;
      this.heap.push(timer);
      this.up(timer.index);
    } else {
      this.up(timer.index);
      this.down(timer.index);
    }
  }

  /** Arm a timer only if that makes it fire earlier. */
  armEarlier(timer: Timer, time: number): void {
    if (timer.index < 0 || time < timer.time) this.arm(timer, time);
  }

  disarm(timer: Timer): void {
    const i = timer.index;
    if (i < 0) return;
    const last = this.heap.pop()!;
    timer.index = -1;
    timer.time = Infinity;
    if (last !== timer) {
      this.heap[i] = last;
      last.index = i;
      this.up(i);
      this.down(i);
    }
  }

  peekTime(): number {
    return this.heap.length ? this.heap[0]!.time : Infinity;
  }

  /** Remove and return the earliest timer. */
  pop(): Timer | undefined {
    const top = this.heap[0];
    if (top) this.disarmTop(top);
    return top;
  }

  private disarmTop(top: Timer): void {
    const last = this.heap.pop()!;
    top.index = -1;
    if (last !== top) {
      this.heap[0] = last;
      last.index = 0;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.time < b.time || (a.time === b.time && a.id < b.id);
  }

  private up(i: number): void {
    const heap = this.heap;
    const t = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p]!;
      if (!this.less(t, parent)) break;
      heap[i] = parent;
      parent.index = i;
      i = p;
    }
    heap[i] = t;
    t.index = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const t = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(heap[r]!, heap[l]!) ? r : l;
      const child = heap[c]!;
      if (!this.less(child, t)) break;
      heap[i] = child;
      child.index = i;
      i = c;
    }
    heap[i] = t;
    t.index = i;
  }
}
