/**
 * npm run grade -- --lab <id> <file>… [--json] [--junit out.xml] [--gradescope results.json]
 *   [--time-limit ms] [--jobs n]
 * A file is a learner's TypeScript for a code lab, or for a tuning lab the commands they typed
 * (one per line, as the lab's terminal keeps them), or the learner's progress export from the
 * home page (the lab's saved code or terminal is graded). Grades each file with the same runtime as the browser, in parallel worker threads, each with the
 * time limit. Exits 1 when any check of any file fails, 2 on bad usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { labIds, loadLab } from '../src/lab-runtime/node-labs.ts';
import { unknownLab } from '../src/lab-runtime/lab-files.ts';
import { errorResult } from '../src/lab-runtime/run-lab.ts';
import { submissionFrom } from '../src/lab-runtime/submission.ts';
import { DEFAULT_TIME_LIMIT_MS, gradeInWorker } from '../src/lab-runtime/node-sandbox.ts';
import { gradescope, junit, table, type GradedFile } from '../src/lab-runtime/reports.ts';

const USAGE = 'usage: npm run grade -- --lab <id> <file>… [--json] [--junit out.xml] [--gradescope results.json] [--time-limit ms] [--jobs n]';

function fail(message: string): never {
  console.error(`grade: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      lab: { type: 'string' },
      json: { type: 'boolean', default: false },
      junit: { type: 'string' },
      gradescope: { type: 'string' },
      'time-limit': { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  fail((e as Error).message);
}
const { values, positionals: files } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.lab) fail('--lab is required');
if (!labIds().includes(values.lab)) fail(unknownLab(values.lab, labIds()).message);
if (files.length === 0) fail('no file to grade');
for (const f of files) if (!existsSync(f)) fail(`${f}: no such file`);
if (values.gradescope && files.length !== 1) fail('--gradescope writes the results of one submission: give exactly one file');
const timeLimit = Number(values['time-limit'] ?? DEFAULT_TIME_LIMIT_MS);
if (!(timeLimit > 0)) fail('--time-limit must be a positive number of ms');
const jobs = Number(values.jobs ?? Math.max(1, availableParallelism()));
if (!(Number.isInteger(jobs) && jobs > 0)) fail('--jobs must be a positive whole number');

const lab = values.lab;
const definition = await loadLab(lab);
const graded: GradedFile[] = new Array(files.length);
let next = 0;
async function worker(): Promise<void> {
  while (next < files.length) {
    const i = next++;
    const file = files[i]!;
    const found = submissionFrom(definition, readFileSync(file, 'utf8'));
    graded[i] = { file, result: 'error' in found ? errorResult(definition, { kind: 'export', message: found.error }) : await gradeInWorker(lab, found.submission, timeLimit) };
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));

if (values.json) {
  for (const { file, result } of graded) console.log(JSON.stringify({ file, lab: result.lab, status: result.status, score: result.score, maxScore: result.maxScore, checks: result.checks, error: result.error ?? null }));
} else {
  console.log(table(graded));
}
if (values.junit) writeFileSync(values.junit, junit(graded));
if (values.gradescope) writeFileSync(values.gradescope, JSON.stringify(gradescope(graded[0]!), null, 2));
process.exit(graded.every((g) => g.result.status === 'passed') ? 0 : 1);
