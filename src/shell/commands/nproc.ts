/** nproc: the host's CPU count. */
import type { Command } from '../types.ts';

export const nproc: Command = {
  name: 'nproc',
  page: { summary: 'number of CPUs', body: 'SYNOPSIS\n       nproc\n' },
  run: (ctx) => ({ stdout: `${ctx.state.host.nrCpus}\n`, stderr: '', code: 0 }),
};
