/** A flow and the frames on the wire that belong to it. */
import * as if_ether_h from './if_ether.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { ETH_FCS_LEN, ETH_HLEN, ETH_ZLEN } = if_ether_h;

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export type IpProto = typeof IPPROTO_TCP | typeof IPPROTO_UDP;

/** TCP header flags, as in include/net/tcp.h. */
export const TCPHDR_FIN = 0x01;
export const TCPHDR_SYN = 0x02;
export const TCPHDR_RST = 0x04;
export const TCPHDR_PSH = 0x08;
export const TCPHDR_ACK = 0x10;

/** Preamble, start delimiter and inter-frame gap: the wire time a frame costs beyond its bytes. */
export const ETH_WIRE_OVERHEAD = 20;
export const IP_HLEN = 20;
export const UDP_HLEN = 8;
export const TCP_HLEN = 32; // with the timestamp option, as Linux peers send it

/** One 5-tuple. Addresses are unsigned 32-bit numbers (IPv4). */
export interface Flow {
  readonly id: number;
  readonly proto: IpProto;
  readonly saddr: number;
  readonly daddr: number;
  readonly sport: number;
  readonly dport: number;
}

/** What a frame may have wrong with it, for the NIC's and the stack's checks. */
export const FRAME_FCS_BAD = 1;
export const FRAME_NOT_OUR_MAC = 2;
export const FRAME_IP_CSUM_BAD = 4;
export const FRAME_L4_CSUM_BAD = 8;

/** The length on the wire of the frame that carries an IP packet of `ipLen` bytes: Ethernet header and FCS included, padded to the 64-byte minimum. */
export function frameLenOf(ipLen: number): number {
  const len = ipLen + ETH_HLEN;
  return (len > ETH_ZLEN ? len : ETH_ZLEN) + ETH_FCS_LEN;
}

/** L4 payload bytes of an IP packet of `ipLen` bytes. */
export function payloadOf(proto: IpProto, ipLen: number): number {
  return ipLen - IP_HLEN - (proto === IPPROTO_TCP ? TCP_HLEN : UDP_HLEN);
}

/**
 * The frame whose last bit is reaching the NIC now: the wire's one frame at a time, rewritten for
 * each (the NIC copies what it keeps, as DMA copies a frame into host memory). An object per frame
 * would be one more for the garbage collector.
 */
export class WireFrame {
  /** Sequential id over the whole run: what the trace calls this frame. */
  id = 0;
  declare flow: Flow;
  /** IP packet length in bytes. */
  len = 0;
  /** Arrival time of the last bit, in ns. */
  time = -0; // a double from the start (index.ts)
  seq = 0;
  tcpFlags = 0;
  /** FRAME_* bits. */
  faults = 0;

  constructor(flow: Flow) {
    this.flow = flow;
  }

  /** Frame length on the wire, Ethernet header and FCS included, padded to the 64-byte minimum. */
  get frameLen(): number {
    return frameLenOf(this.len);
  }

  /** A copy that the next frame leaves as it is (for the NIC's packet buffer). */
  copy(): WireFrame {
    const c = new WireFrame(this.flow);
    c.id = this.id;
    c.len = this.len;
    c.time = this.time;
    c.seq = this.seq;
    c.tcpFlags = this.tcpFlags;
    c.faults = this.faults;
    return c;
  }
}
