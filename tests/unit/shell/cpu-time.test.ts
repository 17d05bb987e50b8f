// CPU time as a network engineer reads it: /proc/stat and mpstat (sysstat 12.6.1). Layouts are
// checked against captures from a real Linux 6.18 host; numbers against the simulated time and
// against the other procfs files, not against earlier output.
import { describe, expect, it } from 'vitest';
import { constantRate, createHost } from '../../../src/sim/index.ts';
import { createShell, type Shell } from '../../../src/shell/index.ts';
import { printfFixed } from '../../../src/shell/commands/mpstat.ts';

const sh = () => createShell(createHost());
const USER_HZ = 100;
const SOFTIRQ_COLUMN = 6; // user nice system idle iowait irq softirq ...

/** /proc/stat as name → numbers. */
function procStat(s: Shell): Map<string, number[]> {
  const out = s.exec('cat /proc/stat').stdout;
  return new Map(out.trimEnd().split('\n').map((l) => {
    const [name, ...rest] = l.split(/ +/);
    return [name!, rest.map(Number)];
  }));
}

/** mpstat's rows by CPU ("all" or the number), each the ten percentages, from the first report. */
function mpstatRows(stdout: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of stdout.split('\n').slice(3)) {
    if (line === '') break;
    const [, cpu, ...values] = line.split(/ +/);
    rows.set(cpu!, values.map(Number));
  }
  return rows;
}

/** Where each column of a line ends: two lines with the same ends have the same layout, whatever the digits. */
const ends = (line: string) => [...line.matchAll(/\S+/g)].map((m) => m.index + m[0].length);

/** The CPU that ran most NET_RX softirqs, from /proc/softirqs. */
function busiestNetRxCpu(s: Shell): number {
  const row = s.exec('grep NET_RX /proc/softirqs').stdout.trim().split(/ +/).slice(1).map(Number);
  return row.indexOf(Math.max(...row));
}

describe('/proc/stat', () => {
  it('has the lines of 6.18 in their order, ten columns per cpu line', () => {
    const s = sh();
    s.exec('run steady --duration 20ms');
    const names = [...procStat(s).keys()];
    expect(names).toEqual(['cpu', 'cpu0', 'cpu1', 'cpu2', 'cpu3', 'intr', 'ctxt', 'btime', 'processes', 'procs_running', 'procs_blocked', 'softirq']);
    const text = s.exec('cat /proc/stat').stdout;
    expect(text).toMatch(/^cpu {2}\d+( \d+){9}\n/);
    for (const line of text.split('\n').filter((l) => l.startsWith('cpu'))) expect(line.split(/ +/)).toHaveLength(11);
    expect(procStat(s).get('softirq')).toHaveLength(11);
    expect(s.exec('grep -c ^cpu /proc/stat').stdout).toBe('5\n');
    expect(s.exec('head -n 1 /proc/stat').stdout).toMatch(/^cpu  /);
  });

  it('counts context switches in ctxt: a reader that blocks after each datagram switches to the idle task and back', () => {
    const s = sh();
    const before = procStat(s).get('ctxt')![0]!;
    // 100 datagrams 100 µs apart: the reader wakes for each, reads it and blocks in recvmsg again.
    const r = s.host.run(constantRate({ pps: 10_000 }), { durationNs: 10e6 });
    expect(r.delivered).toBe(100);
    const switches = procStat(s).get('ctxt')![0]! - before;
    expect(switches).toBeGreaterThanOrEqual(200);
    expect(switches).toBeLessThanOrEqual(202); // and, in its first run, once to the reader and back before any datagram came
    expect(r.stats.contextSwitches.reduce((a, n) => a + n, 0)).toBe(procStat(s).get('ctxt')![0]);
  });

  it('counts each CPU in USER_HZ ticks that add up to the simulated time', () => {
    const s = sh();
    s.exec('run elephant --duration 200ms');
    s.exec('run steady --duration 150ms');
    const ticks = (s.host.stats().timeNs / 1e9) * USER_HZ;
    for (let c = 0; c < 4; c++) {
      const sum = procStat(s).get(`cpu${c}`)!.reduce((a, b) => a + b, 0);
      // Each column is rounded down on its own: up to a tick lost per column.
      expect(sum).toBeLessThanOrEqual(ticks);
      expect(sum).toBeGreaterThan(ticks - 10);
    }
  });

  it('softirq time grows on the CPU that polls a saturated queue, ksoftirqd included, not as system time', () => {
    const s = sh();
    const before = procStat(s);
    s.exec('run ring-overflow --duration 100ms');
    const cpu = busiestNetRxCpu(s);
    const after = procStat(s).get(`cpu${cpu}`)!;
    expect(after[SOFTIRQ_COLUMN]! - before.get(`cpu${cpu}`)![SOFTIRQ_COLUMN]!).toBeGreaterThan(5);
    // The run pushed the work into ksoftirqd: its time is in the softirq column, not in system.
    const ksoftirqd = s.host.stats().threads.find((t) => t.name === `ksoftirqd/${cpu}`)!;
    const ksoftirqdTicks = Math.floor((ksoftirqd.runtimeNs / 1e9) * USER_HZ);
    expect(ksoftirqdTicks).toBeGreaterThan(5);
    expect(after[SOFTIRQ_COLUMN]).toBeGreaterThanOrEqual(ksoftirqdTicks);
    expect(after[2]).toBeLessThan(ksoftirqdTicks);
  });

  it('intr and softirq lines agree with /proc/interrupts and /proc/softirqs', () => {
    const s = sh();
    s.exec('run steady --duration 50ms');
    const stat = procStat(s);
    const intr = stat.get('intr')!;
    const rows = s.exec('cat /proc/interrupts').stdout.split('\n').slice(1).filter((l) => l !== '');
    const rowTotal = (l: string) => l.split(/ +/).slice(2, 6).map(Number).reduce((a, b) => a + b, 0);
    let numbered = 0;
    for (const row of rows.filter((l) => /^ *\d+:/.test(l))) {
      const irq = Number(row.trim().split(':')[0]);
      expect(intr[1 + irq], `IRQ ${irq}`).toBe(rowTotal(row));
      numbered += rowTotal(row);
    }
    expect(numbered).toBeGreaterThan(0);
    expect(intr.slice(1).reduce((a, b) => a + b, 0)).toBe(numbered);
    // The total adds the per-CPU x86 interrupts (timer, rescheduling and function-call IPIs).
    const local = ['LOC', 'RES', 'CAL'].map((n) => rowTotal(rows.find((l) => l.trimStart().startsWith(`${n}:`))!));
    expect(intr[0]).toBe(numbered + local.reduce((a, b) => a + b, 0));

    const softirq = stat.get('softirq')!;
    const perName = s.exec('cat /proc/softirqs').stdout.split('\n').slice(1, 11).map(rowTotal);
    expect(softirq.slice(1)).toEqual(perName);
    expect(softirq[0]).toBe(perName.reduce((a, b) => a + b, 0));
  });
});

