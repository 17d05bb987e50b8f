// Bad input gets a clear error and changes nothing: config, sysctl, ethtool and sysfs writes.
import { describe, expect, it } from 'vitest';
import {
  constantRate,
  createHost,
  ethtool_get_channels,
  ethtool_get_coalesce,
  ethtool_get_ringparam,
  ethtool_set_channels,
  ethtool_set_coalesce,
  ethtool_set_ringparam,
  ethtool_set_rxfh,
  ethtool_set_rxfh_fields,
  KernelError,
} from '../../../src/sim/index.ts';
import { rxfhIndirFromWeights } from '../../../src/shell/commands/ethtool-indir.ts';

function refusal(fn: () => unknown): KernelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KernelError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('host config', () => {
  it.each([
    [{ cpus: 0 }, /cpus = 0 .*1\.\.32/],
    [{ nic: { ringSize: 5000 } }, /nic\.ringSize = 5000 .*64\.\.4096/],
    [{ nic: { rxUsecs: 5 } }, /nic\.rxUsecs = 5 .*0, 1, 3 or 10\.\.10000/],
    [{ nic: { queues: 8 } }, /nic\.queues = 8 .*1\.\.4/],
    [{ sockets: [{ proto: 'udp' as const, port: 0 }] }, /sockets\[0\]\.port = 0/],
    [{ sockets: [{ proto: 'udp' as const, port: 9000, reader: { cpu: 9 } }] }, /sockets\[0\]\.reader\.cpu = 9/],
    [{ sysctl: { 'net.core.dev_weight': 0 } }, /sysctl net\.core\.dev_weight=0 refused: Invalid argument/],
    [{ sysfs: { '/sys/class/net/eth0/queues/rx-0/rps_cpus': '10' } }, /rps_cpus = 10 refused: Value too large/],
  ])('refuses %j naming the field', (config, message) => {
    expect(() => createHost(config as never)).toThrow(message);
  });

  it('refuses an unknown hook, listing the ones there are', () => {
    expect(() => createHost({ hooks: { igb_pol: () => 0 } as never })).toThrow(/hooks\.igb_pol .*igb_poll/);
  });

  it('refuses a run without a positive duration and a workload without a rate', () => {
    const host = createHost();
    expect(() => host.run(constantRate({ pps: 1000 }), { durationNs: 0 })).toThrow(/durationNs must be a positive/);
    expect(() => host.run(constantRate({ pps: 0 }), { durationNs: 1e6 })).toThrow(/pps must be a positive/);
  });

  it('lets an exception thrown by a hook reach the caller', () => {
    const host = createHost({
      hooks: {
        igb_poll: () => {
          throw new TypeError('learner bug');
        },
      },
    });
    expect(() => host.run(constantRate({ pps: 100_000 }), { durationNs: 1e6 })).toThrow('learner bug');
  });
});

describe('sysctl on the host', () => {
  it('refuses an invalid value and keeps the old one, in the file and in what the path uses', () => {
    const host = createHost();
    const e = refusal(() => host.writeSysctl('net.core.dev_weight', '0'));
    expect(e.errno).toBe('EINVAL');
    expect(host.sysctl('net.core.dev_weight')).toEqual({ type: 'int', value: 64 });
    expect(host.net_hotdata.dev_rx_weight).toBe(64);
    host.writeSysctl('net.core.dev_weight', '32');
    expect(host.net_hotdata.dev_rx_weight).toBe(32);
  });

  it('applies netdev_budget to the next net_rx_action', () => {
    const host = createHost({ sysctl: { 'net.core.netdev_budget': 300 } });
    host.writeSysctl('net.core.netdev_budget', '600');
    expect(host.net_hotdata.netdev_budget).toBe(600);
  });
});

