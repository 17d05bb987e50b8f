import { describe, expect, it } from 'vitest';
import { KernelError, type Errno } from '../../../src/sim/include/linux/errno.ts';
import { renderSysctl } from '../../../src/shell/proc/sys.ts';
import { SysctlTable, sysctlPath, type SysctlContext } from '../../../src/sim/kernel/sysctl.ts';

// Every expectation below was measured on Linux 6.18 (HZ=250, 2 CPUs) by
// writing the proc file once and reading it back, unless marked otherwise.

const ctx = (over: Partial<SysctlContext> = {}): SysctlContext => ({
  nrCpus: 2,
  hz: 250,
  rssKey: new Uint8Array(52),
  ...over,
});
const table = (over: Partial<SysctlContext> = {}): SysctlTable => new SysctlTable(ctx(over));
/** What `cat /proc/sys/<name>` prints, without the newline: the table's value as the shell prints it. */
const cat = (t: SysctlTable, name: string): string => renderSysctl(t.value(name));

function refused(t: SysctlTable, name: string, text: string, errno: Errno): void {
  const before = cat(t, name);
  let caught: unknown;
  try {
    t.write(name, text);
  } catch (e) {
    caught = e;
  }
  expect(caught, `${name}=${JSON.stringify(text)} should be refused`).toBeInstanceOf(KernelError);
  expect((caught as KernelError).errno, `${name}=${JSON.stringify(text)}`).toBe(errno);
  expect(cat(t, name), `${name} keeps its old value`).toBe(before);
}

function accepted(t: SysctlTable, name: string, text: string, readsBack: string): void {
  t.write(name, text);
  expect(cat(t, name), `${name}=${JSON.stringify(text)}`).toBe(readsBack);
}

// `cat /proc/sys/...` on the 6.18 machine (2 CPUs, HZ=250, no RSS driver, 24 GiB).
const DEFAULTS: Record<string, string> = {
  'net.core.busy_poll': '0',
  'net.core.busy_read': '0',
  'net.core.default_qdisc': 'pfifo_fast',
  'net.core.dev_weight': '64',
  'net.core.dev_weight_rx_bias': '1',
  'net.core.dev_weight_tx_bias': '1',
  'net.core.flow_limit_cpu_bitmap': '0',
  'net.core.flow_limit_table_len': '4096',
  'net.core.gro_normal_batch': '8',
  'net.core.max_skb_frags': '17',
  'net.core.message_burst': '10',
  'net.core.message_cost': '5',
  'net.core.netdev_budget': '300',
  'net.core.netdev_budget_usecs': '8000',
  'net.core.netdev_max_backlog': '1000',
  'net.core.netdev_rss_key': Array(52).fill('00').join(':'),
  'net.core.netdev_tstamp_prequeue': '1',
  'net.core.optmem_max': '131072',
  'net.core.rmem_default': '212992',
  'net.core.rmem_max': '4194304',
  'net.core.rps_default_mask': '0',
  'net.core.rps_sock_flow_entries': '0',
  'net.core.skb_defer_max': '64',
  'net.core.somaxconn': '4096',
  'net.core.wmem_default': '212992',
  'net.core.wmem_max': '4194304',
  'net.ipv4.ip_forward': '0',
  'net.ipv4.tcp_adv_win_scale': '1',
  'net.ipv4.tcp_early_demux': '1',
  'net.ipv4.tcp_limit_output_bytes': '4194304',
  'net.ipv4.tcp_mem': '287898\t383867\t575796',
  'net.ipv4.tcp_rmem': '4096\t131072\t33554432',
  'net.ipv4.tcp_wmem': '4096\t16384\t4194304',
  'net.ipv4.udp_early_demux': '1',
  'net.ipv4.udp_mem': '575799\t767734\t1151598',
  'net.ipv4.udp_rmem_min': '4096',
  'net.ipv4.udp_wmem_min': '4096',
};

