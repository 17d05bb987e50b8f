/**
 * A first-in first-out queue in a growable ring: push and shift are O(1) and call no Array
 * builtin (Array.prototype.shift moves every element, and V8 runs it in C++ for some arrays).
 */
export class Fifo<T> {
  /** Always filled (undefined where empty): stores into a hole are slow once built-in prototypes are frozen. */
  private items: (T | undefined)[] = filled(16);
  private head = 0;
  /** How many items are queued. */
  qlen = 0;

  push(item: T): void {
    if (this.qlen === this.items.length) this.grow();
    this.items[(this.head + this.qlen) & (this.items.length - 1)] = item;
    this.qlen++;
  }

  shift(): T | undefined {
    if (this.qlen === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.qlen--;
    return item;
  }

  peek(): T | undefined {
    return this.qlen ? this.items[this.head] : undefined;
  }

  /** Move every item of `from` to the tail of this queue (skb_queue_splice_tail_init). */
  spliceTailInit(from: Fifo<T>): void {
    for (let item = from.shift(); item !== undefined; item = from.shift()) this.push(item);
  }

  private grow(): void {
    const old = this.items;
    const next = filled<T>(old.length * 2);
    for (let i = 0; i < this.qlen; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}

function filled<T>(n: number): (T | undefined)[] {
  const a: (T | undefined)[] = [];
  for (let i = 0; i < n; i++) a.push(undefined);
  return a;
}
