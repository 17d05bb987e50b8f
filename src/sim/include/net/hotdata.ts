/** struct net_hotdata (include/net/hotdata.h): the tunables the receive path reads on every run, kept current by sysctl writes. */
import { machine } from '../machine.ts';
import type { RpsSockFlowTable } from './rps.ts';

export interface NetHotdata {
  netdev_budget: number;
  netdev_budget_usecs: number;
  max_backlog: number;
  dev_rx_weight: number;
  gro_normal_batch: number;
  rps_sock_flow_table: RpsSockFlowTable | null;
}

/** READ_ONCE(net_hotdata.x): the running host's. */
export function net_hotdata(): NetHotdata {
  return machine().net_hotdata;
}
