/** sysctl (procps-ng 4.0.2): read, list and write /proc/sys through the host's sysctl table. */
import { KernelError, sysctlPath, type Host } from '../../sim/index.ts';
import { getopt, has } from '../argv.ts';
import { renderSysctl } from '../proc/sys.ts';
import type { Command, Completer, Output } from '../types.ts';

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

interface Flags {
  values: boolean;
  names: boolean;
  ignore: boolean;
  quiet: boolean;
  binary: boolean;
  dryRun: boolean;
  pattern?: RegExp;
}

function show(host: Host, name: string, f: Flags): string {
  if (f.pattern && !f.pattern.test(name)) return '';
  if (f.names) return name + '\n';
  const v = renderSysctl(host.sysctl(name));
  if (f.values) return f.binary ? v : v + '\n';
  return `${name} = ${v}\n`;
}

/** A parameter's name, dotted even where the word has '/'; nothing once '=' starts its value. watch completes sysctl's words with it too. */
export const completeSysctlName: Completer = (_words, word, state) =>
  word.includes('=') ? [] : state.host.sysctlNames().filter((n) => n.startsWith(word.replace(/\//g, '.')));

export const sysctl: Command = {
  name: 'sysctl',
  page: {
    summary: 'read and write kernel parameters under /proc/sys',
    body: `SYNOPSIS
       sysctl [-n] [-e] NAME...
       sysctl -a
       sysctl [-w] NAME=VALUE...
DESCRIPTION
       -a  every parameter;  -n  values only;  -N  names only;  -e  ignore unknown names;
       -q  do not echo writes;  -w  write (NAME=VALUE also writes without -w).
       A write echoes the value written, even when the kernel keeps another (rps_sock_flow_entries
       is rounded up to a power of two). A refused write keeps the old value:
       sysctl: setting key "net.core.dev_weight": Invalid argument
`,
  },
  run(ctx) {
    const host = ctx.state.host;
    const p = getopt('sysctl', ctx.argv.slice(1), [
      { short: 'a', long: 'all', key: 'all' }, { short: 'A', key: 'all' }, { short: 'X', key: 'all' },
      { short: 'b', long: 'binary' }, { short: 'e', long: 'ignore' }, { short: 'N', long: 'names' },
      { short: 'n', long: 'values' }, { short: 'p', long: 'load', key: 'load' }, { short: 'f', key: 'load' },
      { short: 'r', long: 'pattern', arg: true }, { short: 'q', long: 'quiet' }, { short: 'w', long: 'write' },
      { short: 'o' }, { short: 'x' }, { short: 'h', long: 'help', key: 'help' }, { short: 'd', key: 'help' },
      { short: 'V', long: 'version' }, { long: 'deprecated' }, { long: 'dry-run' }, { long: 'system' },
    ]);
    if (p.error) return { stdout: '', stderr: `${p.error.message}\n${USAGE}`, code: 1 };
    if (has(p, 'help')) return { stdout: USAGE, stderr: '', code: 0 };
    if (has(p, 'version')) return { stdout: 'sysctl from procps-ng 4.0.2\n', stderr: '', code: 0 };
    if (has(p, 'load') || has(p, 'system')) return { stdout: '', stderr: 'sysctl: cannot open "/etc/sysctl.conf": No such file or directory\n', code: 1 };
    let pattern: RegExp | undefined;
    const pat = p.opts.find((o) => o.key === 'pattern')?.value;
    if (pat !== undefined) {
      try {
        pattern = new RegExp(pat);
      } catch {
        return { stdout: '', stderr: `sysctl: unable to parse pattern: ${pat}\n`, code: 1 };
      }
    }
    const f: Flags = { values: has(p, 'values'), names: has(p, 'names'), ignore: has(p, 'ignore'), quiet: has(p, 'quiet'), binary: has(p, 'binary'), dryRun: has(p, 'dry-run'), pattern };
    const names = host.sysctlNames();
    if (has(p, 'all')) return { stdout: names.map((n) => show(host, n, f)).join(''), stderr: '', code: 0 };
    if (p.operands.length === 0) {
      if (p.opts.length === 0) return { stdout: '', stderr: USAGE, code: 1 };
      return { stdout: '', stderr: "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", code: 1 };
    }
    const result: Output = { stdout: '', stderr: '', code: 0 };
    for (const arg of p.operands) {
      const eq = arg.indexOf('=');
      if (has(p, 'write') && eq < 0) {
        result.stderr += `sysctl: command line(0): invalid syntax, continuing...\n`;
        result.code = 1;
        continue;
      }
      const rawName = (eq >= 0 ? arg.slice(0, eq) : arg).trim();
      const name = rawName.replace(/\//g, '.');
      if (eq < 0) {
        if (host.hasSysctl(name)) result.stdout += show(host, name, f);
        else {
          const under = names.filter((n) => n.startsWith(name + '.'));
          if (under.length > 0) result.stdout += under.map((n) => show(host, n, f)).join('');
          else if (!f.ignore) {
            result.stderr += `sysctl: cannot stat ${sysctlPath(name)}: No such file or directory\n`;
            result.code = 1;
          }
        }
        continue;
      }
      const text = arg.slice(eq + 1).trim();
      if (!host.hasSysctl(name)) {
        if (!f.ignore) {
          result.stderr += `sysctl: cannot stat ${sysctlPath(name)}: No such file or directory\n`;
          result.code = 1;
        }
        continue;
      }
      if (!host.sysctlWritable(name)) {
        // procps refuses a read-only file itself, and (measured) still exits 0.
        result.stderr += `sysctl: setting key "${name}": Invalid argument\n`;
        continue;
      }
      if (!f.dryRun) {
        try {
          host.writeSysctl(name, text + '\n');
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          result.stderr += `sysctl: setting key "${name}": ${e.strerror}\n`;
          result.code = 1;
          continue;
        }
      }
      // procps echoes what was written, not what the kernel kept.
      if (!f.quiet) result.stdout += f.values ? `${text}\n` : `${name} = ${text}\n`;
    }
    return result;
  },
  complete: completeSysctlName,
};
