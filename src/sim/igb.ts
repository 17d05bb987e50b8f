/**
 * The driver: igb (drivers/net/ethernet/intel/igb) driving an Intel i210-class NIC: up to 4 RSS
 * queues, each RX queue paired with a TX queue on one MSI-X vector (eth0-TxRx-N).
 * Probe registers the device; open allocates rings, fills them, requests one MSI-X vector per
 * queue and enables NAPI; the IRQ handler only schedules NAPI; the poll cleans the ring.
 */
import type { Host } from './host.ts';
import { IrqDesc } from './irq.ts';
import { NapiStruct, napi_complete_done, napi_schedule } from './napi.ts';
import type { NetDevice } from './netdevice.ts';
import { NicVector, type Nic } from './nic.ts';
import { IGB_RX_DESC, RxPage, RxRing, igb_desc_unused, newRxRingStats, type RxDesc, type RxRingStats } from './ring.ts';
import { build_skb, SKB_STRUCT_TRUESIZE, type SkBuff } from './skbuff.ts';
import { KernelError } from './errno.ts';
import { list_del_init } from './list.ts';
import * as trace_h from './trace.ts';
import * as if_ether_h from './if_ether.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { STAGE } = trace_h;
const { ETH_HLEN } = if_ether_h;

export const IGB_DEFAULT_RXD = 256;
export const IGB_MIN_RXD = 64; // lowered from 80 in 2023
export const IGB_MAX_RXD = 4096;
export const IGB_DEFAULT_ITR = 3; // dynamic conservative
/** Refill (and bump the tail) every 16 cleaned descriptors. */
export const IGB_RX_BUFFER_WRITE = 16;
/** igb_rx_pg_size() / 2: each descriptor gets half a 4 KiB page. */
export const IGB_RX_BUFSZ = 2048;
/** The truesize of an skb built around half a page. */
const IGB_RX_TRUESIZE = IGB_RX_BUFSZ + SKB_STRUCT_TRUESIZE;
/** ITR register values in 0.25 µs units (igb.h). */
export const IGB_START_ITR = 648; // ~6000 interrupts/s
export const IGB_70K_ITR = 56;
export const IGB_20K_ITR = 196;
export const IGB_4K_ITR = 980;
/** RSS queues an i210 offers. */
export const IGB_MAX_RX_QUEUES = 4;

export const IRQ_NONE = 0;
export const IRQ_HANDLED = 1;
export type IrqReturn = typeof IRQ_NONE | typeof IRQ_HANDLED;

const enum_lowest_latency = 0;
const enum_low_latency = 1;
const enum_bulk_latency = 2;

/** struct igb_ring_container: what the adaptive ITR learns from. */
export interface RingContainer {
  total_packets: number;
  total_bytes: number;
  itr: number;
}

/** struct igb_q_vector: one interrupt vector, its NAPI and its ring. */
export class QVector {
  declare readonly adapter: IgbAdapter;
  declare readonly napi: NapiStruct;
  declare readonly rx_ring: RxRing;
  readonly rx: RingContainer = { total_packets: 0, total_bytes: 0, itr: enum_low_latency };
  /** Current ITR register value (0.25 µs units). */
  declare itr_val: number;
  declare readonly vector: NicVector;

  constructor(adapter: IgbAdapter, rx_ring: RxRing, napi: NapiStruct, vector: NicVector, itr_val: number) {
    this.adapter = adapter;
    this.rx_ring = rx_ring;
    this.napi = napi;
    this.vector = vector;
    this.itr_val = itr_val;
  }
}

/** struct igb_adapter, reduced. */
export class IgbAdapter {
  declare readonly host: Host;
  declare readonly netdev: NetDevice;
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
  affinity: number[] = [];
  declare readonly pciAddress: string;
  /** Per-vector interrupt counts per CPU, kept across a close/open. */
  readonly irqCounts: number[][] = [];
  /** Per-queue ring statistics, kept across a close/open. */
  readonly ringStats: RxRingStats[] = Array.from({ length: IGB_MAX_RX_QUEUES }, newRxRingStats);
  /** Fraction of page allocations that fail (memory pressure), to show rx_queue_N_alloc_failed. */
  pageAllocFailRate = 0;

