/**
 * The core of the receive path (net/core/dev.c): NAPI scheduling and polling, net_rx_action (the
 * NET_RX softirq), the hand-off from GRO to the protocol handlers, and Receive Packet Steering
 * with the per-CPU backlog.
 */
import * as machine_h from '../../include/machine.ts';
import * as interrupt_h from '../../include/linux/interrupt.ts';
import * as container_of_h from '../../include/linux/container_of.ts';
import { IrqDesc } from '../../include/linux/irqdesc.ts';
import * as jiffies_h from '../../include/linux/jiffies.ts';
import * as list_h from '../../include/linux/list.ts';
import type { ListHead } from '../../include/linux/list.ts';
import * as hash_h from '../../include/linux/hash.ts';
import * as math_h from '../../include/linux/math.ts';
import * as netdevice_h from '../../include/linux/netdevice.ts';
import { NetdevRxQueue, SoftnetData, type NapiStruct, type NetDevice, type PacketType, type PollFunction, type RpsDevFlow } from '../../include/linux/netdevice.ts';
import type { SkBuff } from '../../include/linux/skbuff.ts';
import * as hotdata_h from '../../include/net/hotdata.ts';
import * as rps_h from '../../include/net/rps.ts';
import * as if_ether_h from '../../include/uapi/linux/if_ether.ts';
import * as trace_h from '../../engine/trace.ts';
import * as apic_h from '../../hw/apic.ts';
import * as printk_h from '../../kernel/printk.ts';
import * as softirq_h from '../../kernel/softirq.ts';
import { __raise_softirq_irqoff } from '../../kernel/softirq.ts';
import * as hrtimer_h from '../../kernel/time/hrtimer.ts';
import * as flow_dissector_h from './flow_dissector.ts';
// A cycle the kernel has too: named imports, which stay live while the modules load (a module constant would read the other module half-loaded).
import { gro_flush_normal } from './gro.ts';
import * as skbuff_h from './skbuff.ts';

// Imported constants as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { NET_RX_SOFTIRQ } = interrupt_h;
const { INIT_LIST_HEAD, list_add_tail, list_del_init, list_empty, list_first_entry, list_splice, list_splice_init, list_splice_tail, list_splice_tail_init } = list_h;
const { dev_net, FLOW_LIMIT_HISTORY, NAPI_STATE_MISSED, NAPI_STATE_SCHED, NET_RX_DROP, NET_RX_SUCCESS, this_cpu_softnet_data } = netdevice_h;
const { ETH_P_IP } = if_ether_h;
const { NETIF_IP_RCV, STAGE } = trace_h;
const { machine } = machine_h;
const { container_of } = container_of_h;
const { jiffies, time_after_eq, usecs_to_jiffies } = jiffies_h;
const { hash_32 } = hash_h;
const { reciprocal_scale } = math_h;
const { net_hotdata } = hotdata_h;
const { rps_cpu_mask } = rps_h;
const { apic_deliver } = apic_h;
const { pr_warn, pr_warn_once } = printk_h;
const { open_softirq } = softirq_h;
const { hrtimer_setup, hrtimer_start } = hrtimer_h;
const { skb_get_hash } = flow_dissector_h;
const { kfree_skb_reason } = skbuff_h;

declare module '../../include/hooks.ts' {
  interface Hooks {
    /** The NET_RX softirq handler (open_softirq). */
    net_rx_action: typeof net_rx_action;
    /** RPS/RFS: the CPU to steer an skb to, or -1. */
    get_rps_cpu: typeof get_rps_cpu;
    /** Queue an skb on a CPU's backlog, or drop it. Returns NET_RX_SUCCESS or NET_RX_DROP. */
    enqueue_to_backlog: typeof enqueue_to_backlog;
  }
}

// --- NAPI ------------------------------------------------------------------------------------

/**
 * netif_napi_add (include/linux/netdevice.h, through netif_napi_add_weight_locked): give a NAPI
 * its poll function and its gro_flush_timeout timer.
 */
export function netif_napi_add(napi: NapiStruct, poll: PollFunction): void {
  hrtimer_setup(napi.timer, () => napi_watchdog(napi));
  napi.poll = poll;
}

/** napi_enable: the NAPI may be scheduled. */
export function napi_enable(n: NapiStruct): void {
  n.enabled = true;
}