describe('defaults (6.18, HZ=250, 2 CPUs)', () => {
  const t = table();
  for (const [name, value] of Object.entries(DEFAULTS)) {
    it(`${name} = ${JSON.stringify(value)}`, () => {
      expect(t.has(name)).toBe(true);
      expect(cat(t, name)).toBe(value);
      expect(renderSysctl(t.describe(name).default)).toBe(value);
      expect(t.describe(name).help.length).toBeGreaterThan(10);
    });
  }
  it('lists exactly these names, in `sysctl -a` (byte) order', () => {
    const names = t.names();
    expect(names).toEqual(Object.keys(DEFAULTS).sort());
    expect(names.indexOf('net.core.netdev_budget')).toBeLessThan(names.indexOf('net.core.netdev_budget_usecs'));
    expect(names.indexOf('net.core.dev_weight')).toBeLessThan(names.indexOf('net.core.dev_weight_rx_bias'));
    expect(names.at(-1)).toBe('net.ipv4.udp_wmem_min');
  });
  it('netdev_budget_usecs defaults to 2 jiffies: 2000 at HZ=1000, 20000 at HZ=100', () => {
    expect(cat(table({ hz: 1000 }), 'net.core.netdev_budget_usecs')).toBe('2000');
    expect(cat(table({ hz: 100 }), 'net.core.netdev_budget_usecs')).toBe('20000');
    expect(cat(table({ hz: 300 }), 'net.core.netdev_budget_usecs')).toBe('6666');
  });
  it('udp_mem, tcp_mem and the tcp_*mem maxima follow free memory', () => {
    const small = table({ nrFreeBufferPages: 100000 });
    expect(cat(small, 'net.ipv4.udp_mem')).toBe('9375\t12500\t18750');
    expect(cat(small, 'net.ipv4.tcp_mem')).toBe('4686\t6250\t9372');
    expect(cat(small, 'net.ipv4.tcp_rmem')).toBe('4096\t131072\t3200000');
    expect(cat(small, 'net.ipv4.tcp_wmem')).toBe('4096\t16384\t3200000');
  });
  it('int() and ints() give numbers to the engine', () => {
    expect(t.int('net.core.netdev_budget')).toBe(300);
    expect(t.int('net.core.netdev_budget_usecs')).toBe(8000);
    expect(t.ints('net.ipv4.tcp_rmem')).toEqual([4096, 131072, 33554432]);
    expect(t.ints('net.ipv4.udp_mem')).toEqual([575799, 767734, 1151598]);
    expect(() => t.int('net.ipv4.tcp_rmem')).toThrow(TypeError);
    expect(() => t.int('net.core.default_qdisc')).toThrow(TypeError);
    expect(() => t.ints('net.core.netdev_budget')).toThrow(TypeError);
    expect(t.cpus('net.core.flow_limit_cpu_bitmap')).toEqual([]);
  });
});

