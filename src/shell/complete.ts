/** Tab completion: the word under the cursor, and what it could become. */
import type { Host } from '../sim/index.ts';
import { isDirectory, listDir } from './fs.ts';
import type { ShellState } from './types.ts';

export interface Completion {
  /** The word being completed is line.slice(start, end). */
  start: number;
  end: number;
  /** Full replacements for that word, sorted; a directory ends in "/". */
  candidates: string[];
}

function paths(host: Host, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dir = word.slice(0, slash + 1) || '/';
  const stem = word.slice(slash + 1);
  if (!isDirectory(host, dir)) return [];
  return listDir(host, dir)
    .filter((n) => n.startsWith(stem))
    .map((n) => dir + n + (isDirectory(host, dir + n) ? '/' : ''));
}

export function complete(state: ShellState, line: string, cursor: number = line.length): Completion {
  const host = state.host;
  const before = line.slice(0, cursor);
  // The current stage starts after the last | ; & (outside quotes: good enough for a prompt).
  const stageStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
  const stage = before.slice(stageStart);
  const m = /(\S*)$/.exec(stage)!;
  const word = m[1]!;
  const start = cursor - word.length;
  const words = stage.slice(0, stage.length - word.length).trim().split(/\s+/).filter((w) => w !== '');
  const cmd = words[0];
  const prev = words[words.length - 1];
  let candidates: string[];
  if (cmd === undefined) candidates = commandNames(state, word);
  else if (word.startsWith('/') || prev === '>' || prev === '>>' || prev === '<') candidates = paths(host, word.startsWith('/') ? word : '/' + word);
  else candidates = state.commands.get(cmd)?.complete?.(words, word, state) ?? [];
  return { start, end: cursor, candidates: [...new Set(candidates)].sort() };
}

/** The commands whose name starts with `word`: a command line's first word, or the command watch runs. */
export function commandNames(state: ShellState, word: string): string[] {
  return [...state.commands.keys()].filter((c) => c.startsWith(word));
}
