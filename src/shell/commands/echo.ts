/** echo: bash's builtin, -n -e -E. */
import type { Command } from '../types.ts';

export const echo: Command = {
  name: 'echo',
  page: { summary: 'print arguments; with > FILE, write a /proc/sys or /sys knob', body: 'SYNOPSIS\n       echo VALUE > /sys/class/net/eth0/queues/rx-0/rps_cpus\n       echo 2 > /proc/irq/N/smp_affinity\n' },
  run(ctx) {
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
  },
};
