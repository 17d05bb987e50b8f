/**
 * The igb driver's receive path (drivers/net/ethernet/intel/igb/igb_main.c): open allocates the
 * rings, fills them, requests one MSI-X vector per queue and enables NAPI; the IRQ handler only
 * schedules NAPI; the poll cleans the ring, hands the packets to GRO and gives the buffers back.
 */
import * as machine_h from '../../../../../include/machine.ts';
import type { Machine } from '../../../../../include/machine.ts';
import * as netdevice_h from '../../../../../include/linux/netdevice.ts';
import * as container_of_h from '../../../../../include/linux/container_of.ts';
import { KernelError } from '../../../../../include/linux/errno.ts';
import { IrqDesc } from '../../../../../include/linux/irqdesc.ts';
import * as irqreturn_h from '../../../../../include/linux/irqreturn.ts';
import type { IrqReturn } from '../../../../../include/linux/irqreturn.ts';
import { Page } from '../../../../../include/linux/mm_types.ts';
import { NapiStruct } from '../../../../../include/linux/netdevice.ts';
import type { SkBuff } from '../../../../../include/linux/skbuff.ts';
import * as if_ether_h from '../../../../../include/uapi/linux/if_ether.ts';
import * as trace_h from '../../../../../engine/trace.ts';
import * as io_h from '../../../../../hw/io.ts';
import { NicVector } from '../../../../../hw/nic.ts';
import type { RxDesc } from '../../../../../hw/rx_desc.ts';
import * as manage_h from '../../../../../kernel/irq/manage.ts';
import * as printk_h from '../../../../../kernel/printk.ts';
import * as dev_h from '../../../../../net/core/dev.ts';
import * as gro_h from '../../../../../net/core/gro.ts';
import * as skbuff_h from '../../../../../net/core/skbuff.ts';
import * as igb_h from './igb.ts';
import { QVector, RxRing, type IgbAdapter, type RingContainer, type RxBuffer } from './igb.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { IRQ_HANDLED } = irqreturn_h;
const { ETH_HLEN } = if_ether_h;
const { STAGE } = trace_h;
const { bulk_latency, IGB_20K_ITR, IGB_4K_ITR, IGB_70K_ITR, igb_desc_unused, IGB_RETA_SIZE, IGB_RX_BUFFER_WRITE, IGB_RX_DESC, IGB_RX_TRUESIZE, IGB_START_ITR, low_latency, lowest_latency } = igb_h;
const { hooks, machine } = machine_h;
const { dev_net } = netdevice_h;
const { container_of } = container_of_h;
const { writel } = io_h;
const { request_irq } = manage_h;
const { pr_warn } = printk_h;
const { napi_complete_done, napi_disable, napi_enable, napi_schedule, netif_napi_add } = dev_h;
const { napi_gro_receive } = gro_h;
const { build_skb } = skbuff_h;

declare module '../../../../../include/hooks.ts' {
  interface Hooks {
    /** The queue's MSI-X handler (request_irq): schedule NAPI, touch no packet. */
    igb_msix_ring: typeof igb_msix_ring;
    /** The driver's NAPI poll (netif_napi_add). */
    igb_poll: typeof igb_poll;
  }
}

/** igb_setup_mrqc's table: contiguous blocks of queues, (j * num_rx_queues) / IGB_RETA_SIZE. */
export function igb_reta_default(index: number, n_rx_rings: number): number {
  return Math.floor((index * n_rx_rings) / IGB_RETA_SIZE);
}

/** igb_setup_mrqc: fill the RSS table again only when the queue count changed since it last was (rss_indir_tbl_init). */
export function igb_setup_mrqc(adapter: IgbAdapter): void {
  const n = adapter.num_rx_queues;
  if (adapter.rss_indir_tbl_init === n) return;
  igb_fill_rss_indir_tbl(adapter, n);
}

/** Write igb's block fill into the NIC's redirection table. */
export function igb_fill_rss_indir_tbl(adapter: IgbAdapter, n: number): void {
  const rss = adapter.nic.rss;
  rss.indir = Array.from({ length: IGB_RETA_SIZE }, (_, i) => igb_reta_default(i, n));
  adapter.rss_indir_tbl_init = n;
  adapter.nic.rssChanged();
}

