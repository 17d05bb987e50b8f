/**
 * The shape of a lab (labs/<id>/lab.ts): what the learner does, the traffic it is tried with, the
 * checks that grade it and the hints. Labs import only this module's helpers and src/sim's API.
 * Two kinds: a code lab (the learner writes a kernel function in the editor) and a tuning lab
 * (the learner tunes a host in the terminal; the lab grades the host as the learner left it).
 */
import type { Host, HookName, Hooks, HostConfig, RunResult, Workload } from '../sim/index.ts';

/** A host configuration that can be written as data (it crosses into the terminal's worker): no hooks. */
export type PlainHostConfig = Omit<HostConfig, 'hooks'>;

export interface LabScenario {
  /** Short name, shown next to the checks that use it; in a code lab's terminal, `run NAME` sends its traffic. */
  name: string;
  /** One line for `run --list` in the lab's terminal; by default, its workload and length. */
  description?: string;
  host?: HostConfig;
  workload: Workload;
  durationNs: number;
}

/** What a check sees: each scenario's run, by scenario name, and what the lab's probes recorded. */
export interface LabRun {
  runs: Record<string, RunResult>;
  probes: Record<string, number>;
}

/** What a tuning lab's check sees besides the runs: the host as the learner left it, before the lab's traffic. */
export interface TuningRun extends LabRun {
  host: Host;
  /** The commands the learner typed, in order. */
  commands: string[];
}

export interface Check<R extends LabRun = LabRun> {
  /** Stable id, used in grade reports. */
  id: string;
  /** One line: what the check demands, in the chapter's terms. */
  demands: string;
  weight?: number;
  /** null when the demand is met; otherwise what went wrong, with numbers, and where to look. */
  verify: (run: R) => string | null;
}

export interface Probe {
  /** Add one to a named count (for checks that need to see inside a call). */
  count(name: string, by?: number): void;
  /** Keep the largest value seen under a name. */
  max(name: string, value: number): void;
}

interface LabBase {
  id: string;
  title: string;
  /** The chapter file it belongs to, without extension (e.g. 05-napi). */
  chapter: string;
  /** One paragraph for the top of the lab: the task. */
  task: string;
  hints: string[];
}

/** The learner writes a kernel function (starter.ts, solution.ts); each scenario runs it. */
export interface CodeLab<H extends HookName = HookName> extends LabBase {
  kind?: 'code';
  /** The simulator hook the learner's file replaces: the file exports a function of this name. */
  hook: H;
  /**
   * Names of the kernel API ('packet-path/sim') the learner may not use here, besides the hook's
   * own name: functions that would do the whole job (napi-poll: igb_clean_rx_irq).
   */
  withholds?: string[];
  scenarios: LabScenario[];
  checks: Check[];
  /** Install the learner's function, wrapped to record what checks need; by default it is the hook as is. */
  install?(fn: Hooks[H], probe: Probe): Partial<Hooks>;
}

/** What a code lab's learner may not import: what it withholds, and its hook's own name (a dispatcher would call their function back). */
export function withheldNames(lab: CodeLab): string[] {
  return [lab.hook, ...(lab.withholds ?? [])];
}

/**
 * The learner tunes a host in the terminal (starter.sh, solution.sh: shell commands, one per
 * line). Grading replays the learner's commands on a host booted from `host`, with no traffic
 * (`run` does nothing there: the traffic the learner sent while exploring neither helps nor
 * hurts), then sends each scenario's traffic through a host so tuned.
 */
export interface TuningLab extends LabBase {
  kind: 'tuning';
  /** The host the terminal boots (and `reset` boots again): the one that needs tuning. */
  host: PlainHostConfig;
  scenarios: Omit<LabScenario, 'host'>[];
  checks: Check<TuningRun>[];
}

export type LabDefinition = CodeLab | TuningLab;

/** A lab's definition, typed: a code lab's `install` gets its hook's own type. */
export function defineLab<H extends HookName>(lab: CodeLab<H>): CodeLab<H>;
export function defineLab(lab: TuningLab): TuningLab;
export function defineLab(lab: LabDefinition): LabDefinition {
  return lab;
}

export const isTuningLab = (lab: LabDefinition): lab is TuningLab => lab.kind === 'tuning';

/** The file a learner's work is kept in: TypeScript for a code lab, shell commands for a tuning lab. */
export const submissionExtension = (lab: LabDefinition): 'ts' | 'sh' => (isTuningLab(lab) ? 'sh' : 'ts');

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
