/**
 * Grade one submission against one lab, and return one structured result. A code lab's file is
 * transpiled and evaluated, and every scenario runs with the learner's function as the lab's hook;
 * a tuning lab's commands are replayed on its host before each scenario's traffic. The
 * browser's Worker and the command line both call this, so a file gets the same grade in both.
 */
import { createHost, type Host, type Hooks, type RunResult, type Workload } from '../sim/index.ts';
import { createShell } from '../shell/index.ts';
import { isTuningLab, type Check, type CodeLab, type LabDefinition, type LabRun, type TuningLab, type TuningRun } from './define.ts';
import { learnerHooks, probeInto } from './learner-hooks.ts';
import { learnerError, LearnerCodeError, whereInFile, type LearnerError } from './learner-module.ts';

export interface CheckResult {
  id: string;
  demands: string;
  weight: number;
  pass: boolean;
  /** Why it failed, in the chapter's terms; absent when it passed. */
  message?: string;
}

/** One scenario's run, as the page receives it: its trace cut to the last events (for diagrams). */
export type ScenarioResult = Omit<RunResult, 'workload' | 'startNs' | 'endNs'> & { scenario: string };

export interface LabResult {
  lab: string;
  status: 'passed' | 'failed' | 'error' | 'timeout';
  score: number;
  maxScore: number;
  checks: CheckResult[];
  error?: LearnerError;
  runs: ScenarioResult[];
  timing: { transpileMs: number; simulateMs: number; checkMs: number };
}

const TRACE_KEPT = 2000;

/** What a result needs to know of a lab: its id and its checks (the page has this without the checks' code). */
export interface LabOutline {
  id: string;
  checks: { id: string; demands: string; weight?: number }[];
}

/** The checks, all failed with one message: what a file that does not run gets. */
function failedChecks(lab: LabOutline, message: string): CheckResult[] {
  return lab.checks.map((c) => ({ id: c.id, demands: c.demands, weight: c.weight ?? 1, pass: false, message }));
}

function maxScore(lab: LabOutline): number {
  return lab.checks.reduce((s, c) => s + (c.weight ?? 1), 0);
}

export function errorResult(lab: LabOutline, error: LearnerError, timing: LabResult['timing'] = { transpileMs: 0, simulateMs: 0, checkMs: 0 }): LabResult {
  return {
    lab: lab.id,
    status: error.kind === 'timeout' ? 'timeout' : 'error',
    score: 0,
    maxScore: maxScore(lab),
    checks: failedChecks(lab, `Not run: ${error.message}${whereInFile(error)}`),
    error,
    runs: [],
    timing,
  };
}

/** Grade a submission: a code lab's TypeScript file, or a tuning lab's commands (one per line). */
export function runLab(lab: LabDefinition, submission: string): LabResult {
  return isTuningLab(lab) ? runTuningLab(lab, submission) : runCodeLab(lab, submission);
}

function runCodeLab(lab: CodeLab, source: string): LabResult {
  const t0 = performance.now();
  const probes: Record<string, number> = {};
  let hooks: Partial<Hooks>;
  try {
    hooks = learnerHooks(lab, source, probeInto(probes));
  } catch (e) {
    if (e instanceof LearnerCodeError) return errorResult(lab, e.detail, { transpileMs: performance.now() - t0, simulateMs: 0, checkMs: 0 });
    throw e;
  }
  const t1 = performance.now();
  const run: LabRun = { runs: {}, probes };
  let scenarios: ScenarioResult[];
  try {
    scenarios = lab.scenarios.map((s) => runScenario(run, s.name, createHost({ ...s.host, hooks: { ...s.host?.hooks, ...hooks } }), s.workload, s.durationNs));
  } catch (e) {
    return errorResult(lab, learnerError(e), { transpileMs: t1 - t0, simulateMs: performance.now() - t1, checkMs: 0 });
  }
  return grade(lab, run, scenarios, { transpileMs: t1 - t0, simulateMs: performance.now() - t1 });
}

/** The host as the learner left it: their commands replayed on the lab's host, without their traffic. */
export function tunedHost(lab: TuningLab, commands: string[]): Host {
  const shell = createShell(createHost(lab.host), { traffic: false });
  for (const line of commands) shell.exec(line);
  return shell.host;
}

function runTuningLab(lab: TuningLab, submission: string): LabResult {
  const t0 = performance.now();
  const commands = submission.split('\n').filter((l) => l.trim() !== '');
  const run: TuningRun = { runs: {}, probes: {}, commands, host: tunedHost(lab, commands) };
  // Each scenario gets a host of its own, tuned the same way, so one scenario's traffic never leaves queues full for the next.
  const scenarios = lab.scenarios.map((s) => runScenario(run, s.name, tunedHost(lab, commands), s.workload, s.durationNs));
  return grade(lab, run, scenarios, { transpileMs: 0, simulateMs: performance.now() - t0 });
}

function runScenario(run: LabRun, name: string, host: Host, workload: Workload, durationNs: number): ScenarioResult {
  const r = host.run(workload, { durationNs });
  run.runs[name] = r;
  // Only the tail of the trace is kept: r.trace would decode every event the host holds.
  const { sent, delivered, latency, stats, drops, warnings } = r;
  return { sent, delivered, latency, stats, drops, warnings, scenario: name, trace: host.trace.events(TRACE_KEPT) };
}

function grade<R extends LabRun>(lab: { id: string; checks: Check<R>[] }, run: R, scenarios: ScenarioResult[], timing: Omit<LabResult['timing'], 'checkMs'>): LabResult {
  const t2 = performance.now();
  const checks: CheckResult[] = lab.checks.map((c) => {
    const weight = c.weight ?? 1;
    let message: string | null;
    try {
      message = c.verify(run);
    } catch (e) {
      message = `The check could not read the run: ${(e as Error).message}`;
    }
    return message === null ? { id: c.id, demands: c.demands, weight, pass: true } : { id: c.id, demands: c.demands, weight, pass: false, message };
  });
  const score = checks.reduce((s, c) => s + (c.pass ? c.weight : 0), 0);
  return {
    lab: lab.id,
    status: checks.every((c) => c.pass) ? 'passed' : 'failed',
    score,
    maxScore: maxScore(lab),
    checks,
    runs: scenarios,
    timing: { ...timing, checkMs: performance.now() - t2 },
  };
}
