/**
 * GRO (net/core/gro.c, net/ipv4/tcp_offload.c): merge consecutive segments of one TCP flow into
 * one large skb before the stack sees them, so the per-packet cost above is paid once per merge.
 */
import type { NapiStruct } from './napi.ts';
import * as packet_h from './packet.ts';
import type { SkBuff } from './skbuff.ts';
import * as trace_h from './trace.ts';
import { jiffies, netif_receive_skb_list_internal } from './dev.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { IPPROTO_TCP, TCPHDR_FIN, TCPHDR_PSH, TCPHDR_RST, TCPHDR_SYN } = packet_h;
const { STAGE } = trace_h;

export const GRO_HASH_BUCKETS = 8;
export const MAX_GRO_SKBS = 8;
export const GRO_LEGACY_MAX_SIZE = 65536;

export const GRO_MERGED = 0;
export const GRO_MERGED_FREE = 1;
export const GRO_HELD = 2;
export const GRO_NORMAL = 3;
export const GRO_CONSUMED = 4;
export type GroResult = typeof GRO_MERGED | typeof GRO_MERGED_FREE | typeof GRO_HELD | typeof GRO_NORMAL | typeof GRO_CONSUMED;

/** Per-NAPI GRO state: held skbs by hash bucket, and the batch of skbs ready to go up (rx_list). */
export class GroState {
  readonly hash: SkBuff[][] = Array.from({ length: GRO_HASH_BUCKETS }, () => []);
  held = 0;
  rx_list: SkBuff[] = [];
  rx_count = 0;
}

/** Flags that end a merge (tcp_gro_receive): the segment may be merged but the result is flushed. */
const FLUSH_FLAGS = TCPHDR_PSH | TCPHDR_FIN | TCPHDR_RST | TCPHDR_SYN;

/** napi_gro_receive: the driver hands an skb to GRO. */
export function napi_gro_receive(napi: NapiStruct, skb: SkBuff): GroResult {
  const host = napi.host;
  host.cpu.charge(host.cost.groPacket);
  if (!skb.dev.features.gro || skb.flow.proto !== IPPROTO_TCP) {
    gro_normal_one(napi, skb, 1);
    return GRO_NORMAL;
  }
  return dev_gro_receive(napi, skb);
}

/** gro_list_prepare's same_flow: where the bucket holds an skb of this skb's flow, or -1 (a loop, not findIndex: no closure per segment). */
function gro_list_same_flow(bucket: SkBuff[], skb: SkBuff): number {
  for (let i = 0; i < bucket.length; i++) if (bucket[i]!.flow === skb.flow) return i;
  return -1;
}

function dev_gro_receive(napi: NapiStruct, skb: SkBuff): GroResult {
  const host = napi.host;
  const gro = napi.gro;
  const bucket = gro.hash[skb.hash & (GRO_HASH_BUCKETS - 1)]!;
  const i = gro_list_same_flow(bucket, skb);
  const flush = (skb.tcpFlags & FLUSH_FLAGS) !== 0;
  if (i >= 0) {
    const p = bucket[i]!;
    const payload = skb.end_seq - skb.seq;
    if (skb.seq === p.end_seq && p.len + payload <= GRO_LEGACY_MAX_SIZE && !(skb.tcpFlags & (TCPHDR_SYN | TCPHDR_RST))) {
      // skb_gro_receive: the payload becomes a fragment of p; p now also holds this page.
      p.len += payload;
      p.end_seq = skb.end_seq;
      p.tcpFlags |= skb.tcpFlags;
      p.gso_segs++;
      p.truesize += skb.truesize;
      if (skb.page) (p.fragPages ??= []).push(skb.page);
      host.trace.record(host.cpu.clock, skb.id, STAGE.gro_merged, host.cpu.id, p.id);
      if (flush) {
        bucket.splice(i, 1);
        gro.held--;
        gro_normal_one(napi, p, p.gso_segs);
      }
      return GRO_MERGED_FREE;
    }
    // Same flow but not mergeable (out of order, too big): the held one goes up first.
    bucket.splice(i, 1);
    gro.held--;
    gro_normal_one(napi, p, p.gso_segs);
  }
  if (flush) {
    gro_normal_one(napi, skb, 1);
    return GRO_NORMAL;
  }
  if (bucket.length >= MAX_GRO_SKBS) {
    const oldest = bucket.shift()!;
    gro.held--;
    gro_normal_one(napi, oldest, oldest.gso_segs);
  }
  skb.gro_age = jiffies();
  bucket.push(skb);
  gro.held++;
  return GRO_HELD;
}

/**
 * napi_gro_flush (__gro_flush_chain): send the held skbs up, oldest first in each bucket; with
 * `flush_old`, only those GRO has held since an earlier jiffy (the rest wait for the next flush).
 */
export function napi_gro_flush(napi: NapiStruct, flush_old: boolean): void {
  const gro = napi.gro;
  if (gro.held === 0) return;
  const now = flush_old ? jiffies() : -1;
  for (const bucket of gro.hash) {
    let n = 0;
    while (n < bucket.length && bucket[n]!.gro_age !== now) n++;
    for (const skb of bucket.splice(0, n)) gro_normal_one(napi, skb, skb.gso_segs);
    gro.held -= n;
  }
}

/** gro_normal_one: batch an skb on rx_list; hand the batch up once gro_normal_batch segments wait. */
export function gro_normal_one(napi: NapiStruct, skb: SkBuff, segs: number): void {
  const gro = napi.gro;
  // An indexed store grows the fresh batch inline; push() is a call into V8's builtin here (measured).
  const list = gro.rx_list;
  list[list.length] = skb;
  gro.rx_count += segs;
  if (gro.rx_count >= napi.host.gro_normal_batch) gro_normal_list(napi);
}

/** gro_normal_list: pass the batch to netif_receive_skb_list_internal. */
export function gro_normal_list(napi: NapiStruct): void {
  const gro = napi.gro;
  if (!gro.rx_count) return;
  const list = gro.rx_list;
  gro.rx_list = [];
  gro.rx_count = 0;
  netif_receive_skb_list_internal(list);
}
