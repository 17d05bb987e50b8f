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

let loaded: Promise<LabDefinition> | null = null;

function load(labId: string): Promise<LabDefinition> {
  const importer = labs[`../../labs/${labId}/lab.ts`];
  if (!importer) throw new Error(`no lab ${labId}`);
  return (loaded ??= importer().then((m) => m.default));
}

// 'prepare' loads the lab (and with it the simulator) ahead of time; 'run' grades a file.
self.onmessage = async (e: MessageEvent<{ type: 'prepare' | 'run'; labId: string; source?: string }>) => {
  const { type, labId, source } = e.data;
  const lab = await load(labId);
  if (type === 'run') self.postMessage(runLab(lab, source ?? ''));
};
