/**
 * getopt_long as the GNU tools use it: bundled short options (-uamn), an option's argument
 * attached or separate (-n5, -n 5), long options with = or a separate argument, and `--`.
 */
import type { Output } from './types.ts';

export interface OptionSpec {
  /** Short letter, if any. */
  short?: string;
  /** Long name, if any. */
  long?: string;
  /** Takes an argument. */
  arg?: boolean;
  /** Name to file the option under (default: long, else short). */
  key?: string;
}

export interface ParsedArgs {
  /** Each option seen, in order, with its argument ('' for a flag). */
  opts: { key: string; value: string }[];
  operands: string[];
  /** The first error, worded as getopt does. */
  error?: { kind: 'invalid' | 'unrecognized' | 'missing'; option: string; message: string };
}

export function getopt(prog: string, args: string[], specs: OptionSpec[], opts: { permute?: boolean } = {}): ParsedArgs {
  const permute = opts.permute ?? true;
  const out: ParsedArgs = { opts: [], operands: [] };
  const keyOf = (s: OptionSpec) => s.key ?? s.long ?? s.short!;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const matches = specs.filter((s) => s.long !== undefined && s.long.startsWith(name));
      const spec = matches.find((s) => s.long === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!spec) {
        out.error = { kind: 'unrecognized', option: a, message: `${prog}: unrecognized option '${a}'` };
        return out;
      }
      let value = '';
      if (spec.arg) {
        if (eq >= 0) value = a.slice(eq + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else {
          out.error = { kind: 'missing', option: a, message: `${prog}: option '--${spec.long}' requires an argument` };
          return out;
        }
      }
      out.opts.push({ key: keyOf(spec), value });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const spec = specs.find((s) => s.short === ch);
        if (!spec) {
          out.error = { kind: 'invalid', option: ch, message: `${prog}: invalid option -- '${ch}'` };
          return out;
        }
        if (spec.arg) {
          let value = a.slice(j + 1);
          if (value === '') {
            if (i + 1 < args.length) value = args[++i]!;
            else {
              out.error = { kind: 'missing', option: ch, message: `${prog}: option requires an argument -- '${ch}'` };
              return out;
            }
          }
          out.opts.push({ key: keyOf(spec), value });
          break;
        }
        out.opts.push({ key: keyOf(spec), value: '' });
      }
      continue;
    }
    out.operands.push(a);
    if (!permute) {
      out.operands.push(...args.slice(i + 1));
      break;
    }
  }
  return out;
}

export function has(p: ParsedArgs, key: string): boolean {
  return p.opts.some((o) => o.key === key);
}

export function count(p: ParsedArgs, key: string): number {
  return p.opts.filter((o) => o.key === key).length;
}

export function value(p: ParsedArgs, key: string): string | undefined {
  const all = p.opts.filter((o) => o.key === key);
  return all.length ? all[all.length - 1]!.value : undefined;
}

/** A GNU tool's answer to a bad option or operand: what is wrong, then where to read more. */
export function tryHelp(prog: string, message: string, code = 1): Output {
  return { stdout: '', stderr: `${message}\nTry '${prog} --help' for more information.\n`, code };
}
