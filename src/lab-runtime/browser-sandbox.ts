/**
 * Grade a file in the browser: a fresh Web Worker per run, terminated by a main-thread timer at
 * the time limit, so no learner code can freeze the page. The next run's worker is started (and
 * has loaded the lab and warmed the simulator up) before the learner presses Run, so Run costs
 * the grading alone, in compiled code (in Chromium: ~120-170 ms for the napi-poll lab, ~250-300 cold).
 */
import { errorResult, type LabOutline, type LabResult } from './run-lab.ts';

export const BROWSER_TIME_LIMIT_MS = 5000;

const spares = new Map<string, Worker>();

function spawn(labId: string): Worker {
  const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module', name: `lab-${labId}` });
  worker.postMessage({ type: 'prepare', labId });
  return worker;
}

/** Start the worker the next run of this lab will use. */
export function prepareLab(labId: string): void {
  if (!spares.has(labId)) spares.set(labId, spawn(labId));
}

export function gradeInBrowser(lab: LabOutline, source: string, timeLimitMs = BROWSER_TIME_LIMIT_MS): Promise<LabResult> {
  const worker = spares.get(lab.id) ?? spawn(lab.id);
  spares.delete(lab.id);
  return new Promise<LabResult>((resolve) => {
    const finish = (result: LabResult) => {
      clearTimeout(timer);
      worker.terminate();
      prepareLab(lab.id);
      resolve(result);
    };
    const timer = setTimeout(() => finish(errorResult(lab, { kind: 'timeout', message: `Stopped after the time limit of ${timeLimitMs} ms: does a loop never end?` })), timeLimitMs);
    worker.onmessage = (e: MessageEvent<LabResult>) => finish(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      finish(errorResult(lab, { kind: 'runtime', message: e.message || 'the lab could not run' }));
    };
    worker.postMessage({ type: 'run', labId: lab.id, source });
  });
}
