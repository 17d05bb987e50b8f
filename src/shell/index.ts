/**
 * The shell: Linux tools over a simulated host. `exec(line)` answers as the real command would on
 * that host (same text, same errors, same exit status); changes made here (sysctls, ring sizes,
 * RPS masks, IRQ affinity) change the host the next `run` uses. Pure TypeScript, no DOM, no Node.
 */
import { createHost, type Host, type Scenario } from '../sim/index.ts';
import { COMMANDS } from './commands/index.ts';
import { complete as completeLine, type Completion } from './complete.ts';
import { execLine } from './exec.ts';
import type { Output, ShellState } from './types.ts';

export { CLEAR, type Output } from './types.ts';
export type { Completion } from './complete.ts';

export interface Shell {
  /** The host the commands act on; `reset` replaces it. */
  readonly host: Host;
  exec(line: string): Output;
  complete(line: string, cursor?: number): Completion;
}

export interface ShellOptions {
  /** false: `run` sends no traffic and prints nothing (see ShellState.traffic). */
  traffic?: boolean;
  /**
   * A lab's own scenarios: `run` and `reset` take them by name, list them first, and complete
   * them; one hides a named scenario (src/sim) of the same name.
   */
  scenarios?: readonly Scenario[];
}

export function createShell(host: Host = createHost(), options: ShellOptions = {}): Shell {
  const state: ShellState = {
    host,
    // `reset` boots a fresh host with the configuration this one was booted with.
    config: host.config,
    nstatHistory: null,
    dropwatchSeen: null,
    lastRun: null,
    bootedFor: null,
    traffic: options.traffic ?? true,
    labScenarios: options.scenarios ?? [],
    commands: new Map(COMMANDS.map((c) => [c.name, c])),
  };
  return {
    get host() {
      return state.host;
    },
    exec: (line) => execLine(state, line),
    complete: (line, cursor) => completeLine(state, line, cursor),
  };
}
