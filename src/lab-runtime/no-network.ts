/** Take the network (and the browser's storage) away from a Web Worker, before it runs learner code. */
const WITHDRAWN = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches'];

export function withdrawNetwork(scope: object): void {
  for (const name of WITHDRAWN) {
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* a property the engine will not let go stays shadowed in the learner's scope anyway */
    }
  }
}
