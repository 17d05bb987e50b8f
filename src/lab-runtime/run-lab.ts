/**
 * Grade one learner file against one lab: transpile, evaluate, run every scenario with the
 * learner's function as the lab's hook, run the checks, and return one structured result. The
 * browser's Worker and the command line both call this, so a file gets the same grade in both.
 */
import { createHost, type Hooks, type HookName, type RunResult } from '../sim/index.ts';
import type { LabDefinition, LabRun, Probe } from './define.ts';
import { evaluate, LearnerCodeError, locate, transpile, type CompiledModule, type LearnerError } from './learner-module.ts';

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
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
  return {
    lab: lab.id,
    status: error.kind === 'timeout' ? 'timeout' : 'error',
    score: 0,
    maxScore: maxScore(lab),
    checks: failedChecks(lab, `Not run: ${error.message}${where}`),
    error,
    runs: [],
    timing,
  };
}

export function runLab(lab: LabDefinition, source: string): LabResult {
  const t0 = performance.now();
  let compiled: CompiledModule;
  let exports: Record<string, unknown>;
  try {
    compiled = transpile(source);
    exports = evaluate(compiled);
  } catch (e) {
    if (e instanceof LearnerCodeError) return errorResult(lab, e.detail, { transpileMs: performance.now() - t0, simulateMs: 0, checkMs: 0 });
    throw e;
  }
  const fn = exports[lab.hook];
  if (typeof fn !== 'function') {
    return errorResult(lab, { kind: 'export', message: `Your file must export a function named ${lab.hook} (export function ${lab.hook}(…) { … })` });
  }
  const t1 = performance.now();
  const probes: Record<string, number> = {};
  const probe: Probe = {
    count: (name, by = 1) => void (probes[name] = (probes[name] ?? 0) + by),
    max: (name, value) => void (probes[name] = Math.max(probes[name] ?? -Infinity, value)),
  };
  const hooks: Partial<Hooks> = lab.install ? lab.install(fn as Hooks[HookName], probe) : ({ [lab.hook]: fn } as Partial<Hooks>);
  const run: LabRun = { runs: {}, probes };
  const scenarios: ScenarioResult[] = [];
  try {
    for (const s of lab.scenarios) {
      const host = createHost({ ...s.host, hooks: { ...s.host?.hooks, ...hooks } });
      const r = host.run(s.workload, { durationNs: s.durationNs });
      run.runs[s.name] = r;
      const { workload: _w, startNs: _s, endNs: _e, ...kept } = r;
      scenarios.push({ ...kept, scenario: s.name, trace: r.trace.slice(-TRACE_KEPT) });
    }
  } catch (e) {
    return errorResult(lab, locate(e, compiled), { transpileMs: t1 - t0, simulateMs: performance.now() - t1, checkMs: 0 });
  }
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
    timing: { transpileMs: t1 - t0, simulateMs: t2 - t1, checkMs: performance.now() - t2 },
  };
}