  constructor(host: Host, netdev: NetDevice, nic: Nic, num_rx_queues: number, irqBase: number, pciAddress: string) {
    this.host = host;
    this.netdev = netdev;
    this.nic = nic;
    this.num_rx_queues = num_rx_queues;
    this.irqBase = irqBase;
    this.pciAddress = pciAddress;
    const nr = host.cpus.length;
    this.affinity = Array.from({ length: IGB_MAX_RX_QUEUES }, (_, q) => 1 << (q % nr));
    // The "other" vector exists from probe: request_irq for it happens in igb_request_irq but its
    // name is the interface's; we create it at open with the queue vectors.
  }

  /** The ITR interval that an rx-usecs setting starts with, in ns. */
  startIntervalNs(): number {
    const s = this.rx_itr_setting;
    if (s === 0) return 0;
    if (s <= 3) return (IGB_START_ITR / 4) * 1000;
    return (s >> 2) * 1000;
  }
}

/** __igb_open: allocate and fill the rings, request the vectors, enable NAPI and interrupts. */
export function igb_open(adapter: IgbAdapter): void {
  const host = adapter.host;
  const rings: RxRing[] = [];
  const vectors: NicVector[] = [];
  adapter.q_vectors = [];
  const chip = (hwirq: number) => `IR-PCI-MSIX-${adapter.pciAddress}${String(hwirq).padStart(5)}-edge`;
  // Counts survive a close/open: the vector numbers are the same and kstat_irqs is not reset.
  const counts = (i: number) => (adapter.irqCounts[i] ??= new Array<number>(host.nrCpus).fill(0));
  const other = new IrqDesc(adapter.irqBase, adapter.netdev.name, chip(0), 1, counts(0), () => {});
  adapter.irqs = [other];
  for (let q = 0; q < adapter.num_rx_queues; q++) {
    const ring = new RxRing(adapter.rx_ring_count, q, adapter.ringStats[q]!);
    const vector = new NicVector();
    vector.intervalNs = adapter.startIntervalNs();
    const napi = new NapiStruct(host, adapter.netdev, `${adapter.netdev.name}-rx-${q}`, host.hooks.igb_poll);
    const q_vector = new QVector(adapter, ring, napi, vector, IGB_START_ITR);
    ring.q_vector = q_vector;
    napi.q_vector = q_vector;
    const desc = new IrqDesc(
      adapter.irqBase + 1 + q,
      `${adapter.netdev.name}-TxRx-${q}`,
      chip(q + 1),
      adapter.affinity[q]!,
      counts(q + 1),
      (irqDesc) => {
        host.hooks.igb_msix_ring(irqDesc.irq, q_vector);
      },
    );
    vector.irq = desc;
    adapter.irqs.push(desc);
    rings.push(ring);
    vectors.push(vector);
    adapter.q_vectors.push(q_vector);
  }
  adapter.nic.setDefaultIndirIfStale(adapter.num_rx_queues);
  adapter.nic.attach(rings, vectors);
  adapter.nic.dropEnable = adapter.num_rx_queues > 1; // flow control off, more than one queue
  for (const ring of rings) igb_alloc_rx_buffers(ring, igb_desc_unused(ring));
  for (const q_vector of adapter.q_vectors) {
    q_vector.napi.enabled = true;
    adapter.nic.unmask(q_vector.rx_ring.queue_index, host.now);
  }
  adapter.netdev.running = true;
}

/** __igb_close: stop interrupts and NAPI, free the rings. Frames in flight are lost. */
export function igb_close(adapter: IgbAdapter): void {
  for (const q_vector of adapter.q_vectors) {
    q_vector.napi.enabled = false;
    list_del_init(q_vector.napi.poll_list);
  }
  for (const desc of adapter.irqs.slice(1)) adapter.affinity[desc.irq - adapter.irqBase - 1] = desc.affinity;
  adapter.nic.detach();
  adapter.q_vectors = [];
  adapter.netdev.running = false;
}

