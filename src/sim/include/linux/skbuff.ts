/** struct sk_buff and struct sk_buff_head, reduced to what the receive path reads and writes (include/linux/skbuff.h). */
import { Fifo } from '../../engine/fifo.ts';
import type { Page } from './mm_types.ts';
import type { NetDevice, RpsDevFlow } from './netdevice.ts';
import type { Flow } from '../net/flow_dissector.ts';

/**
 * sizeof(struct sk_buff) and sizeof(struct skb_shared_info) on x86_64, each rounded by SKB_DATA_ALIGN:
 * SKB_TRUESIZE(X) = X + 256 + 320, which makes SKB_TRUESIZE(256) = 832.
 */
export const SKB_STRUCT_TRUESIZE = 256;
export const SKB_SHINFO_SIZE = 320;

export function SKB_TRUESIZE(size: number): number {
  return size + SKB_STRUCT_TRUESIZE + SKB_SHINFO_SIZE;
}

/** What a frame may have wrong with it, for the NIC's and the stack's checks (the simulator's bits: skb.faults). */
export const FRAME_FCS_BAD = 1;
export const FRAME_NOT_OUR_MAC = 2;
export const FRAME_IP_CSUM_BAD = 4;
export const FRAME_L4_CSUM_BAD = 8;

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
  page: Page | null;
  /** Pages of the segments GRO merged into this skb. */
  fragPages: Page[] | null;
  /** RFS: the device flow entry get_rps_cpu chose for this skb (to record the backlog tail). */
  rflow: RpsDevFlow | null;
  /** NAPI_GRO_CB(skb)->age: the jiffy GRO began to hold it. */
  gro_age: number;
  /** Time the skb was queued to the backlog or socket, for latency. */
  queuedAt: number;
}

/** struct sk_buff_head: a FIFO of skbs. */
export class SkbQueue extends Fifo<SkBuff> {}
