import type { Flow, Packet } from './packet.ts';
import type { NetDevice } from './netdevice.ts';
import type { RxPage } from './ring.ts';
import type { RpsDevFlow } from './netdevice.ts';

/**
 * sizeof(struct sk_buff) and sizeof(struct skb_shared_info) on x86_64, each rounded by SKB_DATA_ALIGN:
 * SKB_TRUESIZE(X) = X + 256 + 320, which makes SKB_TRUESIZE(256) = 832 (include/linux/skbuff.h).
 */
export const SKB_STRUCT_TRUESIZE = 256;
export const SKB_SHINFO_SIZE = 320;

export function SKB_TRUESIZE(size: number): number {
  return size + SKB_STRUCT_TRUESIZE + SKB_SHINFO_SIZE;
}

/** struct sk_buff, reduced to what the receive path reads and writes. */
export class SkBuff {
  /** The first wire packet in this skb (GRO may have merged more: see gso_segs). */
  declare readonly packet: Packet;
  declare readonly flow: Flow;
  declare dev: NetDevice;
  /** Bytes from the IP header on. */
  declare len: number;
  /** Memory charged to a socket for this skb. */
  declare truesize: number;
  /** skb->hash; whether it covers the ports (l4_hash); whether the stack computed it (sw_hash) rather than the NIC. */
  hash = 0;
  l4_hash = false;
  sw_hash = false;
  /** The RX queue the NIC put it on (skb_record_rx_queue). */
  queue_mapping = 0;
  /** TCP: sequence of the first byte and of the byte after the last one; flags of the last segment merged. */
  declare seq: number;
  declare end_seq: number;
  declare tcpFlags: number;
  /** Number of wire packets in this skb (skb_shinfo(skb)->gso_segs after GRO). */
  gso_segs = 1;
  /** The page fragment the data sits in, held until the skb is freed. */
  page: RxPage | null = null;
  /** Pages of the segments GRO merged into this skb. */
  fragPages: RxPage[] | null = null;
  /** RFS: the device flow entry get_rps_cpu chose for this skb (to record the backlog tail). */
  rflow: RpsDevFlow | null = null;
  /** NAPI_GRO_CB(skb)->age: the jiffy GRO began to hold it. */
  gro_age = 0;
  /** Time the skb was queued to the backlog or socket, for latency. */
  queuedAt = 0;

  constructor(packet: Packet, dev: NetDevice, truesize: number) {
    this.packet = packet;
    this.flow = packet.flow;
    this.dev = dev;
    this.len = packet.len;
    this.truesize = truesize;
    this.seq = packet.seq;
    this.end_seq = packet.seq + (packet.flow.proto === 6 ? packet.payload : 0);
    this.tcpFlags = packet.tcpFlags;
  }
}
