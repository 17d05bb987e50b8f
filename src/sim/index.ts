/**
 * The simulated Linux host: the one public door of src/sim. Labs, the shell and the lab runtime
 * import only from here.
 *
 * Habits that keep the per-packet path fast in V8 (npm run bench measures it):
 * - Class fields set by a constructor are `declare`d: a field defined as undefined first is typed
 *   loosely, so every double stored in it is a new heap number and every read checks its kind.
 * - A number field that will hold times or 32-bit hashes starts at -0, not 0, so that it is a
 *   double from the start. V8 gives a field the representation of its first value; widening it
 *   later from small integer to double gives every such object a new shape, throws away the code
 *   compiled for the old one, and leaves the fields that pointed to such objects typed loosely
 *   from the next host on (measured: a host's second run took nearly twice as long as its third;
 *   after, 5-7% fewer instructions per run). Where such a field is read out into a result, it is
 *   given + 0 if it may still hold that -0, which console.log would show.
 * - An object made per packet (the skb) is an object literal, not a class: V8 builds a literal
 *   with its final shape at once, where a constructor adds its fields one shape at a time.
 * - A new object is not stored into a long-lived one per packet where its fields will do: each
 *   such store goes through V8's write barrier (the RX descriptor copies the frame's fields).
 *   Nor is one made where nothing keeps it: the wire rewrites one WireFrame for each frame.
 * - Modules copy the constants they import into module constants, which V8 folds into the code.
 *   An exported constant read by name (in its own module or imported) is a cell, loaded and
 *   checked on every use; so the constants the per-packet path needs live in modules of
 *   constants, like the kernel's headers (if_ether.ts, netdevice.ts, errno.ts, softirq.ts).
 * - Rare branches of hot functions (drops, errors, warnings) live in functions of their own, so
 *   that the common path is small enough for V8 to inline.
 * - An object that may be null or undefined is tested with === or !==, not for truthiness: a field
 *   holding objects and null is typed loosely, and V8 tests its truthiness against every kind of
 *   falsy value in turn (measured: 2.9% of the instructions per run).
 * - Per packet, no calls into Array builtins (push, pop, splice: fixed arrays with a count, or
 *   list_heads) and no unpredictable branches where a mask will do: measured, these cost more than
 *   arithmetic, which the time spent waiting on memory hides.
 */
import type { NapiStruct } from './napi.ts';
import type { NetDevice } from './netdevice.ts';
import type { SkBuff } from './skbuff.ts';
import type { SkbDropReason } from './dropreason.ts';
import type { Sock } from './sock.ts';
import { current } from './context.ts';

export { createHost, Host, DEFAULT_UDP_PORT } from './host.ts';
export type { HostConfig, NicConfig, SocketConfig, RunOptions, RunResult, DropCount } from './host.ts';
export type { HostStats, SoftnetStat, InterruptLine, NetdevStats, SocketStat, ThreadStat } from './stats.ts';
export type { LatencySummary } from './histogram.ts';
export type { TraceEvent, TraceStage } from './trace.ts';
export { TRACE_STAGES } from './trace.ts';
export { DEFAULT_COST_MODEL, type CostModel } from './cost.ts';
export { referenceHooks as reference, HOOK_NAMES, type Hooks, type HookName } from './hooks.ts';
export { KernelError, ERRNO_TEXT, type Errno } from './errno.ts';
export { SKB_DROP_REASONS, type SkbDropReason, type DropSite } from './dropreason.ts';
export { SNMP_GROUPS, NETSTAT_GROUPS, type Mib } from './mib.ts';
export { SOFTIRQ_NAMES, type SoftirqName } from './softirq.ts';
export type { CpuTime } from './cpu.ts';

// Workloads and scenarios.
export { constantRate, poissonRate, bursts, manyFlows, elephantFlow, tcpFlow, type Workload, type FlowSpec, type Arrivals } from './workload.ts';
export { SCENARIOS, findScenario, type Scenario } from './scenarios.ts';

