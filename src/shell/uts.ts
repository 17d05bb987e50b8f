/** The host's utsname and wall clock: what uname prints, and what tools put in their headers and timestamps. */

export const SYSNAME = 'Linux';
export const NODENAME = 'packetpath';
export const MACHINE = 'x86_64';

/**
 * The simulated host has no real-time clock of its own: it booted at this instant (UTC, its time
 * zone) and its wall clock has advanced by its simulated time since, so every report is reproducible.
 */
export const BOOT_TIME_S = Date.UTC(2025, 11, 1, 9, 0, 0) / 1000;

const two = (n: number) => String(n).padStart(2, '0');

function wallClock(ns: number): Date {
  return new Date(BOOT_TIME_S * 1000 + Math.floor(ns / 1e6));
}

/** strftime("%x") in the C locale, at `ns` of host time: 12/01/25. */
export function dateAt(ns: number): string {
  const d = wallClock(ns);
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`;
}

/** strftime("%X") in the C locale, at `ns` of host time: 09:00:00. */
export function timeAt(ns: number): string {
  const d = wallClock(ns);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
