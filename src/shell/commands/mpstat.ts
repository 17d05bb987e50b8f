/**
 * mpstat (sysstat 12.6.1): each CPU's time by kind, as percentages of an interval, from the cpuN
 * lines of /proc/stat. Without an interval (or with 0) the interval is since boot, as anywhere.
 * With one, the real tool sleeps and samples again; this host's clock moves only during `run`, so
 * the report covers the last run instead, once, and a line on stderr says so.
 */
import { cpuTicks, sumCpuStats, type CpuSample, type CpuStat } from '../proc/stat.ts';
import { fail, ok, type Command, type Output } from '../types.ts';
import { dateAt, MACHINE, NODENAME, SYSNAME, timeAt } from '../uts.ts';

const USAGE = `Usage: mpstat [ options ] [ <interval> [ <count> ] ]
Options are:
[ -A ] [ -n ] [ -T ] [ -u ] [ -V ]
[ -I { SUM | CPU | SCPU | ALL } ] [ -N { <node_list> | ALL } ]
[ --dec={ 0 | 1 | 2 } ] [ -o JSON ] [ -P { <cpu_list> | ALL } ]
`;
const VERSION = 'sysstat version 12.6.1\n(C) Sebastien Godard (sysstat <at> orange.fr)\n';

interface Options {
  /** -P was given: it also repeats the column header before each report, the average's included. */
  optionP: boolean;
  /** The "all" line. */
  all: boolean;
  cpus: Set<number>;
  decimals: number;
  /** -1: none given. */
  interval: number;
}

/** parse_valstr: "" is -1 (no value), digits below max are a value, anything else is an error (null). */
function valstr(s: string, max: number): number | null {
  if (s === '') return -1;
  if (!/^\d+$/.test(s)) return null;
  const v = Number(s);
  return v < max ? v : null;
}

/** parse_values with "all" as the keyword of the first line: "ALL", or a list like "all,0,2-3,5-". false on a syntax error. */
function selectCpus(text: string, nrCpus: number, o: Options): boolean {
  if (text === 'ALL') {
    o.all = true;
    for (let c = 0; c < nrCpus; c++) o.cpus.add(c);
    return true;
  }
  for (const t of text.split(',').filter((t) => t !== '')) {
    if (t === 'all') {
      o.all = true;
      continue;
    }
    const dash = t.indexOf('-');
    const low = dash >= 0 ? valstr(t.slice(0, dash), nrCpus) : null;
    if (dash >= 0 && (low === null || low < 0)) return false;
    let high = valstr(dash >= 0 ? t.slice(dash + 1) : t, nrCpus);
    if (high === null) return false;
    if (dash >= 0 && high < 0) high = nrCpus - 1; // "3-": to the last CPU
    const from = low ?? high;
    if (high < 0 || high < from) return false;
    for (let c = from; c <= high; c++) o.cpus.add(c);
  }
  return true;
}

/** main()'s argument loop, in its order: -V prints the version as soon as it is seen, a bad argument ends with the usage. */
function parseArgs(args: string[], nrCpus: number): Options | Output {
  const usage = fail(USAGE);
  const unsimulated = (opt: string) => fail(`mpstat: ${opt} is not simulated in this terminal (it knows -P, -u, --dec and -V)\n`);
  const o: Options = { optionP: false, all: false, cpus: new Set(), decimals: 2, interval: -1 };
  let count = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--dec=') && a.length === 7) {
      o.decimals = /\d/.test(a[6]!) ? Number(a[6]) : 0; // atoi
      if (o.decimals > 2) return usage;
    } else if (a === '-I' || a === '-N' || a === '-o') {
      return unsimulated(a);
    } else if (a === '-P') {
      const list = args[++i];
      o.optionP = true;
      if (list === undefined || !selectCpus(list, nrCpus, o)) return usage;
    } else if (a.startsWith('-')) {
      for (const ch of a.slice(1)) {
        if (ch === 'V') return ok(VERSION);
        if (ch === 'A' || ch === 'n' || ch === 'T') return unsimulated(`-${ch}`);
        if (ch !== 'u') return usage;
      }
    } else if (o.interval < 0) {
      if (!/^\d*$/.test(a)) return usage;
      o.interval = Number(a);
      count = -1;
    } else if (count <= 0) {
      if (!/^\d*$/.test(a) || o.interval === 0) return usage;
      count = Number(a);
      if (count < 1) return usage;
    } else {
      return usage;
    }
  }
  if (!o.optionP) o.all = true;
  return o;
}

/** printf("%.*f") of a value >= 0: toFixed rounds an exact tie (8.5, 0.125) up, glibc to the even digit. */
export function printfFixed(v: number, decimals: number): string {
  const exact = v.toFixed(100);
  const point = exact.indexOf('.');
  const lower = exact.slice(0, decimals === 0 ? point : point + 1 + decimals);
  const tie = /^50*$/.test(exact.slice(point + 1 + decimals));
  return tie && Number(lower.at(-1)) % 2 === 0 ? lower : v.toFixed(decimals);
}

const total = (c: CpuStat) => c.user + c.nice + c.system + c.iowait + c.idle + c.irq + c.softirq + c.steal;

