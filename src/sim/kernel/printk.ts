/** The kernel log (kernel/printk/printk.c): what dmesg shows. */
import * as machine_h from '../include/machine.ts';

// Imported constants and functions as module constants, which V8 folds into the code (docs/fast-simulator-code.md).
const { machine } = machine_h;

/** The log keeps its first 1000 messages: enough for any run, bounded for a runaway one. */
const LOG_LINES = 1000;

/** pr_warn: a line in the kernel log, stamped with the time since boot. */
export function pr_warn(message: string): void {
  const m = machine();
  if (m.dmesg.length < LOG_LINES) m.dmesg.push(`[${(m.now / 1e9).toFixed(6).padStart(12)}] ${message}`);
}

/** pr_warn_once: as pr_warn, once per `key` (the kernel keeps a flag per call site). */
export function pr_warn_once(key: string, message: string): void {
  const once = machine().printed_once;
  if (once.has(key)) return;
  once.add(key);
  pr_warn(message);
}
