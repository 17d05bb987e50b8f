/**
 * A terminal session, with no DOM: the line editor in front of a shell. It prints what a command
 * writes (stdout, then stderr, as a terminal interleaves them for a command that writes each once),
 * shows the next prompt, and turns Ctrl+C during a command into an interrupt of the shell. The
 * page's own work on the host (booting it, putting a Run's code in place) runs in the foreground
 * as a command does.
 */
import type { Completion, Output } from '../../shell/index.ts';
import { LineEditor } from './line-editor.ts';

/** Where commands run: a Worker in the page, the shell itself in tests. */
export interface ShellBackend {
  exec(line: string): Promise<Output>;
  complete(line: string, cursor: number): Promise<Completion>;
  /** Stop the command that is running; its exec() resolves with code 130, as bash reports SIGINT. */
  interrupt(): void;
}

export interface SessionOptions {
  backend: ShellBackend;
  write(text: string): void;
  cols: number;
  history?: string[];
  /** After each command, with what it printed (the page saves the history, tests watch). */
  onCommand?(line: string, output: Output): void;
}

/** Prints a line (or several) while a foreground task runs. */
type Say = (text: string) => void;

/** The prompt of root on the simulated host, coloured as Debian's bash colours it. */
export const PROMPT = '\x1b[1;32mroot@packetpath\x1b[0m:\x1b[1;34m~\x1b[0m# ';

/** Text from the shell, with the line ends a terminal needs. */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export class TerminalSession {
  readonly editor: LineEditor;
  /** Ctrl+C was pressed: the next text starts on a line of its own. */
  private interrupted = false;
  /** The foreground, one task after another: commands, and the page's own work on the host. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  private readonly opts: SessionOptions;

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.editor = new LineEditor({
      prompt: PROMPT,
      cols: opts.cols,
      write: opts.write,
      history: opts.history,
      submit: (line) => void this.foreground(() => this.command(line)),
      interrupt: () => {
        this.interrupted = true;
        opts.write('^C');
        opts.backend.interrupt();
      },
      complete: (line, cursor) => opts.backend.complete(line, cursor),
    });
  }

  /**
   * Run `task` in the foreground, as a command runs: the prompt goes (the line being typed comes
   * back with the next one), keys typed meanwhile wait, Ctrl+C interrupts the shell. What the task
   * returns is printed, then the prompt. The first task (booting the host) shows the first prompt.
   */
  foreground(task: (say: Say) => Promise<string>): Promise<void> {
    this.editor.suspend();
    this.queued++;
    const done = this.queue
      .then(async () => this.print(await task((text) => this.print(text))))
      .finally(() => {
        if (--this.queued === 0) this.editor.prompt();
      });
    this.queue = done.catch(() => {});
    return done;
  }

  /** Keys or pasted text from the terminal. */
  feed(data: string): void {
    this.editor.feed(data);
  }

  /** Type a command and press Enter (a runnable block in the prose was clicked). */
  type(command: string): void {
    this.editor.type(command);
  }

  resize(cols: number): void {
    this.editor.cols = cols;
  }

  private async command(line: string): Promise<string> {
    if (line.trim() !== '') {
      const out = await this.opts.backend.exec(line);
      this.print(out.stdout + out.stderr);
      this.opts.onCommand?.(line, out);
    }
    return '';
  }

  private print(text: string): void {
    if (this.interrupted) {
      this.interrupted = false;
      this.opts.write('\r\n');
    }
    if (text !== '') this.opts.write(crlf(text));
  }
}
