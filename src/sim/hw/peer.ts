/**
 * The far end of the wire: the sender. A workload says which flows send, how many packets per
 * second, and how the arrivals are spaced; it is plain data (so a lab or the terminal can describe
 * one), and TrafficSource turns it into frames on the wire, deterministically from the seed. TCP
 * senders hold back when the receiver's window is shut, as the ACKs tell them.
 */
import * as machine_h from '../include/machine.ts';
import type { Flow } from '../include/net/flow_dissector.ts';
import * as tcp_h from '../include/net/tcp.ts';
import * as skbuff_h from '../include/linux/skbuff.ts';
import * as in_h from '../include/uapi/linux/in.ts';
import type { IpProto } from '../include/uapi/linux/in.ts';
import * as ip_h from '../include/uapi/linux/ip.ts';
import * as udp_h from '../include/uapi/linux/udp.ts';
import * as inet_h from '../lib/inet.ts';
import * as wire_h from './wire.ts';
import { WireFrame } from './wire.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { TCP_HLEN, TCPHDR_ACK, TCPHDR_PSH } = tcp_h;
const { FRAME_FCS_BAD, FRAME_IP_CSUM_BAD, FRAME_L4_CSUM_BAD, FRAME_NOT_OUR_MAC } = skbuff_h;
const { IPPROTO_TCP, IPPROTO_UDP } = in_h;
const { IP_HLEN } = ip_h;
const { UDP_HLEN } = udp_h;
const { ETH_WIRE_OVERHEAD, frameLenOf } = wire_h;
const { machine } = machine_h;
const { parseIPv4 } = inet_h;

export interface FlowSpec {
  proto?: 'udp' | 'tcp';
  /** Source address (default 10.0.0.2) and port (default 40000 + the flow's index). */
  src?: string;
  sport?: number;
  /** Destination address (default: the NIC's address) and port. */
  dst?: string;
  dport: number;
  /** Share of the packets, relative to the other flows (default 1). */
  weight?: number;
}

export type Arrivals = 'constant' | 'poisson' | { burst: number };

export interface Workload {
  name: string;
  flows: FlowSpec[];
  /** Offered packets per second over all flows (TCP flows may send less: the window limits them). */
  pps: number;
  /** Payload bytes of a UDP datagram, or the MSS of a TCP segment. */
  payload?: number;
  arrivals?: Arrivals;
  /** Link speed: frames never arrive closer than their wire time. */
  linkGbps?: number;
  /** Fractions of the frames that are damaged or misaddressed. */
  faults?: { fcs?: number; otherMac?: number; ipCsum?: number; l4Csum?: number };
}

export const DEFAULT_PAYLOAD = 64;
export const DEFAULT_LINK_GBPS = 10;

function checkWorkload(w: Workload): void {
  if (!(w.pps > 0) || !Number.isFinite(w.pps)) throw new RangeError(`workload ${w.name}: pps must be a positive number, got ${w.pps}`);
  if (w.flows.length === 0) throw new RangeError(`workload ${w.name}: no flows`);
  const payload = w.payload ?? DEFAULT_PAYLOAD;
  if (!Number.isInteger(payload) || payload < 0 || payload > 1472) throw new RangeError(`workload ${w.name}: payload must be 0..1472 bytes, got ${payload}`);
  for (const f of w.flows) {
    if (!Number.isInteger(f.dport) || f.dport < 1 || f.dport > 65535) throw new RangeError(`workload ${w.name}: dport must be 1..65535, got ${f.dport}`);
    if ((f.weight ?? 1) <= 0) throw new RangeError(`workload ${w.name}: a flow's weight must be positive`);
  }
  if (typeof w.arrivals === 'object' && !(Number.isInteger(w.arrivals.burst) && w.arrivals.burst >= 1)) {
    throw new RangeError(`workload ${w.name}: burst must be a whole number of packets ≥ 1`);
  }
}

interface FlowState {
  flow: Flow;
  weight: number;
  seq: number;
  tcp: boolean;
  /** IP length of its frames, and the wire time of one (its bits, preamble and gap). */
  len: number;
  wireNs: number;
}

