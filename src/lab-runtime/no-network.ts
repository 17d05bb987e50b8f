/**
 * The globals learner code must not reach: the network and storage, which a worker that will run
 * learner code takes away from itself first, and the ability to load code or reach the runtime,
 * which learner code's own scope shadows as well (learner-module.ts; it also covers Node's threads).
 */
const NETWORK_AND_STORAGE = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches'] as const;
export const FORBIDDEN_GLOBALS = [...NETWORK_AND_STORAGE, 'importScripts', 'localStorage', 'sessionStorage', 'navigator', 'process', 'Deno', 'Bun'] as const;

/** Take the network and storage away from a Web Worker, before it runs learner code. */
export function withdrawNetwork(scope: object): void {
  for (const name of NETWORK_AND_STORAGE) {
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* a property the engine will not let go stays shadowed in the learner's scope anyway */
    }
  }
}
