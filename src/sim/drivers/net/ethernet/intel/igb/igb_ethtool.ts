/** igb's answers to ethtool (drivers/net/ethernet/intel/igb/igb_ethtool.c). */
import { KernelError } from '../../../../../include/linux/errno.ts';
import type { Coalesce, EthtoolOps, RxfhRequest, RxFlowHashFields, RxFlowType } from '../../../../../include/linux/ethtool.ts';
import { netdev_priv, type NetDevice } from '../../../../../include/linux/netdevice.ts';
import { UTS_RELEASE } from '../../../../../include/linux/utsname.ts';
import { netif_set_real_num_rx_queues } from '../../../../../net/core/dev.ts';
import { IGB_MAX_RX_QUEUES, IGB_MAX_RXD, IGB_MAX_TXD, IGB_MIN_RXD, IgbAdapter } from './igb.ts';
import { igb_close, igb_fill_rss_indir_tbl, igb_open } from './igb_main.ts';

const REQ_RX_DESCRIPTOR_MULTIPLE = 8;

/** The coalescing parameters igb supports (ETHTOOL_COALESCE_USECS); the rest print n/a. */
export const IGB_SUPPORTED_COALESCE = ['rx_usecs', 'tx_usecs'] as const;

/** rx-usecs igb accepts: 0 (off), 1 or 3 (dynamic), or 10..10000 µs. */
export function isValidIgbRxUsecs(v: number): boolean {
  return Number.isInteger(v) && (v === 0 || v === 1 || v === 3 || (v >= 10 && v <= 10000));
}

const adapterOf = (netdev: NetDevice) => netdev_priv(netdev, IgbAdapter);

/** igb_down/igb_up around a change: what was in the rings is lost, as on a real reset. */
function igb_reinit(adapter: IgbAdapter, change: () => void): void {
  const running = adapter.netdev.running;
  if (running) igb_close(adapter);
  change();
  if (running) igb_open(adapter);
}

/** igb_set_ringparam: at least 64, rounded up to a multiple of 8; a new RX size resets the rings. */
function igb_set_ringparam(netdev: NetDevice, p: { rx?: number; tx?: number }): void {
  const a = adapterOf(netdev);
  const align = (v: number) => Math.ceil(Math.max(v, IGB_MIN_RXD) / REQ_RX_DESCRIPTOR_MULTIPLE) * REQ_RX_DESCRIPTOR_MULTIPLE;
  const rx = p.rx === undefined ? a.rx_ring_count : align(p.rx);
  const tx = p.tx === undefined ? a.tx_ring_count : align(p.tx);
  if (rx === a.rx_ring_count && tx === a.tx_ring_count) return;
  a.tx_ring_count = tx;
  if (rx === a.rx_ring_count) return;
  igb_reinit(a, () => {
    a.rx_ring_count = rx;
  });
}

function igb_get_coalesce(netdev: NetDevice): Coalesce {
  const s = adapterOf(netdev).rx_itr_setting;
  const usecs = s <= 3 ? s : s >> 2;
  // igb_get_coalesce fills tx-usecs only when TX has vectors of its own; here queues are paired.
  return { rx_usecs: usecs, tx_usecs: 0, use_adaptive_rx: false, use_adaptive_tx: false };
}

/** igb_set_coalesce: igb refuses 2, 4-9 and > 10000, and tx-usecs on paired queues. */
function igb_set_coalesce(netdev: NetDevice, p: Record<string, number | boolean>): void {
  const rx = p.rx_usecs;
  if (rx !== undefined && (typeof rx !== 'number' || !isValidIgbRxUsecs(rx))) throw new KernelError('EINVAL', 'rx-usecs must be 0, 1, 3 or 10..10000 on igb');
  // Queues are paired on this NIC: TX shares the RX vector's setting.
  if (p.tx_usecs !== undefined && p.tx_usecs !== 0) throw new KernelError('EINVAL', 'tx-usecs cannot be set separately: the TX and RX queues share their vectors');
  if (rx === undefined) return;
  const a = adapterOf(netdev);
  a.rx_itr_setting = rx <= 3 ? rx : rx << 2;
  for (const q of a.q_vectors) q.vector.intervalNs = a.startIntervalNs();
}

/** igb_set_channels: combined channels only; a new count reinitialises the queues (igb_reinit_queues). */
function igb_set_channels(netdev: NetDevice, p: { combined?: number; other?: number }): void {
  if (p.other !== undefined && p.other !== 1) throw new KernelError('EINVAL', 'igb needs exactly one other channel');
  const a = adapterOf(netdev);
  const combined = p.combined ?? a.num_rx_queues;
  if (combined === a.num_rx_queues) return;
  igb_reinit(a, () => {
    a.num_rx_queues = combined;
    netif_set_real_num_rx_queues(netdev, combined);
  });
}

/** igb_set_rxfh: a new indirection table, or igb's own fill back; not a key or another hash function. */
function igb_set_rxfh(netdev: NetDevice, p: RxfhRequest): void {
  if (p.key || (p.hfunc !== undefined && p.hfunc !== 'toeplitz')) throw new KernelError('EOPNOTSUPP', 'igb cannot change the RSS key or hash function');
  const a = adapterOf(netdev);
  if (p.indir === 'default') return igb_fill_rss_indir_tbl(a, a.num_rx_queues);
  if (p.indir === undefined) return;
  a.nic.rss.indir = [...p.indir];
  a.nic.rssChanged();
}

/** igb_set_rss_hash_opt: TCP is hashed on the 4-tuple always, UDP on the addresses or the 4-tuple. */
function igb_set_rxfh_fields(netdev: NetDevice, flow: RxFlowType, fields: RxFlowHashFields): void {
  if (flow === 'tcp4' && fields !== 'sdfn') throw new KernelError('EINVAL', 'igb always hashes TCP on addresses and ports');
  const nic = adapterOf(netdev).nic;
  nic.rss[flow] = fields;
  nic.rssChanged();
}

export const igb_ethtool_ops: EthtoolOps = {
  supported_coalesce_params: IGB_SUPPORTED_COALESCE,
  get_drvinfo: (netdev) => ({ driver: 'igb', version: UTS_RELEASE, busInfo: adapterOf(netdev).pciAddress }),
  get_ringparam: (netdev) => {
    const a = adapterOf(netdev);
    return { rx_max_pending: IGB_MAX_RXD, tx_max_pending: IGB_MAX_TXD, rx_pending: a.rx_ring_count, tx_pending: a.tx_ring_count };
  },
  set_ringparam: igb_set_ringparam,
  get_coalesce: igb_get_coalesce,
  set_coalesce: igb_set_coalesce,
  get_channels: (netdev) => ({ max_combined: IGB_MAX_RX_QUEUES, max_other: 1, combined_count: adapterOf(netdev).num_rx_queues, other_count: 1 }),
  set_channels: igb_set_channels,
  get_rxfh: (netdev) => ({ indir: [...adapterOf(netdev).nic.rss.indir], key: null, hfunc: 'toeplitz' }),
  set_rxfh: igb_set_rxfh,
  get_rxfh_fields: (netdev, flow) => adapterOf(netdev).nic.rss[flow],
  set_rxfh_fields: igb_set_rxfh_fields,
};
