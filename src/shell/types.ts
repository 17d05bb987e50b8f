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
  /** The commands it knows (commands/index.ts), by name, in the order `help` lists them. */
  readonly commands: ReadonlyMap<string, Command>;
}

export interface CommandContext {
  state: ShellState;
  /** argv[0] is the command's name. */
  argv: string[];
  stdin: string;
  /** Run another command line (watch uses it). */
  exec(line: string): Output;
}

/** A command's manual page: `help` lists its summary, `man NAME` prints both. */
export interface ManPage {
  summary: string;
  body: string;
}

/**
 * What Tab offers for the word under the cursor in a command's arguments: from the words before
 * it (words[0] is the command's name), the word itself and the shell's state, the full words it
 * could become.
 */
export type Completer = (words: readonly string[], word: string, state: ShellState) => string[];

/** One command of the shell: exec runs it by name, help and man show its page, Tab asks it to complete its arguments. */
export interface Command {
  /** What the user types: argv[0]. */
  readonly name: string;
  run(ctx: CommandContext): Output;
  /** Without one (true, false), help leaves the command out and man has no entry for it. */
  readonly page?: ManPage;
  /** Asked for the words of its arguments other than paths (a word starting with '/', or after a redirection), which Tab completes for every command. */
  readonly complete?: Completer;
}

export const ok = (stdout = ''): Output => ({ stdout, stderr: '', code: 0 });
export const fail = (stderr: string, code = 1, stdout = ''): Output => ({ stdout, stderr, code });

/** The marker `clear` prints: a terminal clears its screen when it sees it (ESC [H ESC [2J ESC [3J, as clear(1) writes). */
export const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

/** A file of /proc or /sys: what `cat` prints, and a write(2) if its mode lets it be opened for writing. */
export interface PseudoFile {
  read: () => string;
  write?: (data: string) => void;
}
