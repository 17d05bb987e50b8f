/** The messages between the page and the terminal's shell worker. */
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import type { Completion, Output } from '../../shell/index.ts';

export type ShellRequest =
  | { id: number; type: 'boot'; config: PlainHostConfig; replay: string[] }
  | { id: number; type: 'exec'; line: string }
  | { id: number; type: 'complete'; line: string; cursor: number };

export type ShellResponse =
  | { id: number; type: 'booted' }
  | { id: number; type: 'output'; output: Output }
  | { id: number; type: 'completion'; completion: Completion }
  | { id: number; type: 'failed'; message: string };
