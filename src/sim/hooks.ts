/**
 * The kernel functions a lab may replace. Each keeps the kernel's name and argument order; the
 * defaults are the simulator's reference implementations. The simulator calls them only through
 * the host's hooks, so a learner's version is used everywhere the kernel would call it.
 */
import { net_rx_action } from './dev.ts';
import { napi_gro_receive, type GroResult } from './gro.ts';
import { igb_msix_ring, igb_poll, type IrqReturn, type QVector } from './igb.ts';
import { ip_rcv } from './ip.ts';
import type { NapiStruct } from './napi.ts';
import type { NetDevice } from './netdevice.ts';
import { rss_select_queue, type RssConfig } from './nic.ts';
import type { Flow } from './packet.ts';
import { enqueue_to_backlog, get_rps_cpu } from './rps.ts';
import type { SkBuff } from './skbuff.ts';
import type { Sock } from './sock.ts';
import { __udp_enqueue_schedule_skb } from './udp.ts';

export interface Hooks {
  /** The queue's MSI-X handler: schedule NAPI, touch no packet. */
  igb_msix_ring: (irq: number, q_vector: QVector) => IrqReturn;
  /** The driver's NAPI poll. */
  igb_poll: (napi: NapiStruct, budget: number) => number;
  /** The NET_RX softirq handler. */
  net_rx_action: () => void;
  /** The NIC's RSS: hash the flow and pick a queue from the indirection table. */
  rss_select_queue: (rss: RssConfig, flow: Flow) => { hash: number; queue: number };
  /** RPS/RFS: the CPU to steer an skb to, or -1. */
  get_rps_cpu: (dev: NetDevice, skb: SkBuff) => number;
  /** Queue an skb on a CPU's backlog, or drop it. Returns NET_RX_SUCCESS or NET_RX_DROP. */
  enqueue_to_backlog: (skb: SkBuff, cpu: number) => number;
  /** GRO: merge, hold or pass the skb up. */
  napi_gro_receive: (napi: NapiStruct, skb: SkBuff) => GroResult;
  /** The IPv4 receive handler. */
  ip_rcv: (skb: SkBuff, dev: NetDevice) => number;
  /** Admit a datagram to a UDP socket's receive queue: 0, or -ENOMEM / -ENOBUFS. */
  __udp_enqueue_schedule_skb: (sk: Sock, skb: SkBuff) => number;
}

export type HookName = keyof Hooks;

export const referenceHooks: Readonly<Hooks> = Object.freeze({
  igb_msix_ring,
  igb_poll,
  net_rx_action,
  rss_select_queue,
  get_rps_cpu,
  enqueue_to_backlog,
  napi_gro_receive,
  ip_rcv,
  __udp_enqueue_schedule_skb,
});

export const HOOK_NAMES = Object.keys(referenceHooks) as HookName[];
