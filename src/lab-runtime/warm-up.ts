/**
 * What a worker does while it waits for the learner: run the start of some scenarios on throwaway
 * hosts (and, for a code lab, transpile a few lines), so that V8 has compiled the simulator and
 * the transpiler by the time Run or `run` needs them. Each grade and each terminal boots hosts of
 * its own, so a warm-up changes no result, only how soon it comes.
 */
import { createHost, SCENARIOS, type HostConfig, type Workload } from '../sim/index.ts';
import { isTuningLab, type LabDefinition } from './define.ts';
import { transpile } from './learner-module.ts';

/** How many frames of each scenario a warm-up sends: enough for V8 to compile the simulator's per-packet path. */
const WARM_UP_FRAMES = 5000;

/** A little of what a learner's file has (an import, types, a loop), for the transpiler. */
const WARM_UP_SOURCE = `import { napi_complete_done, type NapiStruct } from 'packet-path/sim';
interface Budget { left: number }
export function warm(napi: NapiStruct | null, budget: Budget): number {
  let work_done = 0;
  while (work_done < budget.left) work_done++;
  return napi && napi_complete_done(napi, work_done) ? work_done : 0;
}
`;

function warmUpScenarios(scenarios: readonly { host?: HostConfig; workload: Workload; durationNs: number }[]): void {
  for (const s of scenarios) createHost(s.host).run(s.workload, { durationNs: Math.min(s.durationNs, (WARM_UP_FRAMES / s.workload.pps) * 1e9) });
}

/** Before a lab's grading: its own scenarios, with the reference code. */
export function warmUpLab(lab: LabDefinition): void {
  if (isTuningLab(lab)) return warmUpScenarios(lab.scenarios.map((s) => ({ ...s, host: lab.host })));
  transpile(WARM_UP_SOURCE);
  warmUpScenarios(lab.scenarios);
}

/** Before a terminal's first `run`: the scenario `run` starts with. */
export function warmUpTerminal(): void {
  warmUpScenarios(SCENARIOS.slice(0, 1));
}
