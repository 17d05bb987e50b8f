/**
 * The NIC's hardware (an Intel i210-class part): MAC checks, queue selection by RSS, the on-chip
 * packet buffer, DMA into the rings in host memory and the interrupt throttle. It works in global
 * time, independently of the CPUs; the driver talks to it through its registers: each queue's ring
 * and tail, each vector's mask and interval.
 */
import type { Machine } from '../include/machine.ts';
import type { RssConfig } from '../include/linux/ethtool.ts';
import type { IrqDesc } from '../include/linux/irqdesc.ts';
import * as skbuff_h from '../include/linux/skbuff.ts';
import type { Flow } from '../include/net/flow_dissector.ts';
import { Fifo } from '../engine/fifo.ts';
import type { Timer } from '../engine/timer.ts';
import * as trace_h from '../engine/trace.ts';
import * as apic_h from './apic.ts';
import type { MmioRegister } from './io.ts';
import type { RxDesc } from './rx_desc.ts';
import type { RssSelection } from './rss.ts';
import type { WireFrame } from './wire.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { FRAME_FCS_BAD, FRAME_IP_CSUM_BAD, FRAME_L4_CSUM_BAD, FRAME_NOT_OUR_MAC } = skbuff_h;
const { STAGE, WIRE_DMA } = trace_h;
const { apic_deliver } = apic_h;

/** The hardware counters of an 82576/i350-class NIC that the receive path moves. */
export interface NicHwStats {
  gprc: number; // good packets received
  gorc: number; // good octets received
  bprc: number;
  mprc: number;
  crcerrs: number;
  rnbc: number; // receive no buffers count: a frame found no free descriptor
  mpc: number; // missed packets: the packet buffer (FIFO) overflowed
}

/**
 * One receive queue's registers: where its ring of descriptors is in host memory and how long
 * (RDBAL, RDLEN), the NIC's head (RDH), the driver's tail (RDT), and its drops (RQDPC). The NIC owns
 * the descriptors from head up to, not including, tail.
 */
export class NicRxQueue {
  desc: RxDesc[] = [];
  count = 0;
  head = 0;
  tail = 0;
  /** RQDPC: frames dropped because this queue had no free descriptor (SRRCTL.DROP_EN); the driver reads and clears it. */
  rqdpc = 0;
  /** Writes to RDT since the NIC was made (what a refill's batching shows). */
  tailWrites = 0;

  /** Descriptors the NIC may still write into. */
  get nicFree(): number {
    const n = this.tail - this.head;
    return n < 0 ? n + this.count : n;
  }
}

/** Interrupt throttling state of one MSI-X vector (EITR) and its auto-mask (EIAM). */
export class NicVector {
  masked = false;
  /** An interrupt cause (a descriptor write-back) is latched and not yet signalled. */
  causePending = false;
  lastFire = -Infinity;
  /** Minimum gap between two interrupts, ns; 0 = no throttling. */
  intervalNs = 0;
  declare irq: IrqDesc;
}

export class Nic {
  /** The machine it is plugged into: its clock and its instruments (private: learner code reaches the NIC through the adapter). */
  readonly #m: Machine;
  declare readonly rss: RssConfig;
  /** The RSS engine (a lab may give the NIC its own). */
  declare readonly rss_select_queue: (rss: RssConfig, flow: Flow) => RssSelection;
  /** The queues' registers, by queue index; they keep their counters while the interface is down. */
  readonly queues: NicRxQueue[] = [];
  /** How many queues are enabled (0 while the interface is down: nothing is received). */
  activeQueues = 0;
  vectors: NicVector[] = [];
  promisc = false;
  /** SRRCTL.DROP_EN: drop at once for a queue with no descriptors, rather than wait in the FIFO. */
  dropEnable = true;
  /** The on-chip RX packet buffer, in bytes, and the frames waiting in it (head-of-line). */
  declare readonly fifoSize: number;
  private fifoBytes = 0;
  private fifo = new Fifo<{ frame: WireFrame; queue: number; hash: number }>();
  readonly hw: NicHwStats = { gprc: 0, gorc: 0, bprc: 0, mprc: 0, crcerrs: 0, rnbc: 0, mpc: 0 };
  /** Per-flow cache of the RSS result: a flow's hash never changes while the key and fields don't. */
  private hashCache: (RssSelection | undefined)[] = [];
  private vectorTimers: Timer[] = [];
  /** The ethtool counter of each queue's descriptor-starved drops, named at open rather than per drop. */
  private queueDrops: string[] = [];

