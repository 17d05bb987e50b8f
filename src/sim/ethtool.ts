/**
 * The ethtool operations of the NIC (igb_ethtool.c, checked first by the ethtool core as
 * net/ethtool/*.c does). Each returns data or throws KernelError with the errno the kernel
 * returns and, for the core's checks, its extack message.
 */
import { KernelError } from './errno.ts';
import type { Host } from './host.ts';
import { isValidIgbRxUsecs } from './host.ts';
import { IGB_MAX_RX_QUEUES, IGB_MAX_RXD, IGB_MIN_RXD, igb_close, igb_open } from './igb.ts';
import type { RxFlowHashFields } from './nic.ts';

export const IGB_MAX_TXD = 4096;
const REQ_RX_DESCRIPTOR_MULTIPLE = 8;

export interface RingParam {
  rx_max_pending: number;
  tx_max_pending: number;
  rx_pending: number;
  tx_pending: number;
}

export function ethtool_get_ringparam(host: Host): RingParam {
  return { rx_max_pending: IGB_MAX_RXD, tx_max_pending: IGB_MAX_TXD, rx_pending: host.adapter.rx_ring_count, tx_pending: host.adapter.tx_ring_count };
}

/** ethtool -G: above the maximum the core refuses; within range igb clamps to ≥ 64, rounds up to 8 and resets the rings. */
export function ethtool_set_ringparam(host: Host, p: { rx?: number; tx?: number }): void {
  for (const [name, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 0) throw new KernelError('EINVAL', `${name} ring size must be a whole number`);
    if (v > (name === 'rx' ? IGB_MAX_RXD : IGB_MAX_TXD)) throw new KernelError('EINVAL', 'requested ring size exceeds maximum');
  }
  const a = host.adapter;
  const align = (v: number) => Math.ceil(Math.max(v, IGB_MIN_RXD) / REQ_RX_DESCRIPTOR_MULTIPLE) * REQ_RX_DESCRIPTOR_MULTIPLE;
  const rx = p.rx === undefined ? a.rx_ring_count : align(p.rx);
  const tx = p.tx === undefined ? a.tx_ring_count : align(p.tx);
  if (rx === a.rx_ring_count && tx === a.tx_ring_count) return;
  a.tx_ring_count = tx;
  if (rx === a.rx_ring_count) return;
  reset(host, () => {
    a.rx_ring_count = rx;
  });
}

/** igb_down/igb_up around a change: what was in the rings is lost, as on a real reset. */
function reset(host: Host, change: () => void): void {
  const a = host.adapter;
  const running = host.dev.running;
  if (running) igb_close(a);
  change();
  if (running) igb_open(a);
}

export interface Coalesce {
  rx_usecs: number;
  tx_usecs: number;
  use_adaptive_rx: boolean;
  use_adaptive_tx: boolean;
}

/** The coalescing parameters igb supports (ETHTOOL_COALESCE_USECS); the rest print n/a. */
export const IGB_SUPPORTED_COALESCE = ['rx_usecs', 'tx_usecs'] as const;

export function ethtool_get_coalesce(host: Host): Coalesce {
  const s = host.adapter.rx_itr_setting;
  const usecs = s <= 3 ? s : s >> 2;
  // igb_get_coalesce fills tx-usecs only when TX has vectors of its own; here queues are paired.
  return { rx_usecs: usecs, tx_usecs: 0, use_adaptive_rx: false, use_adaptive_tx: false };
}

/** ethtool -C: the core refuses parameters the driver does not support (EINVAL, net/ethtool/coalesce.c); igb refuses 2, 4-9 and > 10000, and tx-usecs on paired queues. */
export function ethtool_set_coalesce(host: Host, p: Record<string, number | boolean>): void {
  for (const key of Object.keys(p)) {
    if (!(IGB_SUPPORTED_COALESCE as readonly string[]).includes(key)) throw new KernelError('EINVAL', 'cannot modify an unsupported parameter');
  }
  const rx = p.rx_usecs;
  if (rx !== undefined && (typeof rx !== 'number' || !isValidIgbRxUsecs(rx))) throw new KernelError('EINVAL', 'rx-usecs must be 0, 1, 3 or 10..10000 on igb');
  // Queues are paired on this NIC: TX shares the RX vector's setting.
  if (p.tx_usecs !== undefined && p.tx_usecs !== 0) throw new KernelError('EINVAL', 'tx-usecs cannot be set separately: the TX and RX queues share their vectors');
  if (rx === undefined) return;
  const a = host.adapter;
  a.rx_itr_setting = rx <= 3 ? rx : rx << 2;
  for (const q of a.q_vectors) q.vector.intervalNs = a.startIntervalNs();
}

export interface Channels {
  max_combined: number;
  max_other: number;
  combined_count: number;
  other_count: number;
}

export function ethtool_get_channels(host: Host): Channels {
  return { max_combined: IGB_MAX_RX_QUEUES, max_other: 1, combined_count: host.adapter.num_rx_queues, other_count: 1 };
}

