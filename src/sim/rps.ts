/**
 * Receive Packet Steering and the per-CPU backlog (net/core/dev.c): get_rps_cpu picks a CPU from
 * the flow hash, enqueue_to_backlog queues the skb there, an IPI wakes that CPU and its backlog
 * NAPI (process_backlog) delivers the packets.
 */
import type { Host } from './host.ts';
import { IrqDesc } from './irq.ts';
import { ____napi_schedule, type NapiStruct } from './napi.ts';
import * as netdevice_h from './netdevice.ts';
import type { NetDevice, RpsDevFlow } from './netdevice.ts';
import { reciprocal_scale } from './rss.ts';
import * as softirq_h from './softirq.ts';
import type { SkBuff } from './skbuff.ts';
import { FLOW_LIMIT_HISTORY, type SoftnetData } from './softnet.ts';
import * as trace_h from './trace.ts';
import { __netif_receive_skb } from './dev.ts';
import { list_del_init } from './list.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { NAPI_STATE_SCHED, NET_RX_DROP, NET_RX_SUCCESS } = netdevice_h;
const { NET_RX_SOFTIRQ } = softirq_h;
const { STAGE } = trace_h;

/** GOLDEN_RATIO_32 of include/linux/hash.h */
const GOLDEN_RATIO_32 = 0x61c88647;

/** hash_32(val, bits) */
export function hash_32(val: number, bits: number): number {
  return bits === 0 ? 0 : Math.imul(val, GOLDEN_RATIO_32) >>> (32 - bits);
}

/** The global RFS table (rps_sock_flow_table): for each flow hash, the CPU its reader last ran on. */
export class RpsSockFlowTable {
  declare readonly mask: number;
  declare readonly ents: Uint32Array;

  constructor(entries: number) {
    this.mask = entries - 1;
    this.ents = new Uint32Array(entries).fill(0xffffffff);
  }
}

/** rps_cpu_mask: roundup_pow_of_two(nr_cpu_ids) - 1 */
export function rps_cpu_mask(host: Host): number {
  let n = 1;
  while (n < host.nrCpus) n <<= 1;
  return n - 1;
}

/** Is RPS or RFS configured on the queue this skb came in on? */
export function rps_enabled_for(skb: SkBuff): boolean {
  const rxq = skb.dev.rx_queues[skb.queue_mapping];
  return rxq !== undefined && (rxq.rps_map.length > 0 || rxq.rps_flow_table !== null);
}

/**
 * skb_get_hash: skb->hash if it covers the ports or the stack computed it; otherwise (no hash from
 * the NIC, or one it called L3, as igb always does) a flow hash the stack computes now.
 */
export function skb_get_hash(skb: SkBuff): number {
  if (!skb.l4_hash && !skb.sw_hash) __skb_get_hash(skb);
  return skb.hash;
}

/** __skb_get_hash: the flow dissector's hash of the 4-tuple (never 0), set as a software L4 hash. */
function __skb_get_hash(skb: SkBuff): void {
  const host = skb.dev.host;
  host.cpu.charge(host.cost.flowHash);
  const f = skb.flow;
  // The flow dissector's hash is symmetric and keyed per boot; a keyed mix of the 4-tuple stands for it.
  let h = Math.imul(Math.min(f.saddr, f.daddr) ^ host.hashSeed, 0x9e3779b1);
  h = Math.imul(h ^ Math.max(f.saddr, f.daddr), 0x85ebca6b);
  h = Math.imul(h ^ ((Math.min(f.sport, f.dport) << 16) | Math.max(f.sport, f.dport)), 0xc2b2ae35);
  h = (h ^ (h >>> 16) ^ f.proto) >>> 0;
  skb.hash = h === 0 ? 1 : h;
  skb.sw_hash = true;
  skb.l4_hash = true;
}

/**
 * get_rps_cpu: the target CPU for this skb, or -1 to process it where it is. RFS first (the CPU
 * the flow's reader last ran on, switched only once the old CPU has drained the flow's packets),
 * then the RPS map: cpus[reciprocal_scale(hash, len)].
 */
export function get_rps_cpu(dev: NetDevice, skb: SkBuff): number {
  const host = dev.host;
  const rxqueue = dev.rx_queues[skb.queue_mapping]!;
  const map = rxqueue.rps_map;
  const flow_table = rxqueue.rps_flow_table;
  if (!flow_table && map.length === 0) return -1;
  const hash = skb_get_hash(skb);
  if (!hash) return -1;
  const sock_flow_table = host.rps_sock_flow_table;
  if (flow_table && sock_flow_table) {
    const mask = rps_cpu_mask(host);
    const ident = sock_flow_table.ents[hash & sock_flow_table.mask]!;
    if (ident !== 0xffffffff && ((ident ^ hash) & ~mask) === 0) {
      const next_cpu = ident & mask;
      let rflow: RpsDevFlow = flow_table.flows[hash & flow_table.mask]!;
      let tcpu = rflow.cpu;
      if (tcpu !== next_cpu && (tcpu < 0 || tcpu >= host.nrCpus || host.cpus[tcpu]!.sd.input_queue_head - rflow.last_qtail >= 0)) {
        tcpu = next_cpu;
        rflow.cpu = next_cpu;
        rflow.last_qtail = host.cpus[next_cpu]!.sd.input_queue_head;
      }
      if (tcpu >= 0 && tcpu < host.nrCpus) {
        skb.rflow = rflow;
        return tcpu;
      }
    }
  }
  if (map.length > 0) return map[reciprocal_scale(hash, map.length)]!;
  return -1;
}

/**
 * skb_flow_limit: on CPUs in flow_limit_cpu_bitmap, once the backlog is half full, drop packets of
 * a flow that made up more than half of the last 128 packets enqueued from this CPU.
 */
