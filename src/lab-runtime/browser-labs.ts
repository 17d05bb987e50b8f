/** The labs (labs/<id>/lab.ts), for the browser's workers: each loads on demand, as a chunk of its own. */
import type { LabDefinition } from './define.ts';

const labs = import.meta.glob<{ default: LabDefinition }>('../../labs/*/lab.ts');

export async function loadLab(id: string): Promise<LabDefinition> {
  const importer = labs[`../../labs/${id}/lab.ts`];
  if (!importer) throw new Error(`no lab ${id}`);
  return (await importer()).default;
}
