/** The labs on disk (labs/<id>/), for Node: the command line and the tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LabDefinition } from './define.ts';

export const LABS_DIR = fileURLToPath(new URL('../../labs/', import.meta.url));

export function labIds(): string[] {
  return readdirSync(LABS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${LABS_DIR}${d.name}/lab.ts`))
    .map((d) => d.name)
    .sort();
}

export async function loadLab(id: string): Promise<LabDefinition> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !labIds().includes(id)) {
    throw new Error(`no lab "${id}"; the labs are: ${labIds().join(', ')}`);
  }
  const mod = (await import(`${LABS_DIR}${id}/lab.ts`)) as { default: LabDefinition };
  return mod.default;
}

export function labFile(id: string, file: `${'starter' | 'solution'}.${'ts' | 'sh'}`): string {
  return readFileSync(`${LABS_DIR}${id}/${file}`, 'utf8');
}
