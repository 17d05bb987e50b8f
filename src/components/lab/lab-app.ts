/**
 * The lab island, once opened: the editor (a code lab) and the terminal, Run (button and
 * Ctrl/Cmd+Enter), the checks with their messages, hints one at a time, reset and solution (each
 * asks first), saved on every change. A tuning lab has no editor: what it grades is the commands
 * the terminal ran.
 */
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import { gradeInBrowser, prepareLab } from '../../lab-runtime/browser-sandbox.ts';
import { whereInFile } from '../../lab-runtime/learner-module.ts';
import type { LabOutline, LabResult } from '../../lab-runtime/run-lab.ts';
import { markLabPassed } from '../../scripts/progress.ts';
import { mountTerminal, type TerminalHandle } from '../terminal/terminal.ts';
import { enhanceRunnable } from '../../scripts/runnable.ts';
import { loadLabState, saveLabState, type LabState } from './lab-store.ts';
import { loadLabFile } from '../../lab-runtime/bundled-labs.ts';

export interface LabData extends LabOutline {
  kind: 'code' | 'tuning';
  /** Of the starter and solution files: ts, or sh for a tuning lab's commands. */
  extension: 'ts' | 'sh';
  title: string;
  starter: string;
  hints: string[];
  /** The host the terminal boots. */
  host: PlainHostConfig;
  /** A code lab's: the hook the learner writes, and the kernel API names the learner may not use. */
  hook?: string;
  withheld?: string[];
  /** The lab's scenarios' names (a code lab's terminal sends each with `run NAME`). */
  scenarios: string[];
}

/** What the learner works in: the editor, or (tuning) the terminal. */
interface Workspace {
  submission(): string;
  setSubmission(text: string): void;
  onChange(fn: () => void): void;
  focus(): void;
}

const TUNING_BANNER = 'The host to tune. Type help for the tools.\nrun SCENARIO sends traffic; reset boots the host afresh.\n';

/** A code lab's terminal (which function its host runs comes first, from the terminal). */
function codeBanner(scenarios: string[]): string {
  const runs = new Intl.ListFormat('en', { type: 'disjunction' }).format(scenarios.map((s) => `run ${s}`));
  return `Type help for the tools.\n${runs} sends the lab's traffic.\n`;
}

function $(root: HTMLElement, sel: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`lab markup lacks ${sel}`);
  return el;
}

async function editorWorkspace(root: HTMLElement, data: LabData, code: string, run: () => void): Promise<Workspace> {
  const { createEditor } = await import('./editor.ts');
  const host = $(root, '[data-lab-editor]');
  host.replaceChildren();
  host.classList.add('is-live');
  const editor = createEditor(host, data.id, code, data.withheld ?? []);
  editor.onRun(run);
  return { submission: editor.getValue, setSubmission: editor.setValue, onChange: editor.onChange, focus: editor.focus };
}

/** A tuning lab's work is the terminal's host: its commands are the submission; resetting boots it afresh. */
function terminalWorkspace(terminal: TerminalHandle): Workspace {
  return { submission: () => terminal.log.join('\n'), setSubmission: () => terminal.type('reset'), onChange: () => {}, focus: terminal.focus };
}

/** The reference solution of a tuning lab: its commands, each with a button that types it. */
function showCommands(box: HTMLElement, text: string): void {
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    const span = document.createElement('span');
    span.className = 'line';
    span.textContent = line;
    if (!line.trimStart().startsWith('#')) span.dataset.command = line.trim();
    code.append(span, '\n');
  }
  pre.append(code);
  pre.dataset.runnable = '';
  box.replaceChildren(pre);
  box.hidden = false;
  enhanceRunnable(box);
}

export async function mountLab(root: HTMLElement, data: LabData): Promise<{ type(command: string): void }> {
  prepareLab(data.id);
  const store = window.localStorage;
  const { state, notice } = loadLabState(store, data.id, data.starter);
  const status = $(root, '[data-lab-status]');
  const note = (text: string) => {
    status.textContent = text;
  };
  if (notice) note(notice);
  const save = (s: LabState) => {
    if (!saveLabState(store, data.id, s)) note('Your work could not be saved in this browser (storage full or disabled).');
  };
  const tuning = data.kind === 'tuning';

  const terminalBox = $(root, '[data-lab-terminal]');
  let run = () => {};
  // The editor and the terminal load side by side.
  const [terminal, editor] = await Promise.all([
    mountTerminal(terminalBox, {
      id: `lab-${data.id}`,
      config: data.host,
      ...(data.hook !== undefined && { lab: { id: data.id, hook: data.hook } }),
      label: tuning ? `Terminal on the host to tune in the lab ${data.title}` : `Terminal on a host like the one of the lab ${data.title}`,
      banner: tuning ? TUNING_BANNER : codeBanner(data.scenarios),
    }),
    tuning ? null : editorWorkspace(root, data, state.code, () => run()),
  ]);
  const work = editor ?? terminalWorkspace(terminal);
  // Ctrl+Enter in the terminal grades too (the editor has its own binding).
  terminalBox.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        run();
      }
    },
    { capture: true },
  );
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

  const grade = async () => {
    runButton.disabled = true;
    note(tuning ? 'Sending the lab\'s traffic through your host…' : 'Running…');
    const started = performance.now();
    const submission = work.submission();
    // The terminal's host runs what was run, so the learner can read its counters there too.
    if (!tuning) void terminal.useCode(submission);
    const result: LabResult = await gradeInBrowser(data, submission);
    const ms = Math.round(performance.now() - started);
    const error = result.error ? `${result.error.kind === 'timeout' ? '' : 'Your code: '}${result.error.message}${whereInFile(result.error)}` : undefined;
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

  run = () => void grade();
  work.onChange(() => {
    state.code = work.submission();
    save(state);
  });
  runButton.addEventListener('click', run);
  hintButton.addEventListener('click', () => {
    state.hintsShown = Math.min(state.hintsShown + 1, data.hints.length);
    save(state);
    showHints();
  });
  $(root, '[data-lab-reset]').addEventListener('click', () => {
    const question = tuning ? 'Boot the host afresh? Every setting you changed is lost.' : 'Replace your code with the starter? Your changes will be lost.';
    if (!window.confirm(question)) return;
    work.setSubmission(data.starter);
  });
  solutionButton.addEventListener('click', async () => {
    const question = tuning ? 'Show the commands of the reference solution?' : 'Show the reference solution in the editor? It replaces your code.';
    if (!window.confirm(question)) return;
    const solution = await loadLabFile(data.id, `solution.${data.extension}`);
    if (tuning) showCommands($(root, '[data-lab-solution-text]'), solution);
    else work.setSubmission(solution);
  });

  solutionButton.disabled = !state.ran;
  runButton.disabled = false;
  showHints();
  showResult(state.last);
  root.dataset.state = 'open';
  work.focus();
  return { type: (command) => terminal.type(command) };
}
