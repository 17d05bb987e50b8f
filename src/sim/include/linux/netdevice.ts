/**
 * struct net_device, struct napi_struct and struct softnet_data, with the constants around them
 * (include/linux/netdevice.h, net/core/net-sysfs.c for the RX queues' sysfs state).
 */
import * as machine_h from '../machine.ts';
import type { Machine } from '../machine.ts';
import { GroNode } from '../net/gro.ts';
import type { Embedded } from './container_of.ts';
import type { EthtoolOps } from './ethtool.ts';
import { Hrtimer } from './hrtimer.ts';
import type { IrqDesc } from './irqdesc.ts';
import { ListHead } from './list.ts';
import { SkbQueue, type SkBuff } from './skbuff.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;

/** What netif_receive_skb and the protocol handlers return. */
export const NET_RX_SUCCESS = 0;
export const NET_RX_DROP = 1;

/** napi_struct.state bits (as masks: the kernel's NAPIF_STATE_*). */
export const NAPI_STATE_SCHED = 1 << 0;
export const NAPI_STATE_MISSED = 1 << 1;

/** The budget a driver's poll gets (the NAPI's weight). */
export const NAPI_POLL_WEIGHT = 64;

/** napi->poll: handle up to `budget` packets, return how many. */
export type PollFunction = (napi: NapiStruct, budget: number) => number;

/** What the simulator observed of one NAPI instance: the facts a lab's checks read. */
export interface NapiObservations {
  polls: number;
  work: number;
  /** Polls that returned more than their budget (a driver bug the kernel reports). */
  overBudget: number;
  /** Polls that used the whole budget and still completed NAPI (drivers must not). */
  completedAtBudget: number;
  /** Polls that did less than the budget and left NAPI scheduled without completing. */
  leftScheduled: number;
  completions: number;
}

export class NapiStruct implements Embedded {
  declare readonly dev: NetDevice | null;
  declare readonly name: string;
  /** Set by netif_napi_add (or net_dev_init for a CPU's backlog). */
  poll: PollFunction = napi_poll_unset;
  weight = NAPI_POLL_WEIGHT;
  state = 0;
  /** napi_enable() done and no napi_disable() since. */
  enabled = false;
  /** The struct this NAPI is embedded in (a driver's q_vector, a CPU's softnet_data): container_of. */
  container: object | null = null;
  /** Its node in the list it is on (a CPU's poll_list, net_rx_action's local list or repoll); empty when on none. */
  readonly poll_list: ListHead<NapiStruct> = new ListHead<NapiStruct>(this);
  /** The CPU whose poll_list holds it (list_owner), -1 when none. */
  list_owner = -1;
  readonly gro = new GroNode();
  /** The gro_flush_timeout timer: napi_watchdog polls the NAPI again when no IRQ will. */
  readonly timer = new Hrtimer();
  defer_hard_irqs_count = 0;
  readonly seen: NapiObservations = { polls: 0, work: 0, overBudget: 0, completedAtBudget: 0, leftScheduled: 0, completions: 0 };

  constructor(dev: NetDevice | null, name: string) {
    this.dev = dev;
    this.name = name;
  }
}

function napi_poll_unset(): number {
  throw new Error('NAPI polled before netif_napi_add gave it a poll function');
}

/** FLOW_LIMIT_HISTORY: the flow limiter remembers the last 128 packets enqueued on a CPU. */
export const FLOW_LIMIT_HISTORY = 1 << 7;

/** struct sd_flow_limit */
export class SdFlowLimit {
  declare readonly log_buckets: number;
  declare readonly buckets: Uint16Array;
  readonly history = new Uint16Array(FLOW_LIMIT_HISTORY);
  history_head = 0;
  count = 0;

  constructor(tableLen: number) {
    this.log_buckets = Math.log2(tableLen);
    this.buckets = new Uint16Array(tableLen);
  }
}

/** struct softnet_data: the per-CPU state of the receive path. */
export class SoftnetData {
  declare readonly cpu: number;
  /** NAPIs with work to do on this CPU, in the order net_rx_action serves them. */
  readonly poll_list = new ListHead<NapiStruct>();
  /** net_rx_action's two local lists (softirqs do not nest on a CPU, so one pair serves). */
  readonly rx_action_list = new ListHead<NapiStruct>();
  readonly rx_action_repoll = new ListHead<NapiStruct>();
  /** The backlog: packets steered here by RPS (or queued by netif_rx), and the part being processed. */
  readonly input_pkt_queue = new SkbQueue();
  readonly process_queue = new SkbQueue();
  /** The backlog's NAPI; its poll is process_backlog and its weight dev_rx_weight. */
  declare readonly backlog: NapiStruct;
  /** The function-call IPI that schedules this CPU's backlog from another CPU (set up by net_dev_init). */
  declare csd: IrqDesc;
  /** CPUs whose backlog this CPU scheduled and that still need an IPI (sent at the end of net_rx_action). */
  rps_ipi_list: SoftnetData[] = [];
  in_net_rx_action = false;
  /** Counters of /proc/net/softnet_stat. */
  processed = 0;
  dropped = 0;
  time_squeeze = 0;
  received_rps = 0;
  flow_limit: SdFlowLimit | null = null;
  /** RFS: packets ever enqueued to and dequeued from this backlog. */
  input_queue_tail = 0;
  input_queue_head = 0;

