/**
 * A lab's terminal, as the lab defines it: the host it boots (the host to tune, or a code lab's
 * first scenario's host) and, in a code lab, the lab's scenarios under their names for `run`, and
 * the learner's function (from their last Run) in place of the kernel's.
 */
import { createHost, type HostConfig, type Scenario } from '../sim/index.ts';
import { createShell, type Shell } from '../shell/index.ts';
import { isTuningLab, type CodeLab, type LabDefinition, type LabScenario, type PlainHostConfig } from './define.ts';
import { learnerHooks, probeInto } from './learner-hooks.ts';

/** A host configuration as data: its hooks are code, and a terminal's host gets its own. */
function plain(config: HostConfig = {}): PlainHostConfig {
  const { hooks: _hooks, ...rest } = config;
  return rest;
}

/** The host a lab's terminal boots (and `reset` boots again). */
export function terminalHost(lab: LabDefinition): PlainHostConfig {
  return isTuningLab(lab) ? lab.host : plain(lab.scenarios[0]?.host);
}

const rate = (pps: number) => (pps >= 1e6 ? `${pps / 1e6} Mpps` : `${pps / 1e3} kpps`);

/** What a scenario without a description of its own sends, and for how long. */
function describe(s: LabScenario): string {
  const flows = s.workload.flows.length;
  return `${s.workload.name}: ${rate(s.workload.pps)} in ${flows} flow${flows === 1 ? '' : 's'} for ${s.durationNs / 1e6} ms`;
}

/**
 * A code lab's scenarios as `run` offers them. One on the terminal's own host carries no host
 * settings (`run` would suggest a reset otherwise); the hooks of a scenario's host stay out, since
 * a terminal's host has the learner's.
 */
export function terminalScenarios(lab: CodeLab): Scenario[] {
  const own = JSON.stringify(terminalHost(lab));
  return lab.scenarios.map((s) => {
    const scenario: Scenario = { name: s.name, description: s.description ?? describe(s), workload: s.workload, durationNs: s.durationNs };
    const host = plain(s.host);
    return JSON.stringify(host) === own ? scenario : { ...scenario, host };
  });
}

/**
 * The shell of a code lab's terminal: `config` booted with the learner's function (`code`, their
 * file; null: the kernel's function), and the lab's scenarios. Throws a LearnerCodeError when the
 * code does not load.
 */
export function codeLabShell(lab: CodeLab, config: PlainHostConfig, code: string | null): Shell {
  // The terminal reads counters; what the lab's probes record matters to checks only.
  const hooks = code === null ? {} : learnerHooks(lab, code, probeInto({}));
  return createShell(createHost({ ...config, hooks }), { scenarios: terminalScenarios(lab) });
}
