/**
 * The sysfs and procfs files of the receive path that are not sysctls: per-queue RPS/RFS, the
 * device's software IRQ coalescing, its statistics, and IRQ affinity. Reads return what `cat`
 * prints (without the newline); writes are parsed and refused as the kernel does.
 */
import { cpusOf, formatCpuList, formatCpuMask, parseCpuList, parseCpuMask } from './lib/cpumask.ts';
import { KernelError } from './include/linux/errno.ts';
import { RpsDevFlowTable } from './include/linux/netdevice.ts';
import type { Host } from './host.ts';
import { netdevStats } from './stats.ts';

interface SysfsFile {
  read(host: Host): string;
  write?(host: Host, text: string): void;
}

/** kstrtoul-style: a decimal (or 0x hex) unsigned number, a trailing newline allowed. */
function parseUlong(text: string, max: number): number {
  const t = text.replace(/\n$/, '');
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(t)) throw new KernelError('EINVAL', `"${t}" is not a number`);
  const v = Number(t);
  if (v > max) throw new KernelError('ERANGE', `${t} is larger than ${max}`);
  return v;
}

function files(host: Host): Map<string, SysfsFile> {
  const map = new Map<string, SysfsFile>();
  const dev = host.dev;
  const base = `/sys/class/net/${dev.name}`;
  dev.rx_queues.forEach((rxq, q) => {
    map.set(`${base}/queues/rx-${q}/rps_cpus`, {
      read: () => formatCpuMask(rxq.rps_cpus, host.nrCpus),
      write: (h, text) => {
        const mask = parseCpuMask(text, h.nrCpus);
        rxq.rps_cpus = mask;
        rxq.rps_map = cpusOf(mask, h.nrCpus);
      },
    });
    map.set(`${base}/queues/rx-${q}/rps_flow_cnt`, {
      read: () => String(rxq.rps_flow_cnt),
      write: (_h, text) => {
        const count = parseUlong(text, 2 ** 32 - 1);
        if (count > 2 ** 30) throw new KernelError('EINVAL', `rps_flow_cnt ${count} is larger than 2^30`);
        // The table is rounded up to a power of two.
        const rounded = count === 0 ? 0 : 2 ** Math.ceil(Math.log2(count));
        rxq.rps_flow_cnt = rounded;
        rxq.rps_flow_table = rounded ? new RpsDevFlowTable(rounded) : null;
      },
    });
  });
  map.set(`${base}/gro_flush_timeout`, {
    read: () => String(dev.gro_flush_timeout),
    write: (_h, text) => {
      dev.gro_flush_timeout = parseUlong(text, Number.MAX_SAFE_INTEGER);
    },
  });
  map.set(`${base}/napi_defer_hard_irqs`, {
    read: () => String(dev.napi_defer_hard_irqs),
    write: (_h, text) => {
      dev.napi_defer_hard_irqs = parseUlong(text, 2147483647);
    },
  });
  map.set(`${base}/tx_queue_len`, {
    read: () => String(dev.tx_queue_len),
    write: (_h, text) => {
      dev.tx_queue_len = parseUlong(text, 2 ** 32 - 1);
    },
  });
  map.set(`${base}/mtu`, { read: () => String(dev.mtu) });
  map.set(`${base}/address`, { read: () => dev.mac });
  map.set(`${base}/operstate`, { read: () => (dev.running ? 'up' : 'down') });
  for (const name of Object.keys(netdevStats(host))) {
    map.set(`${base}/statistics/${name}`, { read: (h) => String(netdevStats(h)[name as keyof ReturnType<typeof netdevStats>]) });
  }
  for (const desc of host.adapter.irqs) {
    map.set(`/proc/irq/${desc.irq}/smp_affinity`, {
      read: (h) => formatCpuMask(desc.affinity, h.nrCpus),
      write: (h, text) => setAffinity(desc, parseCpuMask(text, h.nrCpus)),
    });
    map.set(`/proc/irq/${desc.irq}/smp_affinity_list`, {
      read: (h) => formatCpuList(desc.affinity, h.nrCpus),
      write: (h, text) => setAffinity(desc, parseCpuList(text, h.nrCpus)),
    });
  }
  return map;
}

function setAffinity(desc: { affinity: number }, mask: number): void {
  if (mask === 0) throw new KernelError('EINVAL', 'the mask names no online CPU');
  desc.affinity = mask;
}

function lookup(host: Host, path: string): SysfsFile {
  const file = files(host).get(path.replace(/\/+$/, ''));
  if (!file) throw new KernelError('ENOENT', `${path}: no such file`);
  return file;
}

export function readSysfs(host: Host, path: string): string {
  return lookup(host, path).read(host);
}

export function writeSysfs(host: Host, path: string, text: string): void {
  const file = lookup(host, path);
  if (!file.write) throw new KernelError('EACCES', `${path} is read-only`);
  file.write(host, text);
}

/** Every file, for listing and tab completion. */
export function sysfsPaths(host: Host): string[] {
  return [...files(host).keys()];
}
