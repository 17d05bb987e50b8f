/**
 * The lab island, once opened: the editor, Run (button and Ctrl/Cmd+Enter), the checks with their
 * messages, hints one at a time, reset and solution (each asks first), saved on every change.
 */
import { gradeInBrowser, prepareLab } from '../../lab-runtime/browser-sandbox.ts';
import type { LabOutline, LabResult } from '../../lab-runtime/run-lab.ts';
import { markLabPassed } from '../../scripts/progress.ts';
import { createEditor } from './editor.ts';
import { loadLabState, saveLabState, type LabState } from './lab-store.ts';

const solutions = import.meta.glob<string>('../../../labs/*/solution.ts', { query: '?raw', import: 'default' });

export interface LabData extends LabOutline {
  title: string;
  starter: string;
  hints: string[];
}

function $(root: HTMLElement, sel: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`lab markup lacks ${sel}`);
  return el;
}

export function mountLab(root: HTMLElement, data: LabData): void {
  prepareLab(data.id);
  const store = window.localStorage;
  const { state, notice } = loadLabState(store, data.id, data.starter);
  const status = $(root, '[data-lab-status]');
  const note = (text: string) => {
    status.textContent = text;
  };
  if (notice) note(notice);

  const editorHost = $(root, '[data-lab-editor]');
  editorHost.replaceChildren();
  editorHost.classList.add('is-live');
  const editor = createEditor(editorHost, data.id, state.code);
  const save = (s: LabState) => {
    if (!saveLabState(store, data.id, s)) note('Your work could not be saved in this browser (storage full or disabled).');
  };

  const hintList = $(root, '[data-lab-hints]');
  const hintButton = $(root, '[data-lab-hint]') as HTMLButtonElement;
  const showHints = () => {
    hintList.replaceChildren(
      ...data.hints.slice(0, state.hintsShown).map((h) => {
        const li = document.createElement('li');
        li.textContent = h;
        return li;
      }),
    );
    hintButton.disabled = state.hintsShown >= data.hints.length;
    hintButton.textContent = state.hintsShown >= data.hints.length ? 'No more hints' : `Hint (${state.hintsShown + 1} of ${data.hints.length})`;
  };

  const solutionButton = $(root, '[data-lab-solution]') as HTMLButtonElement;
  const runButton = $(root, '[data-lab-run]') as HTMLButtonElement;

  const showResult = (r: LabState['last']) => {
    root.querySelectorAll<HTMLElement>('[data-check]').forEach((li) => {
      const c = r?.checks.find((x) => x.id === li.dataset.check);
      li.dataset.state = !c ? 'pending' : c.pass ? 'pass' : 'fail';
      const msg = li.querySelector<HTMLElement>('[data-check-message]')!;
      msg.textContent = c && !c.pass ? (c.message ?? '') : '';
      li.querySelector<HTMLElement>('[data-check-mark]')!.textContent = !c ? '' : c.pass ? 'passed' : 'failed';
    });
    const score = $(root, '[data-lab-score]');
    score.textContent = r ? `${r.score} / ${r.maxScore}` : '';
    const err = $(root, '[data-lab-error]');
    err.textContent = r?.error ?? '';
    err.hidden = !r?.error;
  };

  const run = async () => {
    runButton.disabled = true;
    note('Running…');
    const started = performance.now();
    const result: LabResult = await gradeInBrowser(data, editor.getValue());
    const ms = Math.round(performance.now() - started);
    const error = result.error ? `${result.error.kind === 'timeout' ? '' : 'Your code: '}${result.error.message}${result.error.line ? ` (line ${result.error.line}${result.error.column ? `, column ${result.error.column}` : ''})` : ''}` : undefined;
    state.last = { status: result.status, score: result.score, maxScore: result.maxScore, checks: result.checks.map((c) => ({ id: c.id, pass: c.pass, message: c.message })), error };
    state.ran = true;
    save(state);
    showResult(state.last);
    solutionButton.disabled = false;
    runButton.disabled = false;
    root.dataset.lastRunMs = String(ms);
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    note(result.status === 'passed' ? `Every check passed (${ms} ms).` : `${result.checks.filter((c) => c.pass).length} of ${result.checks.length} checks passed (${ms} ms).`);
    if (result.status === 'passed') markLabPassed(data.id);
    root.dispatchEvent(new CustomEvent('pp:lab-result', { detail: result, bubbles: true }));
  };

  editor.onChange(() => {
    state.code = editor.getValue();
    save(state);
  });
  editor.onRun(() => void run());
  runButton.addEventListener('click', () => void run());
  hintButton.addEventListener('click', () => {
    state.hintsShown = Math.min(state.hintsShown + 1, data.hints.length);
    save(state);
    showHints();
  });
  $(root, '[data-lab-reset]').addEventListener('click', () => {
    if (!window.confirm('Replace your code with the starter? Your changes will be lost.')) return;
    editor.setValue(data.starter);
  });
  solutionButton.addEventListener('click', async () => {
    if (!window.confirm('Show the reference solution in the editor? It replaces your code.')) return;
    const load = solutions[`../../../labs/${data.id}/solution.ts`];
    if (load) editor.setValue(await load());
  });

  solutionButton.disabled = !state.ran;
  runButton.disabled = false;
  showHints();
  showResult(state.last);
  root.dataset.state = 'open';
  editor.focus();
}
