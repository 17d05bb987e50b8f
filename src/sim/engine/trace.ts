/**
 * A bounded trace of what happened to packets: the last `capacity` events (stage, packet, CPU,
 * time), kept in one typed array so that recording costs three stores. Diagrams, latency plots and
 * "where did my packet go?" read it.
 */
export const TRACE_STAGES = [
  'wire', // the frame reached the NIC
  'nic_drop', // the NIC dropped it
  'dma', // DMA'd into an RX ring (aux: queue)
  'poll', // the driver's poll took it off the ring (aux: queue)
  'gro_merged', // GRO merged it into a held skb
  'backlog', // enqueue_to_backlog put it on a CPU's backlog (aux: target CPU)
  'netif_receive', // __netif_receive_skb_core ran for it
  'ip_rcv',
  'l4_rcv', // udp_rcv / tcp_v4_rcv
  'sock_queue', // queued on a socket (aux: socket index)
  'read', // the application read it (aux: socket index)
  'drop', // kfree_skb with a reason (aux: the reason's index in SKB_DROP_REASONS)
] as const;

export type TraceStage = (typeof TRACE_STAGES)[number];
export const STAGE: { readonly [K in TraceStage]: number } = Object.fromEntries(
  TRACE_STAGES.map((name, i) => [name, i]),
) as { [K in TraceStage]: number };

/**
 * Events that share a packet, a time and a CPU are recorded as one and read as two: the first of
 * the pair with aux 0, the second with the aux recorded. A frame DMA'd on arrival (the common case)
 * reaches the NIC and its ring at once (aux: the queue); __netif_receive_skb_core hands the skb to
 * ip_rcv at once; udp_rcv queues the datagram at once (aux: the socket), or frees it at once (aux:
 * the drop reason).
 */
const PAIRS = [
  ['wire', 'dma'],
  ['netif_receive', 'ip_rcv'],
  ['l4_rcv', 'sock_queue'],
  ['l4_rcv', 'drop'],
] as const satisfies readonly (readonly [TraceStage, TraceStage])[];
export const WIRE_DMA = TRACE_STAGES.length;
export const NETIF_IP_RCV = WIRE_DMA + 1;
export const L4_SOCK_QUEUE = WIRE_DMA + 2;
export const L4_DROP = WIRE_DMA + 3;

export interface TraceEvent {
  time: number;
  packet: number;
  stage: TraceStage;
  cpu: number; // -1 for the NIC
  aux: number;
}

/** Numbers per event, and where aux begins in the third (below it: stage, 5 bits, and CPU + 1, 6 bits). */
const SLOT = 3;
const AUX_SCALE = 2048;

export class Trace {
  declare readonly capacity: number;
  /**
   * Per event three numbers: time, packet, and aux with the stage and CPU in the low bits (aux ×
   * AUX_SCALE + stage × 64 + cpu + 1, exact in a double while aux is below 2^42). One array, so a
   * record is three stores into it; its length in events is a power of two, so the slot is a mask away.
   */
  private declare readonly slots: Float64Array;
  private declare readonly mask: number;
  /** Events recorded so far (the next one goes to slot count & mask). */
  private count = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
    let size = 1;
    while (size < this.capacity) size *= 2;
    this.slots = new Float64Array(size * SLOT);
    this.mask = size - 1;
  }

  record(time: number, packet: number, stage: number, cpu: number, aux: number): void {
    const j = (this.count++ & this.mask) * SLOT;
    const s = this.slots;
    s[j] = time;
    s[j + 1] = packet;
    s[j + 2] = aux * AUX_SCALE + ((stage << 6) | (cpu + 1));
  }

  /** The last `last` events (at most `capacity`), oldest first. */
  events(last = this.capacity): TraceEvent[] {
    const want = Math.min(this.capacity, Math.max(0, Math.floor(last)));
    const out: TraceEvent[] = [];
    const s = this.slots;
    const oldest = Math.max(0, this.count - (this.mask + 1));
    // Newest first, until enough: a record of a pair gives two events.
    for (let n = this.count - 1; n >= oldest && out.length < want; n--) {
      const j = (n & this.mask) * SLOT;
      const packed = s[j + 2]!;
      const low = packed % AUX_SCALE;
      const cpu = (low & 63) - 1;
      const stage = low >> 6;
      const aux = (packed - low) / AUX_SCALE;
      const time = s[j]!;
      const packet = s[j + 1]!;
      if (stage >= WIRE_DMA) {
        const pair = PAIRS[stage - WIRE_DMA]!;
        out.push({ time, packet, stage: pair[1], cpu, aux });
        if (out.length < want) out.push({ time, packet, stage: pair[0], cpu, aux: 0 });
      } else {
        out.push({ time, packet, stage: TRACE_STAGES[stage]!, cpu, aux });
      }
    }
    return out.reverse();
  }

  /** A copy that later events leave as it is. */
  snapshot(): Trace {
    const copy = new Trace(this.capacity);
    copy.slots.set(this.slots);
    copy.count = this.count;
    return copy;
  }
}
