/** Every command the shell knows, registered once: in the order `help` lists them, those without a page last. */
import type { Command } from '../types.ts';
import { cat } from './cat.ts';
import { clear } from './clear.ts';
import { dmesg } from './dmesg.ts';
import { dropwatch } from './dropwatch.ts';
import { echo } from './echo.ts';
import { ethtool } from './ethtool.ts';
import { falseCommand } from './false.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { help } from './help.ts';
import { ip } from './ip.ts';
import { ls } from './ls.ts';
import { man } from './man.ts';
import { mpstat } from './mpstat.ts';
import { netstat } from './netstat.ts';
import { nproc } from './nproc.ts';
import { nstat } from './nstat.ts';
import { reset } from './reset.ts';
import { run } from './run.ts';
import { ss } from './ss.ts';
import { sysctl } from './sysctl.ts';
import { tc } from './tc.ts';
import { trueCommand } from './true.ts';
import { uname } from './uname.ts';
import { watch } from './watch.ts';
import { wc } from './wc.ts';

export const COMMANDS: readonly Command[] = [
  ethtool, sysctl, ss, nstat, netstat, ip, tc, mpstat, cat, echo, grep, head, tail, wc, ls, watch, dropwatch, dmesg,
  run, reset, uname, nproc, clear, help, man, trueCommand, falseCommand,
];
