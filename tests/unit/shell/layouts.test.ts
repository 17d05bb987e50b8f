// Output layouts, compared with captures from the real tools on a Linux 6.18 host (ethtool 6.1,
// iproute2 6.1, procps-ng 4.0.2, bash) where the tool and the device are the same, and with
// reference §3 otherwise. Each capture is quoted as it was printed.
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { createShell } from '../../../src/shell/index.ts';
import { renderColumns } from '../../../src/shell/commands/ss.ts';

const sh = () => createShell(createHost());

describe('sysctl (procps-ng 4.0.2)', () => {
  it('reads, with the real layout', () => {
    const s = sh();
    expect(s.exec('sysctl net.core.netdev_budget')).toEqual({ stdout: 'net.core.netdev_budget = 300\n', stderr: '', code: 0 });
    expect(s.exec('sysctl -n net.core.netdev_budget').stdout).toBe('300\n');
    expect(s.exec('sysctl net/core/netdev_budget').stdout).toBe('net.core.netdev_budget = 300\n');
    expect(s.exec('sysctl net.ipv4.tcp_rmem').stdout).toMatch(/^net\.ipv4\.tcp_rmem = 4096\t131072\t\d+\n$/);
    expect(s.exec('sysctl -a | grep netdev_b').stdout).toBe('net.core.netdev_budget = 300\nnet.core.netdev_budget_usecs = 8000\n');
  });

  it('refuses as procps does, with its exit codes', () => {
    const s = sh();
    expect(s.exec('sysctl net.core.nosuch')).toEqual({ stdout: '', stderr: 'sysctl: cannot stat /proc/sys/net/core/nosuch: No such file or directory\n', code: 1 });
    expect(s.exec('sysctl -n net.core.nosuch').code).toBe(1);
    expect(s.exec('sysctl -e net.core.nosuch')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(s.exec('sysctl -w net.core.dev_weight=0')).toEqual({ stdout: '', stderr: 'sysctl: setting key "net.core.dev_weight": Invalid argument\n', code: 1 });
    expect(s.exec('sysctl -n net.core.dev_weight').stdout).toBe('64\n');
    expect(s.exec('sysctl -w net.core.nosuch=1')).toEqual({ stdout: '', stderr: 'sysctl: cannot stat /proc/sys/net/core/nosuch: No such file or directory\n', code: 1 });
    // Measured: a read-only key is refused with EINVAL by procps itself, and the exit status is 0.
    expect(s.exec('sysctl -w net.core.netdev_rss_key=1')).toEqual({ stdout: '', stderr: 'sysctl: setting key "net.core.netdev_rss_key": Invalid argument\n', code: 0 });
    expect(s.exec('sysctl -w net.core.dev_weight')).toEqual({ stdout: '', stderr: 'sysctl: command line(0): invalid syntax, continuing...\n', code: 1 });
    expect(s.exec('sysctl -x')).toEqual({ stdout: '', stderr: "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", code: 1 });
    expect(s.exec('sysctl').stderr).toMatch(/^\nUsage:\n sysctl \[options\] \[variable\[=value\] \.\.\.\]\n/);
    expect(s.exec('sysctl -w net.core.default_qdisc=nosuch').stderr).toBe('sysctl: setting key "net.core.default_qdisc": No such file or directory\n');
  });

  it('echoes what was written, even when the kernel rounds it; NAME=VALUE writes without -w', () => {
    const s = sh();
    expect(s.exec('sysctl -w net.core.rps_sock_flow_entries=1000').stdout).toBe('net.core.rps_sock_flow_entries = 1000\n');
    expect(s.exec('sysctl net.core.rps_sock_flow_entries').stdout).toBe('net.core.rps_sock_flow_entries = 1024\n');
    expect(s.exec('sysctl net.core.netdev_budget=600').stdout).toBe('net.core.netdev_budget = 600\n');
    expect(s.host.sysctl('net.core.netdev_budget')).toEqual({ type: 'int', value: 600 });
    expect(s.exec('sysctl -q -w net.core.netdev_budget=500')).toEqual({ stdout: '', stderr: '', code: 0 });
  });
});

describe('bash', () => {
  it('command not found, redirections and write errors as bash prints them', () => {
    const s = sh();
    expect(s.exec('foo')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', code: 127 });
    expect(s.exec('echo 0 > /proc/sys/net/core/dev_weight')).toEqual({ stdout: '', stderr: 'bash: echo: write error: Invalid argument\n', code: 1 });
    expect(s.exec('echo 1 > /proc/sys/net/core/nosuch')).toEqual({ stdout: '', stderr: 'bash: /proc/sys/net/core/nosuch: No such file or directory\n', code: 1 });
    expect(s.exec('echo x > /proc/sys/net/core/netdev_rss_key').stderr).toBe('bash: /proc/sys/net/core/netdev_rss_key: Permission denied\n');
    expect(s.exec('cat /proc/sys/net/core/nosuch')).toEqual({ stdout: '', stderr: 'cat: /proc/sys/net/core/nosuch: No such file or directory\n', code: 1 });
    expect(s.exec('cat /proc/sys/net/core')).toEqual({ stdout: '', stderr: 'cat: /proc/sys/net/core: Is a directory\n', code: 1 });
    // Measured (§3.9): a CPU the host does not have.
    expect(s.exec('echo 1f > /sys/class/net/eth0/queues/rx-0/rps_cpus').stderr).toBe('bash: echo: write error: Value too large for defined data type\n');
    expect(s.exec('echo 100 > /sys/class/net/eth0/queues/rx-0/rps_flow_cnt; cat /sys/class/net/eth0/queues/rx-0/rps_flow_cnt').stdout).toBe('128\n');
  });

  it('/sys/class/net and /proc/irq: what each file prints, and how a write is refused', () => {
    const s = createShell(createHost({ cpus: 8, nic: { queues: 2 } }));
    const cat = (path: string) => s.exec(`cat ${path}`).stdout;
    const q0 = '/sys/class/net/eth0/queues/rx-0';
    expect([cat(`${q0}/rps_cpus`), cat(`${q0}/rps_flow_cnt`), cat('/sys/class/net/eth0/mtu'), cat('/sys/class/net/eth0/address')]).toEqual(['00\n', '0\n', '1500\n', '52:54:00:12:34:56\n']);
    expect(s.exec(`echo f0 > ${q0}/rps_cpus; echo 2-3,5 > /proc/irq/129/smp_affinity_list`).code).toBe(0);
    expect([cat(`${q0}/rps_cpus`), cat('/proc/irq/129/smp_affinity'), cat('/proc/irq/129/smp_affinity_list')]).toEqual(['f0\n', '2c\n', '2-3,5\n']);
    expect(s.exec(`echo zz > ${q0}/rps_cpus`).stderr).toBe('bash: echo: write error: Invalid argument\n');
    expect(s.exec('echo 0 > /proc/irq/129/smp_affinity').stderr).toBe('bash: echo: write error: Invalid argument\n');
    expect(s.exec('echo 2147483648 > /sys/class/net/eth0/napi_defer_hard_irqs').stderr).toBe('bash: echo: write error: Numerical result out of range\n');
    // Read-only files refuse the open; the MTU, a writable file, refuses the write (not simulated).
    expect(s.exec('echo down > /sys/class/net/eth0/operstate').stderr).toBe('bash: /sys/class/net/eth0/operstate: Permission denied\n');
    expect(s.exec('echo 9000 > /sys/class/net/eth0/mtu').stderr).toBe('bash: echo: write error: Permission denied\n');
    expect(s.exec('echo 1 > /sys/class/net/eth0/queues/rx-2/rps_cpus').stderr).toBe('bash: /sys/class/net/eth0/queues/rx-2/rps_cpus: No such file or directory\n');
    expect(s.exec('ls /sys/class/net/eth0/queues /proc/irq/129').stdout).toBe('/sys/class/net/eth0/queues:\nrx-0  rx-1\n\n/proc/irq/129:\nsmp_affinity  smp_affinity_list\n');
  });

  it('pipes, lists and their exit statuses', () => {
    const s = sh();
    expect(s.exec('sysctl -a | wc -l').stdout).toBe(`${s.host.sysctlNames().length}\n`);
    expect(s.exec('cat /proc/net/softnet_stat | head -n 2 | wc -l').stdout).toBe('2\n');
    expect(s.exec('false && echo no; echo yes').stdout).toBe('yes\n');
    expect(s.exec('false || echo yes').stdout).toBe('yes\n');
    expect(s.exec('sysctl net.core.nosuch 2>&1 | grep -c cannot').stdout).toBe('1\n');
    expect(s.exec('grep nothing /proc/net/snmp').code).toBe(1);
    expect(s.exec('echo "a  b" | cat').stdout).toBe('a  b\n');
    expect(s.exec('echo |').stderr).toBe("bash: syntax error near unexpected token `newline'\n");
    expect(s.exec('uname -r').stdout).toBe('6.18.0-packetpath\n');
    expect(s.exec('nproc').stdout).toBe('4\n');
  });

  it('grep with context lines, as GNU grep prints them', () => {
    const s = sh();
    expect(s.exec('ethtool -g eth0 | grep -A1 Current').stdout).toBe('Current hardware settings:\nRX:\t\t256\n');
    // '-' marks context lines, ':' matches, '--' separates groups that do not touch.
    expect(s.exec('ethtool -g eth0 | grep -n -C1 "RX Mini"').stdout).toBe('3-RX:\t\t4096\n4:RX Mini:\tn/a\n5-RX Jumbo:\tn/a\n--\n8-RX:\t\t256\n9:RX Mini:\tn/a\n10-RX Jumbo:\tn/a\n');
    expect(s.exec('ethtool -g eth0 | grep -B1 "RX Mini" | wc -l').stdout).toBe('5\n');
    expect(s.exec('ethtool -g eth0 | grep -A x RX')).toEqual({ stdout: '', stderr: 'grep: x: invalid context length argument\n', code: 2 });
  });
});

describe('ethtool 6.1 with igb', () => {
  it('-g: the netlink layout (captured), with igb numbers', () => {
    expect(sh().exec('ethtool -g eth0')).toEqual({
      stdout:
        'Ring parameters for eth0:\nPre-set maximums:\nRX:\t\t4096\nRX Mini:\tn/a\nRX Jumbo:\tn/a\nTX:\t\t4096\n' +
        'Current hardware settings:\nRX:\t\t256\nRX Mini:\tn/a\nRX Jumbo:\tn/a\nTX:\t\t256\n' +
        'RX Buf Len:\t\tn/a\nCQE Size:\t\tn/a\nTX Push:\toff\nTCP data split:\tn/a\n',
      stderr: '',
      code: 0,
    });
  });

  it('-G refusals with the extack offset and exit status 81 (captured)', () => {
    const s = sh();
    expect(s.exec('ethtool -G eth0 rx 100000')).toEqual({ stdout: '', stderr: 'netlink error: requested ring size exceeds maximum (offset 36)\nnetlink error: Invalid argument\n', code: 81 });
    expect(s.exec('ethtool -G eth0 rx 512 tx 100000').stderr).toContain('(offset 44)');
    expect(s.exec('ethtool -G eth0 rx')).toEqual({ stdout: '', stderr: "ethtool (-G): no value for parameter 'rx'\n", code: 1 });
    expect(s.exec('ethtool -G eth0 rx abc').stderr).toBe("ethtool (-G): invalid value 'abc' for parameter 'rx'\n");
    expect(s.exec('ethtool -G eth0 rx -5').stderr).toBe("ethtool (-G): invalid value '-5' for parameter 'rx'\n");
    expect(s.exec('ethtool -G eth0 foo 10').stderr).toBe("ethtool (-G): unknown parameter 'foo'\n");
    expect(s.exec('ethtool -G eth0 rx 1000')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(s.exec('ethtool -g eth0 | tail -n 8 | head -n 1').stdout).toBe('RX:\t\t1000\n');
  });

  it('unknown devices and bad command lines, per mode (captured)', () => {
    const s = sh();
    const nl = 'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n';
    expect(s.exec('ethtool -g nosuch')).toEqual({ stdout: '', stderr: nl, code: 1 });
    expect(s.exec('ethtool -G nosuch rx 100')).toEqual({ stdout: '', stderr: nl, code: 81 });
    expect(s.exec('ethtool -K nosuch gro off')).toEqual({ stdout: '', stderr: nl, code: 92 });
    expect(s.exec('ethtool -S nosuch')).toEqual({ stdout: '', stderr: 'Cannot get stats strings information: No such device\n', code: 96 });
    expect(s.exec('ethtool -i nosuch')).toEqual({ stdout: '', stderr: 'Cannot get driver information: No such device\n', code: 71 });
    expect(s.exec('ethtool -x nosuch')).toEqual({ stdout: '', stderr: 'Cannot get RX ring count: No such device\n', code: 1 });
    const bad = { stdout: '', stderr: 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n', code: 1 };
    expect(s.exec('ethtool')).toEqual(bad);
    expect(s.exec('ethtool -Q')).toEqual(bad);
    expect(s.exec('ethtool -g')).toEqual(bad);
    expect(s.exec('ethtool -X eth0 equal 0')).toEqual(bad);
    expect(s.exec('ethtool -g eth0 extra')).toEqual({ stdout: '', stderr: "ethtool: unexpected parameter 'extra'\n", code: 1 });
    expect(s.exec('ethtool -S eth0 extra').stderr).toBe("ethtool (-S): unknown parameter 'extra'\n");
  });

  it('-c: the netlink layout (captured), n/a where igb has no support', () => {
    const out = sh().exec('ethtool -c eth0').stdout;
    expect(out.split('\n').slice(0, 8)).toEqual(['Coalesce parameters for eth0:', 'Adaptive RX: n/a  TX: n/a', 'stats-block-usecs: n/a', 'sample-interval: n/a', 'pkt-rate-low: n/a', 'pkt-rate-high: n/a', '', 'rx-usecs: 3']);
    expect(out.endsWith('\nCQE mode RX: n/a  TX: n/a\n\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(30);
  });

  it('-C: unsupported parameters and igb\'s refusals', () => {
    const s = sh();
    expect(s.exec('ethtool -C eth0 rx-frames-irq 5')).toEqual({ stdout: '', stderr: 'netlink error: cannot modify an unsupported parameter (offset 36)\nnetlink error: Invalid argument\n', code: 1 });
    expect(s.exec('ethtool -C eth0 rx-usecs 5')).toEqual({ stdout: '', stderr: 'netlink error: Invalid argument\n', code: 1 });
    expect(s.exec('ethtool -C eth0 rx-usecs 50')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(s.exec('ethtool -c eth0 | grep ^rx-usecs:').stdout).toBe('rx-usecs: 50\n');
  });

  it('-l/-L: channels (captured layout and refusal)', () => {
    const s = sh();
    expect(s.exec('ethtool -l eth0').stdout).toBe(
      'Channel parameters for eth0:\nPre-set maximums:\nRX:\t\tn/a\nTX:\t\tn/a\nOther:\t\t1\nCombined:\t4\nCurrent hardware settings:\nRX:\t\tn/a\nTX:\t\tn/a\nOther:\t\t1\nCombined:\t4\n',
    );
    expect(s.exec('ethtool -L eth0 combined 64')).toEqual({ stdout: '', stderr: 'netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n', code: 1 });
    expect(s.exec('ethtool -L eth0 rx 1').stderr).toBe('netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n');
    expect(s.exec('ethtool -L eth0 combined 2').code).toBe(0);
    expect(s.exec('ethtool -l eth0 | tail -n 1').stdout).toBe('Combined:\t2\n');
  });

  it('-x/-X: igb\'s 128-entry table, no key via ethtool', () => {
    const s = sh();
    const x = s.exec('ethtool -x eth0').stdout.split('\n');
    expect(x[0]).toBe('RX flow hash indirection table for eth0 with 4 RX ring(s):');
    expect(x[1]).toBe('    0:      0     0     0     0     0     0     0     0');
    expect(x[16]).toBe('  120:      3     3     3     3     3     3     3     3');
    expect(x.slice(17)).toEqual(['RSS hash key:', 'Operation not supported', 'RSS hash function:', '    toeplitz: on', '    xor: off', '    crc32: off', '']);
    expect(s.exec('ethtool -X eth0 equal 2').code).toBe(0);
    expect(s.exec('ethtool -x eth0 | head -n 2 | tail -n 1').stdout).toBe('    0:      0     1     0     1     0     1     0     1\n');
    expect(s.exec('ethtool -X eth0 equal 8')).toEqual({ stdout: '', stderr: 'Cannot set RX flow hash configuration: Invalid argument\n', code: 1 });
    expect(s.exec('ethtool -X eth0 hkey 00:11 ').stderr).toBe('Cannot set RX flow hash configuration: Operation not supported\n');
    expect(s.exec('ethtool -X eth0 default').code).toBe(0);
  });

  it('-i, -k/-K, -n/-N', () => {
    const s = sh();
    expect(s.exec('ethtool -i eth0').stdout).toMatch(/^driver: igb\nversion: 6\.18\.0-packetpath\nfirmware-version: .*\nexpansion-rom-version: \nbus-info: 0000:03:00\.0\nsupports-statistics: yes\n/);
    expect(s.exec('ethtool -k eth0 | grep -E "^(generic-receive|receive-hashing|large-receive)"').stdout).toBe('generic-receive-offload: on\nlarge-receive-offload: off [fixed]\nreceive-hashing: on\n');
    expect(s.exec('ethtool -K eth0 gro off').code).toBe(0);
    expect(s.host.dev.features.gro).toBe(false);
    expect(s.exec('ethtool -K eth0 foo off')).toEqual({ stdout: '', stderr: 'netlink error: bit name not found (offset 56)\nnetlink error: Operation not supported\n', code: 92 });
    expect(s.exec('ethtool -K eth0')).toEqual({ stdout: 'Could not change any device features\n', stderr: '', code: 1 });
    expect(s.exec('ethtool -K eth0 gro maybe').stderr).toBe("ethtool (-K): flag 'maybe' for parameter '(null)' is not followed by 'on' or 'off'\n");
    expect(s.exec('ethtool -n eth0 rx-flow-hash tcp4').stdout).toBe(
      'TCP over IPV4 flows use these fields for computing Hash flow key:\nIP SA\nIP DA\nL4 bytes 0 & 1 [TCP/UDP src port]\nL4 bytes 2 & 3 [TCP/UDP dst port]\n\n',
    );
    expect(s.exec('ethtool -N eth0 rx-flow-hash udp4 sdfn').code).toBe(0);
    expect(s.exec('ethtool -n eth0 rx-flow-hash udp4').stdout.split('\n')).toHaveLength(7);
    // ethtool 6.1 prints the refusal and exits 0 (measured).
    expect(s.exec('ethtool -N eth0 rx-flow-hash tcp4 sd')).toEqual({ stdout: '', stderr: 'Cannot change RX network flow hashing options: Invalid argument\n', code: 0 });
    expect(s.exec('ethtool -N eth0 rx-flow-hash udp4 sdq').code).toBe(1);
  });

  it('-S: "NIC statistics:" and a 5-space indent, in igb\'s order', () => {
    const lines = sh().exec('ethtool -S eth0').stdout.split('\n');
    expect(lines[0]).toBe('NIC statistics:');
    expect(lines[1]).toBe('     rx_packets: 0');
    expect(lines.filter((l) => /^ {5}rx_queue_\d_drops: \d+$/.test(l))).toHaveLength(4);
  });
});

describe('procfs', () => {
  it('/proc/net/softnet_stat: 15 columns of %08x, one row per CPU, the CPU index in column 13', () => {
    const rows = sh().exec('cat /proc/net/softnet_stat').stdout.split('\n').slice(0, -1);
    expect(rows).toHaveLength(4);
    rows.forEach((r, i) => {
      expect(r).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){14}$/);
      expect(r.split(' ')[12]).toBe(i.toString(16).padStart(8, '0'));
    });
  });

  it('/proc/softirqs and /proc/interrupts headers and rows (as on 6.18)', () => {
    const s = sh();
    const soft = s.exec('cat /proc/softirqs').stdout.split('\n');
    expect(soft[0]).toBe(' '.repeat(20) + 'CPU0       CPU1       CPU2       CPU3       ');
    expect(soft[4]).toMatch(/^ {6}NET_RX: {10}0 {10}0 {10}0 {10}0$/);
    expect(soft).toHaveLength(12);
    const irq = s.exec('cat /proc/interrupts').stdout.split('\n');
    expect(irq[0]).toBe(' '.repeat(12) + 'CPU0       CPU1       CPU2       CPU3       ');
    expect(irq[2]).toMatch(/^ 129: {10}\d {10}\d {10}\d {10}\d IR-PCI-MSIX-0000:03:00\.0 {4}1-edge {6}eth0-TxRx-0$/);
    expect(irq).toContain(' NMI:          0          0          0          0   Non-maskable interrupts');
    expect(irq).toContain(' ERR:          0');
  });

  it('/proc/net/dev header and the lo line (captured)', () => {
    const out = sh().exec('cat /proc/net/dev').stdout.split('\n');
    expect(out.slice(0, 3)).toEqual([
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
    ]);
  });

  it('/proc/net/snmp pairs and /proc/net/udp lines padded to 127 (captured header)', () => {
    const s = sh();
    expect(s.exec('head -n 1 /proc/net/snmp').stdout).toBe(
      'Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates OutTransmits\n',
    );
    const udp = s.exec('cat /proc/net/udp').stdout.split('\n');
    expect(udp[0]).toBe('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops'.padEnd(127));
    expect(udp[1]).toMatch(/^ +\d+: 00000000:2328 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 \d+ 2 0{16} 0 +$/);
    expect(udp[1]).toHaveLength(127);
  });

  it('/proc/net/sockstat: the lines of 6.18, UDP memory in pages as ss -m counts it (r + f)', () => {
    const s = sh();
    s.exec('reset slow-reader');
    s.exec('run slow-reader --duration 20ms');
    const lines = s.exec('cat /proc/net/sockstat').stdout.split('\n');
    expect(lines.map((l) => l.replace(/\d+/g, 'N'))).toEqual([
      'sockets: used N',
      'TCP: inuse N orphan N tw N alloc N mem N',
      'UDP: inuse N mem N',
      'UDPLITE: inuse N',
      'RAW: inuse N',
      'FRAG: inuse N memory N',
      '',
    ]);
    const [, r, f] = s.exec('ss -uamn').stdout.match(/skmem:\(r(\d+),rb\d+,t\d+,tb\d+,f(\d+),/)!;
    expect(Number(r)).toBeGreaterThan(0);
    expect(lines[2]).toBe(`UDP: inuse 1 mem ${(Number(r) + Number(f)) / 4096}`);
  });
});

describe('iproute2 6.1', () => {
  it('ip -s -s link show lo: the captured text, byte for byte', () => {
    expect(sh().exec('ip -s -s link show lo').stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    RX:  bytes packets errors dropped  missed   mcast           \n' +
        '             0       0      0       0       0       0 \n' +
        '    RX errors:  length    crc   frame    fifo overrun\n' +
        '                     0      0       0       0       0 \n' +
        '    TX:  bytes packets errors dropped carrier collsns           \n' +
        '             0       0      0       0       0       0 \n' +
        '    TX errors: aborted   fifo  window heartbt transns\n' +
        '                     0      0       0       0       0 \n',
    );
  });

  it('ip -s link widens the columns for large values, RX and TX alike', () => {
    const s = sh();
    s.exec('run steady --duration 60ms');
    const lines = s.exec('ip -s link show eth0').stdout.split('\n');
    const rx = s.host.stats().nic.netdev;
    expect(lines[3]).toBe(`    ${String(rx.rx_bytes).padStart(10)} ${String(rx.rx_packets).padStart(7)}      0       0       0       0 `);
    expect(s.exec('ip link show nosuch')).toEqual({ stdout: '', stderr: 'Device "nosuch" does not exist.\n', code: 1 });
    expect(s.exec('ip foo')).toEqual({ stdout: '', stderr: 'Object "foo" is unknown, try "ip help".\n', code: 1 });
    expect(s.exec('ip link foo')).toEqual({ stdout: '', stderr: 'Command "foo" is unknown, try "ip link help".\n', code: 255 });
  });

  it('tc -s qdisc show dev lo (captured)', () => {
    expect(sh().exec('tc -s qdisc show dev lo').stdout).toBe('qdisc noqueue 0: root refcnt 2 \n Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n');
    expect(sh().exec('tc -s qdisc show dev nosuch')).toEqual({ stdout: '', stderr: 'Cannot find device "nosuch"\n', code: 1 });
  });

  it('ss lays out columns as ss.c render() does: the captured `ss -u -a -m` from its own fields', () => {
    const col = (header: string, ldelim: string, align: 'left' | 'right') => ({ header, ldelim, align, disabled: false });
    const columns = [
      { ...col('Netid', '', 'left'), disabled: true }, col('State', ' ', 'left'), col('Recv-Q', ' ', 'left'), col('Send-Q', ' ', 'left'),
      col('Local Address:', ' ', 'right'), col('Port', '', 'left'), col('Peer Address:', ' ', 'right'), col('Port', '', 'left'), col('Process', '', 'left'), col('', '', 'left'),
    ];
    const rows = [
      ['State', 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process', ''],
      ['UNCONN', '7488  ', '0     ', '127.0.0.1:', '9000', '0.0.0.0:', '*', '\n\t skmem:(r7488,rb8192,t0,tb212992,f704,w0,o0,bl0,d41)', ''],
      ['UNCONN', '0     ', '0     ', '0.0.0.0:', '60916', '0.0.0.0:', '*', '\n\t skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)', ''],
    ];
    expect(renderColumns(columns, rows)).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                                               \n' +
        'UNCONN 7488   0          127.0.0.1:9000       0.0.0.0:*   \n\t skmem:(r7488,rb8192,t0,tb212992,f704,w0,o0,bl0,d41)\n' +
        'UNCONN 0      0            0.0.0.0:60916      0.0.0.0:*   \n\t skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)    \n',
    );
  });

  it('ss -uamn on the host; usage errors', () => {
    const s = sh();
    const out = s.exec('ss -uamn').stdout.split('\n');
    expect(out[0]).toMatch(/^State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess +$/);
    expect(out[1]).toBe('UNCONN 0      0            0.0.0.0:9000      0.0.0.0:*   ');
    expect(out[2]).toBe('\t skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)');
    expect(s.exec('ss -u').stdout).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
    const bad = s.exec('ss --foo');
    expect(bad.code).toBe(255);
    expect(bad.stderr.split('\n').slice(0, 2)).toEqual(["ss: unrecognized option '--foo'", 'Usage: ss [ OPTIONS ]']);
  });

  it('nstat -az: #kernel, then %-32s%-16s%6.1f (captured), without the configuration values', () => {
    const out = sh().exec('nstat -az').stdout.split('\n');
    expect(out.slice(0, 4)).toEqual([
      '#kernel',
      'IpInReceives                    0                  0.0',
      'IpInHdrErrors                   0                  0.0',
      'IpInAddrErrors                  0                  0.0',
    ]);
    expect(out.some((l) => /^(IpForwarding|TcpMaxConn|TcpCurrEstab) /.test(l))).toBe(false);
    expect(sh().exec('nstat -az "TcpExtTCPBacklog*" "UdpRcv*"').stdout).toBe(
      '#kernel\nUdpRcvbufErrors                 0                  0.0\nTcpExtTCPBacklogCoalesce        0                  0.0\nTcpExtTCPBacklogDrop            0                  0.0\n',
    );
  });
});

describe('the shell around the tools', () => {
  it('help, man, clear, watch', () => {
    const s = sh();
    expect(s.exec('help').stdout).toContain('ethtool');
    expect(s.exec('man ethtool').stdout).toMatch(/^ETHTOOL\(8\)/);
    expect(s.exec('man nosuch')).toEqual({ stdout: '', stderr: 'No manual entry for nosuch\n', code: 16 });
    // Names an object has from its prototype are neither commands nor pages.
    expect(s.exec('man constructor')).toEqual({ stdout: '', stderr: 'No manual entry for constructor\n', code: 16 });
    expect(s.exec('toString')).toEqual({ stdout: '', stderr: 'bash: toString: command not found\n', code: 127 });
    expect(s.exec('clear').stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    const w = s.exec('watch -n 1 cat /proc/net/softnet_stat').stdout.split('\n');
    expect(w[0]).toMatch(/^Every 1\.0s: cat \/proc\/net\/softnet_stat +packetpath: t=0\.000000s$/);
    expect(w[1]).toBe('');
    expect(w[2]).toMatch(/^[0-9a-f]{8} /);
  });

  it('help lists the commands that have a page, in its own order; true and false have none', () => {
    const s = sh();
    const listed = [...s.exec('help').stdout.matchAll(/^ {2}(\S+) +\S/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'ethtool', 'sysctl', 'ss', 'nstat', 'netstat', 'ip', 'tc', 'mpstat', 'cat', 'echo', 'grep', 'head', 'tail',
      'wc', 'ls', 'watch', 'dropwatch', 'dmesg', 'run', 'reset', 'uname', 'nproc', 'clear', 'help', 'man',
    ]);
    expect(s.exec('man true')).toEqual({ stdout: '', stderr: 'No manual entry for true\n', code: 16 });
    expect(s.exec('man false')).toEqual({ stdout: '', stderr: 'No manual entry for false\n', code: 16 });
    expect(s.exec('man nproc')).toEqual({ stdout: 'NPROC(8)\n\nNAME\n       nproc - number of CPUs\n\nSYNOPSIS\n       nproc\n', stderr: '', code: 0 });
  });
});
