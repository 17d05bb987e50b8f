// A learner who has read a kernel function in a chapter finds its twin in src/sim at the kernel's
// path: every kernel function the chapters name (kernelFunctions in their frontmatter) that the
// simulator defines lives in the file that stands for the kernel file defining it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChapterDir } from '../../../src/lib/chapter-check.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SIM = join(ROOT, 'src/sim');

/**
 * Static inlines of a header that call kernel code cannot live in include/ (structs, constants and
 * types only): each lives beside the code it calls.
 */
const HEADER_INLINES: Record<string, string> = {
  napi_schedule: 'net/core/dev.ts',
  netif_napi_add: 'net/core/dev.ts',
  napi_gro_receive: 'net/core/gro.ts',
  gro_normal_one: 'net/core/gro.ts',
  gro_normal_list: 'net/core/gro.ts',
};

/** The learner's door: its wrappers (kfree_skb_reason checks the reason it is given) are not the kernel's functions. */
const DOOR = 'kernel-api.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = walk(SIM)
  .map((p) => ({ file: relative(SIM, p), text: readFileSync(p, 'utf8') }))
  .filter((s) => s.file !== DOOR);

/** The files of src/sim that define `name` as a function, a class or a constant. */
function definedIn(name: string): string[] {
  const re = new RegExp(`^(export )?(function|class) ${name}\\b|^(export )?const ${name} =`, 'm');
  return sources.filter((s) => re.test(s.text)).map((s) => s.file);
}

const named = new Map<string, Set<string>>();
for (const c of checkChapterDir(join(ROOT, 'content/chapters'), ROOT).chapters) {
  for (const f of c.data?.kernelFunctions ?? []) {
    if (!named.has(f.name)) named.set(f.name, new Set());
    named.get(f.name)!.add(f.file);
  }
}

describe('kernel functions the chapters name', () => {
  it('are each said to be in one kernel file, whichever chapter names them', () => {
    const disagree = [...named].filter(([, files]) => files.size > 1).map(([name, files]) => `${name}: ${[...files].join(' vs ')}`);
    expect(disagree).toEqual([]);
  });

  it('live in src/sim at their kernel path, when the simulator defines them', () => {
    const defined = [...named].filter(([name]) => definedIn(name).length > 0);
    expect(defined.length).toBeGreaterThan(40);
    const misplaced: string[] = [];
    for (const [name, files] of defined) {
      const kernelFile = [...files][0]!;
      const expected = HEADER_INLINES[name] ?? kernelFile.replace(/\.[ch]$/, '.ts');
      const actual = definedIn(name);
      if (actual.length !== 1 || actual[0] !== expected) misplaced.push(`${name} (${kernelFile}): in ${actual.join(', ')}, expected ${expected}`);
    }
    expect(misplaced).toEqual([]);
  });
});
