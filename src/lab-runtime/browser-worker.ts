/// <reference lib="webworker" />
/** The Web Worker that grades a learner's file in the browser: a fresh one per run. */
import { loadLab } from './bundled-labs.ts';
import { withdrawNetwork } from './no-network.ts';
import { runLab } from './run-lab.ts';
import { warmUpLab } from './warm-up.ts';

// Learner code gets no network: take it away from the worker before anything runs.
withdrawNetwork(self);

// 'prepare' loads the lab (and with it the simulator) and warms it up ahead of time; 'run' grades a file.
self.onmessage = async (e: MessageEvent<{ type: 'prepare' | 'run'; labId: string; source?: string }>) => {
  const { type, labId, source } = e.data;
  const lab = await loadLab(labId);
  if (type === 'prepare') warmUpLab(lab);
  else self.postMessage(runLab(lab, source ?? ''));
};