describe('refusals (fact sheet §3.9, §4, and measured)', () => {
  const cases: [string, string, Errno][] = [
    ['net.core.dev_weight', '0', 'EINVAL'],
    ['net.core.dev_weight', '-5', 'EINVAL'],
    ['net.core.dev_weight_rx_bias', '0', 'EINVAL'],
    ['net.core.dev_weight_rx_bias', '-1', 'EINVAL'],
    ['net.core.dev_weight_tx_bias', '0', 'EINVAL'],
    ['net.core.netdev_budget_usecs', '100', 'EINVAL'],
    ['net.core.netdev_budget_usecs', '7999', 'EINVAL'],
    ['net.core.netdev_budget_usecs', '0', 'EINVAL'],
    ['net.core.netdev_budget_usecs', '-1', 'EINVAL'],
    ['net.core.netdev_max_backlog', 'abc', 'EINVAL'],
    ['net.core.netdev_max_backlog', '\n', 'EINVAL'],
    ['net.core.netdev_budget', 'abc', 'EINVAL'],
    ['net.core.rmem_max', '100', 'EINVAL'],
    ['net.core.rmem_max', '2303', 'EINVAL'],
    ['net.core.rmem_max', '-5', 'EINVAL'],
    ['net.core.rmem_default', '2303', 'EINVAL'],
    ['net.core.rmem_default', '-1', 'EINVAL'],
    ['net.core.wmem_default', '4607', 'EINVAL'],
    ['net.core.wmem_max', '4607', 'EINVAL'],
    ['net.core.flow_limit_table_len', '1000', 'EINVAL'],
    ['net.core.flow_limit_table_len', '0', 'EINVAL'],
    ['net.core.flow_limit_table_len', '-1', 'EINVAL'],
    ['net.core.flow_limit_cpu_bitmap', 'zz', 'EINVAL'],
    ['net.core.flow_limit_cpu_bitmap', '0x1', 'EINVAL'],
    ['net.core.flow_limit_cpu_bitmap', '1-2', 'EINVAL'],
    ['net.core.flow_limit_cpu_bitmap', '4', 'EOVERFLOW'],
    ['net.core.flow_limit_cpu_bitmap', 'ff', 'EOVERFLOW'],
    ['net.core.flow_limit_cpu_bitmap', '1,0', 'EOVERFLOW'],
    ['net.core.flow_limit_cpu_bitmap', '00000000,00000001', 'EOVERFLOW'],
    ['net.core.flow_limit_cpu_bitmap', '000000001', 'EOVERFLOW'],
    ['net.core.flow_limit_cpu_bitmap', '1 1', 'EOVERFLOW'],
    ['net.core.rps_sock_flow_entries', '1073741824', 'EINVAL'],
    ['net.core.rps_sock_flow_entries', '536870913', 'EINVAL'],
    ['net.core.rps_sock_flow_entries', '2147483647', 'EINVAL'],
    ['net.core.rps_sock_flow_entries', '-1', 'EINVAL'],
    ['net.core.rps_sock_flow_entries', 'abc', 'EINVAL'],
    ['net.core.gro_normal_batch', '0', 'EINVAL'],
    ['net.core.gro_normal_batch', '-1', 'EINVAL'],
    ['net.core.busy_read', '-1', 'EINVAL'],
    ['net.core.busy_poll', '-1', 'EINVAL'],
    ['net.core.default_qdisc', 'nosuch', 'ENOENT'],
    ['net.core.default_qdisc', 'FQ_CODEL', 'ENOENT'],
    ['net.core.default_qdisc', ' fq_codel', 'ENOENT'],
    ['net.core.default_qdisc', 'fq_codel ', 'ENOENT'],
    ['net.core.default_qdisc', 'noop', 'ENOENT'],
    ['net.core.netdev_rss_key', '1', 'EACCES'],
    ['net.core.netdev_rss_key', '', 'EACCES'],
    ['net.core.somaxconn', '-1', 'EINVAL'],
    ['net.core.optmem_max', '-1', 'EINVAL'],
    ['net.core.skb_defer_max', '-1', 'EINVAL'],
    ['net.core.max_skb_frags', '0', 'EINVAL'],
    ['net.core.max_skb_frags', '18', 'EINVAL'],
    ['net.core.message_cost', 'abc', 'EINVAL'],
    ['net.core.message_cost', '8589935', 'EINVAL'],
    ['net.ipv4.tcp_rmem', '0 1 1', 'EINVAL'],
    ['net.ipv4.tcp_rmem', '-1', 'EINVAL'],
    ['net.ipv4.tcp_wmem', '0', 'EINVAL'],
    ['net.ipv4.tcp_adv_win_scale', '32', 'EINVAL'],
    ['net.ipv4.tcp_adv_win_scale', '-32', 'EINVAL'],
    ['net.ipv4.udp_rmem_min', '0', 'EINVAL'],
    ['net.ipv4.udp_rmem_min', '-1', 'EINVAL'],
    ['net.ipv4.udp_wmem_min', '0', 'EINVAL'],
    ['net.ipv4.tcp_early_demux', '256', 'EINVAL'],
    ['net.ipv4.tcp_early_demux', '-1', 'EINVAL'],
    ['net.ipv4.udp_early_demux', '-1', 'EINVAL'],
    ['net.ipv4.udp_mem', '-1 2 3', 'EINVAL'],
    ['net.ipv4.udp_mem', '18446744073709551616', 'EINVAL'],
  ];
  for (const [name, text, errno] of cases) {
    it(`${name}=${JSON.stringify(text)} → ${errno}, old value kept`, () => refused(table(), name, text, errno));
  }
  it('says why, for the learner', () => {
    const t = table();
    expect(() => t.write('net.core.netdev_budget_usecs', '7999')).toThrow(/8000/);
    expect(() => t.write('net.core.flow_limit_table_len', '1000')).toThrow(/power of two/);
    expect(() => t.write('net.core.somaxconn', '08')).toThrow(/octal/);
  });
});

