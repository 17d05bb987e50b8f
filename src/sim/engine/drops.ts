/**
 * Every drop of a run, by reason and place: the simulator's own record, which the kernel's
 * skb:kfree_skb tracepoint and the NIC's counters each see a part of.
 */
export interface DropCount<R extends string = string> {
  /** Kernel drop reason, or null for a drop in the NIC's hardware. */
  readonly reason: R | null;
  /** The kernel function that freed the skb, or the NIC counter for a hardware drop. */
  readonly where: string;
  count: number;
}

export class DropLedger<R extends string = string> {
  /** Counts by reason (or 'hw') and then by place: constant strings, so no key is built per drop. */
  private readonly byReason = new Map<string, Map<string, DropCount<R>>>();
  private last: DropCount<R> | null = null;

  count(reason: R | null, where: string, n: number): void {
    // Drops come in runs from one place: the last place counted needs no lookup.
    const last = this.last;
    if (last !== null && last.reason === reason && last.where === where) last.count += n;
    else this.countAt(reason, where, n);
  }

  private countAt(reason: R | null, where: string, n: number): void {
    const key = reason ?? 'hw';
    let places = this.byReason.get(key);
    if (!places) this.byReason.set(key, (places = new Map()));
    let d = places.get(where);
    if (d) d.count += n;
    else places.set(where, (d = { reason, where, count: n }));
    this.last = d;
  }

  /** Every count, largest first (copies). */
  counts(): DropCount<R>[] {
    const all: DropCount<R>[] = [];
    for (const places of this.byReason.values()) for (const d of places.values()) all.push({ ...d });
    return all.sort((a, b) => b.count - a.count || a.where.localeCompare(b.where));
  }
}