// Configuration operations, as ethtool, sysfs and sysctl expose them.
export * from './ethtool.ts';
export { readSysfs, writeSysfs, sysfsPaths } from './sysfs.ts';
export { sysctlPath, sysctlNameFromPath, SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF } from './sysctl.ts';
export { formatCpuMask, formatCpuList } from './cpumask.ts';

// RSS.
export { toeplitzHash, rssInputIPv4, rssInputIPv6, parseIPv4, formatIPv4, parseIPv6, MICROSOFT_RSS_KEY, IGB_RETA_SIZE, ethtool_rxfh_indir_default, igb_reta_default, reciprocal_scale } from './rss.ts';
export type { RssConfig, RxFlowHashFields } from './nic.ts';

// The kernel API a hook may call, under the kernel's names.
export { ListHead, INIT_LIST_HEAD, list_empty, list_first_entry, list_add_tail, list_del_init, list_splice, list_splice_init, list_splice_tail, list_splice_tail_init } from './list.ts';
export { NAPI_STATE_SCHED, NAPI_STATE_MISSED, NET_RX_SUCCESS, NET_RX_DROP } from './netdevice.ts';
export { NapiStruct, NAPI_POLL_WEIGHT, napi_schedule, napi_schedule_prep, __napi_schedule, napi_complete_done, napi_poll } from './napi.ts';
export { QVector, IRQ_HANDLED, IRQ_NONE, IGB_RX_BUFFER_WRITE, IGB_DEFAULT_RXD, igb_alloc_rx_buffers, igb_build_skb, igb_ring_irq_enable, igb_write_itr, igb_clean_rx_irq, type IrqReturn } from './igb.ts';
export { RxRing, RxDesc, IGB_RX_DESC, igb_desc_unused } from './ring.ts';
export { jiffies, usecs_to_jiffies, time_after_eq, this_cpu_softnet_data, net_hotdata, netif_receive_skb, __netif_receive_skb } from './dev.ts';
export { GRO_MERGED, GRO_MERGED_FREE, GRO_HELD, GRO_NORMAL, GRO_CONSUMED, GRO_HASH_BUCKETS, MAX_GRO_SKBS, gro_normal_one, type GroResult } from './gro.ts';
export { skb_get_hash, skb_flow_limit, hash_32 } from './rps.ts';
export { ENOMEM, ENOBUFS } from './errno.ts';
export { PAGE_SIZE, sk_data_ready } from './sock.ts';
export type { SoftnetData } from './softnet.ts';
export type { SkBuff, NetDevice, Sock };
export type { Flow, WireFrame } from './packet.ts';
export { IPPROTO_TCP, IPPROTO_UDP } from './packet.ts';

/** napi_gro_receive, through the host's hook (a lab's version when one is installed). */
export function napi_gro_receive(napi: NapiStruct, skb: SkBuff) {
  return napi.host.hooks.napi_gro_receive(napi, skb);
}

/** get_rps_cpu, through the host's hook. */
export function get_rps_cpu(dev: NetDevice, skb: SkBuff): number {
  return dev.host.hooks.get_rps_cpu(dev, skb);
}

/** enqueue_to_backlog, through the host's hook. */
export function enqueue_to_backlog(skb: SkBuff, cpu: number): number {
  return skb.dev.host.hooks.enqueue_to_backlog(skb, cpu);
}

/** ip_rcv, through the host's hook. */
export function ip_rcv(skb: SkBuff, dev: NetDevice): number {
  return dev.host.hooks.ip_rcv(skb, dev);
}

/** __udp_enqueue_schedule_skb, through the host's hook. */
export function __udp_enqueue_schedule_skb(sk: Sock, skb: SkBuff): number {
  return sk.host.hooks.__udp_enqueue_schedule_skb(sk, skb);
}

/** kfree_skb_reason: drop an skb; the reason is what the skb:kfree_skb tracepoint shows. */
export function kfree_skb_reason(skb: SkBuff, reason: SkbDropReason): void {
  skb.dev.host.kfree_skb(skb, reason, 'kfree_skb_reason');
}

/** smp_processor_id(): the CPU the calling code runs on. */
export function smp_processor_id(): number {
  return current().cpu.id;
}