describe('proc_dointvec parsing', () => {
  const n = 'net.core.somaxconn';
  it('refuses what the kernel refuses', () => {
    for (const text of ['12abc', '08', '+5', '\n', ' ', '-', '- 5', '2147483648', '12\r', '12\0',
      '000000000000000000005', '99999999999999999999', '0x', '0xg']) {
      refused(table(), n, text, 'EINVAL');
    }
  });
  it('accepts surrounding blanks, a newline, base-0 numbers, and ignores text after a blank', () => {
    const cases: [string, string][] = [
      ['12', '12'], [' 12 ', '12'], ['12\n', '12'], ['12\t\t\n', '12'], ['\t7', '7'], ['\v7', '7'],
      ['0x10', '16'], ['010', '8'], ['0', '0'], ['2147483647', '2147483647'], ['12 abc', '12'], ['1 2', '1'],
      ['00000000000000000005', '5'], ['-0', '0'], ['0X1f', '31'],
    ];
    for (const [text, back] of cases) accepted(table(), n, text, back);
  });
  it('a zero-length write changes nothing and is not an error', () => {
    const t = table();
    t.write('net.core.netdev_max_backlog', '');
    expect(cat(t, 'net.core.netdev_max_backlog')).toBe('1000');
    t.write('net.core.default_qdisc', '');
    expect(cat(t, 'net.core.default_qdisc')).toBe('pfifo_fast');
  });
  it('plain proc_dointvec knobs take zero and negatives (fact sheet §3.9)', () => {
    const t = table();
    accepted(t, 'net.core.netdev_max_backlog', '-1', '-1');
    expect(t.int('net.core.netdev_max_backlog')).toBe(-1);
    accepted(t, 'net.core.netdev_max_backlog', '0', '0');
    accepted(t, 'net.core.netdev_max_backlog', '-2147483648', '-2147483648');
    accepted(t, 'net.core.netdev_budget', '0', '0');
    accepted(t, 'net.core.netdev_budget', '-5', '-5');
    accepted(t, 'net.core.netdev_tstamp_prequeue', '-1', '-1');
    accepted(t, 'net.core.message_burst', '-1', '-1');
    accepted(t, 'net.ipv4.tcp_limit_output_bytes', '-2147483648', '-2147483648');
    accepted(t, 'net.ipv4.ip_forward', '2', '2');
    accepted(t, 'net.ipv4.ip_forward', '-1', '-1');
    accepted(t, 'net.ipv4.ip_forward', '0x1', '1');
  });
  it('minimum values are accepted', () => {
    const t = table();
    accepted(t, 'net.core.netdev_budget_usecs', '8000', '8000');
    accepted(t, 'net.core.dev_weight', '1', '1');
    accepted(t, 'net.core.dev_weight_rx_bias', '2', '2');
    accepted(t, 'net.core.gro_normal_batch', '1', '1');
    accepted(t, 'net.core.rmem_default', '2304', '2304');
    accepted(t, 'net.core.rmem_max', '2304', '2304');
    accepted(t, 'net.core.wmem_default', '4608', '4608');
    accepted(t, 'net.core.wmem_max', '4608', '4608');
    accepted(t, 'net.core.somaxconn', '0', '0');
    accepted(t, 'net.core.optmem_max', '0', '0');
    accepted(t, 'net.core.max_skb_frags', '1', '1');
    accepted(t, 'net.ipv4.tcp_adv_win_scale', '-31', '-31');
    accepted(t, 'net.ipv4.tcp_adv_win_scale', '31', '31');
    accepted(t, 'net.ipv4.udp_rmem_min', '1', '1');
    accepted(t, 'net.ipv4.tcp_early_demux', '255', '255');
    accepted(t, 'net.ipv4.udp_early_demux', '2', '2');
    expect(table({ hz: 1000 }).write('net.core.netdev_budget_usecs', '2000')).toBeUndefined();
    // None of these has a maximum (measured with 2147483647).
    for (const k of ['net.core.dev_weight', 'net.core.dev_weight_rx_bias', 'net.core.gro_normal_batch', 'net.core.netdev_budget_usecs',
      'net.core.busy_read', 'net.core.busy_poll', 'net.core.rmem_max', 'net.core.wmem_max', 'net.core.rmem_default',
      'net.core.skb_defer_max', 'net.ipv4.udp_rmem_min', 'net.core.optmem_max', 'net.core.somaxconn']) {
      accepted(table(), k, '2147483647', '2147483647');
    }
    accepted(table(), 'net.ipv4.tcp_wmem', '2147483647 2147483647 2147483647', '2147483647\t2147483647\t2147483647');
    refused(table({ hz: 1000 }), 'net.core.netdev_budget_usecs', '1999', 'EINVAL');
  });
  it('message_cost is in seconds, at most INT_MAX jiffies', () => {
    const t = table();
    accepted(t, 'net.core.message_cost', '8589934', '8589934');
    accepted(t, 'net.core.message_cost', '-1', '-1');
    accepted(table({ hz: 1000 }), 'net.core.message_cost', '2147483', '2147483');
    refused(table({ hz: 1000 }), 'net.core.message_cost', '2147484', 'EINVAL');
  });
});

