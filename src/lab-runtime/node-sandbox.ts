/**
 * Grade a file in a worker thread that is terminated at the time limit, so a learner's infinite
 * loop costs the limit and nothing more.
 */
import { Worker } from 'node:worker_threads';
import { loadLab } from './node-labs.ts';
import { errorResult, type LabResult } from './run-lab.ts';

export const DEFAULT_TIME_LIMIT_MS = 5000;

export async function gradeInWorker(labId: string, source: string, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Promise<LabResult> {
  const lab = await loadLab(labId);
  const worker = new Worker(new URL('./node-worker.ts', import.meta.url), { workerData: { labId, source }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
  return new Promise<LabResult>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(errorResult(lab, { kind: 'timeout', message: `Stopped after the time limit of ${timeLimitMs} ms: does a loop never end?` }));
    }, timeLimitMs);
    worker.once('message', (result: LabResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve(errorResult(lab, { kind: 'runtime', message: `${e.name}: ${e.message}` }));
    });
  });
}