/** ethtool -L: combined channels only; the table of a user-set indirection must still fit; then igb_reinit_queues. */
export function ethtool_set_channels(host: Host, p: { combined?: number; rx?: number; tx?: number; other?: number }): void {
  const combined = p.combined ?? host.adapter.num_rx_queues;
  if ((p.combined ?? 0) > IGB_MAX_RX_QUEUES || (p.rx ?? 0) > 0 || (p.tx ?? 0) > 0 || (p.other ?? 1) > 1) {
    throw new KernelError('EINVAL', 'requested channel count exceeds maximum');
  }
  if (!Number.isInteger(combined) || combined < 1) throw new KernelError('EINVAL', 'combined channel count must be at least 1');
  if (p.other !== undefined && p.other !== 1) throw new KernelError('EINVAL', 'igb needs exactly one other channel');
  const nic = host.nic;
  if (nic.indirUserSet && Math.max(...nic.rss.indir) >= combined) {
    throw new KernelError('EINVAL', 'requested channel count is too low for existing indirection table settings');
  }
  if (combined === host.adapter.num_rx_queues) return;
  reset(host, () => {
    host.adapter.num_rx_queues = combined;
    host.dev.setRealNumRxQueues(combined);
  });
}

export interface Rxfh {
  indir: number[];
  /** igb has no get_rxfh_key_size: ethtool reports the key as not supported. */
  key: null;
  hfunc: 'toeplitz';
}

export function ethtool_get_rxfh(host: Host): Rxfh {
  return { indir: [...host.nic.rss.indir], key: null, hfunc: 'toeplitz' };
}

/** ethtool -X: igb takes a new indirection table (entries < queues) but not a key or another hash function. */
export function ethtool_set_rxfh(host: Host, p: { indir?: number[] | 'default'; key?: Uint8Array; hfunc?: string }): void {
  if (p.key || (p.hfunc !== undefined && p.hfunc !== 'toeplitz')) throw new KernelError('EOPNOTSUPP', 'igb cannot change the RSS key or hash function');
  if (p.indir === undefined) return;
  const nic = host.nic;
  if (p.indir === 'default') {
    nic.setDefaultIndir(host.adapter.num_rx_queues);
    nic.indirUserSet = false;
    return;
  }
  const n = host.adapter.num_rx_queues;
  if (p.indir.length !== nic.rss.indir.length) throw new KernelError('EINVAL', `the indirection table has ${nic.rss.indir.length} entries`);
  for (const q of p.indir) if (!Number.isInteger(q) || q < 0 || q >= n) throw new KernelError('EINVAL', `queue ${q} does not exist (0-${n - 1})`);
  nic.rss.indir = [...p.indir];
  nic.indirUserSet = true;
  nic.rssChanged();
}

/** `ethtool -X equal N` / `weight w0 w1 …`: the table ethtool computes and sends (ethtool's own arithmetic). */
export function rxfhIndirFromWeights(weights: number[], size: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new KernelError('EINVAL', 'at least one weight must be non-zero');
  const indir: number[] = [];
  let j = -1;
  let partial = 0;
  for (let i = 0; i < size; i++) {
    while (i >= (size * partial) / sum) {
      j++;
      partial += weights[j]!;
    }
    indir.push(j);
  }
  return indir;
}

export type RxFlowType = 'tcp4' | 'udp4';

export function ethtool_get_rxfh_fields(host: Host, flow: RxFlowType): RxFlowHashFields {
  return host.nic.rss[flow];
}

/** ethtool -N rx-flow-hash: igb hashes TCP on the 4-tuple always, UDP on the addresses or the 4-tuple. */
export function ethtool_set_rxfh_fields(host: Host, flow: RxFlowType, fields: string): void {
  const f = [...new Set(fields)].sort().join('');
  if (f !== 'ds' && f !== 'dfns') throw new KernelError('EINVAL', `igb hashes on "sd" or "sdfn" only, not "${fields}"`);
  const value: RxFlowHashFields = f === 'ds' ? 'sd' : 'sdfn';
  if (flow === 'tcp4' && value !== 'sdfn') throw new KernelError('EINVAL', 'igb always hashes TCP on addresses and ports');
  host.nic.rss[flow] = value;
  host.nic.rssChanged();
}

export interface Features {
  'generic-receive-offload': boolean;
  'receive-hashing': boolean;
}

export function ethtool_get_features(host: Host): Features {
  return { 'generic-receive-offload': host.dev.features.gro, 'receive-hashing': host.dev.features.rxhash };
}

export function ethtool_set_features(host: Host, p: Partial<Features>): void {
  if (p['generic-receive-offload'] !== undefined) host.dev.features.gro = p['generic-receive-offload'];
  if (p['receive-hashing'] !== undefined) host.dev.features.rxhash = p['receive-hashing'];
}

export interface DrvInfo {
  driver: string;
  version: string;
  busInfo: string;
}

export function ethtool_get_drvinfo(host: Host): DrvInfo {
  return { driver: 'igb', version: host.kernelRelease, busInfo: host.adapter.pciAddress };
}
