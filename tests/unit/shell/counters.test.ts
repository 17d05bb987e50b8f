// Every number a command prints is the simulator's counter at that moment.
import { describe, expect, it } from 'vitest';
import { createHost, findScenario, manyFlows, type HostStats } from '../../../src/sim/index.ts';
import { createShell } from '../../../src/shell/index.ts';

function ethtoolS(text: string): [string, number][] {
  const lines = text.split('\n');
  expect(lines[0]).toBe('NIC statistics:');
  return lines.slice(1, -1).map((l) => {
    const m = /^ {5}(\w+): (\d+)$/.exec(l)!;
    return [m[1]!, Number(m[2])];
  });
}

function softnet(text: string): number[][] {
  return text.split('\n').slice(0, -1).map((r) => r.split(' ').map((h) => parseInt(h, 16)));
}

function expectSoftnet(text: string, stats: HostStats) {
  const rows = softnet(text);
  expect(rows).toHaveLength(stats.nrCpus);
  stats.softnet.forEach((s, i) => {
    expect(rows[i]).toEqual([s.processed, s.dropped, s.time_squeeze, 0, 0, 0, 0, 0, 0, s.received_rps, s.flow_limit_count, s.softnet_backlog_len, s.index, s.input_qlen, s.process_qlen]);
  });
}