  constructor(m: Machine, maxQueues: number, key: Uint8Array, fifoSize: number, rss_select_queue: (rss: RssConfig, flow: Flow) => RssSelection) {
    this.#m = m;
    this.fifoSize = fifoSize;
    this.rss = { key, indir: [], tcp4: 'sdfn', udp4: 'sd' };
    this.rss_select_queue = rss_select_queue;
    for (let q = 0; q < maxQueues; q++) this.queues.push(new NicRxQueue());
  }

  /** The RSS configuration changed (key, table or fields): forget the cached results. */
  rssChanged(): void {
    this.hashCache = [];
  }

  /** Enable `vectors.length` queues with their rings and vectors (at open). */
  up(vectors: NicVector[]): void {
    const m = this.#m;
    this.activeQueues = vectors.length;
    this.vectors = vectors;
    this.vectorTimers = vectors.map((vector) => m.timers.create(() => this.fire(vector, m.now)));
    this.queueDrops = vectors.map((_, q) => `rx_queue_${q}_drops`);
    this.fifo = new Fifo();
    this.fifoBytes = 0;
  }

  down(): void {
    const timers = this.#m.timers;
    for (const t of this.vectorTimers) timers.disarm(t);
    this.activeQueues = 0;
    this.vectors = [];
    this.vectorTimers = [];
  }

  /**
   * A frame's last bit reached the NIC. Rare cases are apart, so that the common one stays small
   * enough to inline; it records the wire and the DMA as one trace event.
   */
  receive(frame: WireFrame, now: number): void {
    if (frame.faults !== 0 && this.filtered(frame, now)) return;
    if (this.activeQueues === 0) return this.traceWire(frame, now); // interface down: nothing is received
    const sel = this.rssFor(frame.flow);
    const queue = this.queues[sel.queue]!;
    if (this.fifo.qlen === 0 && queue.nicFree > 0) {
      this.countGood(frame);
      this.dma(sel.queue, frame, sel.hash, now, WIRE_DMA);
    } else {
      this.traceWire(frame, now);
      this.noDescriptor(frame, sel, now);
    }
  }

  private traceWire(frame: WireFrame, now: number): void {
    this.#m.trace.record(now, frame.id, STAGE.wire, -1, 0);
  }

  /** A drop in hardware: no skb yet, so no kernel drop reason; `counter` names what counts it. */
  private drop(frame: WireFrame, now: number, counter: string): void {
    const m = this.#m;
    m.drops.count(null, counter, 1);
    m.trace.record(now, frame.id, STAGE.nic_drop, -1, 0);
  }

  /** The MAC drops a damaged frame (bad FCS) or, unless promiscuous, one for another MAC address. */
  private filtered(frame: WireFrame, now: number): boolean {
    if (frame.faults & FRAME_FCS_BAD) {
      this.hw.crcerrs++;
      this.traceWire(frame, now);
      this.drop(frame, now, 'rx_crc_errors');
      return true;
    }
    if (frame.faults & FRAME_NOT_OUR_MAC && !this.promisc) {
      // The destination-MAC filter discards it in hardware; no counter records it.
      this.traceWire(frame, now);
      this.drop(frame, now, 'mac_filter');
      return true;
    }
    return false;
  }

  /** Frames wait in the packet buffer already, or the ring has no free descriptor. */
  private noDescriptor(frame: WireFrame, sel: RssSelection, now: number): void {
    if (this.fifo.qlen > 0) {
      this.toFifo(frame, sel.queue, sel.hash, now);
      return;
    }
    this.hw.rnbc++;
    if (this.dropEnable) {
      this.countGood(frame);
      this.queues[sel.queue]!.rqdpc++;
      this.drop(frame, now, this.queueDrops[sel.queue]!);
    } else {
      this.toFifo(frame, sel.queue, sel.hash, now);
    }
  }

  private countGood(frame: WireFrame): void {
    this.hw.gprc++;
    this.hw.gorc += frame.frameLen;
  }

