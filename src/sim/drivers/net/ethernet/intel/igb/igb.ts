/**
 * igb's structures and limits (drivers/net/ethernet/intel/igb/igb.h): the adapter, its interrupt
 * vectors (each with its NAPI and its RX ring) and the ring itself, for an Intel i210-class NIC: up
 * to 4 RSS queues, each RX queue paired with a TX queue on one MSI-X vector (eth0-TxRx-N).
 */
import type { IrqDesc } from '../../../../../include/linux/irqdesc.ts';
import type { Page } from '../../../../../include/linux/mm_types.ts';
import { NapiStruct, type NetDevice } from '../../../../../include/linux/netdevice.ts';
import * as skbuff_h from '../../../../../include/linux/skbuff.ts';
import type { MmioRegister } from '../../../../../hw/io.ts';
import type { Nic, NicVector } from '../../../../../hw/nic.ts';
import { RxDesc } from '../../../../../hw/rx_desc.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { SKB_STRUCT_TRUESIZE } = skbuff_h;

export const IGB_DEFAULT_RXD = 256;
export const IGB_MIN_RXD = 64; // lowered from 80 in 2023
export const IGB_MAX_RXD = 4096;
export const IGB_MAX_TXD = 4096;
export const IGB_DEFAULT_ITR = 3; // dynamic conservative
/** Refill (and bump the tail) every 16 cleaned descriptors. */
export const IGB_RX_BUFFER_WRITE = 16;
/** igb_rx_pg_size() / 2: each descriptor gets half a 4 KiB page. */
export const IGB_RX_BUFSZ = 2048;
/** The truesize of an skb built around half a page. */
export const IGB_RX_TRUESIZE = IGB_RX_BUFSZ + SKB_STRUCT_TRUESIZE;
/** ITR register values in 0.25 µs units. */
export const IGB_START_ITR = 648; // ~6000 interrupts/s
export const IGB_70K_ITR = 56;
export const IGB_20K_ITR = 196;
export const IGB_4K_ITR = 980;
/** RSS queues an i210 offers. */
export const IGB_MAX_RX_QUEUES = 4;
/** Entries in igb's redirection table. */
export const IGB_RETA_SIZE = 128;

/** The latency classes of igb_update_itr. */
export const lowest_latency = 0;
export const low_latency = 1;
export const bulk_latency = 2;

/** struct igb_ring_container: what the adaptive ITR learns from. */
export interface RingContainer {
  total_packets: number;
  total_bytes: number;
  itr: number;
}

/** struct igb_rx_buffer: the page behind a descriptor. */
export class RxBuffer {
  page: Page | null = null;
}

/** A queue's counters (struct igb_rx_queue_stats), kept by the adapter across a ring resize. */
export interface RxRingStats {
  packets: number;
  bytes: number;
  /** Frames the NIC dropped for want of a descriptor: RQDPC, folded in by igb_update_stats. */
  drops: number;
  csum_err: number;
  alloc_failed: number;
}

export function newRxRingStats(): RxRingStats {
  return { packets: 0, bytes: 0, drops: 0, csum_err: 0, alloc_failed: 0 };
}

/**
 * struct igb_ring for RX. The NIC owns descriptors from its head up to, not including, the tail the
 * driver last wrote; the driver owns the rest. One slot always stays unused so that head == tail
 * means "empty" (igb_desc_unused).
 */
export class RxRing {
  declare readonly count: number;
  declare readonly queue_index: number;
  /** The descriptors, in memory the NIC writes into (its RDBAL points here). */
  declare readonly desc: RxDesc[];
  declare readonly buffer_info: RxBuffer[];
  next_to_clean = 0;
  next_to_use = 0;
  /** The queue's tail register (RDT): writel(next_to_use, rx_ring.tail) hands descriptors to the NIC. */
  declare readonly tail: MmioRegister;
  /** Pages the driver can flip and reuse without allocating (igb_reuse_rx_page): a stack, `nreusable` deep (never more than the ring's buffers). */
  declare readonly reusable: (Page | null)[];
  nreusable = 0;
  declare readonly rx_stats: RxRingStats;
  declare q_vector: QVector;

