/**
 * /proc/stat (fs/proc/stat.c show_stat): the time of each CPU by kind in USER_HZ ticks, then the
 * interrupt, context-switch, process and softirq totals since boot.
 */
import { SOFTIRQ_NAMES, type CpuTime, type HostStats } from '../../sim/index.ts';
import { BOOT_TIME_S } from '../uts.ts';
import { NR_IRQS } from './interrupts.ts';

/** Clock ticks per second of the values user space reads (x86). */
export const USER_HZ = 100;

/** The columns of a cpu line, in order (enum cpu_usage_stat as show_stat prints it). */
export const CPU_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice'] as const;
export type CpuStat = Record<(typeof CPU_FIELDS)[number], number>;

/** What the cpu lines are computed from: HostStats has it, and `run` keeps a copy from before it started. */
export type CpuSample = Pick<HostStats, 'timeNs' | 'cpuTime'>;

/** One CPU's time in the kernel's buckets, in ns. */
function cpustat(t: CpuTime, timeNs: number): CpuStat {
  const accounted = t.irq + t.softirq + t.ksoftirqd + t.user + t.system + t.idle;
  return {
    user: t.user,
    nice: 0,
    system: t.system,
    // get_idle_time() includes the idle period under way (NOHZ); the simulator charges it only when the CPU next wakes.
    idle: t.idle + Math.max(0, timeNs - accounted),
    iowait: 0,
    irq: t.irq,
    // ksoftirqd running softirqs is softirq time, not system time: account_system_time() picks
    // CPUTIME_SOFTIRQ while in_serving_softirq(), and with IRQ_TIME_ACCOUNTING
    // irqtime_account_process_tick() charges ksoftirqd's ticks to CPUTIME_SOFTIRQ. Both also add
    // it to the thread's own stime, so top shows it as ksoftirqd/N's CPU usage as well.
    softirq: t.softirq + t.ksoftirqd,
    steal: 0,
    guest: 0,
    guest_nice: 0,
  };
}

function mapFields(f: (field: (typeof CPU_FIELDS)[number]) => number): CpuStat {
  return Object.fromEntries(CPU_FIELDS.map((k) => [k, f(k)])) as CpuStat;
}

/** nsec_to_clock_t: whole ticks, rounded down. */
const toTicks = (ns: CpuStat) => mapFields((k) => Math.floor(ns[k] / (1e9 / USER_HZ)));

export const sumCpuStats = (list: readonly CpuStat[]) => mapFields((k) => list.reduce((s, c) => s + c[k], 0));

/** Each CPU's cpuN line, in ticks. */
export function cpuTicks(sample: CpuSample): CpuStat[] {
  return sample.cpuTime.map((t) => toTicks(cpustat(t, sample.timeNs)));
}

const values = (c: CpuStat) => CPU_FIELDS.map((k) => ' ' + c[k]).join('');

/** The intr line: the total (numbered IRQs and the x86 per-CPU ones, arch_irq_stat_cpu), then every IRQ number below nr_irqs. */
function intrLine(stats: HostStats): string {
  const perIrq = new Array<number>(NR_IRQS).fill(0);
  for (const line of stats.interrupts) perIrq[line.irq] = line.perCpu.reduce((s, n) => s + n, 0);
  const local = stats.localInterrupts;
  const arch = [...local.LOC, ...local.RES, ...local.CAL].reduce((s, n) => s + n, 0);
  const total = perIrq.reduce((s, n) => s + n, arch);
  return `intr ${total}${perIrq.map((n) => ' ' + n).join('')}\n`;
}

function softirqLine(stats: HostStats): string {
  const perSoftirq = SOFTIRQ_NAMES.map((name) => stats.softirqs[name].reduce((s, n) => s + n, 0));
  return `softirq ${perSoftirq.reduce((s, n) => s + n, 0)}${perSoftirq.map((n) => ' ' + n).join('')}\n`;
}

export function renderProcStat(stats: HostStats): string {
  // The cpu line sums nanoseconds before converting, as show_stat does, so it can exceed the sum of the cpuN lines by a tick or so.
  const ns = stats.cpuTime.map((t) => cpustat(t, stats.timeNs));
  let out = `cpu ${values(toTicks(sumCpuStats(ns)))}\n`;
  cpuTicks(stats).forEach((c, i) => (out += `cpu${i}${values(c)}\n`));
  out += intrLine(stats);
  // nr_context_switches(): the sum over CPUs of rq->nr_switches.
  out += `ctxt ${stats.contextSwitches.reduce((s, n) => s + n, 0)}\n`;
  out += `btime ${BOOT_TIME_S}\n`;
  // The host's tasks are its threads (ksoftirqd/N, the readers), each forked once; the shell's
  // commands run outside the simulated host, so neither count includes the reader of this file.
  out += `processes ${stats.threads.length}\n`;
  out += `procs_running ${stats.threads.filter((t) => t.runnable).length}\n`;
  out += 'procs_blocked 0\n';
  out += softirqLine(stats);
  return out;
}
