/**
 * /sys/class/net/<dev> (net/core/net-sysfs.c) and /proc/irq/<N> (kernel/irq/proc.c): each file
 * prints the field its show function prints, from the device, its RX queues and the interrupt
 * lines; a write goes to the kernel's store on the host (host.writeSysfs), which parses and refuses.
 */
import { formatCpuList, formatCpuMask, type Host, type NetdevStats } from '../sim/index.ts';
import { ZERO_NETDEV } from './proc/netdev.ts';
import type { PseudoFile } from './types.ts';

/** Every such file of the host, by path. */
export function sysfsFiles(host: Host): [string, PseudoFile][] {
  // Mode 0444: open(O_WRONLY) fails with EACCES. Mode 0644: the write reaches the store.
  const ro = (path: string, show: () => string | number): [string, PseudoFile] => [path, { read: () => `${show()}\n` }];
  const rw = (path: string, show: () => string | number): [string, PseudoFile] => [
    path,
    { read: () => `${show()}\n`, write: (data) => host.writeSysfs(path, data) },
  ];
  const dev = host.dev;
  const base = `/sys/class/net/${dev.name}`;
  return [
    ...dev.rx_queues.flatMap((rxq, q) => [
      rw(`${base}/queues/rx-${q}/rps_cpus`, () => formatCpuMask(rxq.rps_cpus, host.nrCpus)),
      rw(`${base}/queues/rx-${q}/rps_flow_cnt`, () => rxq.rps_flow_cnt),
    ]),
    rw(`${base}/gro_flush_timeout`, () => dev.gro_flush_timeout),
    rw(`${base}/napi_defer_hard_irqs`, () => dev.napi_defer_hard_irqs),
    rw(`${base}/tx_queue_len`, () => dev.tx_queue_len),
    rw(`${base}/mtu`, () => dev.mtu),
    ro(`${base}/address`, () => dev.mac),
    ro(`${base}/operstate`, () => (dev.running ? 'up' : 'down')),
    ...Object.keys(ZERO_NETDEV).map((name) => ro(`${base}/statistics/${name}`, () => host.stats().nic.netdev[name as keyof NetdevStats])),
    ...host.adapter.irqs.flatMap((desc) => [
      rw(`/proc/irq/${desc.irq}/smp_affinity`, () => formatCpuMask(desc.affinity, host.nrCpus)),
      rw(`/proc/irq/${desc.irq}/smp_affinity_list`, () => formatCpuList(desc.affinity, host.nrCpus)),
    ]),
  ];
}
