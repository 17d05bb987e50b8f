/**
 * The learner's progress, kept in localStorage under `pp-progress-v1`:
 *   { "read": { "<chapter id>": <epoch ms> }, "labs": { "<lab id>": <epoch ms> } }
 * Chapters are marked read by the chapter page (end of the article reached, or some minutes spent
 * on it); labs are marked passed by the Lab component through `markLabPassed(labId)`.
 * Any element with `data-progress-chapter="<id>"` or `data-progress-lab="<id>"` gets the class
 * `is-done` when that chapter is read / that lab passed (see `applyProgressMarks`).
 */
export const PROGRESS_KEY = 'pp-progress-v1';
export const PROGRESS_EVENT = 'pp:progress';

export interface Progress {
  read: Record<string, number>;
  labs: Record<string, number>;
}

export function loadProgress(): Progress {
  try {
    const raw = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}') as Partial<Progress>;
    return { read: { ...(raw.read ?? {}) }, labs: { ...(raw.labs ?? {}) } };
  } catch {
    return { read: {}, labs: {} };
  }
}

function save(p: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    /* storage full or disabled: progress is a nicety */
  }
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: p }));
}

export function markChapterRead(id: string): void {
  const p = loadProgress();
  if (p.read[id]) return;
  p.read[id] = Date.now();
  save(p);
}

export function markLabPassed(labId: string): void {
  const p = loadProgress();
  if (p.labs[labId]) return;
  p.labs[labId] = Date.now();
  save(p);
}

export function applyProgressMarks(root: ParentNode = document, p: Progress = loadProgress()): void {
  root.querySelectorAll<HTMLElement | SVGElement>('[data-progress-chapter]').forEach((el) => {
    const done = Boolean(p.read[el.dataset.progressChapter ?? '']);
    el.classList.toggle('is-done', done);
    const sr = el.querySelector<HTMLElement>('[data-progress-text]');
    if (sr) sr.textContent = done ? ' (read)' : '';
  });
  root.querySelectorAll<HTMLElement>('[data-progress-lab]').forEach((el) => {
    const done = Boolean(p.labs[el.dataset.progressLab ?? '']);
    el.classList.toggle('is-done', done);
    const sr = el.querySelector<HTMLElement>(':scope > [data-progress-text]');
    if (sr) sr.textContent = done ? ' (passed)' : '';
  });
}

/** Applies the marks now and whenever progress changes (in this tab or another). */
export function watchProgressMarks(onChange?: (p: Progress) => void): void {
  const run = () => {
    const p = loadProgress();
    applyProgressMarks(document, p);
    onChange?.(p);
  };
  run();
  document.addEventListener(PROGRESS_EVENT, run);
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY) run();
  });
}
