/**
 * What to grade in a file a learner hands in: the file as it is (a code lab's TypeScript, a tuning
 * lab's commands), or the progress export of the course's home page ("Export progress"), from
 * which the lab's saved code or the commands of its terminal are taken. The browser keeps them
 * under these keys.
 */
import { isTuningLab, type LabDefinition } from './define.ts';
import { readProgressExport } from './progress-export.ts';

/** The learner's code and last result for a lab. */
export const labKey = (id: string) => `pp-lab-${id}`;
/** A terminal's history and the commands that made its host; a lab's terminal is `lab-<lab id>`. */
export const terminalKey = (id: string) => `pp-term-${id}`;

/** What a terminal keeps under its key. */
export interface SavedTerminal {
  /** Lines typed, for Up/Down. */
  history: string[];
  /** The commands that made the host (what a tuning lab grades). */
  log: string[];
  /** A code lab's terminal after a Run: the learner's file its host runs (the log replays on it). */
  code?: string;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
export const isSavedTerminal = (x: unknown): x is SavedTerminal => {
  const t = x as SavedTerminal;
  return !!t && typeof t === 'object' && isStrings(t.history) && isStrings(t.log) && (t.code === undefined || typeof t.code === 'string');
};

/** The submission in `text`, or why there is none for this lab. */
export function submissionFrom(lab: LabDefinition, text: string): { submission: string } | { error: string } {
  const read = readProgressExport(text);
  if (!read.ok) return read.isExport ? { error: read.message } : { submission: text };
  const key = isTuningLab(lab) ? terminalKey(`lab-${lab.id}`) : labKey(lab.id);
  const raw = read.data[key];
  try {
    const saved: unknown = raw === undefined ? null : JSON.parse(raw);
    if (isTuningLab(lab) && isSavedTerminal(saved)) return { submission: saved.log.join('\n') };
    const code = (saved as { code?: unknown } | null)?.code;
    if (!isTuningLab(lab) && typeof code === 'string') return { submission: code };
  } catch {
    /* reported below */
  }
  return { error: `This progress export holds no ${isTuningLab(lab) ? 'terminal' : 'code'} for the lab ${lab.id} (the learner has not opened it in that browser).` };
}
