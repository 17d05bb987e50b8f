/** The wire: one frame at a time reaching the NIC, and what a frame costs in bytes and time. */
import * as if_ether_h from '../include/uapi/linux/if_ether.ts';
import type { Flow } from '../include/net/flow_dissector.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { ETH_FCS_LEN, ETH_HLEN, ETH_ZLEN } = if_ether_h;

/** Preamble, start delimiter and inter-frame gap: the wire time a frame costs beyond its bytes. */
export const ETH_WIRE_OVERHEAD = 20;

/** The length on the wire of the frame that carries an IP packet of `ipLen` bytes: Ethernet header and FCS included, padded to the 64-byte minimum. */
export function frameLenOf(ipLen: number): number {
  const len = ipLen + ETH_HLEN;
  return (len > ETH_ZLEN ? len : ETH_ZLEN) + ETH_FCS_LEN;
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
  time = -0; // a double from the start (docs/fast-simulator-code.md)
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
