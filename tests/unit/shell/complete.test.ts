import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { COMMANDS } from '../../../src/shell/commands/index.ts';
import { createShell } from '../../../src/shell/index.ts';

describe('tab completion', () => {
  const sh = createShell(createHost());
  it('completes sysctl names, commands, paths, scenarios', () => {
    expect(sh.complete('sysctl net.core.netdev_b')).toEqual({ start: 7, end: 24, candidates: ['net.core.netdev_budget', 'net.core.netdev_budget_usecs'] });
    expect(sh.complete('eth').candidates).toEqual(['ethtool']);
    expect(sh.complete('cat /proc/net/so').candidates).toEqual(['/proc/net/sockstat', '/proc/net/softnet_stat']);
    expect(sh.complete('cat /proc/net/sof').candidates).toEqual(['/proc/net/softnet_stat']);
    expect(sh.complete('cat /sys/class/net/eth0/q').candidates).toEqual(['/sys/class/net/eth0/queues/']);
    expect(sh.complete('echo 2 > /proc/irq/129/smp').candidates).toEqual(['/proc/irq/129/smp_affinity', '/proc/irq/129/smp_affinity_list']);
    expect(sh.complete('run ring').candidates).toEqual(['ring-overflow']);
    expect(sh.complete('ethtool -S e').candidates).toEqual(['eth0']);
    expect(sh.complete('cat /proc/net/softnet_stat | gr').candidates).toEqual(['grep']);
    expect(sh.complete('sysctl net.core.netdev_b xyz', 24).candidates).toHaveLength(2);
  });

  // What Tab offers after each command that completes its arguments, and after one that does not.
  const cases: [string, string[]][] = [
    ['sysctl net/core/netdev_b', ['net.core.netdev_budget', 'net.core.netdev_budget_usecs']],
    ['sysctl -n net.core.netdev_budget_', ['net.core.netdev_budget_usecs']],
    ['sysctl net.core.netdev_budget=', []],
    ['ethtool ', ['eth0']],
    ['ethtool -', ['-C', '-G', '-K', '-L', '-N', '-S', '-X', '-c', '-g', '-i', '-k', '-l', '-n', '-x']],
    ['ethtool -s', []],
    ['ethtool -S eth0 ', []],
    ['ip link show dev ', ['eth0', 'lo']],
    ['ip -s link show dev e', ['eth0']],
    ['ip link ', []],
    ['tc qdisc show dev ', ['eth0', 'lo']],
    ['mpstat -P A', ['ALL']],
    ['mpstat ', []],
    ['man n', ['netstat', 'nproc', 'nstat']],
    ['man tr', []],
    ['reset s', ['slow-reader', 'steady']],
    ['run --duration 2ms b', ['bursts']],
    ['watch -n 1 ns', ['nstat']],
    ['watch -n 1 -d t', ['tail', 'tc', 'true']],
    ['watch nstat ', []],
    ['watch -n 1 sysctl net.core.netdev_b', ['net.core.netdev_budget', 'net.core.netdev_budget_usecs']],
    ['echo 1 > proc/sys/net/core/netdev_b', ['/proc/sys/net/core/netdev_budget', '/proc/sys/net/core/netdev_budget_usecs']],
    ['cat < /proc/net/softnet', ['/proc/net/softnet_stat']],
    ['grep ', []],
    ['nosuch ', []],
    ['t', ['tail', 'tc', 'true']],
  ];
  it.each(cases)('%j', (line, candidates) => {
    expect(sh.complete(line).candidates).toEqual(candidates);
  });

  it('has a case above for every command that completes its arguments', () => {
    const covered = new Set(cases.map(([line]) => line.split(' ')[0]));
    expect(COMMANDS.filter((c) => c.complete && !covered.has(c.name)).map((c) => c.name)).toEqual([]);
  });
});

describe('the commands registered (src/shell/commands/index.ts)', () => {
  it('have one name each: a second command of a name would hide the first', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

// src/shell runs in a browser Worker too: only the simulator's public door, no Node API, no DOM.
describe('src/shell purity', () => {
  const root = join(import.meta.dirname, '../../../src/shell');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only shell modules and src/sim/index.ts', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\/[\w/.-]+\.ts$/);
      if (spec.includes('sim/')) expect(spec, `${file} reaches into the simulator`).toMatch(/\/sim\/index\.ts$/);
    }
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(process\.|require\(|document\.|window\.|globalThis\.)/);
  });
});
