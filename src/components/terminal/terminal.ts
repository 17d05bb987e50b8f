/**
 * A terminal on a simulated host, mounted in a box of the page: xterm in front, the session in the
 * middle, the shell in a worker behind. The history and the commands that made the host are kept
 * in the browser under `pp-term-<id>`, so a reload gives back the same host.
 */
import { isSavedTerminal, terminalKey, type SavedTerminal } from '../../lab-runtime/submission.ts';
import { loadSaved, save } from '../saved.ts';
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import { TerminalSession } from './session.ts';
import { WorkerShell } from './worker-shell.ts';
import { createXterm } from './xterm-view.ts';

export interface TerminalOptions {
  /** Names what is kept in the browser: one saved host per id. */
  id: string;
  config: PlainHostConfig;
  /** For screen readers: what this terminal is. */
  label: string;
  /** The first lines, before the first prompt. */
  banner: string;
}

export interface TerminalHandle {
  /** Type a command and press Enter. */
  type(command: string): void;
  /** The commands that made the host, oldest first. */
  readonly log: readonly string[];
  focus(): void;
}

export async function mountTerminal(container: HTMLElement, opts: TerminalOptions): Promise<TerminalHandle> {
  const key = terminalKey(opts.id);
  const saved = loadSaved(window.localStorage, key, isSavedTerminal);
  const kept: SavedTerminal = saved.status === 'ok' ? saved.value : { history: [], log: [] };
  let notice = '';
  if (saved.status === 'corrupt') notice = 'Your saved terminal could not be read, so this is a fresh host (the unreadable copy is kept in this browser).\n';
  if (saved.status === 'unavailable') notice = 'This browser does not let the page keep the terminal: it starts afresh on reload.\n';

  const shell = new WorkerShell(opts.config, kept.log);
  let session: TerminalSession | null = null;
  container.replaceChildren();
  const view = createXterm(container, opts.label, (data) => session?.feed(data), (cols) => session?.resize(cols));
  if (kept.log.length > 0) view.write(`\x1b[2mRestoring your host: replaying ${kept.log.length} command${kept.log.length === 1 ? '' : 's'}…\x1b[0m\r\n`);
  const failure = await shell.ready;
  if (failure) notice += `${failure}\n`;

  const started: TerminalSession = new TerminalSession({
    backend: shell,
    write: (text) => view.write(text),
    cols: view.cols,
    history: kept.history,
    banner: notice + opts.banner,
    onCommand: () => {
      save(window.localStorage, key, { history: [...started.editor.lines], log: [...shell.log] });
      // How many commands have finished: what browser tests wait on.
      container.dataset.commands = String(Number(container.dataset.commands ?? 0) + 1);
    },
  });
  session = started;
  started.start();

  return {
    type: (command) => started.type(command),
    get log() {
      return shell.log;
    },
    focus: () => view.focus(),
  };
}
