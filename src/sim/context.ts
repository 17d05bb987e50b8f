import type { Host } from './host.ts';

/**
 * The host whose simulation step is running. Kernel functions without an argument that leads to
 * the host (jiffies, this_cpu_ptr) read it, as kernel code reads per-CPU state of the CPU it runs on.
 */
let running: Host | null = null;

export function current(): Host {
  if (running === null) throw new Error('kernel functions can only be called while the simulator runs (inside a hook)');
  return running;
}

/** Run `fn` with `host` as the running host, restoring the previous one afterwards. */
export function withHost<T>(host: Host, fn: () => T): T {
  const prev = running;
  running = host;
  try {
    return fn();
  } finally {
    running = prev;
  }
}
