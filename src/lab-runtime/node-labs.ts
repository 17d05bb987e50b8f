/**
 * The labs on disk, for plain Node (the command line, its worker threads, the tests): the layout
 * of lab-files.ts read through the file system. bundled-labs.ts reads the same for Vite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { LabDefinition } from './define.ts';
import { LABS_FOLDER, isLabId, labPath, unknownLab, type LabTextFile } from './lab-files.ts';

const ROOT = new URL('../../', import.meta.url);
const onDisk = (path: string) => new URL(path, ROOT);

export function labIds(): string[] {
  return readdirSync(onDisk(LABS_FOLDER), { withFileTypes: true })
    .filter((d) => d.isDirectory() && isLabId(d.name) && existsSync(onDisk(labPath(d.name))))
    .map((d) => d.name)
    .sort();
}

function assertLab(id: string): void {
  if (!labIds().includes(id)) throw unknownLab(id, labIds());
}

export async function loadLab(id: string): Promise<LabDefinition> {
  assertLab(id);
  return ((await import(onDisk(labPath(id)).href)) as { default: LabDefinition }).default;
}

/** A lab's starter or solution, as text. */
export function labFile(id: string, file: LabTextFile): string {
  assertLab(id);
  return readFileSync(onDisk(labPath(id, file)), 'utf8');
}
