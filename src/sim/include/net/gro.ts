/** GRO's per-NAPI state (struct gro_node, include/net/gro.h, 6.15+) and its limits. */
import type { SkBuff } from '../linux/skbuff.ts';

/** GRO_HASH_BUCKETS (include/linux/netdevice.h) and MAX_GRO_SKBS per bucket (net/core/gro.c). */
export const GRO_HASH_BUCKETS = 8;
export const MAX_GRO_SKBS = 8;
/** GRO_LEGACY_MAX_SIZE (include/linux/netdevice.h): the largest skb GRO builds. */
export const GRO_LEGACY_MAX_SIZE = 65536;

/** enum gro_result (include/linux/netdevice.h). */
export const GRO_MERGED = 0;
export const GRO_MERGED_FREE = 1;
export const GRO_HELD = 2;
export const GRO_NORMAL = 3;
export const GRO_CONSUMED = 4;
export type GroResult = typeof GRO_MERGED | typeof GRO_MERGED_FREE | typeof GRO_HELD | typeof GRO_NORMAL | typeof GRO_CONSUMED;

/** Held skbs by hash bucket, and the batch of skbs ready to go up (rx_list). */
export class GroNode {
  readonly hash: SkBuff[][] = Array.from({ length: GRO_HASH_BUCKETS }, () => []);
  held = 0;
  /**
   * The batch, rx_list[0, rx_len): one array for the NAPI's life, only ever grown, so that a store
   * is in bounds (growing stores are slow once a sandbox has frozen the built-in prototypes).
   */
  readonly rx_list: SkBuff[] = [];
  rx_len = 0;
  /** Segments in the batch (a merged skb counts its segments). */
  rx_count = 0;
}
