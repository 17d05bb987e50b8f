/**
 * A bounded trace of what happened to packets: the last `capacity` events (stage, packet, CPU,
 * time), kept in typed arrays so that recording costs a few stores. Diagrams, latency plots and
 * "where did my packet go?" read it.
 */
export const TRACE_STAGES = [
  'wire', // the frame reached the NIC
  'nic_drop', // the NIC dropped it (aux: index of the drop site)
  'dma', // DMA'd into an RX ring (aux: queue)
  'poll', // the driver's poll took it off the ring (aux: queue)
  'gro_merged', // GRO merged it into a held skb
  'backlog', // enqueue_to_backlog put it on a CPU's backlog (aux: target CPU)
  'netif_receive', // __netif_receive_skb_core ran for it
  'ip_rcv',
  'l4_rcv', // udp_rcv / tcp_v4_rcv
  'sock_queue', // queued on a socket (aux: socket index)
  'read', // the application read it (aux: socket index)
  'drop', // kfree_skb with a reason (aux: index of the drop site)
] as const;

export type TraceStage = (typeof TRACE_STAGES)[number];
export const STAGE: { readonly [K in TraceStage]: number } = Object.fromEntries(
  TRACE_STAGES.map((name, i) => [name, i]),
) as { [K in TraceStage]: number };

export interface TraceEvent {
  time: number;
  packet: number;
  stage: TraceStage;
  cpu: number; // -1 for the NIC
  aux: number;
}

export class Trace {
  declare readonly capacity: number;
  private declare readonly times: Float64Array;
  /** Per event: packet, aux, and the stage (a byte) with the CPU (a signed byte) above it: fewer stores than an array per field. */
  private declare readonly fields: Int32Array;
  private next = 0;
  /** The ring has been filled once: the oldest event held is at `next`. */
  private wrapped = false;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
    this.times = new Float64Array(this.capacity);
    this.fields = new Int32Array(this.capacity * 3);
  }

  record(time: number, packet: number, stage: number, cpu: number, aux: number): void {
    if (this.capacity === 0) return;
    const i = this.next;
    this.times[i] = time;
    const f = this.fields;
    const j = i * 3;
    f[j] = packet;
    f[j + 1] = aux;
    f[j + 2] = (stage & 0xff) | ((cpu << 24) >> 16);
    if (i + 1 === this.capacity) {
      this.next = 0;
      this.wrapped = true;
    } else {
      this.next = i + 1;
    }
  }

  /** The events held, oldest first. */
  events(): TraceEvent[] {
    const held = this.wrapped ? this.capacity : this.next;
    const start = this.wrapped ? this.next : 0;
    const out: TraceEvent[] = new Array(held);
    for (let k = 0; k < held; k++) {
      const i = (start + k) % this.capacity;
      const j = i * 3;
      const sc = this.fields[j + 2]!;
      out[k] = {
        time: this.times[i]!,
        packet: this.fields[j]!,
        stage: TRACE_STAGES[sc & 0xff]!,
        cpu: sc >> 8,
        aux: this.fields[j + 1]!,
      };
    }
    return out;
  }
}
