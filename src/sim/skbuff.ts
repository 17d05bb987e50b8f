import type { Flow, Packet } from './packet.ts';
import * as packet_h from './packet.ts';
import type { NetDevice } from './netdevice.ts';
import type { RxPage } from './ring.ts';
import type { RpsDevFlow } from './netdevice.ts';

/**
 * sizeof(struct sk_buff) and sizeof(struct skb_shared_info) on x86_64, each rounded by SKB_DATA_ALIGN:
 * SKB_TRUESIZE(X) = X + 256 + 320, which makes SKB_TRUESIZE(256) = 832 (include/linux/skbuff.h).
 */
export const SKB_STRUCT_TRUESIZE = 256;
export const SKB_SHINFO_SIZE = 320;

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { IPPROTO_TCP } = packet_h;

export function SKB_TRUESIZE(size: number): number {
  return size + SKB_STRUCT_TRUESIZE + SKB_SHINFO_SIZE;
}

/** struct sk_buff, reduced to what the receive path reads and writes. */
export interface SkBuff {
  /** The first wire packet in this skb (GRO may have merged more: see gso_segs). */
  readonly packet: Packet;
  readonly flow: Flow;
  dev: NetDevice;
  /** Bytes from the IP header on. */
  len: number;
  /** Memory charged to a socket for this skb. */
  truesize: number;
  /** skb->hash; whether it covers the ports (l4_hash); whether the stack computed it (sw_hash) rather than the NIC. */
  hash: number;
  l4_hash: boolean;
  sw_hash: boolean;
  /** The RX queue the NIC put it on (skb_record_rx_queue). */
  queue_mapping: number;
  /** TCP: sequence of the first byte and of the byte after the last one; flags of the last segment merged. */
  seq: number;
  end_seq: number;
  tcpFlags: number;
  /** Number of wire packets in this skb (skb_shinfo(skb)->gso_segs after GRO). */
  gso_segs: number;
  /** The page fragment the data sits in, held until the skb is freed. */
  page: RxPage | null;
  /** Pages of the segments GRO merged into this skb. */
  fragPages: RxPage[] | null;
  /** RFS: the device flow entry get_rps_cpu chose for this skb (to record the backlog tail). */
  rflow: RpsDevFlow | null;
  /** NAPI_GRO_CB(skb)->age: the jiffy GRO began to hold it. */
  gro_age: number;
  /** Time the skb was queued to the backlog or socket, for latency. */
  queuedAt: number;
}

/** build_skb: an skb around a received frame's buffer, `truesize` bytes of memory in all. */
export function build_skb(packet: Packet, dev: NetDevice, truesize: number, page: RxPage | null): SkBuff {
  return {
    packet,
    flow: packet.flow,
    dev,
    len: packet.len,
    truesize,
    hash: 0,
    l4_hash: false,
    sw_hash: false,
    queue_mapping: 0,
    seq: packet.seq,
    end_seq: packet.seq + (packet.flow.proto === IPPROTO_TCP ? packet.payload : 0),
    tcpFlags: packet.tcpFlags,
    gso_segs: 1,
    page,
    fragPages: null,
    rflow: null,
    gro_age: 0,
    queuedAt: 0,
  };
}
