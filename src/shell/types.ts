/** What a command returns: the text on each stream and the exit status, as a shell sees them. */
import type { Host, HostConfig, Scenario } from '../sim/index.ts';
import type { CpuSample } from './proc/stat.ts';

export interface Output {
  stdout: string;
  stderr: string;
  code: number;
}

/** The state a shell keeps between commands (what real tools keep in files or in the kernel). */
export interface ShellState {
  /** The host the commands act on; `reset` replaces it. */
  host: Host;
  /** The configuration `reset` boots a fresh host with. */
  config: HostConfig;
  /** nstat's history file: the counters at its last run (null before the first run). */
  nstatHistory: Map<string, number> | null;
  /** Drop counts at the last `dropwatch` run, by "reason|where". */
  dropwatchSeen: Map<string, number> | null;
  /** The CPU time before and after the last `run` (null before the first): what `mpstat INTERVAL` reports, the host's clock moving only then. */
  lastRun: { before: CpuSample; after: CpuSample } | null;
  /** The scenario whose host settings the host was booted with (reset SCENARIO), if any. */
  bootedFor: string | null;
  /** false: `run` sends nothing (a tuning lab's grader replays a learner's settings without their traffic). */
  traffic: boolean;
  /** A lab's own scenarios (ShellOptions.scenarios): `run` and `reset` know them besides the named ones. */
  labScenarios: readonly Scenario[];
}

export interface CommandContext {
  state: ShellState;
  /** argv[0] is the command's name. */
  argv: string[];
  stdin: string;
  /** Run another command line (watch uses it). */
  exec(line: string): Output;
}

export type Command = (ctx: CommandContext) => Output;

export const ok = (stdout = ''): Output => ({ stdout, stderr: '', code: 0 });
export const fail = (stderr: string, code = 1, stdout = ''): Output => ({ stdout, stderr, code });

/** The marker `clear` prints: a terminal clears its screen when it sees it (ESC [H ESC [2J ESC [3J, as clear(1) writes). */
export const CLEAR = '\x1b[H\x1b[2J\x1b[3J';