describe('mpstat (sysstat 12.6.1)', () => {
  // Captured with mpstat -P ALL on the 6.18 reference VM.
  const CAPTURE = [
    '06:35:51     CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle',
    '06:35:51     all   41.00    2.06    7.99    0.25    0.00    0.13    0.11    0.00    0.00   48.47',
    '06:35:51       0   37.67    2.04    7.50    0.08    0.00    0.12    0.12    0.00    0.00   52.47',
  ];

  it('prints the header and columns of the real tool', () => {
    const s = sh();
    s.exec('run steady --duration 50ms');
    const out = s.exec('mpstat -P ALL');
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^Linux 6\.18\.0-packetpath \(packetpath\) \t\d\d\/\d\d\/\d\d \t_x86_64_\t\(4 CPU\)$/);
    expect(lines[1]).toBe('');
    expect(lines[2]!.replace(/^\d\d:\d\d:\d\d/, '06:35:51')).toBe(CAPTURE[0]);
    expect(lines.slice(3, 8).map((l) => l.split(/ +/)[1])).toEqual(['all', '0', '1', '2', '3']);
    expect(ends(lines[3]!)).toEqual(ends(CAPTURE[1]!));
    for (const l of lines.slice(4, 8)) expect(ends(l)).toEqual(ends(CAPTURE[2]!));
    expect(lines.slice(8)).toEqual(['']);
  });

  it('shows "all" by default, the CPUs -P names otherwise', () => {
    const s = sh();
    s.exec('run steady --duration 20ms');
    expect([...mpstatRows(s.exec('mpstat').stdout).keys()]).toEqual(['all']);
    expect([...mpstatRows(s.exec('mpstat -P 2').stdout).keys()]).toEqual(['2']);
    expect([...mpstatRows(s.exec('mpstat -P 3,1').stdout).keys()]).toEqual(['1', '3']);
    expect([...mpstatRows(s.exec('mpstat -P 1-').stdout).keys()]).toEqual(['1', '2', '3']);
    expect([...mpstatRows(s.exec('mpstat -P ALL').stdout).keys()]).toEqual(['all', '0', '1', '2', '3']);
  });

  it("each CPU's percentages add up to 100 and match /proc/stat", () => {
    const s = sh();
    s.exec('run bursts --duration 300ms');
    const rows = mpstatRows(s.exec('mpstat -P ALL').stdout);
    const stat = procStat(s);
    for (const [cpu, values] of rows) {
      // Ten values rounded to hundredths.
      expect(Math.abs(values.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(0.051);
      if (cpu === 'all') continue;
      const t = stat.get(`cpu${cpu}`)!;
      const total = t.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
      expect(values[5]).toBeCloseTo((t[SOFTIRQ_COLUMN]! / total) * 100, 1);
      expect(values[9]).toBeCloseTo((t[3]! / total) * 100, 1);
    }
  });

  it('a CPU busy with softirqs shows a high %soft after run, the others mostly idle', () => {
    const s = sh();
    s.exec('run ring-overflow --duration 100ms');
    const cpu = String(busiestNetRxCpu(s));
    const rows = mpstatRows(s.exec('mpstat -P ALL').stdout);
    expect(rows.get(cpu)![5]).toBeGreaterThan(80);
    const readers = s.host.stats().threads.filter((t) => t.name.startsWith('reader')).map((t) => String(t.cpu));
    const quiet = [...rows.keys()].filter((c) => c !== 'all' && c !== cpu && !readers.includes(c));
    expect(quiet.length).toBeGreaterThan(0);
    for (const c of quiet) expect(rows.get(c)![9]).toBeGreaterThan(80);
  });

  it('with an interval, reports the last run once, then its average, and says why on stderr', () => {
    const s = sh();
    const none = s.exec('mpstat -P ALL 1');
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^mpstat: .*\brun\b.*\n$/);
    expect(none.code).toBe(1);

    s.exec('run ring-overflow --duration 100ms');
    const cpu = String(busiestNetRxCpu(s));
    s.exec('run steady --duration 300ms');
    const out = s.exec(`mpstat -P ${cpu} 1 5`);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^mpstat: .*\brun\b.*0\.100000 s → 0\.400000 s.*\n$/);
    const lines = out.stdout.split('\n');
    expect(lines.filter((l) => / CPU /.test(l))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('Average:')).length).toBe(2);
    // The interval is the steady run alone: far less softirq time than since boot, which includes the overflow.
    const lastRun = mpstatRows(out.stdout).get(cpu)!;
    const sinceBoot = mpstatRows(s.exec(`mpstat -P ${cpu}`).stdout).get(cpu)!;
    expect(lastRun[5]).toBeLessThan(sinceBoot[5]! / 2);
    const average = lines.find((l) => l.startsWith('Average:') && !l.includes('CPU'))!.split(/ +/).slice(2).map(Number);
    expect(average).toEqual(lastRun);

    // Without -P the header is printed once, as the real tool does when it shows "all" only.
    const all = s.exec('mpstat 2').stdout.split('\n');
    expect(all.filter((l) => / CPU /.test(l))).toHaveLength(1);
    expect(all[4]).toMatch(/^Average: {5}all/);

    s.exec('reset');
    expect(s.exec('mpstat 1').code).toBe(1);
  });

  it('rounds as printf does (glibc: an exact tie goes to the even digit)', () => {
    // printf '%.0f %.0f %.2f %.2f %.1f %.2f' 8.5 9.5 0.125 0.375 0.25 12.345 on the reference VM.
    const cases: [number, number][] = [[8.5, 0], [9.5, 0], [0.125, 2], [0.375, 2], [0.25, 1], [12.345, 2]];
    expect(cases.map(([v, d]) => printfFixed(v, d)).join(' ')).toBe('8 10 0.12 0.38 0.2 12.35');
  });

  it('refuses bad arguments with the usage, exit status 1, as sysstat does', () => {
    const s = sh();
    const usage = 'Usage: mpstat [ options ] [ <interval> [ <count> ] ]\nOptions are:\n';
    for (const args of ['-X', '--help', '-P', '-P 4', '-P 2-1', '-P -1', '-P ALL,0', '-P ON', 'abc', '1.5', '0 5', '1 0', '1 2 3', '--dec=3']) {
      const out = s.exec(`mpstat ${args}`);
      expect(out.stdout, args).toBe('');
      expect(out.stderr.startsWith(usage), args).toBe(true);
      expect(out.code, args).toBe(1);
    }
    expect(s.exec('mpstat -V')).toEqual({ stdout: 'sysstat version 12.6.1\n(C) Sebastien Godard (sysstat <at> orange.fr)\n', stderr: '', code: 0 });
    expect(s.exec('mpstat -P 0 -u 0').code).toBe(0);
    expect(s.exec('mpstat -I SUM')).toMatchObject({ stdout: '', code: 1 });
  });

  it('is in help, man and Tab completion, with /proc/stat', () => {
    const s = sh();
    expect(s.exec('help').stdout).toMatch(/^ {2}mpstat +\S/m);
    expect(s.exec('man mpstat').stdout).toMatch(/^MPSTAT\(8\)\n[\s\S]*only during run/);
    expect(s.complete('mps').candidates).toEqual(['mpstat']);
    expect(s.complete('man mps').candidates).toEqual(['mpstat']);
    expect(s.complete('mpstat -P ').candidates).toEqual(['0', '1', '2', '3', 'ALL']);
    expect(s.complete('cat /proc/st').candidates).toEqual(['/proc/stat']);
    expect(s.exec('ls /proc').stdout).toContain('stat');
  });
});
