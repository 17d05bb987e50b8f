/**
 * Why a packet was dropped. Kernel drops carry the name the skb:kfree_skb tracepoint prints
 * (enum skb_drop_reason in include/net/dropreason-core.h, without the SKB_DROP_REASON_ prefix).
 * Drops in the NIC happen before there is an skb: they carry no kernel reason, only the counter
 * that records them, so they are told apart by `where`.
 */
export const SKB_DROP_REASONS = [
  'NOT_SPECIFIED',
  'NO_SOCKET',
  'UDP_CSUM',
  'TCP_CSUM',
  'OTHERHOST',
  'IP_CSUM',
  'IP_INHDR',
  'IP_INADDRERRORS',
  'IP_NOPROTO',
  'SOCKET_RCVBUFF',
  'PROTO_MEM',
  'SOCKET_BACKLOG',
  'CPU_BACKLOG',
  'UNHANDLED_PROTO',
  'DEV_READY',
  'NOMEM',
  'TCP_RFC7323_PAWS',
] as const;

export type SkbDropReason = (typeof SKB_DROP_REASONS)[number];

/** NIC drops, named by the ethtool -S counter that records them. */
export type NicDropCounter = 'rx_crc_errors' | 'rx_missed_errors' | 'rx_queue_drops';

export interface DropSite {
  /** Kernel drop reason, or null for a drop in the NIC's hardware. */
  readonly reason: SkbDropReason | null;
  /** The kernel function that freed the skb, or the NIC counter for a hardware drop. */
  readonly where: string;
}
