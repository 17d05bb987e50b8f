/** nstat (iproute2 6.1): SNMP counters, by default as deltas since the previous run (its history file). */
import { getopt, has } from '../argv.ts';
import { mibCounters } from '../proc/snmp.ts';
import type { Command } from '../types.ts';

/** Fields nstat never shows: configuration values, not counters (nstat.c useless_number). */
const USELESS = new Set(['IpForwarding', 'IpDefaultTTL', 'TcpRtoAlgorithm', 'TcpRtoMin', 'TcpRtoMax', 'TcpMaxConn', 'TcpCurrEstab']);

const USAGE = `Usage: nstat [OPTION] [ PATTERN [ PATTERN ] ]
   -h, --help          this message
   -a, --ignore        ignore history
   -d, --scan=SECS     sample every statistics every SECS
   -j, --json          format output in JSON
   -n, --nooutput      do history only
   -p, --pretty        pretty print
   -r, --reset         reset history
   -s, --noupdate      don't update history
   -t, --interval=SECS report average over the last SECS
   -V, --version       output version information
   -z, --zeros         show entries with zero activity
`;

/** fnmatch(pattern, name, FNM_CASEFOLD) for * ? and [...]. */
function globToRegExp(glob: string): RegExp {
  const src = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${src}$`, 'i');
}

export const nstat: Command = {
  name: 'nstat',
  page: {
    summary: 'SNMP counters (IpInReceives, UdpRcvbufErrors, TcpExtTCPBacklogDrop ...)',
    body: `SYNOPSIS
       nstat [-a] [-z] [-r] [-s] [PATTERN...]
DESCRIPTION
       By default the counters that moved since the previous nstat, non-zero only.
       -a absolute values, -z include zeros, -r reset the history, -s do not update it.
       PATTERN is a shell glob, e.g. nstat -az 'Udp*'.
`,
  },
  run(ctx) {
    const p = getopt('nstat', ctx.argv.slice(1), [
      { short: 'h', long: 'help' }, { short: 'a', long: 'ignore' }, { short: 'j', long: 'json' }, { short: 'n', long: 'nooutput' },
      { short: 'p', long: 'pretty' }, { short: 'r', long: 'reset' }, { short: 's', long: 'noupdate' }, { short: 'V', long: 'version' },
      { short: 'z', long: 'zeros' }, { short: 'd', long: 'scan', arg: true }, { short: 't', long: 'interval', arg: true },
    ]);
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${USAGE}`, code: 255 };
    if (has(p, 'help')) return { stdout: '', stderr: USAGE, code: 255 };
    if (has(p, 'version')) return { stdout: 'nstat utility, iproute2-6.1.0\n', stderr: '', code: 0 };
    const state = ctx.state;
    const counters = mibCounters(state.host.stats()).filter(([name]) => !USELESS.has(name));
    const history = has(p, 'reset') ? null : state.nstatHistory;
    const patterns = p.operands.map(globToRegExp);
    const json = has(p, 'json');
    const rows: [string, number][] = [];
    for (const [name, value] of counters) {
      if (patterns.length && !patterns.some((re) => re.test(name))) continue;
      const v = has(p, 'ignore') || !history ? value : value - (history.get(name) ?? 0);
      if (v === 0 && !has(p, 'zeros')) continue;
      rows.push([name, v]);
    }
    if (!has(p, 'noupdate')) state.nstatHistory = new Map(counters);
    if (has(p, 'nooutput')) return { stdout: '', stderr: '', code: 0 };
    if (json) return { stdout: `{"kernel":{${rows.map(([n, v]) => `"${n}":${v}`).join(',')}}}\n`, stderr: '', code: 0 };
    const stdout = '#kernel\n' + rows.map(([n, v]) => `${n.padEnd(32)}${String(v).padEnd(16)}${'0.0'.padStart(6)}\n`).join('');
    return { stdout, stderr: '', code: 0 };
  },
};