  private toFifo(frame: WireFrame, queue: number, hash: number, now: number): void {
    if (this.fifoBytes + frame.frameLen > this.fifoSize) {
      this.hw.mpc++;
      this.drop(frame, now, 'rx_missed_errors');
      return;
    }
    this.countGood(frame);
    this.fifo.push({ frame: frame.copy(), queue, hash });
    this.fifoBytes += frame.frameLen;
  }

  /** Queue `q`'s tail register (RDT), as the driver maps it. */
  tailRegister(q: number): MmioRegister {
    return { write: (value) => this.writeTail(q, value, this.#m.cpu.clock) };
  }

  /** The driver wrote queue `q`'s tail: frames waiting in the packet buffer may move on. */
  private writeTail(q: number, value: number, now: number): void {
    const queue = this.queues[q]!;
    queue.tail = value;
    queue.tailWrites++;
    for (let head = this.fifo.peek(); head !== undefined; head = this.fifo.peek()) {
      if (this.queues[head.queue]!.nicFree === 0) return;
      this.fifo.shift();
      this.fifoBytes -= head.frame.frameLen;
      this.dma(head.queue, head.frame, head.hash, now, STAGE.dma);
    }
  }

  /** The queue (and hash) RSS gives a flow. */
  rssFor(flow: Flow): RssSelection {
    const cache = this.hashCache;
    const id = flow.id;
    // Within bounds and without holes: a read past either looks into the built-in prototypes, slow once a sandbox has frozen them.
    return (id < cache.length ? cache[id] : undefined) ?? this.rssSelect(flow);
  }

  private rssSelect(flow: Flow): RssSelection {
    const sel = this.rss_select_queue(this.rss, flow);
    if (!Number.isInteger(sel.queue) || sel.queue < 0 || sel.queue >= this.activeQueues) {
      throw new RangeError(`rss_select_queue returned queue ${sel.queue}; this NIC has queues 0..${this.activeQueues - 1}`);
    }
    const cache = this.hashCache;
    while (cache.length <= flow.id) cache.push(undefined);
    cache[flow.id] = sel;
    return sel;
  }

  /** Write a frame into the descriptor at the queue's head and latch the interrupt cause; trace it as `stage` (dma, or WIRE_DMA). */
  private dma(q: number, frame: WireFrame, hash: number, now: number, stage: number): void {
    const queue = this.queues[q]!;
    const head = queue.head;
    const desc = queue.desc[head]!;
    desc.frame_flow_id = frame.flow.id;
    desc.frame_id = frame.id;
    desc.frame_time = frame.time;
    desc.frame_seq = frame.seq;
    desc.frame_tcp_flags = frame.tcpFlags;
    desc.frame_faults = frame.faults;
    desc.length = frame.len;
    desc.dd = true;
    desc.rss_hash = hash;
    desc.csum_err = (frame.faults & (FRAME_IP_CSUM_BAD | FRAME_L4_CSUM_BAD)) !== 0;
    queue.head = head + 1 === queue.count ? 0 : head + 1;
    this.#m.trace.record(now, frame.id, stage, -1, q);
    this.latchCause(q, now);
  }

  private latchCause(q: number, now: number): void {
    const vector = this.vectors[q]!;
    vector.causePending = true;
    if (!vector.masked) this.scheduleFire(q, now);
  }

  private scheduleFire(q: number, now: number): void {
    const vector = this.vectors[q]!;
    this.#m.timers.armEarlier(this.vectorTimers[q]!, Math.max(now, vector.lastFire + vector.intervalNs));
  }

  /** The throttle let the interrupt through: auto-mask (EIAM) and send the MSI-X message. */
  private fire(vector: NicVector, now: number): void {
    if (vector.masked || !vector.causePending) return;
    vector.masked = true;
    vector.causePending = false;
    vector.lastFire = now;
    const irq = vector.irq;
    apic_deliver(this.#m.cpus[irq.targetCpu]!, irq, now);
  }

  /** The driver unmasked a vector (EIMS): a latched cause fires once the throttle allows. */
  unmask(q: number, now: number): void {
    const vector = this.vectors[q]!;
    vector.masked = false;
    if (vector.causePending) this.scheduleFire(q, now);
  }
}
