/**
 * The core of the receive path in net/core/dev.c: net_rx_action, the hand-off from GRO to the
 * protocol handlers, and __netif_receive_skb_core.
 */
import { current } from './context.ts';
import { napi_poll, type NapiStruct } from './napi.ts';
import { INIT_LIST_HEAD, list_empty, list_first_entry, list_splice, list_splice_init, list_splice_tail, list_splice_tail_init } from './list.ts';
import { net_rps_action_and_irq_enable, rps_enabled_for } from './rps.ts';
import * as softirq_h from './softirq.ts';
import type { SkBuff } from './skbuff.ts';
import type { SoftnetData } from './softnet.ts';
import * as trace_h from './trace.ts';

// Imported constants as module constants, which V8 folds into the code (see index.ts).
const { NET_RX_SOFTIRQ } = softirq_h;
const { NETIF_IP_RCV } = trace_h;

/** The jiffies counter of the CPU running now: its clock in ticks of 1/HZ. */
export function jiffies(): number {
  const host = current();
  return Math.floor(host.cpu.clock / host.tickNs);
}

/** usecs_to_jiffies: rounds up. */
export function usecs_to_jiffies(usecs: number): number {
  const usPerJiffy = 1_000_000 / current().hz;
  return Math.ceil(usecs / usPerJiffy);
}

/** time_after_eq(a, b) */
export function time_after_eq(a: number, b: number): boolean {
  return a - b >= 0;
}

/** this_cpu_ptr(&softnet_data) */
export function this_cpu_softnet_data(): SoftnetData {
  return current().cpu.sd;
}

/** The tunables net_rx_action and the backlog read on every run (the host keeps them current). */
export interface NetHotdata {
  readonly netdev_budget: number;
  readonly netdev_budget_usecs: number;
  readonly max_backlog: number;
  readonly dev_rx_weight: number;
}

/** READ_ONCE(net_hotdata.x) */
export function net_hotdata(): NetHotdata {
  return current();
}

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
  if (!list_empty(sd.poll_list)) current().cpu.raiseSoftirq(NET_RX_SOFTIRQ);
  else sd.in_net_rx_action = false;
  net_rps_action_and_irq_enable(sd);
}

/** netif_receive_skb_list_internal: steer each skb by RPS, or deliver it here and now. */
export function netif_receive_skb_list_internal(list: SkBuff[]): void {
  for (const skb of list) netif_receive_skb_internal(skb);
}

/** netif_receive_skb: the single-skb entry a driver without GRO would call. */
export function netif_receive_skb(skb: SkBuff): number {
  return netif_receive_skb_internal(skb);
}

function netif_receive_skb_internal(skb: SkBuff): number {
  const host = skb.dev.host;
  if (rps_enabled_for(skb)) {
    const cpu = host.hooks.get_rps_cpu(skb.dev, skb);
    if (cpu >= 0) return host.hooks.enqueue_to_backlog(skb, cpu);
  }
  return __netif_receive_skb(skb);
}

export function __netif_receive_skb(skb: SkBuff): number {
  return __netif_receive_skb_core(skb);
}

/** __netif_receive_skb_core: count the packet on this CPU and hand it to its protocol handler. */
export function __netif_receive_skb_core(skb: SkBuff): number {
  const host = skb.dev.host;
  const cpu = host.cpu;
  cpu.sd.processed++;
  cpu.charge(host.cost.netifReceiveIp);
  // Every frame this NIC delivers is IPv4 (ETH_P_IP): its handler is ip_rcv, called at once, so
  // both are one trace record (made here, whichever ip_rcv the hook is).
  host.trace.record(cpu.clock, skb.id, NETIF_IP_RCV, cpu.id, 0);
  return host.hooks.ip_rcv(skb, skb.dev);
}