  constructor(cpu: number) {
    this.cpu = cpu;
    this.backlog = new NapiStruct(null, `backlog/${cpu}`);
    this.backlog.container = this;
    this.backlog.enabled = true;
  }

  get flow_limit_count(): number {
    return this.flow_limit ? this.flow_limit.count : 0;
  }
}

/** struct rps_dev_flow: RFS's per-queue record of where a flow is being processed. */
export interface RpsDevFlow {
  cpu: number;
  last_qtail: number;
}

/** struct rps_dev_flow_table, sized by rps_flow_cnt. */
export class RpsDevFlowTable {
  declare readonly mask: number;
  declare readonly flows: RpsDevFlow[];

  constructor(cnt: number) {
    this.mask = cnt - 1;
    this.flows = Array.from({ length: cnt }, () => ({ cpu: -1, last_qtail: 0 }));
  }
}

/** struct netdev_rx_queue: /sys/class/net/<dev>/queues/rx-<n>/ */
export class NetdevRxQueue {
  /** rps_cpus as a CPU bitmask, and the CPUs it names (struct rps_map). */
  rps_cpus = 0;
  rps_map: number[] = [];
  rps_flow_cnt = 0;
  rps_flow_table: RpsDevFlowTable | null = null;
}

/** The counters of struct rtnl_link_stats64 that the core (not the driver) moves. */
export interface CoreStats {
  rx_dropped: number;
  rx_nohandler: number;
}

export interface NetdevFeatures {
  /** generic-receive-offload */
  gro: boolean;
  /** receive-hashing: the NIC's RSS hash becomes skb->hash */
  rxhash: boolean;
}

/** dev_net(dev): the network namespace a device is in; here the globals of its machine (set by NetDevice's class body, which alone can read them). */
export let dev_net: (dev: NetDevice) => Machine;

export class NetDevice {
  /** Its network namespace (nd_net): private, so that learner code handed a device cannot reach the host. */
  readonly #net: Machine;
  declare readonly name: string;
  declare readonly ifindex: number;
  declare readonly mac: string;
  /** The IPv4 address, as an unsigned 32-bit number. */
  declare readonly ipv4: number;
  declare readonly prefixLen: number;
  mtu = 1500;
  tx_queue_len = 1000;
  running = false;
  promisc = false;
  readonly features: NetdevFeatures = { gro: true, rxhash: true };
  readonly stats: CoreStats = { rx_dropped: 0, rx_nohandler: 0 };
  rx_queues: NetdevRxQueue[] = [];
  /** sysfs gro_flush_timeout (ns) and napi_defer_hard_irqs: software IRQ coalescing, off by default. */
  gro_flush_timeout = 0;
  napi_defer_hard_irqs = 0;
  /** IFF_RXFH_CONFIGURED: the RSS indirection table was set by the user (ethtool -X), so a queue change must respect it. */
  rxfh_configured = false;
  /** The driver's answers to ethtool, and its private struct (netdev_priv). */
  ethtool_ops: EthtoolOps | null = null;
  priv: object | null = null;

  static {
    dev_net = (dev) => dev.#net;
  }

  constructor(net: Machine, name: string, ifindex: number, mac: string, ipv4: number, prefixLen: number) {
    this.#net = net;
    this.name = name;
    this.ifindex = ifindex;
    this.mac = mac;
    this.ipv4 = ipv4;
    this.prefixLen = prefixLen;
  }
}

/** netdev_priv(dev): the driver's private struct, checked to be a `type` (C would trust the cast). */
export function netdev_priv<T>(dev: NetDevice, type: abstract new (...args: never[]) => T): T {
  const p = dev.priv;
  if (!(p instanceof type)) throw new TypeError(`netdev_priv: ${dev.name}'s private struct is not a ${type.name}`);
  return p;
}

/** struct packet_type: a protocol handler for one EtherType (dev_add_pack). */
export interface PacketType {
  readonly type: number;
  readonly func: (skb: SkBuff, dev: NetDevice) => number;
}

/** NETDEV_RSS_KEY_LEN: the key all RSS drivers share is 52 bytes. */
export const NETDEV_RSS_KEY_LEN = 52;

/** this_cpu_ptr(&softnet_data): the softnet_data of the CPU running now. */
export function this_cpu_softnet_data(): SoftnetData {
  return machine().cpu.sd;
}
