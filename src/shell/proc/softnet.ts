/** /proc/net/softnet_stat (net/core/net-procfs.c softnet_seq_show): 15 columns of %08x per online CPU. */
import type { HostStats } from '../../sim/index.ts';

const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

export function renderSoftnetStat(stats: HostStats): string {
  return stats.softnet
    .map((s) =>
      [
        s.processed,
        s.dropped,
        s.time_squeeze,
        0, 0, 0, 0, 0, // fastroute columns, always 0
        0, // cpu_collision
        s.received_rps,
        s.flow_limit_count,
        s.softnet_backlog_len,
        s.index,
        s.input_qlen,
        s.process_qlen,
      ]
        .map(hex)
        .join(' ') + '\n',
    )
    .join('');
}
