/** What `npm run check:labs` and tests/labs verify of one lab. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOOK_NAMES } from '../sim/index.ts';
import { isTuningLab, submissionExtension } from './define.ts';
import { labFile, loadLab } from './node-labs.ts';
import { runLab } from './run-lab.ts';

const CHAPTERS_DIR = fileURLToPath(new URL('../../content/chapters/', import.meta.url));

export interface LabCheckReport {
  id: string;
  problems: string[];
}

export async function checkLab(id: string): Promise<LabCheckReport> {
  const problems: string[] = [];
  const lab = await loadLab(id);
  if (lab.id !== id) problems.push(`lab.ts says id "${lab.id}" but lives in labs/${id}/`);
  if (!existsSync(`${CHAPTERS_DIR}${lab.chapter}.mdx`)) problems.push(`chapter "${lab.chapter}" does not exist (content/chapters/${lab.chapter}.mdx)`);
  if (!isTuningLab(lab) && !HOOK_NAMES.includes(lab.hook)) problems.push(`hook "${lab.hook}" is not a simulator hook (${HOOK_NAMES.join(', ')})`);
  if (lab.checks.length === 0) problems.push('the lab has no checks');
  const ids = lab.checks.map((c) => c.id);
  if (new Set(ids).size !== ids.length) problems.push(`check ids repeat: ${ids.join(', ')}`);
  if (lab.hints.length === 0) problems.push('the lab has no hints');
  const ext = submissionExtension(lab);
  const solution = runLab(lab, labFile(id, `solution.${ext}`));
  for (const c of solution.checks) if (!c.pass) problems.push(`solution fails "${c.id}": ${c.message}`);
  if (solution.error) problems.push(`solution does not run: ${solution.error.message}`);
  const starter = runLab(lab, labFile(id, `starter.${ext}`));
  if (starter.checks.every((c) => c.pass)) problems.push('the starter passes every check: it should leave work to do');
  return { id, problems };
}