/** The order flows send in: smooth weighted round-robin, computed once over a cycle of `length` slots. */
function flowSchedule(weights: number[], length: number): Uint16Array {
  const current = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const schedule = new Uint16Array(length);
  for (let slot = 0; slot < length; slot++) {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      current[i]! += weights[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    schedule[slot] = best;
  }
  return schedule;
}

/**
 * The peer's side of every connection: one Flow per 5-tuple (so per-flow caches, such as the NIC's
 * hash, work across runs), the id of the next frame, and what each TCP flow's receiver has ACKed.
 */
export class Peer {
  private readonly byTuple = new Map<string, Flow>();
  /** The flows by id: what a frame names its flow by. */
  readonly flows: Flow[] = [];
  nextPacketId = 0;
  /** TCP: per flow, the sequence delivered to the socket (what the receiver has ACKed). */
  private readonly acked = new Map<number, number>();
  /** The receiver's window for a TCP flow, in bytes (Infinity when no socket takes it). */
  private declare readonly receiveWindow: (flow: Flow) => number;

  constructor(receiveWindow: (flow: Flow) => number) {
    this.receiveWindow = receiveWindow;
  }

  flowFor(proto: IpProto, saddr: number, sport: number, daddr: number, dport: number): Flow {
    const key = `${proto}:${saddr}:${sport}:${daddr}:${dport}`;
    let flow = this.byTuple.get(key);
    if (!flow) {
      flow = { id: this.byTuple.size, proto, saddr, sport, daddr, dport };
      this.byTuple.set(key, flow);
      this.flows[flow.id] = flow;
    }
    return flow;
  }

  /** An ACK reached the sender: the receiver has everything up to end_seq. */
  ack(flow: Flow, end_seq: number): void {
    const prev = this.acked.get(flow.id) ?? 1;
    if (end_seq > prev) this.acked.set(flow.id, end_seq);
  }

  /** May a TCP flow send `bytes` more from `nextSeq`? Within the window the receiver advertised. */
  windowOpen(flow: Flow, nextSeq: number, bytes: number): boolean {
    const acked = this.acked.get(flow.id) ?? 1;
    return nextSeq + bytes - acked <= this.receiveWindow(flow);
  }
}

/** Frames of a workload in time order, from `start` until `end`. */
export class TrafficSource {
  private declare readonly peer: Peer;
  private declare readonly w: Workload;
  private declare readonly flows: FlowState[];
  private declare readonly schedule: Uint16Array;
  private slot = 0;
  private declare readonly payload: number;
  private declare readonly gapNs: number;
  private declare readonly bitNs: number;
  private declare readonly end: number;
  private declare readonly arrivals: Arrivals;
  /** When the next frame starts (the arrival process), and when the wire is free of the last one. */
  private declare nextAt: number;
  private declare wireFreeAt: number;
  private inBurst = 0;
  /**
   * The next frame, decided ahead so that its arrival time (its last bit) is known: its flow's
   * state (null for none: a retry slot, or the end), its arrival, and the frame itself.
   */
  private pendingFlow: FlowState | null = null;
  private pendingAt = Infinity;
  declare readonly frame: WireFrame;
  sent = 0;

  /** `dst`: the receiving host's address, where a flow names none. */
  constructor(peer: Peer, w: Workload, start: number, end: number, dst: number) {
    checkWorkload(w);
    this.peer = peer;
    this.w = w;
    this.end = end;
    this.payload = w.payload ?? DEFAULT_PAYLOAD;
    this.gapNs = 1e9 / w.pps;
    this.bitNs = 1 / (w.linkGbps ?? DEFAULT_LINK_GBPS);
    this.arrivals = w.arrivals ?? 'constant';
    this.flows = w.flows.map((spec, i) => {
      const tcp = spec.proto === 'tcp';
      const len = IP_HLEN + (tcp ? TCP_HLEN : UDP_HLEN) + this.payload;
      return {
        flow: peer.flowFor(
          tcp ? IPPROTO_TCP : IPPROTO_UDP,
          spec.src ? parseIPv4(spec.src) : parseIPv4('10.0.0.2'),
          spec.sport ?? 40000 + i,
          spec.dst ? parseIPv4(spec.dst) : dst,
          spec.dport,
        ),
        weight: spec.weight ?? 1,
        // TCP sequence numbers start at 1 (the SYN took 0); UDP has none.
        seq: tcp ? 1 : 0,
        tcp,
        len,
        wireNs: (frameLenOf(len) + ETH_WIRE_OVERHEAD) * 8 * this.bitNs,
      };
    });
    this.frame = new WireFrame(this.flows[0]!.flow);
    this.schedule = flowSchedule(this.flows.map((f) => f.weight), Math.max(1024, this.flows.length * 16));
    this.nextAt = start;
    this.wireFreeAt = start;
    this.next();
  }

  /** Arrival time (last bit) of the next frame, or Infinity when the run is over. */
  get nextTime(): number {
    return this.pendingAt;
  }

  /** The frame due at nextTime, or null for a retry slot (the flows due were held back by their window); valid until next(). */
  due(): WireFrame | null {
    return this.pendingFlow === null ? null : this.frame;
  }

  /**
   * Move on: prepare the frame after the one due. When every flow due is held back by its TCP
   * window, leave no frame but a retry at the next slot, so time moves on and the receiver can open
   * the window.
   */
  next(): void {
    if (this.nextAt >= this.end) {
      this.pendingFlow = null;
      this.pendingAt = Infinity;
      return;
    }
    const fs = this.decide(this.nextAt);
    this.advance();
    this.pendingFlow = fs;
    if (fs === null) this.pendingAt = this.nextAt < this.end ? this.nextAt : Infinity;
  }

  /** The frame that starts at `now`: its flow, with the pending fields set; null for none (windows shut, or past the end). */
  private decide(now: number): FlowState | null {
    const fs = this.pickFlow();
    if (fs === null) return null;
    // The last bit arrives after the frame's wire time, and never before the previous frame's.
    const free = this.wireFreeAt;
    const arrival = (now > free ? now : free) + fs.wireNs;
    if (arrival >= this.end) return null;
    this.wireFreeAt = arrival;
    this.pendingAt = arrival;
    const frame = this.frame;
    frame.id = this.peer.nextPacketId++;
    frame.flow = fs.flow;
    frame.len = fs.len;
    frame.time = arrival;
    frame.seq = fs.seq;
    frame.tcpFlags = fs.tcp ? this.tcpFlags(fs) : 0;
    frame.faults = this.faults();
    if (fs.tcp) fs.seq += this.payload;
    this.sent++;
    return fs;
  }

  private advance(): void {
    if (this.arrivals === 'constant') this.nextAt += this.gapNs;
    else this.advanceIrregular();
  }

  /** Poisson or bursty arrivals (constant ones are advance's fast path). */
  private advanceIrregular(): void {
    const a = this.arrivals;
    if (a === 'poisson') this.nextAt += -Math.log(1 - machine().rng.next()) * this.gapNs;
    else if (typeof a === 'object') {
      // Bursts: `burst` frames back to back, bursts spaced to keep the mean rate.
      this.inBurst++;
      if (this.inBurst >= a.burst) {
        this.inBurst = 0;
        this.nextAt += this.gapNs * a.burst;
      }
    }
  }

  /** The next flow in the schedule whose TCP window (if TCP) is open. */
  private pickFlow(): FlowState | null {
    const n = this.schedule.length;
    for (let tries = 0; tries < this.flows.length; tries++) {
      const fs = this.flows[this.schedule[this.slot]!]!;
      this.slot = this.slot + 1 === n ? 0 : this.slot + 1;
      if (!fs.tcp || this.peer.windowOpen(fs.flow, fs.seq, this.payload)) return fs;
    }
    return null;
  }

  private tcpFlags(fs: FlowState): number {
    // A sender pushes at the end of each 64 KiB write.
    const boundary = Math.floor((fs.seq + this.payload) / 65536) > Math.floor(fs.seq / 65536);
    return TCPHDR_ACK | (boundary ? TCPHDR_PSH : 0);
  }

  private faults(): number {
    const f = this.w.faults;
    if (f === undefined) return 0;
    const rng = machine().rng;
    let bits = 0;
    if (f.fcs && rng.next() < f.fcs) bits |= FRAME_FCS_BAD;
    if (f.otherMac && rng.next() < f.otherMac) bits |= FRAME_NOT_OUR_MAC;
    if (f.ipCsum && rng.next() < f.ipCsum) bits |= FRAME_IP_CSUM_BAD;
    if (f.l4Csum && rng.next() < f.l4Csum) bits |= FRAME_L4_CSUM_BAD;
    return bits;
  }
}
