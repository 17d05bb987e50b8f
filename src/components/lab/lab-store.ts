/**
 * A lab's saved state in the browser: the learner's code, the hints shown, whether it ran, the
 * last result. Saved on every change under `pp-lab-<id>`; a corrupt entry is set aside (kept under
 * `pp-lab-<id>-corrupt`, so nothing is lost) and the lab starts from the starter with a notice.
 */
import { labKey } from '../../lab-runtime/submission.ts';
import { loadSaved, save } from '../saved.ts';

export interface SavedCheck {
  id: string;
  pass: boolean;
  message?: string;
}

export interface LabState {
  code: string;
  hintsShown: number;
  ran: boolean;
  last: { status: string; score: number; maxScore: number; checks: SavedCheck[]; error?: string } | null;
}

function isState(x: unknown): x is LabState {
  const s = x as LabState;
  return !!s && typeof s === 'object' && typeof s.code === 'string' && Number.isInteger(s.hintsShown) && typeof s.ran === 'boolean' && (s.last === null || typeof s.last === 'object');
}

export interface Loaded {
  state: LabState;
  /** Set when saved data existed but could not be read. */
  notice?: string;
}

export function loadLabState(storage: Storage, id: string, starter: string): Loaded {
  const fresh: LabState = { code: starter, hintsShown: 0, ran: false, last: null };
  const saved = loadSaved(storage, labKey(id), isState);
  switch (saved.status) {
    case 'ok':
      return { state: saved.value };
    case 'none':
      return { state: fresh };
    case 'unavailable':
      return { state: fresh, notice: 'This browser does not let the page keep your work: it will be lost on reload.' };
    case 'corrupt':
      return { state: fresh, notice: 'Your saved work for this lab could not be read, so the lab starts again from the starter. The unreadable copy is kept in this browser.' };
  }
}

export function saveLabState(storage: Storage, id: string, state: LabState): boolean {
  return save(storage, labKey(id), state);
}
