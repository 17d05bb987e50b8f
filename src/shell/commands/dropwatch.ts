/**
 * dropwatch -l kas (dropwatch 1.5): drops since the previous dropwatch run, one line per place,
 * "N drops at FUNCTION [software]" for the kernel's kfree_skb_reason() sites, with the drop reason
 * the skb:kfree_skb tracepoint carries appended in parentheses, and "N drops at COUNTER [hardware]"
 * for drops the NIC counts. The real tool prints a symbol+offset and address; the simulator has none.
 */
import { getopt, value } from '../argv.ts';
import type { Command } from '../types.ts';

export const dropwatch: Command = {
  name: 'dropwatch',
  page: {
    summary: 'drops by place and reason since the previous dropwatch',
    body: `SYNOPSIS
       dropwatch -l kas
DESCRIPTION
       One line per place a packet was freed as a drop, like dropwatch 1.5:
       "N drops at FUNCTION [software] (REASON)" for kfree_skb_reason() with its skb_drop_reason,
       "N drops at COUNTER [hardware]" for drops inside the NIC.
`,
  },
  run(ctx) {
    const p = getopt('dropwatch', ctx.argv.slice(1), [{ short: 'l', long: 'lmethod', arg: true }]);
    const usage = 'dropwatch [-l|--lmethod <method | list>]\n';
    if (p.error || p.operands.length) return { stdout: usage, stderr: p.error ? p.error.message + '\n' : '', code: 1 };
    const method = value(p, 'lmethod');
    if (method === 'list') return { stdout: 'Available lookup methods:\nkas - use /proc/kallsyms\n', stderr: '', code: 0 };
    if (method !== undefined && method !== 'kas') return { stdout: `Unknown lookup method ${method}\n`, stderr: '', code: 1 };
    const state = ctx.state;
    const drops = state.host.stats().drops;
    const seen = state.dropwatchSeen;
    const lines: string[] = [];
    for (const d of drops) {
      const key = `${d.reason}|${d.where}`;
      const n = d.count - (seen?.get(key) ?? 0);
      if (n <= 0) continue;
      lines.push(d.reason === null ? `${n} drops at ${d.where} [hardware]` : `${n} drops at ${d.where} [software] (${d.reason})`);
    }
    state.dropwatchSeen = new Map(drops.map((d) => [`${d.reason}|${d.where}`, d.count]));
    const stdout =
      'Initializing kallsyms db\ndropwatch> start\nEnabling monitoring...\nKernel monitoring activated.\nIssue Ctrl-C to stop monitoring\n' +
      (lines.length ? lines.join('\n') + '\n' : '') +
      '^CGot a stop message\ndropwatch> exit\nShutting down ...\n';
    return { stdout, stderr: '', code: 0 };
  },
};