  constructor(count: number, queue_index: number, rx_stats: RxRingStats, tail: MmioRegister) {
    this.count = count;
    this.queue_index = queue_index;
    this.rx_stats = rx_stats;
    this.tail = tail;
    this.desc = Array.from({ length: count }, () => new RxDesc());
    this.buffer_info = Array.from({ length: count }, () => new RxBuffer());
    this.reusable = new Array<Page | null>(count).fill(null);
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

/** struct igb_q_vector: one interrupt vector, its NAPI and its ring. */
export class QVector {
  declare readonly adapter: IgbAdapter;
  declare readonly napi: NapiStruct;
  declare readonly rx_ring: RxRing;
  readonly rx: RingContainer = { total_packets: 0, total_bytes: 0, itr: low_latency };
  /** Current ITR register value (0.25 µs units). */
  declare itr_val: number;
  /** The NIC's vector this q_vector's interrupt comes from. */
  declare readonly vector: NicVector;

  constructor(adapter: IgbAdapter, rx_ring: RxRing, napi: NapiStruct, vector: NicVector, itr_val: number) {
    this.adapter = adapter;
    this.rx_ring = rx_ring;
    this.napi = napi;
    this.vector = vector;
    this.itr_val = itr_val;
    napi.container = this;
  }
}

/** struct igb_adapter, reduced. */
export class IgbAdapter {
  declare readonly netdev: NetDevice;
  /** The NIC's registers (adapter->hw). */
  declare readonly nic: Nic;
  declare num_rx_queues: number;
  rx_ring_count = IGB_DEFAULT_RXD;
  /** TX rings are not simulated; the setting is kept for ethtool -g. */
  tx_ring_count = IGB_DEFAULT_RXD;
  /** As igb_set_coalesce stores it: 0 (off), 1 or 3 (dynamic), or the fixed interval in µs << 2. */
  rx_itr_setting = IGB_DEFAULT_ITR;
  q_vectors: QVector[] = [];
  /** The "other" vector (link, misc) and the queue vectors, as /proc/interrupts lists them. */
  irqs: IrqDesc[] = [];
  declare readonly irqBase: number;
  /** Per-queue IRQ affinity masks, kept across a close/open as the kernel keeps /proc/irq/N/smp_affinity. */
  declare affinity: number[];
  declare readonly pciAddress: string;
  /** Per-vector interrupt counts per CPU, kept across a close/open. */
  readonly irqCounts: number[][] = [];
  /** Per-queue ring statistics, kept across a close/open. */
  readonly ringStats: RxRingStats[] = Array.from({ length: IGB_MAX_RX_QUEUES }, newRxRingStats);
  /** The queue count the RSS table was last filled for (0: never). */
  rss_indir_tbl_init = 0;
  /** Fraction of page allocations that fail (memory pressure), to show rx_queue_N_alloc_failed. */
  pageAllocFailRate = 0;

  constructor(netdev: NetDevice, nic: Nic, num_rx_queues: number, nrCpus: number, irqBase: number, pciAddress: string) {
    this.netdev = netdev;
    this.nic = nic;
    this.num_rx_queues = num_rx_queues;
    this.irqBase = irqBase;
    this.pciAddress = pciAddress;
    this.affinity = Array.from({ length: IGB_MAX_RX_QUEUES }, (_, q) => 1 << (q % nrCpus));
  }

  /** The ITR interval that an rx-usecs setting starts with, in ns. */
  startIntervalNs(): number {
    const s = this.rx_itr_setting;
    if (s === 0) return 0;
    if (s <= 3) return (IGB_START_ITR / 4) * 1000;
    return (s >> 2) * 1000;
  }
}
