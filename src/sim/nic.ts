import type { Host } from './host.ts';
import { Fifo } from './fifo.ts';
import type { IrqDesc } from './irq.ts';
import { generic_handle_irq } from './irq.ts';
import type { Flow, WireFrame } from './packet.ts';
import * as packet_h from './packet.ts';
import type { RxRing } from './ring.ts';
import { IGB_RETA_SIZE, igb_reta_default, rssInputIPv4, toeplitzHash } from './rss.ts';
import * as trace_h from './trace.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { FRAME_FCS_BAD, FRAME_IP_CSUM_BAD, FRAME_L4_CSUM_BAD, FRAME_NOT_OUR_MAC, IPPROTO_TCP } = packet_h;
const { STAGE, WIRE_DMA } = trace_h;

/** Which header fields the NIC hashes for a flow type: `ethtool -n eth0 rx-flow-hash udp4` letters (s, d, f, n). */
export type RxFlowHashFields = 'sd' | 'sdfn';

/** The NIC's RSS state: the key, the indirection table and the hashed fields per flow type. */
export interface RssConfig {
  key: Uint8Array;
  /** Indirection table: entry i holds the queue for hashes whose low 7 bits are i. */
  indir: number[];
  tcp4: RxFlowHashFields;
  udp4: RxFlowHashFields;
}

/**
 * The RSS queue selection a lab may replace: hash the flow with the key over the configured
 * fields, then look the low 7 bits up in the indirection table.
 */
export function rss_select_queue(rss: RssConfig, flow: Flow): { hash: number; queue: number } {
  const fields = flow.proto === IPPROTO_TCP ? rss.tcp4 : rss.udp4;
  const input = fields === 'sdfn' ? rssInputIPv4(flow.saddr, flow.daddr, flow.sport, flow.dport) : rssInputIPv4(flow.saddr, flow.daddr);
  const hash = toeplitzHash(rss.key, input);
  return { hash, queue: rss.indir[hash & (rss.indir.length - 1)]! };
}

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

/**
 * The NIC's hardware: MAC checks, queue selection by RSS, the on-chip packet buffer,
 * DMA into the rings and the interrupt throttle. It works in global time, independently of the
 * CPUs; the driver (igb.ts) talks to it through the ring's tail and the vectors' masks.
 */
export class Nic {
  declare readonly host: Host;
  declare readonly rss: RssConfig;
  rings: RxRing[] = [];
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
  private hashCache: ({ hash: number; queue: number } | undefined)[] = [];
  private vectorTimers: ReturnType<Host['timers']['create']>[] = [];
  /** The ethtool counter of each queue's descriptor-starved drops, named at open rather than per drop. */
  private queueDrops: string[] = [];

  constructor(host: Host, nrQueues: number, key: Uint8Array, fifoSize: number) {
    this.host = host;
    this.fifoSize = fifoSize;
    this.rss = { key, indir: [], tcp4: 'sdfn', udp4: 'sd' };
    this.setDefaultIndir(nrQueues);
  }

  /** The table was set by the user (ethtool -X), so channel changes must respect it. */
  indirUserSet = false;
  /** The queue count the indirection table was last filled for (igb's rss_indir_tbl_init). */
  private indirInitFor = 0;

  /** igb_setup_mrqc: contiguous blocks of queues. */
  setDefaultIndir(nrQueues: number): void {
    this.rss.indir = Array.from({ length: IGB_RETA_SIZE }, (_, i) => igb_reta_default(i, nrQueues));
    this.indirInitFor = nrQueues;
    this.rssChanged();
  }

  /** At open, igb refills the table only when the queue count changed since it last did. */
  setDefaultIndirIfStale(nrQueues: number): void {
    if (this.indirInitFor !== nrQueues) this.setDefaultIndir(nrQueues);
  }

  rssChanged(): void {
    this.hashCache = [];
  }

  /** Give the NIC its rings and vectors (at open). */
  attach(rings: RxRing[], vectors: NicVector[]): void {
    this.rings = rings;
    this.vectors = vectors;
    this.vectorTimers = vectors.map((vector) => this.host.timers.create(() => this.fire(vector, this.host.now)));
    this.queueDrops = rings.map((ring) => `rx_queue_${ring.queue_index}_drops`);
    this.fifo = new Fifo();
    this.fifoBytes = 0;
  }

  detach(): void {
    for (const t of this.vectorTimers) this.host.timers.disarm(t);
    this.rings = [];
    this.vectors = [];
    this.vectorTimers = [];
  }