/** igb_msix_ring: the hard IRQ handler. It touches no packet: it only schedules NAPI. */
export function igb_msix_ring(irq: number, q_vector: QVector): IrqReturn {
  void irq;
  igb_write_itr(q_vector);
  napi_schedule(q_vector.napi);
  return IRQ_HANDLED;
}

/** igb_write_itr: program the interval the adaptive ITR chose. */
export function igb_write_itr(q_vector: QVector): void {
  const setting = q_vector.adapter.rx_itr_setting;
  if (setting !== 0 && setting <= 3) q_vector.vector.intervalNs = (q_vector.itr_val / 4) * 1000;
}

/** igb_poll: the NAPI poll of one queue vector. */
export function igb_poll(napi: NapiStruct, budget: number): number {
  const q_vector = napi.q_vector!;
  let clean_complete = true;
  let work_done = 0;
  const cleaned = igb_clean_rx_irq(q_vector, budget);
  work_done += cleaned;
  if (cleaned >= budget) clean_complete = false;
  // All work not done: return the budget and stay scheduled, the IRQ stays masked.
  if (!clean_complete) return budget;
  // Exit polling; re-enable the interrupt only if napi_complete_done says so.
  if (napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector);
  return work_done;
}

/** igb_clean_rx_irq: take up to budget completed descriptors off the ring and pass them up. */
export function igb_clean_rx_irq(q_vector: QVector, budget: number): number {
  const rx_ring = q_vector.rx_ring;
  const hooks = q_vector.napi.host.hooks;
  let total_packets = 0;
  let cleaned_count = igb_desc_unused(rx_ring);
  while (total_packets < budget) {
    if (cleaned_count >= IGB_RX_BUFFER_WRITE) {
      igb_alloc_rx_buffers(rx_ring, cleaned_count);
      cleaned_count = 0;
    }
    const rx_desc = IGB_RX_DESC(rx_ring, rx_ring.next_to_clean);
    if (!rx_desc.length) break; // not written back yet
    const skb = igb_build_skb(rx_ring, rx_desc);
    cleaned_count++;
    if (skb === null) continue;
    hooks.napi_gro_receive(q_vector.napi, skb);
    total_packets++;
  }
  if (cleaned_count) igb_alloc_rx_buffers(rx_ring, cleaned_count);
  return total_packets;
}

/**
 * Take the frame at next_to_clean: build an skb around its buffer (igb_build_skb), give the page
 * back for reuse or unmap it (igb_put_rx_buffer), fill hash, checksum status and queue
 * (igb_process_skb_fields), and advance next_to_clean. Returns null for a frame the driver drops.
 */
export function igb_build_skb(rx_ring: RxRing, rx_desc: RxDesc): SkBuff | null {
  const q_vector = rx_ring.q_vector;
  const adapter = q_vector.adapter;
  const host = adapter.host;
  const cpu = host.cpu;
  const ntc = rx_ring.next_to_clean;
  if (rx_desc !== rx_ring.desc[ntc] || !rx_desc.length) igb_bad_desc(rx_ring, rx_desc);
  const flow = host.flowsById[rx_desc.frame_flow_id]!;
  cpu.charge(host.cost.driverRxPacket);
  const buffer = rx_ring.buffer_info[ntc]!;
  const page = buffer.page!;
  const netdev = adapter.netdev;
  const skb = build_skb(rx_desc, flow, netdev, IGB_RX_TRUESIZE, page);
  page.skbRefs++;
  igb_put_rx_buffer(rx_ring, buffer);
  // Hand the descriptor back to software: cleared until the refill gives it a buffer again.
  rx_desc.length = 0;
  rx_desc.dd = false;
  rx_ring.next_to_clean = ntc + 1 === rx_ring.count ? 0 : ntc + 1;
  // igb_rx_hash: skb_set_hash(skb, rss, PKT_HASH_TYPE_L3). igb in 6.18 calls its hash L3 whatever
  // fields it covered, so l4_hash stays clear and skb_get_hash (RPS, RFS) computes its own.
  if (netdev.features.rxhash) skb.hash = rx_desc.rss_hash;
  const queue = rx_ring.queue_index;
  skb.queue_mapping = queue;
  const stats = rx_ring.rx_stats;
  if (rx_desc.csum_err) stats.csum_err++;
  // The driver counts bytes before eth_type_trans pulls the Ethernet header.
  const frameBytes = skb.len + ETH_HLEN;
  stats.packets++;
  stats.bytes += frameBytes;
  const rx = q_vector.rx;
  rx.total_packets++;
  rx.total_bytes += frameBytes;
  host.trace.record(cpu.clock, skb.id, STAGE.poll, cpu.id, queue);
  return skb;
}

