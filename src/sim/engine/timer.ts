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
  declare readonly id: number;
  /** Called at the timer's time, which is then the host's `now` (not passed: an argument would be boxed on every call). */
  declare readonly fire: () => void;

  constructor(id: number, fire: () => void) {
    this.id = id;
    this.fire = fire;
  }
}

export class TimerQueue {
  /**
   * The heap is heap[0, size): the array only grows, so that every store but a growing one is in
   * bounds (frozen built-in prototypes, as a learner's sandbox has them, make V8's growing stores slow).
   */
  private readonly heap: Timer[] = [];
  private size = 0;
  /**
   * pop() left the root slot empty (heap[0] is stale). Most events re-arm a timer next, which then
   * drops into the hole with one sift-down instead of a sift-down for the pop and a sift-up for the push.
   */
  private hole = false;
  private nextId = 0;

  create(fire: () => void): Timer {
    return new Timer(this.nextId++, fire);
  }

  /** Arm (or re-arm) a timer at an absolute time. */
  arm(timer: Timer, time: number): void {
    if (timer.index < 0) {
      timer.time = time;
      if (this.hole) {
        this.hole = false;
        this.down(timer, 0);
      } else {
        this.append(timer);
        this.up(timer, this.size - 1);
      }
    } else {
      // Fill the hole while the timer still has the time its place in the heap was chosen by.
      this.fillHole();
      timer.time = time;
      this.up(timer, timer.index);
      this.down(timer, timer.index);
    }
  }

  /** Arm a timer only if that makes it fire earlier. */
  armEarlier(timer: Timer, time: number): void {
    if (timer.index < 0 || time < timer.time) this.arm(timer, time);
  }

  disarm(timer: Timer): void {
    if (timer.index < 0) return;
    this.fillHole();
    const i = timer.index;
    const last = this.heap[--this.size]!;
    timer.index = -1;
    timer.time = Infinity;
    if (last !== timer) {
      this.up(last, i);
      this.down(last, last.index);
    }
  }

  /** peek()'s time, without choosing between the hole's two subtrees by id (the wire asks this per frame). */
  peekTime(): number {
    const heap = this.heap;
    const n = this.size;
    if (!this.hole) return n > 0 ? heap[0]!.time : Infinity;
    // Both subtrees of the hole are heaps: the earliest timer is one of their roots.
    if (n > 2) return Math.min(heap[1]!.time, heap[2]!.time);
    return n > 1 ? heap[1]!.time : Infinity;
  }

  /** The timer pop() would return, left in place. */
  peek(): Timer | undefined {
    const heap = this.heap;
    const n = this.size;
    if (!this.hole) return n > 0 ? heap[0] : undefined;
    const l = n > 1 ? heap[1] : undefined;
    const r = n > 2 ? heap[2] : undefined;
    if (r === undefined) return l;
    return r.time < l!.time || (r.time === l!.time && r.id < l!.id) ? r : l;
  }

  /** A place in the order of same-time events for a source outside the heap: that of a timer created now. */
  rank(): number {
    return this.nextId++;
  }

  /** Remove and return the earliest timer. */
  pop(): Timer | undefined {
    this.fillHole();
    if (this.size === 0) return undefined;
    const top = this.heap[0]!;
    top.index = -1;
    this.hole = true;
    return top;
  }

  /** Move the last timer into the hole. */
  private fillHole(): void {
    if (!this.hole) return;
    this.hole = false;
    const last = this.heap[--this.size]!;
    if (this.size > 0) this.down(last, 0);
  }

  private append(t: Timer): void {
    if (this.size === this.heap.length) this.heap.push(t);
    else this.heap[this.size] = t;
    this.size++;
  }

  /** Place `t` at slot i or above it. */
  private up(t: Timer, i: number): void {
    const heap = this.heap;
    const time = t.time;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p]!;
      if (!(time < parent.time || (time === parent.time && t.id < parent.id))) break;
      heap[i] = parent;
      parent.index = i;
      i = p;
    }
    heap[i] = t;
    t.index = i;
  }

  /** Place `t` at slot i or below it. */
  private down(t: Timer, i: number): void {
    const heap = this.heap;
    const n = this.size;
    const time = t.time;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let child = heap[l]!;
      if (l + 1 < n) {
        const r = heap[l + 1]!;
        if (r.time < child.time || (r.time === child.time && r.id < child.id)) {
          c = l + 1;
          child = r;
        }
      }
      if (!(child.time < time || (child.time === time && child.id < t.id))) break;
      heap[i] = child;
      child.index = i;
      i = c;
    }
    heap[i] = t;
    t.index = i;
  }
}