export function skb_flow_limit(skb: SkBuff, qlen: number, max_backlog: number): boolean {
  if (qlen < max_backlog >> 1) return false;
  const fl = skb.dev.host.cpu.sd.flow_limit;
  if (!fl) return false;
  const new_flow = hash_32(skb_get_hash(skb), fl.log_buckets);
  const old_flow = fl.history[fl.history_head]!;
  fl.history[fl.history_head] = new_flow;
  fl.history_head = (fl.history_head + 1) & (FLOW_LIMIT_HISTORY - 1);
  if (fl.buckets[old_flow]) fl.buckets[old_flow]!--;
  if (++fl.buckets[new_flow]! > FLOW_LIMIT_HISTORY >> 1) {
    fl.count++;
    return true;
  }
  return false;
}

/**
 * enqueue_to_backlog: queue the skb on `cpu`'s input_pkt_queue while it holds no more than
 * netdev_max_backlog packets (so up to max_backlog + 1) and the flow limit allows; else drop,
 * counted on the target CPU.
 */
export function enqueue_to_backlog(skb: SkBuff, cpu: number): number {
  const host = skb.dev.host;
  const here = host.cpu;
  here.charge(host.cost.backlogEnqueue);
  const target = host.cpus[cpu];
  if (target === undefined) {
    host.warnOnce(`rps-cpu-${cpu}`, `enqueue_to_backlog: CPU ${cpu} does not exist (nr_cpu_ids=${host.nrCpus})`);
    host.kfree_skb(skb, 'NOT_SPECIFIED', 'enqueue_to_backlog');
    return NET_RX_DROP;
  }
  const sd = target.sd;
  if (!skb.dev.running) {
    skb.dev.stats.rx_dropped++;
    host.kfree_skb(skb, 'DEV_READY', 'enqueue_to_backlog');
    return NET_RX_DROP;
  }
  const qlen = sd.input_pkt_queue.qlen;
  const max_backlog = host.max_backlog;
  // The compare is unsigned in the kernel: a negative netdev_max_backlog means no limit.
  const limit = max_backlog < 0 ? Infinity : max_backlog;
  if (qlen <= limit && !skb_flow_limit(skb, qlen, max_backlog)) {
    if (qlen === 0 && !(sd.backlog.state & NAPI_STATE_SCHED)) {
      sd.backlog.state |= NAPI_STATE_SCHED;
      napi_schedule_rps(sd);
    }
    sd.input_pkt_queue.push(skb);
    sd.input_queue_tail++;
    if (skb.rflow) skb.rflow.last_qtail = sd.input_queue_tail;
    skb.queuedAt = here.clock;
    host.trace.record(here.clock, skb.id, STAGE.backlog, here.id, cpu);
    return NET_RX_SUCCESS;
  }
  sd.dropped++;
  skb.dev.stats.rx_dropped++;
  host.kfree_skb(skb, 'CPU_BACKLOG', 'enqueue_to_backlog');
  return NET_RX_DROP;
}

/** napi_schedule_rps: schedule the backlog NAPI here, or remember to send the target CPU an IPI. */
function napi_schedule_rps(sd: SoftnetData): void {
  const host = sd.host;
  const mysd = host.cpu.sd;
  if (sd !== mysd) {
    mysd.rps_ipi_list.push(sd);
    if (!mysd.in_net_rx_action) host.cpu.raiseSoftirq(NET_RX_SOFTIRQ);
    return;
  }
  ____napi_schedule(mysd, mysd.backlog);
}

/** net_rps_action_and_irq_enable: send the IPIs batched during this net_rx_action. */
export function net_rps_action_and_irq_enable(sd: SoftnetData): void {
  const host = sd.host;
  const here = host.cpu;
  for (const remsd of sd.rps_ipi_list) {
    here.charge(host.cost.ipiSend);
    const target = host.cpus[remsd.cpu]!;
    target.raiseIrq(host.rpsIpi[remsd.cpu]!, here.clock + host.cost.ipiLatency);
  }
  sd.rps_ipi_list = [];
}

/** The IPI handler (rps_trigger_softirq): schedule this CPU's backlog NAPI. */
export function rps_trigger_softirq(sd: SoftnetData): void {
  const host = sd.host;
  host.cpus[sd.cpu]!.local.CAL++;
  ____napi_schedule(sd, sd.backlog);
  sd.received_rps++;
}

/** The function-call IPI of each CPU, as a local interrupt (CAL in /proc/interrupts). */
export function createRpsIpi(host: Host, cpu: number): IrqDesc {
  return new IrqDesc(-1, 'CAL', '', 1 << cpu, [], () => rps_trigger_softirq(host.cpus[cpu]!.sd));
}

/** process_backlog: the backlog NAPI's poll. Deliver up to `quota` queued packets. */
export function process_backlog(napi: NapiStruct, quota: number): number {
  const sd = napi.sd!;
  const host = sd.host;
  if (sd.rps_ipi_list.length > 0) net_rps_action_and_irq_enable(sd);
  napi.weight = host.dev_rx_weight;
  let work = 0;
  for (;;) {
    for (let skb = sd.process_queue.shift(); skb !== undefined; skb = sd.process_queue.shift()) {
      __netif_receive_skb(skb);
      if (++work >= quota) {
        sd.input_queue_head += work;
        return work;
      }
    }
    if (sd.input_pkt_queue.qlen === 0) {
      // A custom __napi_complete: only this CPU touches its backlog NAPI.
      napi.state = 0;
      list_del_init(napi.poll_list);
      break;
    }
    sd.process_queue.spliceTailInit(sd.input_pkt_queue);
  }
  sd.input_queue_head += work;
  return work;
}
