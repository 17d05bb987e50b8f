/** dmesg (util-linux): the kernel's messages; -c clears them after printing. */
import { getopt, has, tryHelp } from '../argv.ts';
import type { Command } from '../types.ts';

export const dmesg: Command = {
  name: 'dmesg',
  page: { summary: 'kernel messages', body: 'SYNOPSIS\n       dmesg [-c]\n' },
  run(ctx) {
    const p = getopt('dmesg', ctx.argv.slice(1), [{ short: 'c', long: 'read-clear' }, { short: 'T', long: 'ctime' }, { short: 'H', long: 'human' }, { short: 'w', long: 'follow' }]);
    if (p.error) return tryHelp('dmesg', p.error.message);
    const log = ctx.state.host.dmesg;
    const stdout = log.map((l) => l + '\n').join('');
    if (has(p, 'read-clear')) log.length = 0;
    return { stdout, stderr: '', code: 0 };
  },
};
