/** echo: bash's builtin, -n -e -E. */
import type { Command } from '../types.ts';

export const echo: Command = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    const f = args.shift()!;
    if (f.includes('n')) newline = false;
    if (f.includes('e')) escapes = true;
    if (f.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  return { stdout: text + (newline ? '\n' : ''), stderr: '', code: 0 };
};
