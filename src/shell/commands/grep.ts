/** grep: lines that match, with GNU grep's options, messages and exit statuses. */
import { getopt, has, value } from '../argv.ts';
import type { Command } from '../types.ts';
import { inputs } from './inputs.ts';
import { lines } from './lines.ts';

/** A basic regular expression (grep's default) as a JavaScript one: \( \) \| \+ \? \{ \} are the operators. */
function breToRegExpSource(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i]!;
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i]!;
      out += '()|+?{}'.includes(n) ? n : '\\' + n;
    } else if ('()|+?{}'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}

export const grep: Command = {
  name: 'grep',
  page: { summary: 'print matching lines', body: 'SYNOPSIS\n       grep [-i] [-v] [-c] [-n] [-E] [-w] PATTERN [FILE...]\n' },
  run(ctx) {
    const p = getopt('grep', ctx.argv.slice(1), [
      { short: 'i', long: 'ignore-case' }, { short: 'v', long: 'invert-match' }, { short: 'c', long: 'count' },
      { short: 'n', long: 'line-number' }, { short: 'E', long: 'extended-regexp' }, { short: 'F', long: 'fixed-strings' },
      { short: 'w', long: 'word-regexp' }, { short: 'x', long: 'line-regexp' }, { short: 'o', long: 'only-matching' },
      { short: 'q', long: 'quiet' }, { short: 'h', long: 'no-filename' }, { short: 'H', long: 'with-filename' },
      { short: 'e', long: 'regexp', arg: true },
      { short: 'A', long: 'after-context', arg: true }, { short: 'B', long: 'before-context', arg: true }, { short: 'C', long: 'context', arg: true },
    ]);
    const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${usage}`, code: 2 };
    const context = (name: string): number | string => {
      const v = value(p, name) ?? value(p, 'context') ?? '0';
      return /^\d+$/.test(v) ? Number(v) : `grep: ${v}: invalid context length argument\n`;
    };
    const after = context('after-context');
    const before = context('before-context');
    if (typeof after === 'string') return { stdout: '', stderr: after, code: 2 };
    if (typeof before === 'string') return { stdout: '', stderr: before, code: 2 };
    const operands = [...p.operands];
    const pattern = value(p, 'regexp') ?? operands.shift();
    if (pattern === undefined) return { stdout: '', stderr: usage, code: 2 };
    let source = has(p, 'fixed-strings') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : has(p, 'extended-regexp') ? pattern : breToRegExpSource(pattern);
    if (has(p, 'word-regexp')) source = `(?<![\\w])(?:${source})(?![\\w])`;
    if (has(p, 'line-regexp')) source = `^(?:${source})$`;
    let re: RegExp;
    try {
      re = new RegExp(source, has(p, 'ignore-case') ? 'gi' : 'g');
    } catch {
      return { stdout: '', stderr: 'grep: Unmatched ( or \\(\n', code: 2 };
    }
    const invert = has(p, 'invert-match');
    const files = inputs(ctx, 'grep', operands);
    const prefix = (files.length > 1 || has(p, 'with-filename')) && !has(p, 'no-filename');
    let stdout = '';
    let stderr = '';
    let matched = false;
    for (const f of files) {
      if (f.text === null) {
        stderr += f.err;
        continue;
      }
      let n = 0;
      const all = lines(f.text);
      // Context lines (-A/-B/-C) print with '-' where a match has ':', and groups apart are separated by '--'.
      let printedUpTo = -1;
      const printLine = (idx: number, sep: ':' | '-') => {
        if (printedUpTo >= 0 && idx > printedUpTo + 1 && (after > 0 || before > 0)) stdout += '--\n';
        stdout += (prefix ? `${f.name}${sep}` : '') + (has(p, 'line-number') ? `${idx + 1}${sep}` : '') + all[idx] + '\n';
        printedUpTo = idx;
      };
      let afterLeft = 0;
      all.forEach((l, idx) => {
        re.lastIndex = 0;
        const hit = re.test(l) !== invert;
        if (!hit) {
          if (afterLeft > 0 && !has(p, 'count') && !has(p, 'quiet')) printLine(idx, '-');
          afterLeft = Math.max(0, afterLeft - 1);
          return;
        }
        n++;
        matched = true;
        if (has(p, 'count') || has(p, 'quiet')) return;
        for (let b = Math.max(printedUpTo + 1, idx - before); b < idx; b++) printLine(b, '-');
        afterLeft = after;
        if (has(p, 'only-matching') && !invert) {
          const head = (prefix ? `${f.name}:` : '') + (has(p, 'line-number') ? `${idx + 1}:` : '');
          re.lastIndex = 0;
          for (const m of l.matchAll(re)) if (m[0] !== '') stdout += head + m[0] + '\n';
          printedUpTo = idx;
        } else printLine(idx, ':');
      });
      if (has(p, 'count') && !has(p, 'quiet')) stdout += (prefix ? `${f.name}:` : '') + n + '\n';
    }
    if (has(p, 'quiet')) stdout = '';
    return { stdout, stderr, code: stderr && !(has(p, 'quiet') && matched) ? 2 : matched ? 0 : 1 };
  },
};
