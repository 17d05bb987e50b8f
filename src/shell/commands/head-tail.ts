/** head and tail: -n N, -N, -n +N (tail), over stdin or files; one implementation serves both. */
import { getopt, tryHelp, value } from '../argv.ts';
import type { Command } from '../types.ts';
import { inputs } from './inputs.ts';
import { joinLines, lines } from './lines.ts';

function headTail(prog: 'head' | 'tail'): Command['run'] {
  return (ctx) => {
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const p = getopt(prog, args, [{ short: 'n', long: 'lines', arg: true }, { short: 'q', long: 'quiet' }]);
    if (p.error) return tryHelp(prog, p.error.message);
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

export const head: Command = {
  name: 'head',
  page: { summary: 'first lines', body: 'SYNOPSIS\n       head [-n N] [FILE...]\n' },
  run: headTail('head'),
};

export const tail: Command = {
  name: 'tail',
  page: { summary: 'last lines', body: 'SYNOPSIS\n       tail [-n N] [FILE...]\n' },
  run: headTail('tail'),
};