/** napi_disable: no more scheduling; off any poll list. */
export function napi_disable(n: NapiStruct): void {
  n.enabled = false;
  list_del_init(n.poll_list);
}

/** list_add_tail(&n->poll_list, head), with CONFIG_DEBUG_LIST's check that the NAPI is on no list yet. */
function napi_list_add_tail(n: NapiStruct, head: ListHead<NapiStruct>): void {
  if (!list_empty(n.poll_list)) {
    pr_warn(`list_add corruption: NAPI ${n.name} is already on a list (a driver completed NAPI and still returned its budget?)`);
    list_del_init(n.poll_list);
  }
  list_add_tail(n.poll_list, head);
}

/** napi_schedule_prep: claim the NAPI; if it is already scheduled, note that an event was missed. */
export function napi_schedule_prep(n: NapiStruct): boolean {
  if (!n.enabled) return false;
  if (n.state & NAPI_STATE_SCHED) {
    n.state |= NAPI_STATE_MISSED;
    return false;
  }
  n.state |= NAPI_STATE_SCHED;
  return true;
}

/** ____napi_schedule: put the NAPI on this CPU's poll list and raise NET_RX_SOFTIRQ. */
export function ____napi_schedule(sd: SoftnetData, n: NapiStruct): void {
  napi_list_add_tail(n, sd.poll_list);
  n.list_owner = sd.cpu;
  __raise_softirq_irqoff(machine().cpus[sd.cpu]!, NET_RX_SOFTIRQ);
}

export function __napi_schedule(n: NapiStruct): void {
  ____napi_schedule(this_cpu_softnet_data(), n);
}

/** napi_schedule (include/linux/netdevice.h): what a driver's IRQ handler calls. */
export function napi_schedule(n: NapiStruct): void {
  if (napi_schedule_prep(n)) __napi_schedule(n);
}

/**
 * napi_complete_done: the driver finished with less than its budget. Flush GRO, hand the packets
 * up, clear SCHED. Returns false when an event was missed meanwhile (the NAPI is rescheduled and the
 * driver must not re-enable its interrupt) or when the IRQ must stay deferred.
 */
export function napi_complete_done(n: NapiStruct, work_done: number): boolean {
  let ret = true;
  let timeout = 0;
  const dev = n.dev;
  if (work_done && dev !== null) {
    // The flush timeout matters only while GRO holds packets; deferring the IRQ does not need any.
    if (n.gro.held) timeout = dev.gro_flush_timeout;
    n.defer_hard_irqs_count = dev.napi_defer_hard_irqs;
  }
  if (n.defer_hard_irqs_count > 0) {
    n.defer_hard_irqs_count--;
    timeout = dev !== null ? dev.gro_flush_timeout : 0;
    if (timeout) ret = false;
  }
  gro_flush_normal(n.gro, timeout !== 0);
  list_del_init(n.poll_list);
  n.list_owner = -1;
  if (!(n.state & NAPI_STATE_SCHED)) pr_warn(`WARNING: napi_complete_done called for ${n.name}, which is not scheduled`);
  const missed = (n.state & NAPI_STATE_MISSED) !== 0;
  n.state = missed ? NAPI_STATE_SCHED : 0;
  n.seen.completions++;
  if (missed) {
    __napi_schedule(n);
    return false;
  }
  if (timeout) hrtimer_start(n.timer, timeout);
  return ret;
}

/** napi_watchdog: the gro_flush_timeout hrtimer fired; poll again without waiting for an IRQ. */
function napi_watchdog(n: NapiStruct): void {
  if (n.enabled && !(n.state & NAPI_STATE_SCHED)) {
    n.state |= NAPI_STATE_SCHED;
    __napi_schedule(n);
  }
}

/**
 * __napi_poll: call the poll function with the NAPI's weight as budget, return the work done and
 * set `repoll.value` when the NAPI needs another round.
 */
