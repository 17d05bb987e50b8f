/** man: a command's manual page, as man(1) lays out its first lines. */
import type { Command } from '../types.ts';

export const man: Command = {
  name: 'man',
  page: { summary: 'a short page for a command', body: 'SYNOPSIS\n       man COMMAND\n' },
  run(ctx) {
    const name = ctx.argv[1];
    if (name === undefined) return { stdout: '', stderr: "What manual page do you want?\nFor example, try 'man man'.\n", code: 1 };
    const page = ctx.state.commands.get(name)?.page;
    if (!page) return { stdout: '', stderr: `No manual entry for ${name}\n`, code: 16 };
    return { stdout: `${name.toUpperCase()}(8)\n\nNAME\n       ${name} - ${page.summary}\n\n${page.body}`, stderr: '', code: 0 };
  },
  complete: (_words, word, state) => [...state.commands.values()].filter((c) => c.page !== undefined && c.name.startsWith(word)).map((c) => c.name),
};
