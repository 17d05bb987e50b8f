/** struct net_device and its RX queues' sysfs state (include/linux/netdevice.h, net/core/net-sysfs.c). */
import type { Host } from './host.ts';

/** What netif_receive_skb and the protocol handlers return. */
export const NET_RX_SUCCESS = 0;
export const NET_RX_DROP = 1;

/** napi_struct.state bits (as masks: the kernel's NAPIF_STATE_*). */
export const NAPI_STATE_SCHED = 1 << 0;
export const NAPI_STATE_MISSED = 1 << 1;

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

export class NetDevice {
  declare readonly host: Host;
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

  constructor(host: Host, name: string, ifindex: number, mac: string, ipv4: number, prefixLen: number) {
    this.host = host;
    this.name = name;
    this.ifindex = ifindex;
    this.mac = mac;
    this.ipv4 = ipv4;
    this.prefixLen = prefixLen;
  }

  /** netif_set_real_num_rx_queues: the sysfs queue directories follow the channel count. */
  setRealNumRxQueues(n: number): void {
    while (this.rx_queues.length < n) this.rx_queues.push(new NetdevRxQueue());
    this.rx_queues.length = n;
  }
}
