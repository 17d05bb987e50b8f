/**
 * GRO (net/core/gro.c, net/ipv4/tcp_offload.c): merge consecutive segments of one TCP flow into
 * one large skb before the stack sees them, so the per-packet cost above is paid once per merge.
 * Since 6.15 its state is a struct gro_node, which a NAPI embeds.
 */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import * as jiffies_h from '../../include/linux/jiffies.ts';
import type { NapiStruct } from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as gro_h from '../../include/net/gro.ts';
import type { GroNode, GroResult } from '../../include/net/gro.ts';
import * as tcp_h from '../../include/net/tcp.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import * as trace_h from '../../engine/trace.ts';
// A cycle the kernel has too: named imports, which stay live while the modules load (a module constant would read the other module half-loaded).
import { netif_receive_skb_list_internal } from './dev.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { GRO_HASH_BUCKETS, GRO_HELD, GRO_LEGACY_MAX_SIZE, GRO_MERGED_FREE, GRO_NORMAL, MAX_GRO_SKBS } = gro_h;
const { TCPHDR_FIN, TCPHDR_PSH, TCPHDR_RST, TCPHDR_SYN } = tcp_h;
const { IPPROTO_TCP } = in_h;
const { STAGE } = trace_h;
const { dev_net } = netdevice_h;
const { jiffies } = jiffies_h;

/** Flags that end a merge (tcp_gro_receive): the segment may be merged but the result is flushed. */
const FLUSH_FLAGS = TCPHDR_PSH | TCPHDR_FIN | TCPHDR_RST | TCPHDR_SYN;

/**
 * napi_gro_receive (an inline of include/linux/netdevice.h): a driver's poll hands an skb to GRO,
 * gro_receive_skb on the NAPI's gro_node. A lab may replace it: every caller goes through this
 * name to the running host's version.
 */
export function napi_gro_receive(napi: NapiStruct, skb: SkBuff): GroResult {
  return dev_net(skb.dev).hooks.napi_gro_receive(napi, skb);
}

declare module '../../include/hooks.ts' {
  interface Hooks {
    /** GRO: merge, hold or pass the skb up. */
    napi_gro_receive: typeof napi_gro_receive;
  }
}

/** gro_receive_skb: merge the skb into one GRO holds, hold it, or pass it up. */
export function gro_receive_skb(gro: GroNode, skb: SkBuff): GroResult {
  const m = dev_net(skb.dev);
  m.cpu.charge(m.cost.groPacket);
  if (!skb.dev.features.gro || skb.flow.proto !== IPPROTO_TCP) {
    gro_normal_one(gro, skb, 1);
    return GRO_NORMAL;
  }
  return dev_gro_receive(gro, skb);
}

/** gro_list_prepare's same_flow: where the bucket holds an skb of this skb's flow, or -1 (a loop, not findIndex: no closure per segment). */
function gro_list_same_flow(bucket: SkBuff[], skb: SkBuff): number {
  for (let i = 0; i < bucket.length; i++) if (bucket[i]!.flow === skb.flow) return i;
  return -1;
}

function dev_gro_receive(gro: GroNode, skb: SkBuff): GroResult {
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
      const m = dev_net(skb.dev);
      const cpu = m.cpu;
      m.trace.record(cpu.clock, skb.id, STAGE.gro_merged, cpu.id, p.id);
      if (flush) {
        bucket.splice(i, 1);
        gro.held--;
        gro_normal_one(gro, p, p.gso_segs);
      }
      return GRO_MERGED_FREE;
    }
    // Same flow but not mergeable (out of order, too big): the held one goes up first.
    bucket.splice(i, 1);
    gro.held--;
    gro_normal_one(gro, p, p.gso_segs);
  }
  if (flush) {
    gro_normal_one(gro, skb, 1);
    return GRO_NORMAL;
  }
  if (bucket.length >= MAX_GRO_SKBS) {
    const oldest = bucket.shift()!;
    gro.held--;
    gro_normal_one(gro, oldest, oldest.gso_segs);
  }
  skb.gro_age = jiffies();
  bucket.push(skb);
  gro.held++;
  return GRO_HELD;
}

/**
 * __gro_flush: send the held skbs up, oldest first in each bucket; with `flush_old`, only those
 * GRO has held since an earlier jiffy (the rest wait for the next flush).
 */
export function __gro_flush(gro: GroNode, flush_old: boolean): void {
  if (gro.held === 0) return;
  const now = flush_old ? jiffies() : -1;
  for (const bucket of gro.hash) {
    let n = 0;
    while (n < bucket.length && bucket[n]!.gro_age !== now) n++;
    for (const skb of bucket.splice(0, n)) gro_normal_one(gro, skb, skb.gso_segs);
    gro.held -= n;
  }
}

/** gro_normal_one: batch an skb on rx_list; hand the batch up once gro_normal_batch segments wait. */
export function gro_normal_one(gro: GroNode, skb: SkBuff, segs: number): void {
  const list = gro.rx_list;
  if (gro.rx_len === list.length) list.push(skb);
  else list[gro.rx_len] = skb;
  gro.rx_len++;
  gro.rx_count += segs;
  if (gro.rx_count >= dev_net(skb.dev).net_hotdata.gro_normal_batch) gro_normal_list(gro);
}

/** gro_normal_list: pass the batch to netif_receive_skb_list_internal. */
export function gro_normal_list(gro: GroNode): void {
  if (!gro.rx_count) return;
  const n = gro.rx_len;
  gro.rx_len = 0;
  gro.rx_count = 0;
  netif_receive_skb_list_internal(gro.rx_list, n);
}

/** gro_flush_normal (an inline of include/net/gro.h): flush what GRO holds, then hand up the batch. */
export function gro_flush_normal(gro: GroNode, flush_old: boolean): void {
  __gro_flush(gro, flush_old);
  gro_normal_list(gro);
}
