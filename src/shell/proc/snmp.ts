/** /proc/net/snmp and /proc/net/netstat: per group a line of field names and a line of values. */
import { NETSTAT_GROUPS, SNMP_GROUPS, type HostStats } from '../../sim/index.ts';

type Groups = Record<string, readonly string[]>;

function pairs(groups: Groups, values: Record<string, Record<string, number>>): string {
  let out = '';
  for (const [group, fields] of Object.entries(groups)) {
    const v = values[group] ?? {};
    out += `${group}: ${fields.join(' ')}\n`;
    out += `${group}: ${fields.map((f) => String(v[f] ?? 0)).join(' ')}\n`;
  }
  return out;
}

/** UdpLite has Udp's fields; the simulator has no UDP-Lite sockets, so it is all zeros. */
export function renderSnmp(stats: HostStats): string {
  const mib = stats.snmp as unknown as Record<string, Record<string, number>>;
  return pairs({ ...SNMP_GROUPS, UdpLite: SNMP_GROUPS.Udp }, { ...mib, UdpLite: {} });
}

export function renderNetstat(stats: HostStats): string {
  return pairs(NETSTAT_GROUPS, stats.snmp as unknown as Record<string, Record<string, number>>);
}

/** nstat's names and values: group + field, in the order nstat prints them (snmp, then netstat). */
export function mibCounters(stats: HostStats): [string, number][] {
  const mib = stats.snmp as unknown as Record<string, Record<string, number>>;
  const out: [string, number][] = [];
  const add = (groups: Groups, extra: Record<string, Record<string, number>> = {}) => {
    for (const [group, fields] of Object.entries(groups)) for (const f of fields) out.push([group + f, (mib[group] ?? extra[group] ?? {})[f] ?? 0]);
  };
  add({ ...SNMP_GROUPS, UdpLite: SNMP_GROUPS.Udp });
  add(NETSTAT_GROUPS);
  return out;
}