/** igb_msix_other: the link and misc vector (it never fires here). */
function igb_msix_other(): IrqReturn {
  return IRQ_HANDLED;
}

/** __igb_open: allocate and fill the rings, request the vectors, enable NAPI and interrupts. */
export function igb_open(adapter: IgbAdapter): void {
  const m = machine();
  const nic = adapter.nic;
  const netdev = adapter.netdev;
  const vectors: NicVector[] = [];
  adapter.q_vectors = [];
  const chip = (hwirq: number) => `IR-PCI-MSIX-${adapter.pciAddress}${String(hwirq).padStart(5)}-edge`;
  // Counts survive a close/open: the vector numbers are the same and kstat_irqs is not reset.
  const counts = (i: number) => (adapter.irqCounts[i] ??= new Array<number>(m.nrCpus).fill(0));
  const other = new IrqDesc(adapter.irqBase, netdev.name, chip(0), 1, counts(0), null);
  request_irq(other, igb_msix_other, adapter);
  adapter.irqs = [other];
  for (let q = 0; q < adapter.num_rx_queues; q++) {
    const ring = new RxRing(adapter.rx_ring_count, q, adapter.ringStats[q]!, nic.tailRegister(q));
    const vector = new NicVector();
    vector.intervalNs = adapter.startIntervalNs();
    const napi = new NapiStruct(netdev, `${netdev.name}-rx-${q}`);
    netif_napi_add(napi, hooks().igb_poll);
    const q_vector = new QVector(adapter, ring, napi, vector, IGB_START_ITR);
    ring.q_vector = q_vector;
    const desc = new IrqDesc(adapter.irqBase + 1 + q, `${netdev.name}-TxRx-${q}`, chip(q + 1), adapter.affinity[q]!, counts(q + 1), null);
    request_irq(desc, hooks().igb_msix_ring, q_vector);
    vector.irq = desc;
    adapter.irqs.push(desc);
    vectors.push(vector);
    adapter.q_vectors.push(q_vector);
    igb_configure_rx_ring(adapter, ring);
  }
  igb_setup_mrqc(adapter);
  nic.up(vectors);
  nic.dropEnable = adapter.num_rx_queues > 1; // flow control off, more than one queue
  for (const q_vector of adapter.q_vectors) igb_alloc_rx_buffers(q_vector.rx_ring, igb_desc_unused(q_vector.rx_ring));
  for (const q_vector of adapter.q_vectors) {
    napi_enable(q_vector.napi);
    nic.unmask(q_vector.rx_ring.queue_index, m.now);
  }
  netdev.running = true;
}

/** igb_configure_rx_ring: tell the NIC where the ring is and how long, with head and tail at 0. */
function igb_configure_rx_ring(adapter: IgbAdapter, ring: RxRing): void {
  const queue = adapter.nic.queues[ring.queue_index]!;
  queue.desc = ring.desc;
  queue.count = ring.count;
  queue.head = 0;
  queue.tail = 0;
}

/** __igb_close: stop interrupts and NAPI, free the rings. Frames in flight are lost. */
export function igb_close(adapter: IgbAdapter): void {
  for (const q_vector of adapter.q_vectors) napi_disable(q_vector.napi);
  for (const desc of adapter.irqs.slice(1)) adapter.affinity[desc.irq - adapter.irqBase - 1] = desc.affinity;
  igb_update_stats(adapter);
  adapter.nic.down();
  adapter.q_vectors = [];
  adapter.netdev.running = false;
}