describe('counters', () => {
  it('ring-overflow: ethtool -S, softnet_stat, /proc/interrupts, ip -s link and ss -m show host.stats() exactly', () => {
    const sh = createShell(createHost());
    expect(sh.exec('run ring-overflow').code).toBe(0);
    const stats = sh.host.stats();
    const drops = stats.nic.ethtool.filter(([n]) => /_drops$|missed|no_buffer/.test(n)).reduce((s, [, v]) => s + v, 0);
    expect(drops).toBeGreaterThan(0);
    expect(ethtoolS(sh.exec('ethtool -S eth0').stdout)).toEqual(stats.nic.ethtool);
    expectSoftnet(sh.exec('cat /proc/net/softnet_stat').stdout, stats);
    const irqLines = sh.exec('cat /proc/interrupts').stdout.split('\n');
    for (const line of stats.interrupts) {
      const row = irqLines.find((l) => l.startsWith(`${String(line.irq).padStart(4)}:`))!;
      expect(row.slice(5).trim().split(/\s+/).slice(0, stats.nrCpus).map(Number)).toEqual(line.perCpu);
    }
    const net = stats.nic.netdev;
    const ipLines = sh.exec('ip -s link show eth0').stdout.split('\n');
    expect(ipLines[3]!.trim().split(/\s+/).map(Number)).toEqual([net.rx_bytes, net.rx_packets, net.rx_errors, net.rx_dropped, net.rx_missed_errors, net.multicast]);
    const sk = stats.sockets[0]!.skmem;
    expect(sh.exec('ss -uamn').stdout).toContain(`skmem:(r${sk.r},rb${sk.rb},t${sk.t},tb${sk.tb},f${sk.f},w${sk.w},o${sk.o},bl${sk.bl},d${sk.d})`);
    const udp = stats.snmp.Udp;
    expect(sh.exec('nstat -a UdpInDatagrams UdpRcvbufErrors').stdout).toBe(
      `#kernel\nUdpInDatagrams${' '.repeat(18)}${String(udp.InDatagrams).padEnd(16)}   0.0\nUdpRcvbufErrors${' '.repeat(17)}${String(udp.RcvbufErrors).padEnd(16)}   0.0\n`,
    );
    expect(sh.exec('netstat -s').stdout).toContain(`    ${udp.RcvbufErrors} receive buffer errors\n`);
    // dropwatch: every drop, by place, adds up to the run's drops.
    const dw = sh.exec('dropwatch -l kas').stdout;
    for (const d of stats.drops) expect(dw).toContain(`${d.count} drops at ${d.where} [${d.reason === null ? 'hardware' : 'software'}]`);
    expect(sh.exec('dropwatch -l kas').stdout).not.toContain('drops at');
  });

  it('backlog overflow (one queue, RPS to CPU 1, 4 Mpps): softnet_stat\'s dropped column and ip\'s dropped', () => {
    const host = createHost({ nic: { queues: 1 }, sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': '2' } });
    const sh = createShell(host);
    host.run(manyFlows({ pps: 4_000_000, flows: 64 }), { durationNs: 10e6 });
    const stats = host.stats();
    expect(stats.softnet[1]!.dropped).toBeGreaterThan(0);
    expectSoftnet(sh.exec('cat /proc/net/softnet_stat').stdout, stats);
    expect(softnet(sh.exec('cat /proc/net/softnet_stat').stdout)[1]![1]).toBe(stats.softnet[1]!.dropped);
    expect(ethtoolS(sh.exec('ethtool -S eth0').stdout)).toEqual(stats.nic.ethtool);
    expect(sh.exec('cat /sys/class/net/eth0/statistics/rx_dropped').stdout).toBe(`${stats.nic.netdev.rx_dropped}\n`);
    const dev = sh.exec('grep eth0 /proc/net/dev').stdout.trim().split(/\s+/);
    expect(Number(dev[4])).toBe(stats.nic.netdev.rx_dropped + stats.nic.netdev.rx_missed_errors);
    expect(sh.exec('dropwatch').stdout).toContain(`${stats.softnet[1]!.dropped} drops at enqueue_to_backlog [software] (CPU_BACKLOG)`);
  });

  it('nstat prints deltas since its previous run', () => {
    const sh = createShell(createHost());
    sh.exec('run steady --duration 5ms');
    const first = sh.exec('nstat').stdout;
    expect(first).toContain(`UdpInDatagrams                  ${sh.host.stats().snmp.Udp.InDatagrams}`);
    const before = sh.host.stats().snmp.Udp.InDatagrams;
    sh.exec('run steady --duration 5ms');
    const delta = sh.host.stats().snmp.Udp.InDatagrams - before;
    expect(sh.exec('nstat UdpInDatagrams').stdout).toBe(`#kernel\nUdpInDatagrams                  ${String(delta).padEnd(16)}   0.0\n`);
    expect(sh.exec('nstat').stdout).toBe('#kernel\n');
  });
});

describe('changes made in the shell change the next run', () => {
  const overflowDrops = (sh: ReturnType<typeof createShell>) => {
    sh.exec('run ring-overflow');
    return sh.host.stats().nic.ethtool.filter(([n]) => /^rx_queue_\d_drops$/.test(n)).reduce((s, [, v]) => s + v, 0);
  };

  it('ethtool -G rx 4096 makes the ring-overflow scenario drop less in the NIC', () => {
    const small = overflowDrops(createShell(createHost()));
    const sh = createShell(createHost());
    expect(sh.exec('ethtool -G eth0 rx 4096').code).toBe(0);
    expect(overflowDrops(sh)).toBeLessThan(small);
  });

  it('echo to rps_cpus spreads the backlog; sysctl netdev_max_backlog moves the dropped column', () => {
    const base = { nic: { queues: 1 }, sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': '2' } };
    const load = manyFlows({ pps: 4_000_000, flows: 64 });
    const dropped = (sh: ReturnType<typeof createShell>) => {
      sh.host.run(load, { durationNs: 10e6 });
      return softnet(sh.exec('cat /proc/net/softnet_stat').stdout).reduce((s, r) => s + r[1]!, 0);
    };
    const one = dropped(createShell(createHost(base)));
    expect(one).toBeGreaterThan(0);
    const spread = createShell(createHost(base));
    expect(spread.exec('echo e > /sys/class/net/eth0/queues/rx-0/rps_cpus').code).toBe(0);
    expect(dropped(spread)).toBe(0);
    const deep = createShell(createHost(base));
    expect(deep.exec('sysctl -w net.core.netdev_max_backlog=100000').code).toBe(0);
    expect(dropped(deep)).toBeLessThan(one);
  });

  it('an IRQ affinity written through /proc/irq moves the interrupts', () => {
    const sh = createShell(createHost());
    const irq = sh.host.stats().interrupts[1]!.irq;
    expect(sh.exec(`echo 4 > /proc/irq/${irq}/smp_affinity`).code).toBe(0);
    expect(sh.exec(`cat /proc/irq/${irq}/smp_affinity_list`).stdout).toBe('2\n');
    sh.exec('run steady --duration 20ms');
    const line = sh.host.stats().interrupts[1]!;
    expect(line.perCpu[2]).toBeGreaterThan(0);
  });

  it('reset boots a fresh host with the same config; reset SCENARIO adds the scenario\'s settings', () => {
    const sh = createShell(createHost({ cpus: 2 }));
    const old = sh.host;
    sh.exec('sysctl -w net.core.netdev_budget=600');
    expect(sh.exec('reset').code).toBe(0);
    expect(sh.host).not.toBe(old);
    expect(sh.host.nrCpus).toBe(2);
    expect(sh.exec('sysctl -n net.core.netdev_budget').stdout).toBe('300\n');
    expect(sh.exec('reset tcp-bulk').code).toBe(0);
    expect(sh.exec('ss -t').stdout).toContain('ESTAB');
    const r = sh.exec('run tcp-bulk --duration 2ms');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/sent +\d+ frames/);
    expect(findScenario('tcp-bulk')).toBeDefined();
  });

  it('run: summary, unknown scenario, bad duration', () => {
    const sh = createShell(createHost());
    const out = sh.exec('run ring-overflow --duration 5ms').stdout;
    expect(out).toMatch(/^ring-overflow: /);
    expect(out).toMatch(/latency +p50 [\d.]+ µs +p99 [\d.]+ µs/);
    expect(sh.exec('run nosuch').code).toBe(2);
    expect(sh.exec('run steady --duration fast').stderr).toMatch(/^run: invalid duration 'fast'/);
  });
});
