/// <reference lib="webworker" />
/** The Web Worker that grades a learner's file in the browser: a fresh one per run. */
import type { LabDefinition } from './define.ts';
import { runLab } from './run-lab.ts';

// Learner code gets no network: take it away from the worker before anything runs.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches']) {
  try {
    Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
  } catch {
    /* a property the engine will not let go stays shadowed in the learner's scope anyway */
  }
}

const labs = import.meta.glob<{ default: LabDefinition }>('../../labs/*/lab.ts');

self.onmessage = async (e: MessageEvent<{ labId: string; source: string }>) => {
  const { labId, source } = e.data;
  const load = labs[`../../labs/${labId}/lab.ts`];
  if (!load) throw new Error(`no lab ${labId}`);
  const lab = (await load()).default;
  self.postMessage(runLab(lab, source));
};
