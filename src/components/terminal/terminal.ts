/**
 * A terminal on a simulated host, mounted in a box of the page: xterm in front, the session in the
 * middle, the shell in a worker behind. What makes the host (the commands that completed and, in
 * a code lab, the code of the learner's last Run) is kept in the browser under `pp-term-<id>` with
 * the history, so a reload gives back the same host.
 */
import { isSavedTerminal, terminalKey, type SavedTerminal } from '../../lab-runtime/submission.ts';
import { loadSaved, save } from '../saved.ts';
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import { runsLine } from './notes.ts';
import { TerminalSession } from './session.ts';
import { WorkerShell } from './worker-shell.ts';
import { createXterm } from './xterm-view.ts';

export interface TerminalOptions {
  /** Names what is kept in the browser: one saved host per id. */
  id: string;
  config: PlainHostConfig;
  /** A code lab's terminal: the lab, and the hook the learner writes (their function takes its place once they press Run). */
  lab?: { id: string; hook: string };
  /** For screen readers: what this terminal is. */
  label: string;
  /** The first lines, before the first prompt (a code lab's terminal says first which function its host runs). */
  banner: string;
}

export interface TerminalHandle {
  /** Type a command and press Enter. */
  type(command: string): void;
  /** The commands that made the host, oldest first. */
  readonly log: readonly string[];
  focus(): void;
  /** A code lab's terminal: the learner pressed Run on `source`; their function takes the hook's place (if it loads), the commands replayed on it. */
  useCode(source: string): Promise<void>;
}

const commands = (n: number) => `${n} command${n === 1 ? '' : 's'}`;

export async function mountTerminal(container: HTMLElement, opts: TerminalOptions): Promise<TerminalHandle> {
  const key = terminalKey(opts.id);
  const saved = loadSaved(window.localStorage, key, isSavedTerminal);
  const kept: SavedTerminal = saved.status === 'ok' ? saved.value : { history: [], log: [] };
  let notice = '';
  if (saved.status === 'corrupt') notice = 'Your saved terminal could not be read, so this is a fresh host (the unreadable copy is kept in this browser).\n';
  if (saved.status === 'unavailable') notice = 'This browser does not let the page keep the terminal: it starts afresh on reload.\n';

  const lab = opts.lab;
  const shell = new WorkerShell({ config: opts.config, ...(lab && { lab: { id: lab.id, code: kept.code ?? null } }) }, kept.log);
  let session: TerminalSession | null = null;
  container.replaceChildren();
  const view = createXterm(container, opts.label, (data) => session?.feed(data), (cols) => session?.resize(cols));

  const started: TerminalSession = new TerminalSession({
    backend: shell,
    write: (text) => view.write(text),
    cols: view.cols,
    history: kept.history,
    onCommand: () => {
      keep();
      // How many commands have finished: what browser tests wait on.
      container.dataset.commands = String(Number(container.dataset.commands ?? 0) + 1);
    },
  });
  session = started;
  const keep = () => save(window.localStorage, key, { history: [...started.editor.lines], log: [...shell.log], ...(shell.code !== null && { code: shell.code }) });

  await started.foreground(async (say) => {
    if (kept.log.length > 0) say(`\x1b[2mRestoring your host: replaying ${commands(kept.log.length)}…\x1b[0m\n`);
    const { notes, refused } = await shell.restore();
    // A replay that left a command out, or code that no longer loads, made another host: keep that one.
    if (shell.log.length !== kept.log.length || shell.code !== (kept.code ?? null)) keep();
    let runs = '';
    if (lab) runs = (refused === null ? '' : `Your code from the last Run no longer loads: ${refused}.\n`) + runsLine(lab.hook, shell.code);
    return notice + notes + runs + opts.banner;
  });

  return {
    type: (command) => started.type(command),
    get log() {
      return shell.log;
    },
    focus: () => view.focus(),
    useCode: (source) =>
      started.foreground(async (say) => {
        if (!lab) throw new Error('only a code lab\'s terminal runs the learner\'s code');
        if (shell.log.length > 0) say(`Replaying your ${commands(shell.log.length)} on your ${lab.hook}… (Ctrl+C skips one that hangs)\n`);
        const { notes, refused } = await shell.useCode(source);
        if (refused !== null) return `Your code did not load: ${refused}.\n${runsLine(lab.hook, shell.code, 'still')}`;
        keep();
        return notes + runsLine(lab.hook, shell.code, 'now');
      }),
  };
}
