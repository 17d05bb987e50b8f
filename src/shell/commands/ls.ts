/** ls: the entries of /proc and /sys directories. */
import { count, getopt, has, tryHelp } from '../argv.ts';
import { isDirectory, listDir, readFile } from '../fs.ts';
import type { Command } from '../types.ts';
import { joinLines } from './lines.ts';

export const ls: Command = {
  name: 'ls',
  page: { summary: 'list /proc and /sys directories', body: 'SYNOPSIS\n       ls [DIR...]\n' },
  run(ctx) {
    const p = getopt('ls', ctx.argv.slice(1), [{ short: 'l' }, { short: 'a' }, { short: '1' }]);
    if (p.error) return tryHelp('ls', p.error.message, 2);
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
  },
};