/** igb_update_stats: read and clear the NIC's per-queue drop registers into the queues' counters. */
export function igb_update_stats(adapter: IgbAdapter): void {
  const queues = adapter.nic.queues;
  for (let q = 0; q < adapter.num_rx_queues; q++) {
    const rqdpc = queues[q]!.rqdpc;
    if (rqdpc === 0) continue;
    queues[q]!.rqdpc = 0;
    adapter.ringStats[q]!.drops += rqdpc;
  }
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
  const q_vector = container_of(napi, QVector);
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
    napi_gro_receive(q_vector.napi, skb);
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
  const netdev = q_vector.adapter.netdev;
  const m = dev_net(netdev);
  const cpu = m.cpu;
  const ntc = rx_ring.next_to_clean;
  if (rx_desc !== rx_ring.desc[ntc] || !rx_desc.length) igb_bad_desc(rx_ring, rx_desc);
  const flow = m.flows[rx_desc.frame_flow_id]!;
  cpu.charge(m.cost.driverRxPacket);
  const buffer = rx_ring.buffer_info[ntc]!;
  const page = buffer.page!;
  const skb = build_skb(rx_desc, flow, netdev, IGB_RX_TRUESIZE, page);
  page.skbRefs++;
  igb_put_rx_buffer(m, rx_ring, buffer);
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
  m.trace.record(cpu.clock, skb.id, STAGE.poll, cpu.id, queue);
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
function igb_put_rx_buffer(m: Machine, rx_ring: RxRing, buffer: RxBuffer): void {
  const page = buffer.page!;
  buffer.page = null;
  if (page.skbRefs <= 1) {
    rx_ring.reusable[rx_ring.nreusable++] = page;
  } else {
    m.cpu.charge(m.cost.dmaUnmap);
  }
}

/** igb_alloc_rx_buffers: give cleaned descriptors a buffer again and write the tail. */
export function igb_alloc_rx_buffers(rx_ring: RxRing, cleaned_count: number): void {
  const adapter = rx_ring.q_vector.adapter;
  const m = dev_net(adapter.netdev);
  const cpu = m.cpu;
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
        cpu.charge(m.cost.refillReuse);
        buffer.page = reused;
      } else {
        if (adapter.pageAllocFailRate > 0 && m.rng.next() < adapter.pageAllocFailRate) {
          rx_ring.rx_stats.alloc_failed++;
          break;
        }
        cpu.charge(m.cost.refillAlloc);
        buffer.page = new Page();
      }
    }
    i = i + 1 === rx_ring.count ? 0 : i + 1;
    done++;
  }
  if (i !== rx_ring.next_to_use) {
    rx_ring.next_to_use = i;
    writel(i, rx_ring.tail);
  }
}

/** A poll asked to refill more descriptors than are free: say so, and refill those that are. */
function igb_refill_too_many(rx_ring: RxRing, cleaned_count: number, unused: number): number {
  pr_warn(`igb ${rx_ring.q_vector.adapter.netdev.name}: igb_alloc_rx_buffers asked for ${cleaned_count} buffers, only ${unused} descriptors are free to refill; refilling ${unused}`);
  return unused;
}

/** igb_ring_irq_enable: update the adaptive ITR, then unmask the queue's vector. */
export function igb_ring_irq_enable(q_vector: QVector): void {
  const adapter = q_vector.adapter;
  if (adapter.rx_itr_setting & 3) {
    if (adapter.q_vectors.length === 1) igb_set_itr(q_vector);
    else igb_update_ring_itr(q_vector);
  }
  adapter.nic.unmask(q_vector.rx_ring.queue_index, dev_net(adapter.netdev).cpu.clock);
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
    case lowest_latency:
      if (bytes / packets > 8000) itrval = bulk_latency;
      else if (packets < 5 && bytes > 512) itrval = low_latency;
      break;
    case low_latency:
      if (bytes > 10000) {
        if (bytes / packets > 8000) itrval = bulk_latency;
        else if (packets < 10 || bytes / packets > 1200) itrval = bulk_latency;
        else if (packets > 35) itrval = lowest_latency;
      } else if (bytes / packets > 2000) {
        itrval = bulk_latency;
      } else if (packets <= 2 && bytes < 512) {
        itrval = lowest_latency;
      }
      break;
    case bulk_latency:
      if (bytes > 25000) {
        if (packets > 35) itrval = low_latency;
      } else if (bytes < 1500) {
        itrval = low_latency;
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
  if (current_itr === lowest_latency && q_vector.adapter.rx_itr_setting === 3) current_itr = low_latency;
  let new_itr = current_itr === lowest_latency ? IGB_70K_ITR : current_itr === low_latency ? IGB_20K_ITR : IGB_4K_ITR;
  if (new_itr !== q_vector.itr_val) {
    // Bias towards bulk: step up gradually when the interrupt rate increases.
    new_itr = new_itr > q_vector.itr_val ? Math.max(Math.floor((new_itr * q_vector.itr_val) / (new_itr + (q_vector.itr_val >> 2))), new_itr) : new_itr;
    q_vector.itr_val = new_itr;
  }
}
