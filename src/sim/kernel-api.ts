/**
 * The learner's door, 'packet-path/sim': the kernel API a lab's function may call, under the
 * kernel's names — structs, constants, and the functions a driver or the stack would call. Nothing
 * here leads back to the host: no createHost, no Host, no reference implementations of the
 * functions labs ask for, no scenarios, no sysfs or sysctl writers. A lab withholds further names
 * that would do its whole job (napi-poll withholds igb_clean_rx_irq). The editor's types are
 * generated from this file only.
 */
import * as machine_h from './include/machine.ts';
import { SKB_DROP_REASONS, type SkbDropReason } from './include/net/dropreason-core.ts';
import type { NetHotdata } from './include/net/hotdata.ts';
import type { SkBuff } from './include/linux/skbuff.ts';
import { kfree_skb_reason as kfree_skb_at } from './net/core/skbuff.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;

// Lists, and the struct a member is embedded in.
export { ListHead, INIT_LIST_HEAD, list_empty, list_first_entry, list_add_tail, list_del_init, list_splice, list_splice_init, list_splice_tail, list_splice_tail_init } from './include/linux/list.ts';
export { container_of } from './include/linux/container_of.ts';

// Devices, NAPI and the per-CPU data of the receive path.
export { NET_RX_SUCCESS, NET_RX_DROP, NAPI_STATE_SCHED, NAPI_STATE_MISSED, NAPI_POLL_WEIGHT, NapiStruct, SoftnetData, this_cpu_softnet_data, type NetDevice, type PollFunction } from './include/linux/netdevice.ts';
export { napi_schedule, napi_schedule_prep, __napi_schedule, napi_complete_done, napi_poll, netif_receive_skb, __netif_receive_skb, get_rps_cpu, enqueue_to_backlog, skb_flow_limit } from './net/core/dev.ts';
export { jiffies, usecs_to_jiffies, time_after_eq } from './include/linux/jiffies.ts';
export { NET_RX_SOFTIRQ } from './include/linux/interrupt.ts';
export { IRQ_HANDLED, IRQ_NONE, type IrqReturn } from './include/linux/irqreturn.ts';

// The skb, GRO and the flow hash.
export type { SkBuff } from './include/linux/skbuff.ts';
export { GRO_MERGED, GRO_MERGED_FREE, GRO_HELD, GRO_NORMAL, GRO_CONSUMED, GRO_HASH_BUCKETS, MAX_GRO_SKBS, type GroResult, type GroNode } from './include/net/gro.ts';
export { napi_gro_receive, gro_normal_one } from './net/core/gro.ts';
export { skb_get_hash } from './net/core/flow_dissector.ts';
export { hash_32 } from './include/linux/hash.ts';
export { reciprocal_scale } from './include/linux/math.ts';
export type { Flow } from './include/net/flow_dissector.ts';
export { IPPROTO_TCP, IPPROTO_UDP } from './include/uapi/linux/in.ts';

// Sockets.
export type { Sock } from './include/net/sock.ts';
export { sk_data_ready } from './net/core/sock.ts';
export { __udp_enqueue_schedule_skb } from './net/ipv4/udp.ts';
export { PAGE_SIZE } from './include/linux/mm_types.ts';
export { ENOMEM, ENOBUFS } from './include/linux/errno.ts';
export { SKB_DROP_REASONS, type SkbDropReason } from './include/net/dropreason-core.ts';

// The NIC's RSS, as the hardware computes it.
export { toeplitzHash, rssInputIPv4, rssInputIPv6, type RssSelection } from './hw/rss.ts';
export { ethtool_rxfh_indir_default, type RssConfig, type RxFlowHashFields } from './include/linux/ethtool.ts';
export { writel, type MmioRegister } from './hw/io.ts';
export type { RxDesc } from './hw/rx_desc.ts';

// The igb driver.
export { QVector, RxRing, IgbAdapter, IGB_RX_BUFFER_WRITE, IGB_DEFAULT_RXD, IGB_RX_DESC, igb_desc_unused, type RxBuffer } from './drivers/net/ethernet/intel/igb/igb.ts';
export { igb_alloc_rx_buffers, igb_build_skb, igb_clean_rx_irq, igb_ring_irq_enable, igb_write_itr } from './drivers/net/ethernet/intel/igb/igb_main.ts';

/** READ_ONCE(net_hotdata.x): the receive path's tunables, as values (writing them is sysctl's job). */
export function net_hotdata(): Readonly<NetHotdata> {
  return Object.freeze({ ...machine().net_hotdata });
}

/** kfree_skb_reason: drop an skb; the reason (SKB_DROP_REASONS, without the SKB_DROP_REASON_ prefix) is what the skb:kfree_skb tracepoint shows. */
export function kfree_skb_reason(skb: SkBuff, reason: SkbDropReason): void {
  if (!(SKB_DROP_REASONS as readonly string[]).includes(reason)) throw new TypeError(`kfree_skb_reason: ${JSON.stringify(reason)} is not a drop reason (SKB_DROP_REASONS)`);
  kfree_skb_at(skb, reason, 'kfree_skb_reason');
}

/** smp_processor_id(): the CPU the calling code runs on. */
export function smp_processor_id(): number {
  return machine().cpu.id;
}