/** A lab's poll handed igb_build_skb a descriptor it must not build from. */
function igb_bad_desc(rx_ring: RxRing, rx_desc: RxDesc): never {
  const ntc = rx_ring.next_to_clean;
  if (rx_desc !== rx_ring.desc[ntc]) {
    throw new KernelError('EINVAL', `igb_build_skb: the descriptor is not the one at next_to_clean (${ntc})`);
  }
  throw new KernelError('EINVAL', `igb_build_skb: descriptor ${ntc} has not been written back by the NIC (length 0, DD clear)`);
}

/**
 * igb_put_rx_buffer: if the stack holds no other half of this page, flip to the other half and keep
 * the page mapped for reuse; otherwise unmap it and let the refill allocate a new one.
 */
function igb_put_rx_buffer(rx_ring: RxRing, buffer: { page: RxPage | null }): void {
  const page = buffer.page!;
  buffer.page = null;
  if (page.skbRefs <= 1) {
    rx_ring.reusable[rx_ring.nreusable++] = page;
  } else {
    const host = rx_ring.q_vector.adapter.host;
    host.cpu.charge(host.cost.dmaUnmap);
  }
}

/** igb_alloc_rx_buffers: give cleaned descriptors a buffer again and write the tail. */
export function igb_alloc_rx_buffers(rx_ring: RxRing, cleaned_count: number): void {
  const adapter = rx_ring.q_vector.adapter;
  const host = adapter.host;
  const cpu = host.cpu;
  const unused = igb_desc_unused(rx_ring);
  if (cleaned_count > unused) cleaned_count = igb_refill_too_many(rx_ring, cleaned_count, unused);
  const buffers = rx_ring.buffer_info;
  const reusable = rx_ring.reusable;
  let i = rx_ring.next_to_use;
  let done = 0;
  while (done < cleaned_count) {
    const buffer = buffers[i]!;
    if (buffer.page === null) {
      if (rx_ring.nreusable > 0) {
        const reused = reusable[--rx_ring.nreusable]!;
        cpu.charge(host.cost.refillReuse);
        buffer.page = reused;
      } else {
        if (adapter.pageAllocFailRate > 0 && host.rng.next() < adapter.pageAllocFailRate) {
          rx_ring.rx_stats.alloc_failed++;
          break;
        }
        cpu.charge(host.cost.refillAlloc);
        buffer.page = new RxPage();
      }
    }
    i = i + 1 === rx_ring.count ? 0 : i + 1;
    done++;
  }
  if (i !== rx_ring.next_to_use) {
    rx_ring.next_to_use = i;
    rx_ring.tail = i; // writel(i, rx_ring->tail)
    adapter.nic.tailWritten(cpu.clock);
  }
}

/** A poll asked to refill more descriptors than are free: say so, and refill those that are. */
function igb_refill_too_many(rx_ring: RxRing, cleaned_count: number, unused: number): number {
  const adapter = rx_ring.q_vector.adapter;
  adapter.host.warn(`igb ${adapter.netdev.name}: igb_alloc_rx_buffers asked for ${cleaned_count} buffers, only ${unused} descriptors are free to refill; refilling ${unused}`);
  return unused;
}

