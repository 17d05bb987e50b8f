import type { SkBuff } from './skbuff.ts';

/** struct sk_buff_head: a FIFO of skbs (a growable ring, so enqueue and dequeue are O(1)). */
export class SkbQueue {
  private items: (SkBuff | undefined)[] = new Array(16);
  private head = 0;
  qlen = 0;

  push(skb: SkBuff): void {
    if (this.qlen === this.items.length) this.grow();
    this.items[(this.head + this.qlen) & (this.items.length - 1)] = skb;
    this.qlen++;
  }

  shift(): SkBuff | undefined {
    if (this.qlen === 0) return undefined;
    const skb = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.qlen--;
    return skb;
  }

  peek(): SkBuff | undefined {
    return this.qlen ? this.items[this.head] : undefined;
  }

  /** skb_queue_splice_tail_init: move every skb of `from` to the tail of this queue. */
  spliceTailInit(from: SkbQueue): void {
    for (let skb = from.shift(); skb; skb = from.shift()) this.push(skb);
  }

  private grow(): void {
    const old = this.items;
    const next: (SkBuff | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.qlen; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
