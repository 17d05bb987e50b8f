/** The text tools of a pipeline: cat, grep, head, tail, wc, echo, ls. */
import { count, getopt, has, value } from '../argv.ts';
import { FsError, isDirectory, listDir, readFile, strerror } from '../fs.ts';
import type { Command, CommandContext, Output } from '../types.ts';

/** Lines of a text, without the final newline's empty element. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

const joinLines = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');

/** Read each operand (or stdin for none or "-"); errors as `<prog>: <file>: <strerror>`. */
function inputs(ctx: CommandContext, prog: string, files: string[]): { name: string; text: string | null; err?: string }[] {
  if (files.length === 0) return [{ name: '(standard input)', text: ctx.stdin }];
  return files.map((f) => {
    if (f === '-') return { name: '(standard input)', text: ctx.stdin };
    try {
      return { name: f, text: readFile(ctx.state.host, f) };
    } catch (e) {
      if (e instanceof FsError) return { name: f, text: null, err: `${prog}: ${f}: ${strerror(e.errno)}\n` };
      throw e;
    }
  });
}

export const cat: Command = (ctx) => {
  const p = getopt('cat', ctx.argv.slice(1), [{ short: 'A' }, { short: 'n' }, { short: 'v' }, { short: 'e' }, { short: 'T' }]);
  if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry 'cat --help' for more information.\n`, code: 1 };
  let stdout = '';
  let stderr = '';
  for (const i of inputs(ctx, 'cat', p.operands)) {
    if (i.text === null) stderr += i.err;
    else stdout += i.text;
  }
  if (has(p, 'A')) stdout = stdout.replace(/\t/g, '^I').replace(/\n/g, '$\n');
  if (has(p, 'n')) stdout = joinLines(lines(stdout).map((l, n) => `${String(n + 1).padStart(6)}\t${l}`));
  return { stdout, stderr, code: stderr ? 1 : 0 };
};

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

export const grep: Command = (ctx) => {
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
};

/** head and tail: -n N, -N, -n +N (tail), over stdin or files. */
function headTail(prog: 'head' | 'tail'): Command {
  return (ctx) => {
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const p = getopt(prog, args, [{ short: 'n', long: 'lines', arg: true }, { short: 'q', long: 'quiet' }]);
    if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry '${prog} --help' for more information.\n`, code: 1 };
    const spec = value(p, 'lines') ?? '10';
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) return { stdout: '', stderr: `${prog}: invalid number of lines: ‘${spec}’\n`, code: 1 };
    const n = Number(m[2]);
    let stdout = '';
    let stderr = '';
    const files = inputs(ctx, prog, p.operands);
    files.forEach((f, i) => {
      if (f.text === null) {
        stderr += f.err;
        return;
      }
      if (files.length > 1) stdout += `${i > 0 ? '\n' : ''}==> ${f.name} <==\n`;
      const ls = lines(f.text);
      let pick: string[];
      if (prog === 'head') pick = m[1] === '-' ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
      else pick = m[1] === '+' ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
      stdout += joinLines(pick);
    });
    return { stdout, stderr, code: stderr ? 1 : 0 };
  };
}

export const head = headTail('head');
export const tail = headTail('tail');

export const wc: Command = (ctx) => {
  const p = getopt('wc', ctx.argv.slice(1), [{ short: 'l', long: 'lines' }, { short: 'w', long: 'words' }, { short: 'c', long: 'bytes' }, { short: 'm', long: 'chars' }]);
  if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry 'wc --help' for more information.\n`, code: 1 };
  const all = !has(p, 'lines') && !has(p, 'words') && !has(p, 'bytes') && !has(p, 'chars');
  const files = inputs(ctx, 'wc', p.operands);
  let stdout = '';
  let stderr = '';
  const rows: { counts: number[]; name: string }[] = [];
  for (const f of files) {
    if (f.text === null) {
      stderr += f.err;
      continue;
    }
    const counts: number[] = [];
    if (all || has(p, 'lines')) counts.push((f.text.match(/\n/g) ?? []).length);
    if (all || has(p, 'words')) counts.push(f.text.split(/\s+/).filter((w) => w !== '').length);
    if (has(p, 'chars')) counts.push([...f.text].length);
    if (all || has(p, 'bytes')) counts.push(new TextEncoder().encode(f.text).length);
    rows.push({ counts, name: p.operands.length ? f.name : '' });
  }
  if (rows.length > 1) rows.push({ counts: rows[0]!.counts.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)), name: 'total' });
  // GNU wc: one number alone is printed bare; several are right-aligned to a common width (7 for stdin).
  const single = rows.length === 1 && rows[0]!.counts.length === 1;
  const width = single ? 1 : Math.max(p.operands.length ? 1 : 7, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  for (const r of rows) stdout += r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n';
  return { stdout, stderr, code: stderr ? 1 : 0 };
};

export const echo: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    const f = args.shift()!;
    if (f.includes('n')) newline = false;
    if (f.includes('e')) escapes = true;
    if (f.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  return { stdout: text + (newline ? '\n' : ''), stderr: '', code: 0 };
};

export const ls: Command = (ctx) => {
  const p = getopt('ls', ctx.argv.slice(1), [{ short: 'l' }, { short: 'a' }, { short: '1' }]);
  if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry 'ls --help' for more information.\n`, code: 2 };
  const host = ctx.state.host;
  const targets = p.operands.length ? p.operands : ['/'];
  let stdout = '';
  let stderr = '';
  targets.forEach((t, i) => {
    if (isDirectory(host, t)) {
      if (targets.length > 1) stdout += `${i > 0 ? '\n' : ''}${t}:\n`;
      const names = listDir(host, t);
      stdout += count(p, '1') || has(p, 'l') ? joinLines(names) : names.length ? names.join('  ') + '\n' : '';
      return;
    }
    try {
      readFile(host, t);
      stdout += t + '\n';
    } catch {
      stderr += `ls: cannot access '${t}': No such file or directory\n`;
    }
  });
  return { stdout, stderr, code: stderr ? 2 : 0 };
};

export function usageError(prog: string, message: string): Output {
  return { stdout: '', stderr: `${prog}: ${message}\n`, code: 1 };
}
