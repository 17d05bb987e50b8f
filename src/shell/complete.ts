/** Tab completion: the word under the cursor, and what it could become. */
import type { Host } from '../sim/index.ts';
import { COMMANDS } from './commands/index.ts';
import { PAGES } from './commands/help.ts';
import { isDirectory, listDir } from './fs.ts';
import { knownScenarios } from './scenarios.ts';
import type { ShellState } from './types.ts';

export interface Completion {
  /** The word being completed is line.slice(start, end). */
  start: number;
  end: number;
  /** Full replacements for that word, sorted; a directory ends in "/". */
  candidates: string[];
}

const ETHTOOL_FLAGS = ['-S', '-g', '-G', '-c', '-C', '-l', '-L', '-x', '-X', '-i', '-k', '-K', '-n', '-N'];

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
  let candidates: string[] = [];
  if (cmd === undefined) candidates = Object.keys(COMMANDS).filter((c) => c.startsWith(word));
  else if (word.startsWith('/') || prev === '>' || prev === '>>' || prev === '<') candidates = paths(host, word.startsWith('/') ? word : '/' + word);
  else if (cmd === 'sysctl' || (cmd === 'watch' && words.includes('sysctl'))) {
    const eq = word.indexOf('=');
    if (eq < 0) candidates = host.sysctlNames().filter((n) => n.startsWith(word.replace(/\//g, '.')));
  } else if (cmd === 'man') candidates = Object.keys(PAGES).filter((n) => n.startsWith(word));
  else if (cmd === 'run' || cmd === 'reset') candidates = knownScenarios(state).map((s) => s.name).filter((n) => n.startsWith(word));
  else if (cmd === 'ethtool') {
    if (words.length === 1) candidates = word === '' ? [] : ETHTOOL_FLAGS.filter((f) => f.startsWith(word));
    if (words.length === 2 || (words.length === 1 && !word.startsWith('-'))) candidates = [host.dev.name].filter((n) => n.startsWith(word));
  } else if ((cmd === 'ip' || cmd === 'tc') && prev === 'dev') candidates = ['lo', host.dev.name].filter((n) => n.startsWith(word));
  else if (cmd === 'mpstat' && prev === '-P') candidates = ['ALL', ...Array.from({ length: host.nrCpus }, (_, i) => String(i))].filter((n) => n.startsWith(word));
  else if (cmd === 'watch' && words.length >= 1 && !word.startsWith('-') && words.slice(1).every((w) => w.startsWith('-') || /^\d/.test(w))) {
    candidates = Object.keys(COMMANDS).filter((c) => c.startsWith(word));
  }
  return { start, end: cursor, candidates: [...new Set(candidates)].sort() };
}