export function __napi_poll(n: NapiStruct, repoll: { value: boolean }): number {
  repoll.value = false;
  const m = machine();
  const weight = n.weight;
  let work = 0;
  if (n.state & NAPI_STATE_SCHED) {
    m.cpu.charge(m.cost.napiPoll);
    work = n.poll(n, weight);
    if (!Number.isInteger(work) || work < 0) {
      pr_warn(`NAPI poll function ${n.poll.name || 'poll'} returned ${String(work)}, not a count of packets; taken as 0`);
      work = 0;
    }
    n.seen.polls++;
    n.seen.work += work;
  }
  if (work > weight) {
    n.seen.overBudget++;
    pr_warn_once(`napi-over-${n.name}`, `NAPI poll function ${n.poll.name || 'poll'} returned ${work}, exceeding its budget of ${weight}.`);
  }
  if (work < weight) {
    if (n.state & NAPI_STATE_SCHED && list_empty(n.poll_list)) n.seen.leftScheduled++;
    return work;
  }
  // The driver consumed its whole budget: it must not have completed.
  if (!(n.state & NAPI_STATE_SCHED)) {
    n.seen.completedAtBudget++;
    pr_warn_once(`napi-complete-${n.name}`, `${n.name}: NAPI completed by a poll that used its whole budget of ${weight}`);
    return work;
  }
  if (!n.enabled) {
    return work;
  }
  // HZ < 1000: flush every held GRO packet, then hand up the batch.
  gro_flush_normal(n.gro, m.hz >= 1000);
  if (!list_empty(n.poll_list)) {
    pr_warn_once(`napi-resched-${n.name}`, `${n.name}: Budget exhausted after napi rescheduled`);
    return work;
  }
  repoll.value = true;
  return work;
}

/** napi_poll's bool do_repoll, passed by reference as the kernel passes its address (one object, not one per poll). */
const do_repoll = { value: false };

/** napi_poll: poll one NAPI taken off net_rx_action's list, and queue it on `repoll` if needed. */
export function napi_poll(n: NapiStruct, repoll: ListHead<NapiStruct>): number {
  list_del_init(n.poll_list);
  const work = __napi_poll(n, do_repoll);
  if (do_repoll.value) napi_list_add_tail(n, repoll);
  return work;
}

// --- NET_RX ----------------------------------------------------------------------------------

/**
 * net_rx_action: the NET_RX softirq. Poll the NAPIs on this CPU's list, each with its weight as
 * budget, until the list is empty, netdev_budget packets are done, or netdev_budget_usecs (in
 * jiffies) have passed; in the last two cases count a time_squeeze and raise the softirq again.
 */
export function net_rx_action(): void {
  const sd = this_cpu_softnet_data();
  const hot = net_hotdata();
  const time_limit = jiffies() + usecs_to_jiffies(hot.netdev_budget_usecs);
  let budget = hot.netdev_budget;
  // LIST_HEAD(list) and LIST_HEAD(repoll): on the kernel's stack; here the CPU's, made empty.
  const list = sd.rx_action_list;
  const repoll = sd.rx_action_repoll;
  INIT_LIST_HEAD(list);
  INIT_LIST_HEAD(repoll);
  let start = true;
  while (start) {
    start = false;
    sd.in_net_rx_action = true;
    list_splice_init(sd.poll_list, list);
    for (;;) {
      if (list_empty(list)) {
        if (list_empty(repoll)) {
          sd.in_net_rx_action = false;
          // ____napi_schedule may have refilled poll_list meanwhile.
          if (!list_empty(sd.poll_list)) {
            start = true;
            break;
          }
          if (sd.rps_ipi_list.length === 0) return;
        }
        break;
      }
      const n = list_first_entry(list);
      budget -= napi_poll(n, repoll);
      if (budget <= 0 || time_after_eq(jiffies(), time_limit)) {
        sd.time_squeeze++;
        break;
      }
    }
  }
  // Unfinished work goes back on the poll list: what was left, then new arrivals, then repoll.
  list_splice_tail_init(sd.poll_list, list);
  list_splice_tail(repoll, list);
  list_splice(list, sd.poll_list);
  if (!list_empty(sd.poll_list)) __raise_softirq_irqoff(machine().cpu, NET_RX_SOFTIRQ);
  else sd.in_net_rx_action = false;
  net_rps_action_and_irq_enable(sd);
}

// --- up the stack ----------------------------------------------------------------------------

/** netif_receive_skb_list_internal: steer each of the `n` first skbs of `list` by RPS, or deliver it here and now. */
export function netif_receive_skb_list_internal(list: readonly SkBuff[], n: number): void {
  for (let i = 0; i < n; i++) netif_receive_skb_internal(list[i]!);
}

/** netif_receive_skb: the single-skb entry a driver without GRO would call. */
export function netif_receive_skb(skb: SkBuff): number {
  return netif_receive_skb_internal(skb);
}

