/**
 * /proc/net/sockstat (net/ipv4/proc.c sockstat_seq_show): sockets in use per protocol, and each
 * protocol's memory_allocated in pages, the figure net.ipv4.udp_mem and tcp_mem are compared with.
 * Here it is exact; a real kernel adds each CPU's charges to it only in batches of
 * net.core.mem_pcpu_rsv pages (256), so there it lags (measured on 6.18: 2048 against 2240 pages
 * held by ten UDP sockets).
 */
import { PAGE_SIZE, type HostStats, type SocketStat } from '../../sim/index.ts';

/** Pages a protocol's sockets hold: what their skbs use plus their forward allocation (ss -m's r + f), whole pages per socket. */
const memoryAllocated = (sockets: SocketStat[]) => sockets.reduce((pages, s) => pages + (s.skmem.r + s.skmem.f) / PAGE_SIZE, 0);

export function renderSockstat(stats: HostStats): string {
  const tcp = stats.sockets.filter((s) => s.proto === 'tcp');
  const udp = stats.sockets.filter((s) => s.proto === 'udp');
  // The host's only sockets are the simulated ones: no orphans, no TIME_WAIT, no fragments waiting.
  return (
    `sockets: used ${stats.sockets.length}\n` +
    `TCP: inuse ${tcp.length} orphan 0 tw 0 alloc ${tcp.length} mem ${memoryAllocated(tcp)}\n` +
    `UDP: inuse ${udp.length} mem ${memoryAllocated(udp)}\n` +
    'UDPLITE: inuse 0\n' +
    'RAW: inuse 0\n' +
    'FRAG: inuse 0 memory 0\n'
  );
}
