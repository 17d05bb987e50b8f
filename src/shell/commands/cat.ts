/** cat: print files (or stdin), with -A and -n as GNU cat. */
import { getopt, has, tryHelp } from '../argv.ts';
import type { Command } from '../types.ts';
import { inputs } from './inputs.ts';
import { joinLines, lines } from './lines.ts';

export const cat: Command = {
  name: 'cat',
  page: { summary: 'print files: /proc/net/softnet_stat, /proc/net/sockstat, /proc/interrupts, /proc/softirqs, /proc/stat, /proc/sys/..., /sys/class/net/...', body: 'SYNOPSIS\n       cat [-A] [-n] FILE...\n' },
  run(ctx) {
    const p = getopt('cat', ctx.argv.slice(1), [{ short: 'A' }, { short: 'n' }, { short: 'v' }, { short: 'e' }, { short: 'T' }]);
    if (p.error) return tryHelp('cat', p.error.message);
    let stdout = '';
    let stderr = '';
    for (const i of inputs(ctx, 'cat', p.operands)) {
      if (i.text === null) stderr += i.err;
      else stdout += i.text;
    }
    if (has(p, 'A')) stdout = stdout.replace(/\t/g, '^I').replace(/\n/g, '$\n');
    if (has(p, 'n')) stdout = joinLines(lines(stdout).map((l, n) => `${String(n + 1).padStart(6)}\t${l}`));
    return { stdout, stderr, code: stderr ? 1 : 0 };
  },
};