function netif_receive_skb_internal(skb: SkBuff): number {
  if (rps_enabled_for(skb)) {
    const cpu = get_rps_cpu(skb.dev, skb);
    if (cpu >= 0) return enqueue_to_backlog(skb, cpu);
  }
  return __netif_receive_skb(skb);
}

export function __netif_receive_skb(skb: SkBuff): number {
  return __netif_receive_skb_core(skb);
}

/** __netif_receive_skb_core: count the packet on this CPU and hand it to its protocol handler. */
export function __netif_receive_skb_core(skb: SkBuff): number {
  const m = dev_net(skb.dev);
  const cpu = m.cpu;
  cpu.sd.processed++;
  cpu.charge(m.cost.netifReceiveIp);
  // Every frame this NIC delivers is IPv4 (ETH_P_IP): its handler, ip_rcv, is called at once, so
  // both are one trace record (made here, whichever ip_rcv the hook is).
  m.trace.record(cpu.clock, skb.id, NETIF_IP_RCV, cpu.id, 0);
  const ptypes = m.ptype_base;
  for (let i = 0; i < ptypes.length; i++) {
    const pt = ptypes[i]!;
    if (pt.type === ETH_P_IP) return pt.func(skb, skb.dev);
  }
  return netif_rx_nohandler(skb);
}

/** No protocol handler took it: rx_nohandler, and a drop. */
function netif_rx_nohandler(skb: SkBuff): number {
  skb.dev.stats.rx_nohandler++;
  kfree_skb_reason(skb, 'UNHANDLED_PROTO', '__netif_receive_skb_core');
  return NET_RX_DROP;
}

/** dev_add_pack: add a protocol handler (inet_init adds ip_rcv for ETH_P_IP). */
export function dev_add_pack(pt: PacketType): void {
  machine().ptype_base.push(pt);
}

// --- RPS and the backlog ---------------------------------------------------------------------

/** Is RPS or RFS configured on the queue this skb came in on? */
function rps_enabled_for(skb: SkBuff): boolean {
  const rxq = skb.dev.rx_queues[skb.queue_mapping];
  return rxq !== undefined && (rxq.rps_map.length > 0 || rxq.rps_flow_table !== null);
}

/** get_rps_cpu: the CPU to steer this skb to, or -1. A lab may replace it: this name calls the host's version. */
export function get_rps_cpu(dev: NetDevice, skb: SkBuff): number {
  return dev_net(dev).hooks.get_rps_cpu(dev, skb);
}

/**
 * The kernel's get_rps_cpu: RFS first (the CPU the flow's reader last ran on, switched only once
 * the old CPU has drained the flow's packets), then the RPS map: cpus[reciprocal_scale(hash, len)].
 */
