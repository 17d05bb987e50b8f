/**
 * The shape of a lab (labs/<id>/lab.ts): what the learner writes, the scenarios it runs in, the
 * checks that grade it and the hints. Labs import only this module's helpers and src/sim's API.
 */
import type { HookName, Hooks, HostConfig, RunResult, Workload } from '../sim/index.ts';

export interface LabScenario {
  /** Short name, shown next to the checks that use it. */
  name: string;
  host?: HostConfig;
  workload: Workload;
  durationNs: number;
}

/** What a check sees: each scenario's run, by scenario name, and what the lab's probes recorded. */
export interface LabRun {
  runs: Record<string, RunResult>;
  probes: Record<string, number>;
}

export interface Check {
  /** Stable id, used in grade reports. */
  id: string;
  /** One line: what the check demands, in the chapter's terms. */
  demands: string;
  weight?: number;
  /** null when the demand is met; otherwise what went wrong, with numbers, and where to look. */
  verify: (run: LabRun) => string | null;
}

export interface Probe {
  /** Add one to a named count (for checks that need to see inside a call). */
  count(name: string, by?: number): void;
  /** Keep the largest value seen under a name. */
  max(name: string, value: number): void;
}

export interface LabDefinition {
  id: string;
  title: string;
  /** The chapter file it belongs to, without extension (e.g. 05-napi). */
  chapter: string;
  /** The simulator hook the learner's file replaces: the file exports a function of this name. */
  hook: HookName;
  /** One paragraph for the top of the lab: the task. */
  task: string;
  scenarios: LabScenario[];
  checks: Check[];
  hints: string[];
  /** Install the learner's function, wrapped to record what checks need; by default it is the hook as is. */
  install?: (fn: Hooks[HookName], probe: Probe) => Partial<Hooks>;
}

export function defineLab(lab: LabDefinition): LabDefinition {
  return lab;
}

/** The value of a named `ethtool -S` counter in a run. */
export function ethtoolStat(run: RunResult, name: string): number {
  const row = run.stats.nic.ethtool.find(([n]) => n === name);
  if (!row) throw new Error(`no ethtool counter named ${name}`);
  return row[1];
}

/** Sum of the per-queue `rx_queue_N_<field>` counters. */
export function perQueueSum(run: RunResult, field: string): number {
  return run.stats.nic.ethtool.filter(([n]) => new RegExp(`^rx_queue_\\d+_${field}$`).test(n)).reduce((s, [, v]) => s + v, 0);
}

/** Format a count for a message: 3 412 (thin groups, as the chapters write numbers). */
export function n(value: number): string {
  return Math.round(value).toLocaleString('en-US').replace(/,/g, '\u202f');
}
