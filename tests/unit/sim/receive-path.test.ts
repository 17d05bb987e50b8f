// Each phenomenon of the receive path, shown by the counter that reveals it.
import { describe, expect, it } from 'vitest';
import { bursts, constantRate, createHost, manyFlows, reference, tcpFlow, type HostConfig, type HostStats } from '../../../src/sim/index.ts';
import { skb_get_hash } from '../../../src/sim/kernel-api.ts';

const ethtool = (s: HostStats, name: string): number => {
  const row = s.nic.ethtool.find(([n]) => n === name);
  if (!row) throw new Error(`no ethtool counter ${name}`);
  return row[1];
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('ring overflow', () => {
  it('shows in the NIC counters of the overloaded queue, not in softnet_stat', () => {
    const host = createHost();
    const r = host.run(constantRate({ pps: 2_500_000, flows: 1 }), { durationNs: 10e6 });
    const s = r.stats;
    const drops = [0, 1, 2, 3].map((q) => ethtool(s, `rx_queue_${q}_drops`));
    const hot = drops.findIndex((d) => d > 0);
    expect(hot).toBeGreaterThanOrEqual(0);
    expect(drops.filter((d) => d > 0)).toHaveLength(1); // one flow, one queue
    expect(ethtool(s, 'rx_no_buffer_count')).toBeGreaterThanOrEqual(drops[hot]!);
    expect(s.nic.netdev.rx_fifo_errors).toBe(sum(drops));
    expect(sum(s.softnet.map((c) => c.dropped))).toBe(0);
    // Every frame is accounted for: dropped by the NIC, read, or still on its way.
    expect(r.drops.find((d) => d.where === `rx_queue_${hot}_drops`)?.count).toBe(drops[hot]);
  });

  it('goes away with a bigger ring when the overload is a burst', () => {
    const w = bursts({ pps: 50_000, burst: 1500, flows: 1 });
    const small = createHost().run(w, { durationNs: 60e6 });
    const big = createHost({ nic: { ringSize: 4096 } }).run(w, { durationNs: 60e6 });
    expect(sum([0, 1, 2, 3].map((q) => ethtool(small.stats, `rx_queue_${q}_drops`)))).toBeGreaterThan(0);
    expect(sum([0, 1, 2, 3].map((q) => ethtool(big.stats, `rx_queue_${q}_drops`)))).toBe(0);
  });

  it('with a single queue (no DROP_EN) the frames wait in the FIFO, then count as rx_missed_errors', () => {
    const host = createHost({ nic: { queues: 1 } });
    const r = host.run(constantRate({ pps: 2_500_000, flows: 1 }), { durationNs: 10e6 });
    expect(ethtool(r.stats, 'rx_missed_errors')).toBeGreaterThan(0);
    expect(r.stats.nic.netdev.rx_missed_errors).toBe(ethtool(r.stats, 'rx_missed_errors'));
    expect(ethtool(r.stats, 'rx_queue_0_drops')).toBe(0);
  });
});

describe('NAPI budget and time_squeeze', () => {
  it('polls each NAPI with its weight of 64, and one busy queue never squeezes the budget of 300', () => {
    const host = createHost({ cpus: 1, nic: { queues: 1 } });
    const r = host.run(constantRate({ pps: 2_500_000, flows: 1 }), { durationNs: 10e6 });
    const napi = r.stats.napi.find((n) => n.name === 'eth0-rx-0')!;
    expect(napi.overBudget).toBe(0);
    expect(napi.work / napi.polls).toBeLessThanOrEqual(64);
    expect(r.stats.softnet[0]!.time_squeeze).toBe(0);
    // The work that keeps coming back goes to ksoftirqd.
    expect(r.stats.cpuTime[0]!.ksoftirqd).toBeGreaterThan(0);
  });

  it('squeezes when four busy queues share CPU 0 and netdev_budget (200) runs out', () => {
    const sysfs: HostConfig['sysfs'] = {};
    for (const irq of [129, 130, 131, 132]) sysfs[`/proc/irq/${irq}/smp_affinity`] = '1';
    const host = createHost({ sysfs, nic: { rxUsecs: 0 }, sysctl: { 'net.core.netdev_budget': 200 } });
    const r = host.run(manyFlows({ pps: 2_000_000, flows: 64 }), { durationNs: 10e6 });
    expect(r.stats.softnet[0]!.time_squeeze).toBeGreaterThan(0);
    // All four vectors were taken on CPU 0.
    for (const line of r.stats.interrupts.slice(1)) expect(line.perCpu.slice(1).every((n) => n === 0)).toBe(true);
  });
});

describe('the backlog', () => {
  const single = (rps: string): HostConfig => ({ nic: { queues: 1 }, sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': rps } });
  const load = manyFlows({ pps: 4_000_000, flows: 64 });

  it('overflows on the one CPU that RPS steers everything to, counted in that CPU\'s dropped column', () => {
    const r = createHost(single('2')).run(load, { durationNs: 10e6 });
    const dropped = r.stats.softnet.map((c) => c.dropped);
    expect(dropped[1]).toBeGreaterThan(0);
    expect(dropped[0] + dropped[2]! + dropped[3]!).toBe(0);
    expect(r.stats.nic.netdev.rx_dropped).toBe(dropped[1]);
    expect(r.drops.find((d) => d.reason === 'CPU_BACKLOG')?.count).toBe(dropped[1]);
    expect(r.stats.softnet[1]!.received_rps).toBeGreaterThan(0);
  });

  it('does not overflow when RPS spreads the same traffic over three CPUs', () => {
    const r = createHost(single('e')).run(load, { durationNs: 10e6 });
    expect(sum(r.stats.softnet.map((c) => c.dropped))).toBe(0);
    expect(r.stats.softnet.slice(1).every((c) => c.processed > 0)).toBe(true);
  });

  it('holds netdev_max_backlog + 1 packets', () => {
    let maxQ = 0;
    const host = createHost({
      ...single('2'),
      sysctl: { 'net.core.netdev_max_backlog': 10 },
      hooks: {
        enqueue_to_backlog: (skb, cpu) => {
          const rc = reference.enqueue_to_backlog(skb, cpu);
          maxQ = Math.max(maxQ, host.cpus[cpu]!.sd.input_pkt_queue.qlen);
          return rc;
        },
      },
    });
    const r = host.run(load, { durationNs: 5e6 });
    expect(maxQ).toBe(11);
    expect(r.stats.softnet[1]!.dropped).toBeGreaterThan(0);
  });
});

describe('the socket receive buffer', () => {
  const slow = (rcvbuf?: number, processNs = 5000): HostConfig => ({ sockets: [{ proto: 'udp', port: 9000, rcvbuf, reader: { cpu: 3, processNs } }] });
  const burst = bursts({ pps: 20_000, burst: 2000, flows: 4 });

  it('overflows when a burst outruns the reader: UdpRcvbufErrors, UdpInErrors and the socket drops agree', () => {
    const r = createHost(slow()).run(burst, { durationNs: 50e6 });
    const udp = r.stats.snmp.Udp;
    expect(udp.RcvbufErrors).toBeGreaterThan(0);
    expect(udp.InErrors).toBe(udp.RcvbufErrors);
    expect(r.stats.sockets[0]!.skmem.d).toBe(udp.RcvbufErrors);
    expect(udp.InDatagrams).toBe(r.delivered);
  });

  it('absorbs the same burst with a larger SO_RCVBUF', () => {
    const r = createHost(slow(4 << 20)).run(burst, { durationNs: 50e6 });
    expect(r.stats.snmp.Udp.RcvbufErrors).toBe(0);
    expect(r.stats.sockets[0]!.skmem.rb).toBe(8 << 20);
  });

  it('overflows under steady load too slow for the reader, and not with a faster reader', () => {
    const load = manyFlows({ pps: 300_000, flows: 16 });
    expect(createHost(slow()).run(load, { durationNs: 20e6 }).stats.snmp.Udp.RcvbufErrors).toBeGreaterThan(0);
    expect(createHost(slow(undefined, 500)).run(load, { durationNs: 20e6 }).stats.snmp.Udp.RcvbufErrors).toBe(0);
  });

  it('admits by truesize: with SO_RCVBUF 4096 (8192 doubled) three 2304-byte skbs fit', () => {
    const host = createHost({ sockets: [{ proto: 'udp', port: 9000, rcvbuf: 4096, reader: null }] });
    const r = host.run(constantRate({ pps: 10_000 }), { durationNs: 2e6 });
    const sk = r.stats.sockets[0]!;
    expect(sk.skmem.rb).toBe(8192);
    expect(sk.skmem.r).toBe(3 * 2304);
    expect(sk.skmem.d).toBe(r.sent - 3);
    expect(r.stats.snmp.Udp.InDatagrams).toBe(0); // counted when read, and nobody reads
    expect(r.stats.snmp.Ip.InDelivers).toBe(r.sent);
  });

  it('counts datagrams to a closed port as UdpNoPorts', () => {
    const r = createHost().run(constantRate({ pps: 100_000, dport: 7 }), { durationNs: 1e6 });
    expect(r.stats.snmp.Udp.NoPorts).toBe(r.sent);
    expect(r.drops).toEqual([{ reason: 'NO_SOCKET', where: '__udp4_lib_rcv', count: r.sent }]);
  });
});

describe('GRO', () => {
  it('merges the segments of a TCP flow: the stack processes far fewer skbs than the NIC received', () => {
    const r = createHost({ sockets: [{ proto: 'tcp', port: 5201 }] }).run(tcpFlow({ gbps: 5 }), { durationNs: 10e6 });
    const processed = sum(r.stats.softnet.map((c) => c.processed));
    const received = r.stats.nic.netdev.rx_packets;
    expect(received).toBeGreaterThan(1000);
    expect(processed).toBeLessThan(received / 4);
    expect(r.stats.snmp.Tcp.InSegs).toBe(processed);
    expect(r.stats.snmp.IpExt.InNoECTPkts).toBeGreaterThan(processed);
  });

  it('passes every segment up one by one when GRO is off', () => {
    const r = createHost({ nic: { gro: false }, sockets: [{ proto: 'tcp', port: 5201 }] }).run(tcpFlow({ gbps: 5 }), { durationNs: 10e6 });
    expect(sum(r.stats.softnet.map((c) => c.processed))).toBe(r.stats.nic.netdev.rx_packets);
  });
});

describe('software interrupt coalescing: gro_flush_timeout and napi_defer_hard_irqs', () => {
  const run = (gro_flush_timeout: number, napi_defer_hard_irqs: number) => {
    const sysfs = { '/sys/class/net/eth0/gro_flush_timeout': gro_flush_timeout, '/sys/class/net/eth0/napi_defer_hard_irqs': napi_defer_hard_irqs };
    const r = createHost({ sockets: [{ proto: 'tcp', port: 5201 }], sysfs }).run(tcpFlow({ gbps: 1 }), { durationNs: 20e6 });
    const queueIrqs = sum(r.stats.interrupts.filter((l) => l.name.startsWith('eth0-TxRx')).map((l) => sum(l.perCpu)));
    const segsPerSkb = r.stats.snmp.IpExt.InNoECTPkts / r.stats.snmp.Ip.InReceives;
    return { r, queueIrqs, segsPerSkb, timerIrqs: sum(r.stats.localInterrupts.LOC) };
  };
  const none = run(0, 0);

  it('polls from the NAPI hrtimer instead of the IRQ when both are set: far fewer hard IRQs', () => {
    const both = run(200_000, 2);
    expect(none.queueIrqs).toBeGreaterThan(50);
    expect(both.queueIrqs).toBeLessThan(none.queueIrqs / 4);
    expect(both.timerIrqs).toBeGreaterThan(none.timerIrqs);
  });

  it('napi_defer_hard_irqs alone changes nothing: the kernel defers the IRQ only with a gro_flush_timeout', () => {
    expect(run(0, 2).r.stats).toEqual(none.r.stats);
  });

  it("gro_flush_timeout alone keeps this jiffy's segments in GRO past napi_complete_done: bigger merges, later delivery", () => {
    const timeout = run(200_000, 0);
    expect(timeout.segsPerSkb).toBeGreaterThan(none.segsPerSkb * 1.5);
    expect(timeout.r.latency.p50Ns).toBeGreaterThan(none.r.latency.p50Ns);
    expect(timeout.queueIrqs).toBeGreaterThan(none.queueIrqs / 2); // the IRQ is not deferred
  });
});

describe('counters at the NIC', () => {
  it('counts bad FCS in rx_crc_errors and drops frames for another MAC unless promiscuous', () => {
    const w = { ...constantRate({ pps: 100_000 }), faults: { fcs: 0.1, otherMac: 0.1 } };
    const r = createHost().run(w, { durationNs: 10e6 });
    expect(ethtool(r.stats, 'rx_crc_errors')).toBeGreaterThan(50);
    expect(r.stats.nic.netdev.rx_crc_errors).toBe(ethtool(r.stats, 'rx_crc_errors'));
    expect(r.drops.find((d) => d.where === 'mac_filter')!.count).toBeGreaterThan(50);
  });

  it('spreads interrupts by the IRQ affinity, one vector per queue', () => {
    const r = createHost().run(manyFlows({ pps: 200_000, flows: 32 }), { durationNs: 10e6 });
    const names = r.stats.interrupts.map((l) => l.name);
    expect(names).toEqual(['eth0', 'eth0-TxRx-0', 'eth0-TxRx-1', 'eth0-TxRx-2', 'eth0-TxRx-3']);
    r.stats.interrupts.slice(1).forEach((line, q) => {
      expect(line.perCpu[q]).toBeGreaterThan(0);
      expect(sum(line.perCpu)).toBe(line.perCpu[q]);
    });
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const host = createHost({ seed });
    host.writeSysfs('/sys/class/net/eth0/queues/rx-0/rps_cpus', 'f');
    return host.run({ ...manyFlows({ pps: 800_000, flows: 32 }), arrivals: 'poisson' }, { durationNs: 10e6 });
  };

  it('gives identical counters for the same seed', () => {
    const a = run(7);
    const b = run(7);
    expect(b.stats).toEqual(a.stats);
    expect(b.latency).toEqual(a.latency);
  });

  it('gives different counters for another seed', () => {
    expect(run(8).stats).not.toEqual(run(7).stats);
  });

  it('never hands out a -0 (fields start at -0 inside the simulator), even from a host where nothing ran', () => {
    // No socket on the port and one idle CPU: nothing delivered, threads that never ran.
    const r = createHost({ seed: 1, sockets: [] }).run(constantRate({ pps: 1000, dport: 7777 }), { durationNs: 1e6 });
    const negativeZeros: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Object.is(v, -0)) negativeZeros.push(path);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(r, 'result');
    expect(negativeZeros).toEqual([]);
  });
});

describe('the flow hash RPS steers by', () => {
  const rps = (config: HostConfig = {}): HostConfig => ({ ...config, nic: { queues: 1, ...config.nic }, sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': 'e' } });

  it("is the stack's own on igb, which marks its RSS hash L3: another RSS key moves no flow to another CPU", () => {
    const steered = (rssKey: string) =>
      createHost(rps({ nic: { rssKey } }))
        .run(manyFlows({ pps: 200_000, flows: 16 }), { durationNs: 5e6 })
        .stats.softnet.map((c) => c.received_rps);
    const microsoft = steered('6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c6a42b73bbeac01fa');
    expect(microsoft.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(steered('a5'.repeat(40))).toEqual(microsoft);
  });

  it('is computed once per skb, replacing the hash the NIC gave, and kept', () => {
    const seen: { nic: number; sw: boolean; first: number; again: number }[] = [];
    const host = createHost(
      rps({
        hooks: {
          get_rps_cpu: (dev, skb) => {
            const nic = skb.hash;
            const first = skb_get_hash(skb);
            seen.push({ nic, sw: skb.sw_hash, first, again: skb_get_hash(skb) });
            return reference.get_rps_cpu(dev, skb);
          },
        },
      }),
    );
    host.run(constantRate({ pps: 10_000 }), { durationNs: 1e6 });
    expect(seen.length).toBeGreaterThan(0);
    for (const { nic, sw, first, again } of seen) {
      expect(nic).not.toBe(0);
      expect(sw).toBe(true);
      expect(first).not.toBe(nic);
      expect(again).toBe(first);
    }
  });
});

describe('RFS', () => {
  it('steers a TCP flow to the CPU its reader runs on', () => {
    const config = (rfs: boolean): HostConfig => ({
      nic: { queues: 1 },
      sockets: [{ proto: 'tcp', port: 5201, reader: { cpu: 2, processNs: 200 } }],
      sysctl: rfs ? { 'net.core.rps_sock_flow_entries': 32768 } : {},
      sysfs: rfs ? { '/sys/class/net/eth0/queues/rx-0/rps_flow_cnt': 32768 } : {},
    });
    const without = createHost(config(false)).run(tcpFlow({ gbps: 2 }), { durationNs: 10e6 });
    const withRfs = createHost(config(true)).run(tcpFlow({ gbps: 2 }), { durationNs: 10e6 });
    expect(without.stats.softnet[2]!.processed).toBe(0);
    const processed = withRfs.stats.softnet.map((c) => c.processed);
    expect(processed[2]).toBeGreaterThan(processed[0]! * 10);
    expect(withRfs.stats.softnet[2]!.received_rps).toBeGreaterThan(0);
  });
});

describe('ksoftirqd', () => {
  it('takes over softirq work that keeps coming back, and shares the CPU with the application', () => {
    const host = createHost({ cpus: 1, nic: { queues: 1 }, sockets: [{ proto: 'udp', port: 9000, reader: { cpu: 0, processNs: 500 } }] });
    const r = host.run(constantRate({ pps: 2_000_000 }), { durationNs: 20e6 });
    const t = r.stats.cpuTime[0]!;
    expect(t.ksoftirqd).toBeGreaterThan(0);
    expect(t.user).toBeGreaterThan(0);
    expect(t.idle).toBeLessThan(0.01 * 20e6);
    // The reader gets part of the CPU, not all of it: what it cannot read overflows its socket.
    expect(r.stats.snmp.Udp.RcvbufErrors).toBeGreaterThan(0);
    expect(r.stats.threads.find((th) => th.name === 'ksoftirqd/0')!.runtimeNs).toBeGreaterThan(0);
  });
});
