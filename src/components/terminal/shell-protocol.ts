/** The messages between the page and the terminal's shell worker. */
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import type { LearnerError } from '../../lab-runtime/learner-module.ts';
import type { Completion, Output } from '../../shell/index.ts';

/** What a terminal's host boots from. */
export interface HostSpec {
  config: PlainHostConfig;
  /**
   * A code lab's terminal: the lab's scenarios join `run`'s, and `code` (the learner's file as of
   * their last Run) replaces the lab's hook; null keeps the kernel's function.
   */
  lab?: { id: string; code: string | null };
}

export type ShellRequest =
  | { id: number; type: 'boot'; spec: HostSpec }
  | { id: number; type: 'exec'; line: string }
  | { id: number; type: 'complete'; line: string; cursor: number };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A request before the sender numbers it. */
export type RequestBody = WithoutId<ShellRequest>;

export type ShellResponse =
  | { id: number; type: 'booted' }
  | { id: number; type: 'output'; output: Output }
  | { id: number; type: 'completion'; completion: Completion }
  /**
   * The learner's code, in place of `hook`: did not load (to a boot: the host before it stays), or
   * threw while a command ran (to an exec: the host is left mid-command, good for nothing more).
   */
  | { id: number; type: 'learner-error'; hook: string; error: LearnerError }
  /** Packet Path failed: a bug, or the worker could not start. */
  | { id: number; type: 'failed'; message: string };
