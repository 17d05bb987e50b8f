/** nproc: the host's CPU count. */
import type { Command } from '../types.ts';

export const nproc: Command = (ctx) => ({ stdout: `${ctx.state.host.nrCpus}\n`, stderr: '', code: 0 });
