/**
 * The progress export: the file "Export progress" on the home page saves, "Import progress"
 * restores and `npm run grade` reads a learner's lab from. It holds every entry the course keeps
 * in localStorage (the keys that start with `pp-`), as the strings stored:
 *   { "format": "packet-path-progress", "version": 1, "data": { "pp-…": "…" } }
 * No DOM and no Node APIs: the page and the grader both import it.
 */

const PROGRESS_FORMAT = 'packet-path-progress';
const PROGRESS_VERSION = 1;
/** Every key the course keeps in localStorage starts with this. */
const COURSE_KEY = /^pp-/;

interface ProgressExport {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  data: Record<string, string>;
}

/** The file's name, dated: packet-path-progress-2025-01-31.json. */
export const progressFileName = (date: Date): string => `${PROGRESS_FORMAT}-${date.toISOString().slice(0, 10)}.json`;

/** What reading a file gives: the entries, or why not, and whether the file claims to be an export at all. */
export type ReadExport = { ok: true; data: Record<string, string> } | { ok: false; isExport: boolean; message: string };

export function readProgressExport(text: string): ReadExport {
  let parsed: Partial<ProgressExport> | null;
  try {
    parsed = JSON.parse(text) as Partial<ProgressExport> | null;
  } catch {
    return { ok: false, isExport: false, message: 'This file is not JSON: choose a file saved with "Export progress".' };
  }
  if (parsed?.format !== PROGRESS_FORMAT) return { ok: false, isExport: false, message: 'This file is not a Packet Path progress export.' };
  if (parsed.version !== PROGRESS_VERSION) return { ok: false, isExport: true, message: `This progress export is version ${String(parsed.version)}; this course reads version ${PROGRESS_VERSION}.` };
  if (!parsed.data || typeof parsed.data !== 'object') return { ok: false, isExport: true, message: 'This progress export holds no data.' };
  // Anything else in it is not the course's: left out.
  const data = Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).filter((e): e is [string, string] => COURSE_KEY.test(e[0]) && typeof e[1] === 'string'));
  return { ok: true, data };
}

/** Every course entry of `storage`, as the export's JSON text. */
export function exportProgress(storage: Storage): string {
  const data: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && COURSE_KEY.test(key)) data[key] = storage.getItem(key) ?? '';
  }
  const file: ProgressExport = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, data };
  return JSON.stringify(file, null, 2);
}

/** Restores an export into `storage` and says how many entries; refuses anything else, and changes nothing then. */
export function importProgress(storage: Storage, text: string): number {
  const read = readProgressExport(text);
  if (!read.ok) throw new Error(read.message);
  const entries = Object.entries(read.data);
  for (const [key, value] of entries) storage.setItem(key, value);
  return entries.length;
}
