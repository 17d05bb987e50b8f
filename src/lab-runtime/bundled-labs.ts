/**
 * The labs as Vite bundles them, for the browser, the site's build and Vitest: each lab's
 * definition and files load on demand, each a chunk of its own, so a page or a worker pays only
 * for the lab it opens. The layout is lab-files.ts's; node-labs.ts reads the same for plain Node.
 */
import type { LabDefinition } from './define.ts';
import { labPath, parseLabPath, unknownLab, type LabTextFile } from './lab-files.ts';

type Importers<T> = Map<string, () => Promise<T>>;

/** Vite's importers, keyed by labPath(id, file). */
function byLabPath<T>(globbed: Record<string, () => Promise<T>>): Importers<T> {
  const importers: Importers<T> = new Map();
  for (const [path, load] of Object.entries(globbed)) {
    const p = parseLabPath(path);
    if (p) importers.set(labPath(p.id, p.file), load);
  }
  return importers;
}

// import.meta.glob takes literal patterns only: lab-files.ts's layout, written out.
const definitions = byLabPath(import.meta.glob<{ default: LabDefinition }>('../../labs/*/lab.ts'));
const texts = byLabPath(import.meta.glob<string>('../../labs/*/{starter,solution}.{ts,sh}', { query: '?raw', import: 'default' }));

export function labIds(): string[] {
  return [...definitions.keys()].map((path) => parseLabPath(path)!.id).sort();
}

export async function loadLab(id: string): Promise<LabDefinition> {
  const load = definitions.get(labPath(id));
  if (!load) throw unknownLab(id, labIds());
  return (await load()).default;
}

/** A lab's starter or solution, as text. */
export async function loadLabFile(id: string, file: LabTextFile): Promise<string> {
  const load = texts.get(labPath(id, file));
  if (!load) throw definitions.has(labPath(id)) ? new Error(`${labPath(id, file)} does not exist`) : unknownLab(id, labIds());
  return load();
}
