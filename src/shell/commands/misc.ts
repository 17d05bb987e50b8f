/** Small commands: dmesg, uname, nproc, clear, watch. */
import { getopt, has, value } from '../argv.ts';
import { CLEAR, type Command } from '../types.ts';
import { MACHINE, NODENAME, SYSNAME } from '../uts.ts';

export const dmesg: Command = (ctx) => {
  const p = getopt('dmesg', ctx.argv.slice(1), [{ short: 'c', long: 'read-clear' }, { short: 'T', long: 'ctime' }, { short: 'H', long: 'human' }, { short: 'w', long: 'follow' }]);
  if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry 'dmesg --help' for more information.\n`, code: 1 };
  const log = ctx.state.host.dmesg;
  const stdout = log.map((l) => l + '\n').join('');
  if (has(p, 'read-clear')) log.length = 0;
  return { stdout, stderr: '', code: 0 };
};

export const uname: Command = (ctx) => {
  const host = ctx.state.host;
  const p = getopt('uname', ctx.argv.slice(1), [
    { short: 'a', long: 'all' }, { short: 's', long: 'kernel-name' }, { short: 'n', long: 'nodename' }, { short: 'r', long: 'kernel-release' },
    { short: 'v', long: 'kernel-version' }, { short: 'm', long: 'machine' }, { short: 'o', long: 'operating-system' },
  ]);
  if (p.error) return { stdout: '', stderr: `${p.error.message}\nTry 'uname --help' for more information.\n`, code: 1 };
  if (p.operands.length) return { stdout: '', stderr: `uname: extra operand ‘${p.operands[0]}’\nTry 'uname --help' for more information.\n`, code: 1 };
  const parts: [string, string][] = [
    ['kernel-name', SYSNAME], ['nodename', NODENAME], ['kernel-release', host.kernelRelease],
    ['kernel-version', '#1 SMP PREEMPT_DYNAMIC'], ['machine', MACHINE], ['operating-system', 'GNU/Linux'],
  ];
  const all = has(p, 'all');
  let pick = parts.filter(([k]) => all || has(p, k));
  if (pick.length === 0) pick = [parts[0]!];
  return { stdout: pick.map(([, v]) => v).join(' ') + '\n', stderr: '', code: 0 };
};

export const nproc: Command = (ctx) => ({ stdout: `${ctx.state.host.nrCpus}\n`, stderr: '', code: 0 });

export const clear: Command = () => ({ stdout: CLEAR, stderr: '', code: 0 });

/** watch -n N CMD: one refresh (the terminal is not a live screen): the title line, a blank line, the output. */
export const watch: Command = (ctx) => {
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
};
