/** struct net_hotdata (include/net/hotdata.h): the tunables the receive path reads on every run, kept current by sysctl writes. */
import * as machine_h from '../machine.ts';
import type { RpsSockFlowTable } from './rps.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;

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