/** %usr %nice %sys %iowait %irq %soft %steal %guest %gnice %idle of one line (guest time is inside user and nice, so it is taken out). */
function percents(prev: CpuStat, curr: CpuStat, itv: number): number[] {
  const pc = (p: number, c: number) => (itv === 0 ? 0 : ((c - p) / itv) * 100);
  return [
    pc(prev.user - prev.guest, curr.user - curr.guest),
    pc(prev.nice - prev.guest_nice, curr.nice - curr.guest_nice),
    ...(['system', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice', 'idle'] as const).map((k) => pc(prev[k], curr[k])),
  ];
}

/**
 * One report (write_plain_cpu_stats): the column header if asked, then "all" (the sum of the CPUs
 * shown) and each CPU asked for. A CPU whose counters are all zero is left out, as sysstat leaves
 * out offline CPUs; one whose counters did not move is 100% idle (tickless). sysstat also leaves
 * out a CPU that was at zero when the interval began, taking it for one just back online; the
 * simulated CPUs never go offline and are at zero only at boot, so a first run is reported whole.
 */
function report(o: Options, prev: CpuStat[], curr: CpuStat[], headerLabel: string, label: string, withHeader: boolean): string {
  const cell = (v: number) => ' ' + printfFixed(v, o.decimals).padStart(7);
  const online = curr.map((c) => total(c) > 0);
  let out = withHeader ? `\n${headerLabel.padEnd(11)}  CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle\n` : '';
  if (o.all) {
    const p = sumCpuStats(prev.filter((_, i) => online[i]));
    const c = sumCpuStats(curr.filter((_, i) => online[i]));
    out += `${label.padEnd(11)}  all${percents(p, c, total(c) - total(p)).map(cell).join('')}\n`;
  }
  for (const cpu of [...o.cpus].sort((a, b) => a - b)) {
    if (!online[cpu]) continue;
    const itv = total(curr[cpu]!) - total(prev[cpu]!);
    const values = itv === 0 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 100] : percents(prev[cpu]!, curr[cpu]!, itv);
    out += `${label.padEnd(11)} ${String(cpu).padStart(4)}${values.map(cell).join('')}\n`;
  }
  return out;
}

export const mpstat: Command = {
  name: 'mpstat',
  page: {
    summary: 'CPU time per CPU: %usr %sys %irq %soft %idle ... (from /proc/stat)',
    body: `SYNOPSIS
       mpstat [-u] [-P CPU_LIST|ALL] [--dec=0|1|2] [INTERVAL [COUNT]]
       mpstat -V
DESCRIPTION
       For "all" CPUs together (the default) and each CPU that -P names (-P 0,2  -P 1-3  -P ALL),
       the share of time spent in each kind of work: %irq hard interrupts, %soft softirqs
       (ksoftirqd/N's included), %sys kernel code for a task, %usr user code, %idle nothing to do.
       Without INTERVAL, or with 0: since boot, as on any host.
       With INTERVAL, the real tool samples every INTERVAL seconds, COUNT times. This host's clock
       moves only during run, so mpstat reports the last run as the one interval, then its
       Average, and says so on stderr; before any run it reports nothing and exits with 1.
       /proc/stat counts in ticks of 10 ms, so a 20 ms run gives each CPU two ticks to share out:
       run --duration 1s gives finer shares.
       -A, -I, -n, -N, -T and -o JSON are not simulated.
`,
  },
  run(ctx) {
    const host = ctx.state.host;
    const o = parseArgs(ctx.argv.slice(1), host.nrCpus);
    if ('code' in o) return o;
    const now = host.stats();
    const header = `${SYSNAME} ${host.kernelRelease} (${NODENAME}) \t${dateAt(now.timeNs)} \t_${MACHINE}_\t(${host.nrCpus} CPU)\n`;
    if (o.interval <= 0) {
      const since = timeAt(now.timeNs);
      // Since boot: the reference sample is all zeros (mpstat's first read is compared with nothing).
      return ok(header + report(o, now.cpuTime.map(() => sumCpuStats([])), cpuTicks(now), since, since, true));
    }
    const last = ctx.state.lastRun;
    const why = "mpstat: this host's clock moves only during run";
    if (!last) return fail(`${why}, and nothing has run since boot: run a scenario first\n`);
    const at = (s: CpuSample) => `${(s.timeNs / 1e9).toFixed(6)} s`;
    const [prev, curr] = [cpuTicks(last.before), cpuTicks(last.after)];
    const stdout =
      header +
      report(o, prev, curr, timeAt(last.before.timeNs), timeAt(last.after.timeNs), true) +
      report(o, prev, curr, 'Average:', 'Average:', o.optionP);
    return { stdout, stderr: `${why}, so the interval is the last run (t = ${at(last.before)} → ${at(last.after)})\n`, code: 0 };
  },
  // The CPU list after -P: ALL or a CPU's number.
  complete: (words, word, state) =>
    words.at(-1) === '-P' ? ['ALL', ...Array.from({ length: state.host.nrCpus }, (_, i) => String(i))].filter((n) => n.startsWith(word)) : [],
};
