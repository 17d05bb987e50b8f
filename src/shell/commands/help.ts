/** help: what this terminal understands, one line per command that has a manual page. */
import { scenarioNames } from '../scenarios.ts';
import type { Command } from '../types.ts';

export const help: Command = {
  name: 'help',
  page: { summary: 'this list', body: 'SYNOPSIS\n       help\n' },
  run(ctx) {
    const listed = [...ctx.state.commands.values()].flatMap((c) => (c.page ? [{ name: c.name, summary: c.page.summary }] : []));
    const w = Math.max(...listed.map((c) => c.name.length));
    const stdout =
      'Commands (as on a Linux 6.18 host; `man NAME` for more):\n' +
      listed.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}\n`).join('') +
      'Pipes (|), lists (; && ||) and redirections (> >> 2> 2>&1) work as in bash.\n' +
      `Scenarios for run (run --list says what each sends): ${scenarioNames(ctx.state)}.\n`;
    return { stdout, stderr: '', code: 0 };
  },
};
