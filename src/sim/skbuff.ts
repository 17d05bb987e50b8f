import { payloadOf, type Flow } from './packet.ts';
import * as packet_h from './packet.ts';
import type { NetDevice } from './netdevice.ts';
import type { RxDesc, RxPage } from './ring.ts';
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
  /** The trace's id of the first frame in this skb (GRO may have merged more: see gso_segs). */
  readonly id: number;
  /** When that frame's last bit reached the NIC, in ns: the NIC's receive timestamp (skb_hwtstamps). */
  readonly hwtstamp: number;
  /** What is wrong with that frame (FRAME_* bits), for the checksum checks of IP and UDP/TCP. */
  readonly faults: number;
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

/**
 * build_skb: an skb around the frame DMA'd into a descriptor's buffer (the frame's fields are in
 * the descriptor; `flow` is the one it names), `truesize` bytes of memory in all.
 */
export function build_skb(rx_desc: RxDesc, flow: Flow, dev: NetDevice, truesize: number, page: RxPage | null): SkBuff {
  const len = rx_desc.length;
  const seq = rx_desc.frame_seq;
  return {
    id: rx_desc.frame_id,
    hwtstamp: rx_desc.frame_time,
    faults: rx_desc.frame_faults,
    flow,
    dev,
    len,
    truesize,
    hash: 0,
    l4_hash: false,
    sw_hash: false,
    queue_mapping: 0,
    seq,
    end_seq: seq + (flow.proto === IPPROTO_TCP ? payloadOf(IPPROTO_TCP, len) : 0),
    tcpFlags: rx_desc.frame_tcp_flags,
    gso_segs: 1,
    page,
    fragPages: null,
    rflow: null,
    gro_age: 0,
    queuedAt: 0,
  };
}