/** igb_ring_irq_enable: update the adaptive ITR, then unmask the queue's vector. */
export function igb_ring_irq_enable(q_vector: QVector): void {
  const adapter = q_vector.adapter;
  if (adapter.rx_itr_setting & 3) {
    if (adapter.q_vectors.length === 1) igb_set_itr(q_vector);
    else igb_update_ring_itr(q_vector);
  }
  adapter.nic.unmask(q_vector.rx_ring.queue_index, adapter.host.cpu.clock);
}

/**
 * igb_update_ring_itr: with several vectors, the interval follows the average frame size since the
 * last interrupt (bigger frames, fewer interrupts); conservative mode (3) stays at or below 20k/s.
 */
function igb_update_ring_itr(q_vector: QVector): void {
  const rx = q_vector.rx;
  if (rx.total_packets) {
    // 24 bytes for CRC, preamble and gap on top of the frame.
    let avg_wire_size = Math.floor(rx.total_bytes / rx.total_packets) + 24;
    avg_wire_size = Math.min(avg_wire_size, 3000);
    let new_val = avg_wire_size > 300 && avg_wire_size < 1200 ? Math.floor(avg_wire_size / 3) : Math.floor(avg_wire_size / 2);
    if (new_val < IGB_20K_ITR && q_vector.adapter.rx_itr_setting === 3) new_val = IGB_20K_ITR;
    q_vector.itr_val = new_val;
  }
  rx.total_bytes = 0;
  rx.total_packets = 0;
}

/** igb_update_itr: classify the traffic since the last update into a latency class. */
function igb_update_itr(ring_container: RingContainer): void {
  const packets = ring_container.total_packets;
  const bytes = ring_container.total_bytes;
  let itrval = ring_container.itr;
  if (packets === 0) return;
  switch (itrval) {
    case enum_lowest_latency:
      if (bytes / packets > 8000) itrval = enum_bulk_latency;
      else if (packets < 5 && bytes > 512) itrval = enum_low_latency;
      break;
    case enum_low_latency:
      if (bytes > 10000) {
        if (bytes / packets > 8000) itrval = enum_bulk_latency;
        else if (packets < 10 || bytes / packets > 1200) itrval = enum_bulk_latency;
        else if (packets > 35) itrval = enum_lowest_latency;
      } else if (bytes / packets > 2000) {
        itrval = enum_bulk_latency;
      } else if (packets <= 2 && bytes < 512) {
        itrval = enum_lowest_latency;
      }
      break;
    case enum_bulk_latency:
      if (bytes > 25000) {
        if (packets > 35) itrval = enum_low_latency;
      } else if (bytes < 1500) {
        itrval = enum_low_latency;
      }
      break;
  }
  ring_container.total_bytes = 0;
  ring_container.total_packets = 0;
  ring_container.itr = itrval;
}

/** igb_set_itr (one vector only): pick the rate from the latency class; conservative mode (3) never goes to 70k. */
function igb_set_itr(q_vector: QVector): void {
  igb_update_itr(q_vector.rx);
  let current_itr = q_vector.rx.itr;
  if (current_itr === enum_lowest_latency && q_vector.adapter.rx_itr_setting === 3) current_itr = enum_low_latency;
  let new_itr = current_itr === enum_lowest_latency ? IGB_70K_ITR : current_itr === enum_low_latency ? IGB_20K_ITR : IGB_4K_ITR;
  if (new_itr !== q_vector.itr_val) {
    // Bias towards bulk: step up gradually when the interrupt rate increases.
    new_itr = new_itr > q_vector.itr_val ? Math.max(Math.floor((new_itr * q_vector.itr_val) / (new_itr + (q_vector.itr_val >> 2))), new_itr) : new_itr;
    q_vector.itr_val = new_itr;
  }
}
