/** uname (coreutils): the host's kernel name, release and machine. */
import { getopt, has, tryHelp } from '../argv.ts';
import type { Command } from '../types.ts';
import { MACHINE, NODENAME, SYSNAME } from '../uts.ts';

export const uname: Command = {
  name: 'uname',
  page: { summary: 'kernel name and release', body: 'SYNOPSIS\n       uname [-a] [-r]\n' },
  run(ctx) {
    const host = ctx.state.host;
    const p = getopt('uname', ctx.argv.slice(1), [
      { short: 'a', long: 'all' }, { short: 's', long: 'kernel-name' }, { short: 'n', long: 'nodename' }, { short: 'r', long: 'kernel-release' },
      { short: 'v', long: 'kernel-version' }, { short: 'm', long: 'machine' }, { short: 'o', long: 'operating-system' },
    ]);
    if (p.error) return tryHelp('uname', p.error.message);
    if (p.operands.length) return tryHelp('uname', `uname: extra operand ‘${p.operands[0]}’`);
    const parts: [string, string][] = [
      ['kernel-name', SYSNAME], ['nodename', NODENAME], ['kernel-release', host.kernelRelease],
      ['kernel-version', '#1 SMP PREEMPT_DYNAMIC'], ['machine', MACHINE], ['operating-system', 'GNU/Linux'],
    ];
    const all = has(p, 'all');
    let pick = parts.filter(([k]) => all || has(p, k));
    if (pick.length === 0) pick = [parts[0]!];
    return { stdout: pick.map(([, v]) => v).join(' ') + '\n', stderr: '', code: 0 };
  },
};