describe('vectors', () => {
  it('read tab-separated; a write sets as many values as it gives, extra values ignored', () => {
    const t = table();
    accepted(t, 'net.ipv4.tcp_rmem', '8192', '8192\t131072\t33554432');
    accepted(t, 'net.ipv4.tcp_rmem', '4096 131072 6291456', '4096\t131072\t6291456');
    accepted(t, 'net.ipv4.tcp_rmem', '8192\t8192', '8192\t8192\t6291456');
    accepted(t, 'net.ipv4.tcp_rmem', '1 2 3 4', '1\t2\t3');
    // No ordering between min, default and max is enforced.
    accepted(t, 'net.ipv4.tcp_rmem', '5000 100 10', '5000\t100\t10');
    expect(t.ints('net.ipv4.tcp_rmem')).toEqual([5000, 100, 10]);
  });
  it('a refused vector write keeps the values stored before the bad one (kernel behaviour)', () => {
    const t = table();
    expect(() => t.write('net.ipv4.tcp_rmem', '8192 0 6291456')).toThrow(KernelError);
    expect(cat(t, 'net.ipv4.tcp_rmem')).toBe('8192\t131072\t33554432');
    const u = table();
    expect(() => u.write('net.ipv4.tcp_rmem', '8192 abc')).toThrow(KernelError);
    expect(cat(u, 'net.ipv4.tcp_rmem')).toBe('8192\t131072\t33554432');
    const m = table();
    expect(() => m.write('net.ipv4.udp_mem', '1 x')).toThrow(KernelError);
    expect(cat(m, 'net.ipv4.udp_mem')).toBe('1\t767734\t1151598');
  });
  it('udp_mem takes unsigned longs up to 2^64-1', () => {
    const t = table();
    accepted(t, 'net.ipv4.udp_mem', '1 2 3', '1\t2\t3');
    accepted(t, 'net.ipv4.udp_mem', '0 0 0', '0\t0\t0');
    accepted(t, 'net.ipv4.udp_mem', '5', '5\t0\t0');
    accepted(t, 'net.ipv4.udp_mem', '18446744073709551615', '18446744073709551615\t0\t0');
  });
});

