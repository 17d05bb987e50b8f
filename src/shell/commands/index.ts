/** Every command the shell knows, by name. */
import type { Command } from '../types.ts';
import { dropwatch } from './dropwatch.ts';
import { ethtool } from './ethtool.ts';
import { help, man } from './help.ts';
import { ip } from './ip.ts';
import { mpstat } from './mpstat.ts';
import { clear, dmesg, nproc, uname, watch } from './misc.ts';
import { netstat } from './netstat.ts';
import { nstat } from './nstat.ts';
import { reset, run } from './run.ts';
import { ss } from './ss.ts';
import { sysctl } from './sysctl.ts';
import { tc } from './tc.ts';
import { cat, echo, grep, head, ls, tail, wc } from './text.ts';

const trueCmd: Command = () => ({ stdout: '', stderr: '', code: 0 });
const falseCmd: Command = () => ({ stdout: '', stderr: '', code: 1 });

export const COMMANDS: Record<string, Command> = {
  cat, clear, dmesg, dropwatch, echo, ethtool, grep, head, help, ip, ls, man, mpstat, netstat, nproc, nstat, reset, run, ss, sysctl, tail, tc, uname, watch, wc,
  true: trueCmd,
  false: falseCmd,
};
