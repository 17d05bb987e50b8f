/** What ethtool reads and writes of a NIC's RSS and rings (include/linux/ethtool.h, include/uapi/linux/ethtool.h). */
import type { NetDevice } from './netdevice.ts';

/** ethtool_rxfh_indir_default: the generic default fill, round-robin over the rings. */
export function ethtool_rxfh_indir_default(index: number, n_rx_rings: number): number {
  return index % n_rx_rings;
}

/** Which header fields the NIC hashes for a flow type: `ethtool -n eth0 rx-flow-hash udp4` letters (s, d, f, n). */
export type RxFlowHashFields = 'sd' | 'sdfn';

/** The NIC's RSS state: the key, the indirection table and the hashed fields per flow type. */
export interface RssConfig {
  key: Uint8Array;
  /** Indirection table: entry i holds the queue for hashes whose low 7 bits are i. */
  indir: number[];
  tcp4: RxFlowHashFields;
  udp4: RxFlowHashFields;
}

export interface RingParam {
  rx_max_pending: number;
  tx_max_pending: number;
  rx_pending: number;
  tx_pending: number;
}

export interface Coalesce {
  rx_usecs: number;
  tx_usecs: number;
  use_adaptive_rx: boolean;
  use_adaptive_tx: boolean;
}

export interface Channels {
  max_combined: number;
  max_other: number;
  combined_count: number;
  other_count: number;
}

export interface Rxfh {
  indir: number[];
  /** A driver without get_rxfh_key_size (igb): ethtool reports the key as not supported. */
  key: null;
  hfunc: 'toeplitz';
}

/** A request to change the RSS table: a new table, 'default' (ethtool -X default), a key or a hash function. */
export interface RxfhRequest {
  indir?: number[] | 'default';
  key?: Uint8Array;
  hfunc?: string;
}

export type RxFlowType = 'tcp4' | 'udp4';

export interface DrvInfo {
  driver: string;
  version: string;
  busInfo: string;
}

/** struct ethtool_ops: what a driver answers of ethtool, after the core's checks. */
export interface EthtoolOps {
  /** The coalescing parameters it supports (supported_coalesce_params); the core refuses others. */
  readonly supported_coalesce_params: readonly string[];
  get_drvinfo(dev: NetDevice): DrvInfo;
  get_ringparam(dev: NetDevice): RingParam;
  set_ringparam(dev: NetDevice, p: { rx?: number; tx?: number }): void;
  get_coalesce(dev: NetDevice): Coalesce;
  set_coalesce(dev: NetDevice, p: Record<string, number | boolean>): void;
  get_channels(dev: NetDevice): Channels;
  set_channels(dev: NetDevice, p: { combined?: number; other?: number }): void;
  get_rxfh(dev: NetDevice): Rxfh;
  set_rxfh(dev: NetDevice, p: RxfhRequest): void;
  get_rxfh_fields(dev: NetDevice, flow: RxFlowType): RxFlowHashFields;
  set_rxfh_fields(dev: NetDevice, flow: RxFlowType, fields: RxFlowHashFields): void;
}