export function get_rps_cpu_reference(dev: NetDevice, skb: SkBuff): number {
  const m = dev_net(dev);
  const rxqueue = dev.rx_queues[skb.queue_mapping]!;
  const map = rxqueue.rps_map;
  const flow_table = rxqueue.rps_flow_table;
  if (!flow_table && map.length === 0) return -1;
  const hash = skb_get_hash(skb);
  if (!hash) return -1;
  const sock_flow_table = m.net_hotdata.rps_sock_flow_table;
  if (flow_table && sock_flow_table) {
    const nrCpus = m.nrCpus;
    const mask = rps_cpu_mask(nrCpus);
    const ident = sock_flow_table.ents[hash & sock_flow_table.mask]!;
    if (ident !== 0xffffffff && ((ident ^ hash) & ~mask) === 0) {
      const next_cpu = ident & mask;
      const rflow: RpsDevFlow = flow_table.flows[hash & flow_table.mask]!;
      let tcpu = rflow.cpu;
      if (tcpu !== next_cpu && (tcpu < 0 || tcpu >= nrCpus || m.cpus[tcpu]!.sd.input_queue_head - rflow.last_qtail >= 0)) {
        tcpu = next_cpu;
        rflow.cpu = next_cpu;
        rflow.last_qtail = m.cpus[next_cpu]!.sd.input_queue_head;
      }
      if (tcpu >= 0 && tcpu < nrCpus) {
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
  const fl = this_cpu_softnet_data().flow_limit;
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

/** enqueue_to_backlog: queue the skb on `cpu`'s backlog, or drop it. A lab may replace it: this name calls the host's version. */
export function enqueue_to_backlog(skb: SkBuff, cpu: number): number {
  return dev_net(skb.dev).hooks.enqueue_to_backlog(skb, cpu);
}

/**
 * The kernel's enqueue_to_backlog: queue the skb on `cpu`'s input_pkt_queue while it holds no more
 * than netdev_max_backlog packets (so up to max_backlog + 1) and the flow limit allows; else drop,
 * counted on the target CPU.
 */
export function enqueue_to_backlog_reference(skb: SkBuff, cpu: number): number {
  const m = dev_net(skb.dev);
  const here = m.cpu;
  here.charge(m.cost.backlogEnqueue);
  const target = m.cpus[cpu];
  if (target === undefined) {
    pr_warn_once(`rps-cpu-${cpu}`, `enqueue_to_backlog: CPU ${cpu} does not exist (nr_cpu_ids=${m.nrCpus})`);
    kfree_skb_reason(skb, 'NOT_SPECIFIED', 'enqueue_to_backlog');
    return NET_RX_DROP;
  }
  const sd = target.sd;
  if (!skb.dev.running) {
    skb.dev.stats.rx_dropped++;
    kfree_skb_reason(skb, 'DEV_READY', 'enqueue_to_backlog');
    return NET_RX_DROP;
  }
  const qlen = sd.input_pkt_queue.qlen;
  const max_backlog = m.net_hotdata.max_backlog;
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
    m.trace.record(here.clock, skb.id, STAGE.backlog, here.id, cpu);
    return NET_RX_SUCCESS;
  }
  sd.dropped++;
  skb.dev.stats.rx_dropped++;
  kfree_skb_reason(skb, 'CPU_BACKLOG', 'enqueue_to_backlog');
  return NET_RX_DROP;
}

/** napi_schedule_rps: schedule the backlog NAPI here, or remember to send the target CPU an IPI. */
function napi_schedule_rps(sd: SoftnetData): void {
  const here = machine().cpu;
  const mysd = here.sd;
  if (sd !== mysd) {
    mysd.rps_ipi_list.push(sd);
    if (!mysd.in_net_rx_action) __raise_softirq_irqoff(here, NET_RX_SOFTIRQ);
    return;
  }
  ____napi_schedule(mysd, mysd.backlog);
}

/** net_rps_action_and_irq_enable: send the IPIs batched during this net_rx_action. */
export function net_rps_action_and_irq_enable(sd: SoftnetData): void {
  const m = machine();
  const here = m.cpu;
  const ipis = sd.rps_ipi_list;
  for (let i = 0; i < ipis.length; i++) {
    const remsd = ipis[i]!;
    here.charge(m.cost.ipiSend);
    apic_deliver(m.cpus[remsd.cpu]!, remsd.csd, here.clock + m.cost.ipiLatency);
  }
  sd.rps_ipi_list = [];
}

/** The IPI handler (rps_trigger_softirq): schedule this CPU's backlog NAPI. */
export function rps_trigger_softirq(sd: SoftnetData): void {
  machine().cpus[sd.cpu]!.local.CAL++;
  ____napi_schedule(sd, sd.backlog);
  sd.received_rps++;
}

/** process_backlog: the backlog NAPI's poll. Deliver up to `quota` queued packets. */
export function process_backlog(napi: NapiStruct, quota: number): number {
  const sd = container_of(napi, SoftnetData);
  if (sd.rps_ipi_list.length > 0) net_rps_action_and_irq_enable(sd);
  napi.weight = machine().net_hotdata.dev_rx_weight;
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

// --- boot ------------------------------------------------------------------------------------

/** net_dev_init: each CPU's backlog NAPI and its IPI, and the NET_RX softirq's handler. */
export function net_dev_init(): void {
  const m = machine();
  for (const cpu of m.cpus) {
    const sd = cpu.sd;
    sd.backlog.poll = process_backlog;
    sd.csd = new IrqDesc(-1, 'CAL', '', 1 << cpu.id, [], () => rps_trigger_softirq(sd));
  }
  open_softirq(NET_RX_SOFTIRQ, m.hooks.net_rx_action);
}

/** netif_set_real_num_rx_queues: the sysfs queue directories follow the channel count. */
export function netif_set_real_num_rx_queues(dev: NetDevice, n: number): void {
  while (dev.rx_queues.length < n) dev.rx_queues.push(new NetdevRxQueue());
  dev.rx_queues.length = n;
}
