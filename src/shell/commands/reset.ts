/** reset [SCENARIO]: boot a fresh host, with the scenario's host settings if one is named. */
import { createHost, type HostConfig } from '../../sim/index.ts';
import { completeScenario, findKnownScenario, scenarioList } from '../scenarios.ts';
import type { Command, ShellState } from '../types.ts';

function describe(state: ShellState): string {
  const h = state.host;
  return `${h.nrCpus} CPUs, ${h.dev.name} (igb) with ${h.adapter.num_rx_queues} queues of ${h.adapter.rx_ring_count} descriptors, ${h.sockets.length} socket${h.sockets.length === 1 ? '' : 's'}`;
}

export function mergeConfig(base: HostConfig, extra: HostConfig | undefined): HostConfig {
  if (!extra) return base;
  return {
    ...base,
    ...extra,
    nic: { ...base.nic, ...extra.nic },
    sysctl: { ...base.sysctl, ...extra.sysctl },
    sysfs: { ...base.sysfs, ...extra.sysfs },
    sockets: extra.sockets ?? base.sockets,
  };
}

export const reset: Command = {
  name: 'reset',
  page: { summary: 'boot a fresh host (optionally set up for a scenario)', body: 'SYNOPSIS\n       reset [SCENARIO]\n' },
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length > 1) return { stdout: '', stderr: 'usage: reset [SCENARIO]\n', code: 2 };
    const state = ctx.state;
    let config = state.config;
    let bootedFor: string | null = null;
    if (args[0] !== undefined) {
      const scenario = findKnownScenario(state, args[0]);
      if (!scenario) return { stdout: '', stderr: `reset: no scenario named '${args[0]}'\n${scenarioList(state)}`, code: 2 };
      config = mergeConfig(config, scenario.host);
      bootedFor = scenario.name;
    }
    state.host = createHost(config);
    state.bootedFor = bootedFor;
    state.nstatHistory = null;
    state.dropwatchSeen = null;
    state.lastRun = null;
    return { stdout: `a fresh host: ${describe(state)}\n`, stderr: '', code: 0 };
  },
  complete: completeScenario,
};