describe('rounding and special handlers', () => {
  it('rps_sock_flow_entries rounds up to a power of two (1000 → 1024)', () => {
    const t = table();
    accepted(t, 'net.core.rps_sock_flow_entries', '1000', '1024');
    expect(t.int('net.core.rps_sock_flow_entries')).toBe(1024);
    accepted(t, 'net.core.rps_sock_flow_entries', '1', '1');
    accepted(t, 'net.core.rps_sock_flow_entries', '3', '4');
    accepted(t, 'net.core.rps_sock_flow_entries', '4096', '4096');
    accepted(t, 'net.core.rps_sock_flow_entries', '536870912', '536870912');
    accepted(t, 'net.core.rps_sock_flow_entries', '1000 5', '1024');
    accepted(t, 'net.core.rps_sock_flow_entries', '0', '0');
  });
  it('flow_limit_table_len takes powers of two, judged as unsigned', () => {
    const t = table();
    accepted(t, 'net.core.flow_limit_table_len', '1', '1');
    accepted(t, 'net.core.flow_limit_table_len', '8192', '8192');
    accepted(t, 'net.core.flow_limit_table_len', '1073741824', '1073741824');
    // (u32)-2^31 = 2^31 is a power of two: the kernel takes it.
    accepted(t, 'net.core.flow_limit_table_len', '-2147483648', '-2147483648');
  });
  it('flow_limit_cpu_bitmap: hex mask, printed with as many digits as nr_cpu_ids needs', () => {
    const t = table();
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '1', '1');
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '2', '2');
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '3', '3');
    expect(t.cpus('net.core.flow_limit_cpu_bitmap')).toEqual([0, 1]);
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '\n', '0');
    for (const [text, back] of [['01', '1'], [' 1', '1'], ['1 ', '1'], ['3\n', '3'], ['1,,', '1'], [',', '0'],
      ['00000001', '1'], ['3\nzz', '3'], ['2\n1', '2'], ['1\t', '1'], ['0', '0']] as const) {
      accepted(t, 'net.core.flow_limit_cpu_bitmap', text, back);
    }
    // A refused mask leaves the old one (measured: 1, then F → still 1).
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '1', '1');
    refused(t, 'net.core.flow_limit_cpu_bitmap', 'F', 'EOVERFLOW');
  });
  it('CPU masks print in 32-bit groups for bigger hosts [derived from lib/vsprintf.c bitmap_string]', () => {
    expect(cat(table({ nrCpus: 8 }), 'net.core.flow_limit_cpu_bitmap')).toBe('00');
    expect(cat(table({ nrCpus: 32 }), 'net.core.flow_limit_cpu_bitmap')).toBe('00000000');
    expect(cat(table({ nrCpus: 64 }), 'net.core.rps_default_mask')).toBe('00000000,00000000');
    const t = table({ nrCpus: 40 });
    expect(cat(t, 'net.core.flow_limit_cpu_bitmap')).toBe('00,00000000');
    accepted(t, 'net.core.flow_limit_cpu_bitmap', '80,00000001', '80,00000001');
    expect(t.cpus('net.core.flow_limit_cpu_bitmap')).toEqual([0, 39]);
    accepted(t, 'net.core.flow_limit_cpu_bitmap', 'f0', '00,000000f0');
    refused(t, 'net.core.flow_limit_cpu_bitmap', '100,00000000', 'EOVERFLOW');
    refused(t, 'net.core.flow_limit_cpu_bitmap', '1,0,0', 'EOVERFLOW');
  });
  it('rps_default_mask parses in place: groups stored before an overflow stick (measured)', () => {
    const t = table();
    accepted(t, 'net.core.rps_default_mask', '1', '1');
    // F sets bits 2 and 3 too, then fails; only bits below nr_cpu_ids show.
    expect(() => t.write('net.core.rps_default_mask', 'F')).toThrow(KernelError);
    expect(cat(t, 'net.core.rps_default_mask')).toBe('3');
    expect(t.cpus('net.core.rps_default_mask')).toEqual([0, 1]);
    accepted(t, 'net.core.rps_default_mask', '2', '2');
    expect(() => t.write('net.core.rps_default_mask', '1,0')).toThrow(KernelError);
    expect(cat(t, 'net.core.rps_default_mask')).toBe('0');
    accepted(t, 'net.core.rps_default_mask', '2', '2');
    refused(t, 'net.core.rps_default_mask', '1z', 'EINVAL');
  });
  it('default_qdisc: a registered name, up to the first newline, cut at 15 characters', () => {
    const t = table();
    for (const q of ['noqueue', 'pfifo', 'bfifo', 'mq', 'tbf', 'htb', 'ingress', 'clsact', 'pfifo_head_drop', 'fq_codel', 'fq', 'pfifo_fast']) {
      accepted(t, 'net.core.default_qdisc', q, q);
    }
    accepted(t, 'net.core.default_qdisc', 'pfifo\n', 'pfifo');
    accepted(t, 'net.core.default_qdisc', 'pfifo\nxyz', 'pfifo');
    accepted(t, 'net.core.default_qdisc', 'pfifo\0zz', 'pfifo');
    accepted(t, 'net.core.default_qdisc', 'pfifo_head_dropXYZ', 'pfifo_head_drop');
    refused(t, 'net.core.default_qdisc', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'ENOENT');
  });
  it('default_qdisc knows only the qdiscs the host has (the 6.18 test VM has no fq_codel)', () => {
    const t = table({ qdiscs: ['pfifo_fast', 'pfifo', 'bfifo', 'pfifo_head_drop', 'mq', 'noqueue', 'tbf', 'htb', 'ingress', 'clsact'] });
    refused(t, 'net.core.default_qdisc', 'fq_codel', 'ENOENT');
    refused(t, 'net.core.default_qdisc', 'fq_codel\n', 'ENOENT');
    accepted(t, 'net.core.default_qdisc', 'htb', 'htb');
  });
  it('netdev_rss_key shows the boot key as colon-separated hex and is read-only', () => {
    const key = Uint8Array.from({ length: 52 }, (_, i) => (i * 37 + 5) & 0xff);
    const t = table({ rssKey: key });
    const text = cat(t, 'net.core.netdev_rss_key');
    expect(text).toMatch(/^([0-9a-f]{2}:){51}[0-9a-f]{2}$/);
    expect(text.startsWith('05:2a:4f:74:')).toBe(true);
    expect(t.writable('net.core.netdev_rss_key')).toBe(false);
    expect(t.writable('net.core.netdev_budget')).toBe(true);
    refused(t, 'net.core.netdev_rss_key', '00', 'EACCES');
    expect(() => table({ rssKey: new Uint8Array(40) })).toThrow(RangeError);
  });
});

