/** struct softnet_data: the per-CPU state of the receive path (include/linux/netdevice.h). */
import type { Host } from './host.ts';
import { NapiStruct } from './napi.ts';
import { SkbQueue } from './skb-queue.ts';
import { ListHead } from './list.ts';

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

export class SoftnetData {
  declare readonly host: Host;
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

  constructor(host: Host, cpu: number, process_backlog: (napi: NapiStruct, quota: number) => number) {
    this.host = host;
    this.cpu = cpu;
    this.backlog = new NapiStruct(host, null, `backlog/${cpu}`, process_backlog);
    this.backlog.sd = this;
    this.backlog.enabled = true;
  }

  get flow_limit_count(): number {
    return this.flow_limit ? this.flow_limit.count : 0;
  }
}
