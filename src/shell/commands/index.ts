/** Every command the shell knows, by name. */
import type { Command } from '../types.ts';
import { cat } from './cat.ts';
import { clear } from './clear.ts';
import { dmesg } from './dmesg.ts';
import { dropwatch } from './dropwatch.ts';
import { echo } from './echo.ts';
import { ethtool } from './ethtool.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { help, man } from './help.ts';
import { ip } from './ip.ts';
import { ls } from './ls.ts';
import { mpstat } from './mpstat.ts';
import { netstat } from './netstat.ts';
import { nproc } from './nproc.ts';
import { nstat } from './nstat.ts';
import { reset } from './reset.ts';
import { run } from './run.ts';
import { ss } from './ss.ts';
import { sysctl } from './sysctl.ts';
import { tc } from './tc.ts';
import { uname } from './uname.ts';
import { watch } from './watch.ts';
import { wc } from './wc.ts';

const trueCmd: Command = () => ({ stdout: '', stderr: '', code: 0 });
const falseCmd: Command = () => ({ stdout: '', stderr: '', code: 1 });

export const COMMANDS: Record<string, Command> = {
  cat, clear, dmesg, dropwatch, echo, ethtool, grep, head, help, ip, ls, man, mpstat, netstat, nproc, nstat, reset, run, ss, sysctl, tail, tc, uname, watch, wc,
  true: trueCmd,
  false: falseCmd,
};