describe('names and paths', () => {
  it('an unknown name is ENOENT for read, write and describe', () => {
    const t = table();
    expect(t.has('net.core.nosuchkey')).toBe(false);
    for (const f of [() => t.value('net.core.nosuchkey'), () => t.write('net.core.nosuchkey', '1'), () => t.describe('net.core.nosuchkey')]) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KernelError);
      expect((err as KernelError).errno).toBe('ENOENT');
      expect((err as KernelError).strerror).toBe('No such file or directory');
    }
  });
  it('maps names to /proc/sys paths, one path a name', () => {
    expect(sysctlPath('net.core.netdev_budget')).toBe('/proc/sys/net/core/netdev_budget');
    expect(sysctlPath('net/core/netdev_budget')).toBe('/proc/sys/net/core/netdev_budget');
    const names = table().names();
    expect(new Set(names.map(sysctlPath)).size).toBe(names.length);
  });
  it('tables are independent', () => {
    const a = table();
    const b = table();
    a.write('net.ipv4.tcp_rmem', '1 2 3');
    a.write('net.core.flow_limit_cpu_bitmap', '3');
    expect(cat(b, 'net.ipv4.tcp_rmem')).toBe('4096\t131072\t33554432');
    expect(cat(b, 'net.core.flow_limit_cpu_bitmap')).toBe('0');
    expect(renderSysctl(a.describe('net.ipv4.tcp_rmem').default)).toBe('4096\t131072\t33554432');
  });
});
