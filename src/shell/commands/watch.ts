/** watch -n N CMD: one refresh (the terminal is not a live screen): the title line, a blank line, the output. */
import { getopt, has, value } from '../argv.ts';
import { commandNames } from '../complete.ts';
import type { Command } from '../types.ts';
import { NODENAME } from '../uts.ts';
import { completeSysctlName } from './sysctl.ts';

export const watch: Command = {
  name: 'watch',
  page: { summary: 'run a command and show one refresh of its output', body: 'SYNOPSIS\n       watch [-n SECONDS] COMMAND\n' },
  run(ctx) {
    const p = getopt('watch', ctx.argv.slice(1), [
      { short: 'n', long: 'interval', arg: true }, { short: 'd', long: 'differences' }, { short: 't', long: 'no-title' }, { short: 'x', long: 'exec' },
    ], { permute: false });
    const usage = '\nUsage:\n watch [options] command\n';
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${usage}`, code: 1 };
    if (p.operands.length === 0) return { stdout: '', stderr: usage, code: 1 };
    const interval = Number(value(p, 'interval') ?? '2');
    if (!Number.isFinite(interval)) return { stdout: '', stderr: `watch: failed to parse argument: '${value(p, 'interval')}'\n`, code: 1 };
    const cmd = p.operands.join(' ');
    const r = ctx.exec(cmd);
    let title = '';
    if (!has(p, 'no-title')) {
      const left = `Every ${Math.max(0.1, interval).toFixed(1)}s: ${cmd}`;
      const right = `${NODENAME}: t=${(ctx.state.host.now / 1e9).toFixed(6)}s`;
      title = left + ' '.repeat(Math.max(1, 80 - left.length - right.length)) + right + '\n\n';
    }
    return { stdout: title + r.stdout, stderr: r.stderr, code: r.code };
  },
  // The command to watch, after watch's options and their numbers; once sysctl is on the line, its parameter names.
  complete(words, word, state) {
    if (words.includes('sysctl')) return completeSysctlName(words, word, state);
    if (!word.startsWith('-') && words.slice(1).every((w) => w.startsWith('-') || /^\d/.test(w))) return commandNames(state, word);
    return [];
  },
};