describe('ethtool operations', () => {
  it('refuses a ring above the maximum, and rounds a small one up to a multiple of 8 and at least 64', () => {
    const host = createHost();
    const e = refusal(() => ethtool_set_ringparam(host, { rx: 100000 }));
    expect([e.errno, e.message]).toEqual(['EINVAL', 'requested ring size exceeds maximum']);
    expect(ethtool_get_ringparam(host).rx_pending).toBe(256);
    ethtool_set_ringparam(host, { rx: 100 });
    expect(ethtool_get_ringparam(host).rx_pending).toBe(104);
    ethtool_set_ringparam(host, { rx: 1 });
    expect(ethtool_get_ringparam(host).rx_pending).toBe(64);
  });

  it("takes igb's rx-usecs values only, and no rx-frames", () => {
    const host = createHost();
    for (const bad of [2, 5, 9, 10001]) expect(refusal(() => ethtool_set_coalesce(host, { rx_usecs: bad })).errno).toBe('EINVAL');
    const unsupported = refusal(() => ethtool_set_coalesce(host, { rx_frames: 32 }));
    expect([unsupported.errno, unsupported.message]).toEqual(['EINVAL', 'cannot modify an unsupported parameter']);
    expect(ethtool_get_coalesce(host).rx_usecs).toBe(3);
    ethtool_set_coalesce(host, { rx_usecs: 50 });
    expect(ethtool_get_coalesce(host).rx_usecs).toBe(50);
  });

  it('changes the channel count, and the interrupts and sysfs queues follow', () => {
    const host = createHost();
    expect(refusal(() => ethtool_set_channels(host, { combined: 5 })).message).toBe('requested channel count exceeds maximum');
    ethtool_set_channels(host, { combined: 2 });
    expect(ethtool_get_channels(host).combined_count).toBe(2);
    expect(host.stats().interrupts.map((l) => l.name)).toEqual(['eth0', 'eth0-TxRx-0', 'eth0-TxRx-1']);
    expect(refusal(() => host.writeSysfs('/sys/class/net/eth0/queues/rx-2/rps_cpus', '1')).errno).toBe('ENOENT');
    const r = host.run(constantRate({ pps: 100_000, flows: 16 }), { durationNs: 5e6 });
    expect(r.delivered).toBeGreaterThan(400);
  });

  it('keeps a user-set indirection table valid', () => {
    const host = createHost();
    expect(refusal(() => ethtool_set_rxfh(host, { indir: new Array(128).fill(4) })).errno).toBe('EINVAL');
    ethtool_set_rxfh(host, { indir: rxfhIndirFromWeights([1, 1, 1, 1], 128) });
    expect(refusal(() => ethtool_set_channels(host, { combined: 2 })).errno).toBe('EINVAL');
    expect(refusal(() => ethtool_set_rxfh(host, { key: new Uint8Array(40) })).errno).toBe('EOPNOTSUPP');
  });

  it('computes `ethtool -X equal 2` and `weight 6 2` tables as ethtool does', () => {
    expect(rxfhIndirFromWeights([1, 1], 8)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(rxfhIndirFromWeights([6, 2], 8)).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('hashes UDP on the addresses by default and on the ports too after `rx-flow-hash udp4 sdfn`', () => {
    const host = createHost();
    const w = constantRate({ pps: 200_000, flows: 1 });
    const spread = { ...w, flows: Array.from({ length: 32 }, (_, i) => ({ dport: 9000, sport: 1000 + i })) };
    const queuesUsed = () => host.stats().nic.ethtool.filter(([n, v]) => /rx_queue_\d_packets/.test(n) && v > 0).length;
    host.run(spread, { durationNs: 2e6 });
    expect(queuesUsed()).toBe(1); // one source address: one queue
    expect(refusal(() => ethtool_set_rxfh_fields(host, 'tcp4', 'sd')).errno).toBe('EINVAL');
    ethtool_set_rxfh_fields(host, 'udp4', 'sdfn');
    host.run(spread, { durationNs: 2e6 });
    expect(queuesUsed()).toBe(4);
  });
});

describe('sysfs', () => {
  it('refuses an RPS mask naming a CPU that does not exist, keeping the old mask', () => {
    const host = createHost();
    const path = '/sys/class/net/eth0/queues/rx-0/rps_cpus';
    host.writeSysfs(path, '3');
    expect(refusal(() => host.writeSysfs(path, '10')).errno).toBe('EOVERFLOW');
    expect(refusal(() => host.writeSysfs(path, 'zz')).errno).toBe('EINVAL');
    expect(host.dev.rx_queues[0]!.rps_cpus).toBe(3);
    expect(host.dev.rx_queues[0]!.rps_map).toEqual([0, 1]);
  });

  it('rounds rps_flow_cnt up to a power of two', () => {
    const host = createHost();
    host.writeSysfs('/sys/class/net/eth0/queues/rx-0/rps_flow_cnt', '100');
    expect(host.dev.rx_queues[0]!.rps_flow_cnt).toBe(128);
  });

  it('refuses an IRQ affinity with no CPU, and moves the vector with a valid one', () => {
    const host = createHost();
    expect(refusal(() => host.writeSysfs('/proc/irq/129/smp_affinity', '0')).errno).toBe('EINVAL');
    host.writeSysfs('/proc/irq/129/smp_affinity_list', '2');
    expect(host.adapter.irqs.find((d) => d.irq === 129)!.affinity).toBe(4);
    const r = host.run(constantRate({ pps: 200_000, flows: 32 }), { durationNs: 5e6 });
    const line = r.stats.interrupts.find((l) => l.irq === 129)!;
    expect(line.perCpu[2]).toBeGreaterThan(0);
    expect(line.perCpu[0]).toBe(0);
  });

  it('says ENOENT for a file that does not exist or takes no writes, EACCES for the MTU it does not change', () => {
    const host = createHost();
    expect(refusal(() => host.writeSysfs('/sys/class/net/eth0/nope', '1')).errno).toBe('ENOENT');
    expect(refusal(() => host.writeSysfs('/sys/class/net/eth0/operstate', 'up')).errno).toBe('ENOENT');
    expect(refusal(() => host.writeSysfs('/sys/class/net/eth0/mtu', '9000')).errno).toBe('EACCES');
  });
});
