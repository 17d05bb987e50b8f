/**
 * Grade a file in the browser: a fresh Web Worker per run, terminated by a main-thread timer at
 * the time limit, so no learner code can freeze the page.
 */
import { errorResult, type LabOutline, type LabResult } from './run-lab.ts';

export const BROWSER_TIME_LIMIT_MS = 5000;

export function gradeInBrowser(lab: LabOutline, source: string, timeLimitMs = BROWSER_TIME_LIMIT_MS): Promise<LabResult> {
  const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module', name: `lab-${lab.id}` });
  return new Promise<LabResult>((resolve) => {
    const finish = (result: LabResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(errorResult(lab, { kind: 'timeout', message: `Stopped after the time limit of ${timeLimitMs} ms: does a loop never end?` })), timeLimitMs);
    worker.onmessage = (e: MessageEvent<LabResult>) => finish(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      finish(errorResult(lab, { kind: 'runtime', message: e.message || 'the lab could not run' }));
    };
    worker.postMessage({ labId: lab.id, source });
  });
}
