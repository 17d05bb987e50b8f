/** wc: lines, words, characters and bytes, laid out as GNU wc lays them out. */
import { getopt, has, tryHelp } from '../argv.ts';
import type { Command } from '../types.ts';
import { inputs } from './inputs.ts';

export const wc: Command = {
  name: 'wc',
  page: { summary: 'count lines, words, bytes', body: 'SYNOPSIS\n       wc [-l] [-w] [-c] [FILE...]\n' },
  run(ctx) {
    const p = getopt('wc', ctx.argv.slice(1), [{ short: 'l', long: 'lines' }, { short: 'w', long: 'words' }, { short: 'c', long: 'bytes' }, { short: 'm', long: 'chars' }]);
    if (p.error) return tryHelp('wc', p.error.message);
    const all = !has(p, 'lines') && !has(p, 'words') && !has(p, 'bytes') && !has(p, 'chars');
    const files = inputs(ctx, 'wc', p.operands);
    let stdout = '';
    let stderr = '';
    const rows: { counts: number[]; name: string }[] = [];
    for (const f of files) {
      if (f.text === null) {
        stderr += f.err;
        continue;
      }
      const counts: number[] = [];
      if (all || has(p, 'lines')) counts.push((f.text.match(/\n/g) ?? []).length);
      if (all || has(p, 'words')) counts.push(f.text.split(/\s+/).filter((w) => w !== '').length);
      if (has(p, 'chars')) counts.push([...f.text].length);
      if (all || has(p, 'bytes')) counts.push(new TextEncoder().encode(f.text).length);
      rows.push({ counts, name: p.operands.length ? f.name : '' });
    }
    if (rows.length > 1) rows.push({ counts: rows[0]!.counts.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)), name: 'total' });
    // GNU wc: one number alone is printed bare; several are right-aligned to a common width (7 for stdin).
    const single = rows.length === 1 && rows[0]!.counts.length === 1;
    const width = single ? 1 : Math.max(p.operands.length ? 1 : 7, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
    for (const r of rows) stdout += r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n';
    return { stdout, stderr, code: stderr ? 1 : 0 };
  },
};
