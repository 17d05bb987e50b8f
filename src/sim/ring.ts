import type { QVector } from './igb.ts';

/** A page the driver maps for DMA; igb splits it in two 2 KiB halves and flips between them. */
export class RxPage {
  /** skbs still holding a half of this page. While the stack holds it, the driver cannot reuse it. */
  skbRefs = 0;
}

/** One receive descriptor as the NIC writes it back (igb's union e1000_adv_rx_desc, wb half). */
export class RxDesc {
  /** wb.upper.length: 0 until the NIC has written a frame here (igb tests it instead of DD). */
  length = 0;
  /** Status DD (descriptor done) and EOP. */
  dd = false;
  /** RSS hash the NIC computed (wb.lower.hi_dword.rss). */
  rss_hash = -0; // a double from the start (index.ts)
  /** Error bits the NIC's checksum offload set (IPE/L4E). */
  csum_err = false;
  /**
   * The frame DMA'd into this descriptor's buffer, as its bytes land in host memory: its fields,
   * copied from the wire's frame, from which build_skb fills the skb. (An object per frame held
   * here would cost a write barrier per frame: a new object stored into a long-lived one.) The
   * flow is named by its id (Host.flowsById).
   */
  frame_flow_id = 0;
  frame_id = 0;
  frame_time = -0; // a double from the start (index.ts)
  frame_seq = 0;
  frame_tcp_flags = 0;
  frame_faults = 0;
}

/** struct igb_rx_buffer: the page behind a descriptor. */
export class RxBuffer {
  page: RxPage | null = null;
}

export function newRxRingStats(): RxRingStats {
  return { packets: 0, bytes: 0, drops: 0, csum_err: 0, alloc_failed: 0 };
}

export interface RxRingStats {
  packets: number;
  bytes: number;
  /** RQDPC: frames dropped because this queue had no free descriptor (SRRCTL.DROP_EN). */
  drops: number;
  csum_err: number;
  alloc_failed: number;
}

/**
 * struct igb_ring for RX. The NIC owns descriptors from its head up to (not including) the tail the
 * driver last wrote; the driver owns the rest. One slot always stays unused so that head == tail
 * means "empty" (igb_desc_unused).
 */
export class RxRing {
  declare readonly count: number;
  declare readonly queue_index: number;
  declare readonly desc: RxDesc[];
  declare readonly buffer_info: RxBuffer[];
  next_to_clean = 0;
  next_to_use = 0;
  /** Hardware registers: RDH (advanced by the NIC) and RDT (written by the driver). */
  head = 0;
  tail = 0;
  /** Pages the driver can flip and reuse without allocating (igb_reuse_rx_page): a stack, `nreusable` deep (never more than the ring's buffers). */
  declare readonly reusable: (RxPage | null)[];
  nreusable = 0;
  /** Kept by the adapter across a ring resize, as igb copies its rings' stats. */
  declare readonly rx_stats: RxRingStats;
  declare q_vector: QVector;

  constructor(count: number, queue_index: number, rx_stats: RxRingStats) {
    this.count = count;
    this.queue_index = queue_index;
    this.rx_stats = rx_stats;
    this.desc = Array.from({ length: count }, () => new RxDesc());
    this.buffer_info = Array.from({ length: count }, () => new RxBuffer());
    this.reusable = new Array<RxPage | null>(count).fill(null);
  }

  /** Descriptors the NIC may still write into. */
  get nicFree(): number {
    const n = this.tail - this.head;
    return n < 0 ? n + this.count : n;
  }
}

/** igb_desc_unused(): descriptors the driver may refill. */
export function igb_desc_unused(ring: RxRing): number {
  const ntc = ring.next_to_clean;
  const ntu = ring.next_to_use;
  return (ntc > ntu ? 0 : ring.count) + ntc - ntu - 1;
}

/** IGB_RX_DESC(R, i) */
export function IGB_RX_DESC(ring: RxRing, i: number): RxDesc {
  const desc = ring.desc[i];
  if (desc === undefined) throw new RangeError(`IGB_RX_DESC: index ${i} is outside the ring (0..${ring.count - 1})`);
  return desc;
}
