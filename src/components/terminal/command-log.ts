/**
 * The commands that made a terminal's host what it is. The simulator is deterministic, so
 * replaying them on a host booted with the same configuration gives the same host: that is how
 * the terminal survives a reload and a Ctrl+C, and how a tuning lab grades the host the learner left.
 */
import type { Output } from '../../shell/index.ts';

/** A lone `reset` (or `reset SCENARIO`) boots a fresh host: nothing before it matters any more. */
const RESET = /^\s*reset(\s+[\w-]+)?\s*$/;

export function appendToLog(log: readonly string[], line: string, output: Output): string[] {
  if (line.trim() === '') return [...log];
  if (output.code === 0 && RESET.test(line)) return [line];
  return [...log, line];
}
