/** The text a file-reading tool (cat, grep, head, tail, wc) works on: its operands' contents, or stdin. */
import { FsError, readFile, strerror } from '../fs.ts';
import type { CommandContext } from '../types.ts';

/** Read each operand (or stdin for none or "-"); errors as `<prog>: <file>: <strerror>`. */
export function inputs(ctx: CommandContext, prog: string, files: string[]): { name: string; text: string | null; err?: string }[] {
  if (files.length === 0) return [{ name: '(standard input)', text: ctx.stdin }];
  return files.map((f) => {
    if (f === '-') return { name: '(standard input)', text: ctx.stdin };
    try {
      return { name: f, text: readFile(ctx.state.host, f) };
    } catch (e) {
      if (e instanceof FsError) return { name: f, text: null, err: `${prog}: ${f}: ${strerror(e.errno)}\n` };
      throw e;
    }
  });
}
