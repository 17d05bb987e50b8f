/** Building and freeing skbs (net/core/skbuff.c). */
import * as netdevice_h from '../../include/linux/netdevice.ts';
import type { Page } from '../../include/linux/mm_types.ts';
import type { NetDevice } from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as dropreason_core_h from '../../include/net/dropreason-core.ts';
import type { SkbDropReason } from '../../include/net/dropreason-core.ts';
import type { Flow } from '../../include/net/flow_dissector.ts';
import * as tcp_h from '../../include/net/tcp.ts';
import * as in_h from '../../include/uapi/linux/in.ts';
import type { RxDesc } from '../../hw/rx_desc.ts';
import * as trace_h from '../../engine/trace.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { SKB_DROP_REASONS } = dropreason_core_h;
const { IPPROTO_TCP } = in_h;
const { STAGE } = trace_h;
const { dev_net } = netdevice_h;
const { tcp_payload_len } = tcp_h;

const SKB_DROP_INDEX = Object.fromEntries(SKB_DROP_REASONS.map((r, i) => [r, i])) as Record<SkbDropReason, number>;

/**
 * build_skb: an skb around the frame DMA'd into a descriptor's buffer (the frame's fields are in
 * the descriptor; `flow` is the one it names), `truesize` bytes of memory in all.
 */
export function build_skb(rx_desc: RxDesc, flow: Flow, dev: NetDevice, truesize: number, page: Page | null): SkBuff {
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
    end_seq: seq + (flow.proto === IPPROTO_TCP ? tcp_payload_len(len) : 0),
    tcpFlags: rx_desc.frame_tcp_flags,
    gso_segs: 1,
    page,
    fragPages: null,
    rflow: null,
    gro_age: 0,
    queuedAt: 0,
  };
}

/** The skb lets go of its pages: the driver may reuse a page once no skb holds it. */
function skb_release_data(skb: SkBuff): void {
  if (skb.page !== null) skb.page.skbRefs--;
  if (skb.fragPages !== null) for (const p of skb.fragPages) p.skbRefs--;
}

/** consume_skb: freed after use, not a drop. */
export function consume_skb(skb: SkBuff): void {
  skb_release_data(skb);
}

/**
 * kfree_skb_reason: a drop, traced with its reason as the skb:kfree_skb tracepoint shows it, as
 * the free begins. `location` is what the tracepoint shows as the caller (in the kernel, its
 * return address); `stage` is L4_DROP for a caller whose l4_rcv event has this same time.
 */
export function kfree_skb_reason(skb: SkBuff, reason: SkbDropReason, location: string, stage = STAGE.drop): void {
  const m = dev_net(skb.dev);
  const cpu = m.cpu;
  m.trace.record(cpu.clock, skb.id, stage, cpu.id, SKB_DROP_INDEX[reason]);
  cpu.charge(m.cost.kfreeSkb);
  skb_release_data(skb);
  m.drops.count(reason, location, skb.gso_segs);
}
