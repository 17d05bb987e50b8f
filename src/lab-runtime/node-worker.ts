/** The worker thread that grades one file in Node (the command line, the tests). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLab } from './node-labs.ts';
import { runLab } from './run-lab.ts';

const { labId, source } = workerData as { labId: string; source: string };
const lab = await loadLab(labId);
parentPort!.postMessage(runLab(lab, source));
