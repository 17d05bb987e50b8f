/**
 * The stores of /sys/class/net/<dev> and its queues/rx-<n> (net/core/net-sysfs.c): a write to one
 * of these files is parsed, refused or applied here, as the kernel's store does. What a read shows
 * is the shell's to print (src/shell/sysfs.ts), from the same fields.
 */
import { KernelError } from '../../include/linux/errno.ts';
import { RpsDevFlowTable, type NetDevice, type NetdevRxQueue } from '../../include/linux/netdevice.ts';
import { machine } from '../../include/machine.ts';
import { cpusOf, parseCpuMask } from '../../lib/cpumask.ts';

/**
 * netdev_store's kstrtoul and the range check of its change_*() function: a decimal (or 0x hex)
 * unsigned number, a trailing newline allowed.
 */
function parseUlong(text: string, max: number): number {
  const t = text.replace(/\n$/, '');
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(t)) throw new KernelError('EINVAL', `"${t}" is not a number`);
  const v = Number(t);
  if (v > max) throw new KernelError('ERANGE', `${t} is larger than ${max}`);
  return v;
}

/** rps_cpus: bitmap_parse of the mask, then the CPUs it names (netdev_rx_queue_set_rps_mask). */
function store_rps_map(queue: NetdevRxQueue, text: string): void {
  const nrCpus = machine().nrCpus;
  const mask = parseCpuMask(text, nrCpus);
  queue.rps_cpus = mask;
  queue.rps_map = cpusOf(mask, nrCpus);
}

/** rps_flow_cnt: the RFS flow table of the queue, its size rounded up to a power of two. */
function store_rps_dev_flow_table_cnt(queue: NetdevRxQueue, text: string): void {
  const count = parseUlong(text, 2 ** 32 - 1);
  if (count > 2 ** 30) throw new KernelError('EINVAL', `rps_flow_cnt ${count} is larger than 2^30`);
  const rounded = count === 0 ? 0 : 2 ** Math.ceil(Math.log2(count));
  queue.rps_flow_cnt = rounded;
  queue.rps_flow_table = rounded ? new RpsDevFlowTable(rounded) : null;
}

/** change_gro_flush_timeout: ns, an unsigned long. */
function gro_flush_timeout_store(dev: NetDevice, text: string): void {
  dev.gro_flush_timeout = parseUlong(text, Number.MAX_SAFE_INTEGER);
}

/** change_napi_defer_hard_irqs: at most S32_MAX. */
function napi_defer_hard_irqs_store(dev: NetDevice, text: string): void {
  dev.napi_defer_hard_irqs = parseUlong(text, 2147483647);
}

/** change_tx_queue_len: an unsigned int. */
function tx_queue_len_store(dev: NetDevice, text: string): void {
  dev.tx_queue_len = parseUlong(text, 2 ** 32 - 1);
}

/** The kernel's mtu_store changes the MTU (dev_set_mtu); the simulator does not, and refuses the write. */
function mtu_store(): void {
  throw new KernelError('EACCES', 'changing the MTU is not simulated');
}

/** The files of rx-<n> that take writes (rx_queue_default_attrs), and their stores. */
export const rx_queue_stores: Readonly<Record<string, (queue: NetdevRxQueue, text: string) => void>> = {
  rps_cpus: store_rps_map,
  rps_flow_cnt: store_rps_dev_flow_table_cnt,
};

/** The files of the device that take writes (net_class_attrs), and their stores. */
export const net_class_stores: Readonly<Record<string, (dev: NetDevice, text: string) => void>> = {
  gro_flush_timeout: gro_flush_timeout_store,
  napi_defer_hard_irqs: napi_defer_hard_irqs_store,
  tx_queue_len: tx_queue_len_store,
  mtu: mtu_store,
};
