/**
 * The ethtool core (net/ethtool/ioctl.c and the netlink requests of net/ethtool/*.c): each request
 * is checked against what the driver says it supports, then handed to the driver's ethtool_ops.
 * Each returns data or throws KernelError with the errno the kernel returns and, for the core's
 * checks, its extack message.
 */
import { KernelError } from '../../include/linux/errno.ts';
import type { Channels, Coalesce, DrvInfo, EthtoolOps, RingParam, Rxfh, RxfhRequest, RxFlowHashFields, RxFlowType } from '../../include/linux/ethtool.ts';
import { NETDEV_RSS_KEY_LEN, type NetDevice } from '../../include/linux/netdevice.ts';
import type { Rng } from '../../engine/rng.ts';

function ops(dev: NetDevice): EthtoolOps {
  if (dev.ethtool_ops === null) throw new KernelError('EOPNOTSUPP', `${dev.name} has no ethtool operations`);
  return dev.ethtool_ops;
}

export function ethtool_get_drvinfo(dev: NetDevice): DrvInfo {
  return ops(dev).get_drvinfo(dev);
}

export function ethtool_get_ringparam(dev: NetDevice): RingParam {
  return ops(dev).get_ringparam(dev);
}

/** ethtool -G: above the driver's maximum the core refuses; within range the driver decides. */
export function ethtool_set_ringparam(dev: NetDevice, p: { rx?: number; tx?: number }): void {
  const max = ops(dev).get_ringparam(dev);
  for (const [name, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 0) throw new KernelError('EINVAL', `${name} ring size must be a whole number`);
    if (v > (name === 'rx' ? max.rx_max_pending : max.tx_max_pending)) throw new KernelError('EINVAL', 'requested ring size exceeds maximum');
  }
  ops(dev).set_ringparam(dev, p);
}

export function ethtool_get_coalesce(dev: NetDevice): Coalesce {
  return ops(dev).get_coalesce(dev);
}

/** ethtool -C: the core refuses parameters the driver does not support (net/ethtool/coalesce.c). */
export function ethtool_set_coalesce(dev: NetDevice, p: Record<string, number | boolean>): void {
  const o = ops(dev);
  for (const key of Object.keys(p)) {
    if (!o.supported_coalesce_params.includes(key)) throw new KernelError('EINVAL', 'cannot modify an unsupported parameter');
  }
  o.set_coalesce(dev, p);
}

export function ethtool_get_channels(dev: NetDevice): Channels {
  return ops(dev).get_channels(dev);
}

/** ethtool -L: within the driver's maxima, and never below what a user-set RSS table uses (net/ethtool/channels.c). */
export function ethtool_set_channels(dev: NetDevice, p: { combined?: number; rx?: number; tx?: number; other?: number }): void {
  const o = ops(dev);
  const cur = o.get_channels(dev);
  const combined = p.combined ?? cur.combined_count;
  if ((p.combined ?? 0) > cur.max_combined || (p.rx ?? 0) > 0 || (p.tx ?? 0) > 0 || (p.other ?? cur.other_count) > cur.max_other) {
    throw new KernelError('EINVAL', 'requested channel count exceeds maximum');
  }
  if (!Number.isInteger(combined) || combined < 1) throw new KernelError('EINVAL', 'combined channel count must be at least 1');
  if (dev.rxfh_configured && Math.max(...o.get_rxfh(dev).indir) >= combined) {
    throw new KernelError('EINVAL', 'requested channel count is too low for existing indirection table settings');
  }
  o.set_channels(dev, { combined, other: p.other });
}

export function ethtool_get_rxfh(dev: NetDevice): Rxfh {
  return ops(dev).get_rxfh(dev);
}

/** ethtool -X: a table of the device's size, naming queues it has; `default` clears IFF_RXFH_CONFIGURED. */
export function ethtool_set_rxfh(dev: NetDevice, p: RxfhRequest): void {
  const o = ops(dev);
  if (p.key || (p.hfunc !== undefined && p.hfunc !== 'toeplitz')) return o.set_rxfh(dev, p);
  if (p.indir === undefined) return;
  if (p.indir === 'default') {
    o.set_rxfh(dev, p);
    dev.rxfh_configured = false;
    return;
  }
  const size = o.get_rxfh(dev).indir.length;
  const n = o.get_channels(dev).combined_count;
  if (p.indir.length !== size) throw new KernelError('EINVAL', `the indirection table has ${size} entries`);
  for (const q of p.indir) if (!Number.isInteger(q) || q < 0 || q >= n) throw new KernelError('EINVAL', `queue ${q} does not exist (0-${n - 1})`);
  o.set_rxfh(dev, p);
  dev.rxfh_configured = true;
}

export function ethtool_get_rxfh_fields(dev: NetDevice, flow: RxFlowType): RxFlowHashFields {
  return ops(dev).get_rxfh_fields(dev, flow);
}

/** ethtool -N rx-flow-hash: the fields as letters (s d f n), which the driver may refuse. */
export function ethtool_set_rxfh_fields(dev: NetDevice, flow: RxFlowType, fields: string): void {
  const f = [...new Set(fields)].sort().join('');
  if (f !== 'ds' && f !== 'dfns') throw new KernelError('EINVAL', `igb hashes on "sd" or "sdfn" only, not "${fields}"`);
  ops(dev).set_rxfh_fields(dev, flow, f === 'ds' ? 'sd' : 'sdfn');
}

export interface Features {
  'generic-receive-offload': boolean;
  'receive-hashing': boolean;
}

export function ethtool_get_features(dev: NetDevice): Features {
  return { 'generic-receive-offload': dev.features.gro, 'receive-hashing': dev.features.rxhash };
}

export function ethtool_set_features(dev: NetDevice, p: Partial<Features>): void {
  if (p['generic-receive-offload'] !== undefined) dev.features.gro = p['generic-receive-offload'];
  if (p['receive-hashing'] !== undefined) dev.features.rxhash = p['receive-hashing'];
}

/**
 * netdev_rss_key_fill: the per-boot random key all RSS drivers share (and net.core.netdev_rss_key
 * shows once a driver has asked for it). Draws the whole 52-byte key, so a shorter request is a
 * prefix of the same key.
 */
export function netdev_rss_key_fill(rng: Rng, len: number = NETDEV_RSS_KEY_LEN): Uint8Array {
  if (!Number.isInteger(len) || len < 0 || len > NETDEV_RSS_KEY_LEN) {
    throw new RangeError(`netdev_rss_key_fill: len ${len} exceeds NETDEV_RSS_KEY_LEN (${NETDEV_RSS_KEY_LEN})`);
  }
  const key = new Uint8Array(NETDEV_RSS_KEY_LEN);
  rng.fill(key);
  return key.slice(0, len);
}