  /**
   * A frame's last bit reached the NIC. Rare cases are apart, so that the common one stays small
   * enough to inline; it records the wire and the DMA as one trace event.
   */
  receive(frame: WireFrame, now: number): void {
    if (frame.faults !== 0 && this.filtered(frame, now)) return;
    if (this.rings.length === 0) return this.traceWire(frame, now); // interface down: nothing is received
    const sel = this.rssFor(frame.flow);
    const ring = this.rings[sel.queue]!;
    if (this.fifo.qlen === 0 && ring.nicFree > 0) {
      this.countGood(frame);
      this.dma(ring, frame, sel.hash, now, WIRE_DMA);
    } else {
      this.traceWire(frame, now);
      this.noDescriptor(frame, sel, now);
    }
  }

  private traceWire(frame: WireFrame, now: number): void {
    this.host.trace.record(now, frame.id, STAGE.wire, -1, 0);
  }

  /** The MAC drops a damaged frame (bad FCS) or, unless promiscuous, one for another MAC address. */
  private filtered(frame: WireFrame, now: number): boolean {
    if (frame.faults & FRAME_FCS_BAD) {
      this.hw.crcerrs++;
      this.traceWire(frame, now);
      this.host.dropHw(frame, now, 'rx_crc_errors');
      return true;
    }
    if (frame.faults & FRAME_NOT_OUR_MAC && !this.promisc) {
      // The destination-MAC filter discards it in hardware; no counter records it.
      this.traceWire(frame, now);
      this.host.dropHw(frame, now, 'mac_filter');
      return true;
    }
    return false;
  }

  /** Frames wait in the packet buffer already, or the ring has no free descriptor. */
  private noDescriptor(frame: WireFrame, sel: { hash: number; queue: number }, now: number): void {
    if (this.fifo.qlen > 0) {
      this.toFifo(frame, sel.queue, sel.hash, now);
      return;
    }
    const ring = this.rings[sel.queue]!;
    this.hw.rnbc++;
    if (this.dropEnable) {
      this.countGood(frame);
      ring.rx_stats.drops++;
      this.host.dropHw(frame, now, this.queueDrops[ring.queue_index]!);
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
      this.host.dropHw(frame, now, 'rx_missed_errors');
      return;
    }
    this.countGood(frame);
    this.fifo.push({ frame: frame.copy(), queue, hash });
    this.fifoBytes += frame.frameLen;
  }

  /** The driver wrote a ring's tail: frames waiting in the packet buffer may move on. */
  tailWritten(now: number): void {
    for (let head = this.fifo.peek(); head !== undefined; head = this.fifo.peek()) {
      const ring = this.rings[head.queue]!;
      if (ring.nicFree === 0) return;
      this.fifo.shift();
      this.fifoBytes -= head.frame.frameLen;
      this.dma(ring, head.frame, head.hash, now, STAGE.dma);
    }
  }

  /** The queue (and hash) RSS gives a flow. */
  rssFor(flow: Flow): { hash: number; queue: number } {
    return this.hashCache[flow.id] ?? this.rssSelect(flow);
  }

  private rssSelect(flow: Flow): { hash: number; queue: number } {
    const sel = this.host.hooks.rss_select_queue(this.rss, flow);
    if (!Number.isInteger(sel.queue) || sel.queue < 0 || sel.queue >= this.rings.length) {
      throw new RangeError(`rss_select_queue returned queue ${sel.queue}; this NIC has queues 0..${this.rings.length - 1}`);
    }
    this.hashCache[flow.id] = sel;
    return sel;
  }

  /** Write a frame into the descriptor at the ring's head and latch the interrupt cause; trace it as `stage` (dma, or WIRE_DMA). */
  private dma(ring: RxRing, frame: WireFrame, hash: number, now: number, stage: number): void {
    const head = ring.head;
    const desc = ring.desc[head]!;
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
    ring.head = head + 1 === ring.count ? 0 : head + 1;
    const queue = ring.queue_index;
    this.host.trace.record(now, frame.id, stage, -1, queue);
    this.latchCause(queue, now);
  }

  private latchCause(queue: number, now: number): void {
    const vector = this.vectors[queue]!;
    vector.causePending = true;
    if (!vector.masked) this.scheduleFire(queue, now);
  }

  private scheduleFire(queue: number, now: number): void {
    const vector = this.vectors[queue]!;
    this.host.timers.armEarlier(this.vectorTimers[queue]!, Math.max(now, vector.lastFire + vector.intervalNs));
  }

  /** The throttle let the interrupt through: auto-mask (EIAM) and signal it. */
  private fire(vector: NicVector, now: number): void {
    if (vector.masked || !vector.causePending) return;
    vector.masked = true;
    vector.causePending = false;
    vector.lastFire = now;
    generic_handle_irq(this.host, vector.irq, now);
  }

  /** The driver unmasked a vector (EIMS): a latched cause fires once the throttle allows. */
  unmask(queue: number, now: number): void {
    const vector = this.vectors[queue]!;
    vector.masked = false;
    if (vector.causePending) this.scheduleFire(queue, now);
  }
}
