/** run [SCENARIO] [--duration D]: put a scenario's traffic through the host. */
import type { RunResult } from '../../sim/index.ts';
import { getopt, has, value } from '../argv.ts';
import { completeScenario, findKnownScenario, knownScenarios, scenarioList, scenarioNames } from '../scenarios.ts';
import type { Command } from '../types.ts';

/** "10ms", "2.5 s", "500us", "100000ns"; a bare number is milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?$/.exec(text.trim());
  if (!m) return null;
  const scale = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 }[m[2] ?? 'ms']!;
  const ns = Number(m[1]) * scale;
  return ns > 0 && ns <= 10e9 ? Math.round(ns) : null;
}

const us = (ns: number) => (ns / 1000).toFixed(1) + ' µs';

export function summarize(r: RunResult, title: string): string {
  const ms = (r.endNs - r.startNs) / 1e6;
  const lost = r.drops.reduce((s, d) => s + d.count, 0);
  let out = `${title}\n`;
  out += `  ran ${ms} ms of traffic (t = ${(r.startNs / 1e9).toFixed(6)} s → ${(r.endNs / 1e9).toFixed(6)} s)\n`;
  out += `  sent       ${r.sent} frames\n`;
  out += `  delivered  ${r.delivered} read by the application\n`;
  out += `  dropped    ${lost}\n`;
  for (const d of r.drops) {
    const place = d.reason === null ? `${d.where} (in the NIC)` : `${d.reason} in ${d.where}`;
    out += `    ${String(d.count).padStart(9)}  ${place}\n`;
  }
  if (r.latency.count > 0) out += `  latency    p50 ${us(r.latency.p50Ns)}   p99 ${us(r.latency.p99Ns)}   max ${us(r.latency.maxNs)}\n`;
  else out += '  latency    (nothing was read)\n';
  if (r.warnings.length) out += `  ${r.warnings.length} new kernel message${r.warnings.length > 1 ? 's' : ''}: see dmesg\n`;
  return out;
}

export const run: Command = {
  name: 'run',
  page: {
    summary: 'push a scenario\'s traffic through the host',
    body: `SYNOPSIS
       run [SCENARIO] [--duration 10ms]
       run --list
DESCRIPTION
       Simulates the scenario's workload on this host, with the settings you made, and prints what
       was sent, delivered and dropped (by reason and place) and the latency. Counters accumulate
       across runs, as a kernel's do. Without SCENARIO, the first of run --list: in a lab's
       terminal the lab's own scenarios come first.
`,
  },
  run(ctx) {
    const p = getopt('run', ctx.argv.slice(1), [{ short: 'd', long: 'duration', arg: true }, { short: 'l', long: 'list' }, { short: 'h', long: 'help' }]);
    const state = ctx.state;
    const usage = `usage: run [SCENARIO] [--duration 10ms]\n${scenarioList(state)}`;
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${usage}`, code: 2 };
    if (has(p, 'list') || has(p, 'help')) return { stdout: usage, stderr: '', code: 0 };
    if (p.operands.length > 1) return { stdout: '', stderr: `run: one scenario at a time\n${usage}`, code: 2 };
    // Without a name, the first scenario (a lab's first, or steady), and a word on the others.
    const name = p.operands[0] ?? knownScenarios(state)[0]!.name;
    const scenario = findKnownScenario(state, name);
    if (!scenario) return { stdout: '', stderr: `run: no scenario named '${name}'\n${usage}`, code: 2 };
    let durationNs = scenario.durationNs;
    const d = value(p, 'duration');
    if (d !== undefined) {
      const parsed = parseDuration(d);
      if (parsed === null) return { stdout: '', stderr: `run: invalid duration '${d}' (try 10ms, 500us, 1s; at most 10s)\n`, code: 2 };
      durationNs = parsed;
    }
    if (!state.traffic) return { stdout: '', stderr: '', code: 0 };
    let note = '';
    if (scenario.host && state.bootedFor !== scenario.name) {
      note = `run: note: '${scenario.name}' assumes host settings this host was not booted with; 'reset ${scenario.name}' boots one that has them\n`;
    }
    const before = state.host.stats();
    const r = state.host.run(scenario.workload, { durationNs });
    state.lastRun = { before, after: r.stats };
    const others = p.operands.length === 0 ? `other scenarios: ${scenarioNames(state, name)}\n` : '';
    return { stdout: summarize(r, `${scenario.name}: ${scenario.description}`) + others, stderr: note, code: 0 };
  },
  complete: completeScenario,
};
