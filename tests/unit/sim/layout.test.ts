// src/sim is laid out as the kernel's tree, and its folders depend on each other one way only:
// engine ← include ← lib ← hw ← kernel ← net ← drivers ← user ← the host API at the top.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../../src/sim');
const LAYERS = ['engine', 'include', 'lib', 'hw', 'kernel', 'net', 'drivers', 'user'] as const;
/** Files at the top (host.ts, index.ts, kernel-api.ts …) may import any layer. */
const TOP = LAYERS.length;

/**
 * Cycles between files (value imports; a type-only import is a forward declaration) allowed only
 * inside one folder, where the kernel's own files depend on each other the same way.
 */
const ALLOWED_CYCLES: Record<string, string> = {
  'kernel/irq/handle.ts kernel/sched/core.ts kernel/softirq.ts':
    'irq entry runs softirqs at irq_exit, softirqs wake ksoftirqd through the scheduler, the tick raises TIMER_SOFTIRQ',
  'net/core/dev.ts net/core/gro.ts': "dev.c's NAPI completion flushes GRO, GRO hands its batches to dev.c's netif_receive_skb_list_internal",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  target: string;
  typeOnly: boolean;
}

/** Each file's imports (and module augmentations, which read the augmented module), relative to src/sim. */
const files = new Map<string, { source: string; imports: Import[]; specifiers: string[] }>();
for (const path of walk(SIM)) {
  const source = readFileSync(path, 'utf8');
  const statements = [...source.matchAll(/^\s*(import|export)(\s+type)?[^'"]*?from\s+'([^']+)'|^declare module '([^']+)'/gm)];
  const specifiers = statements.map((m) => m[3] ?? m[4]!);
  const imports = statements
    .filter((m) => (m[3] ?? m[4]!).startsWith('.'))
    .map((m) => ({ target: relative(SIM, resolve(dirname(path), m[3] ?? m[4]!)), typeOnly: m[2] !== undefined || m[4] !== undefined }));
  files.set(relative(SIM, path), { source, imports, specifiers });
}

const layerOf = (file: string): number => {
  const i = LAYERS.indexOf(file.split('/')[0] as (typeof LAYERS)[number]);
  return i < 0 ? TOP : i;
};
const layerName = (i: number) => (i === TOP ? 'the host API' : `${LAYERS[i]}/`);

describe('src/sim', () => {
  it('has the kernel files the chapters send learners to', () => {
    for (const f of ['net/core/dev.ts', 'net/core/gro.ts', 'net/core/skbuff.ts', 'kernel/softirq.ts', 'net/ipv4/ip_input.ts', 'net/ipv4/udp.ts', 'drivers/net/ethernet/intel/igb/igb_main.ts']) {
      expect(files.has(f), f).toBe(true);
    }
  });

  it.each([...files.keys()])('%s imports only src/sim and uses no Node or browser API', (file) => {
    const { source, specifiers } = files.get(file)!;
    for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\.?\/[\w./-]+\.ts$/);
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code, `${file} uses a Node or browser global`).not.toMatch(/\b(process\.|require\(|document\.|window\.|globalThis\.)/);
  });

  it('imports only from its own folder or folders to its left: engine ← include ← lib ← hw ← kernel ← net ← drivers ← user ← host API', () => {
    const wrong: string[] = [];
    for (const [file, { imports }] of files) {
      for (const { target } of imports) {
        if (!files.has(target)) wrong.push(`${file} imports ${target}, which does not exist`);
        else if (layerOf(target) > layerOf(file)) wrong.push(`${file} (${layerName(layerOf(file))}) imports ${target} (${layerName(layerOf(target))})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle but those the kernel has too, each inside one folder', () => {
    // Tarjan's strongly connected components over value imports.
    const graph = new Map([...files].map(([f, { imports }]) => [f, imports.filter((i) => !i.typeOnly).map((i) => i.target)]));
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) !== index.get(v)) return;
      const scc: string[] = [];
      for (let w = ''; w !== v; ) scc.push((w = stack.pop()!));
      if (scc.length > 1) cycles.push(scc.sort().join(' '));
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(cycles.sort()).toEqual(Object.keys(ALLOWED_CYCLES).sort());
  });
});
