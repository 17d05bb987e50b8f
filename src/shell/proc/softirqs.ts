/** /proc/softirqs (fs/proc/softirqs.c): 20 spaces and CPU%-8d per CPU, then "%12s:" and " %10u" per CPU. */
import { SOFTIRQ_NAMES, type HostStats } from '../../sim/index.ts';

export function renderSoftirqs(stats: HostStats): string {
  let out = ' '.repeat(20);
  for (let c = 0; c < stats.nrCpus; c++) out += `CPU${String(c).padEnd(8)}`;
  out += '\n';
  for (const name of SOFTIRQ_NAMES) {
    out += `${name.padStart(12)}:`;
    for (const v of stats.softirqs[name]) out += ' ' + String(v >>> 0).padStart(10);
    out += '\n';
  }
  return out;
}
