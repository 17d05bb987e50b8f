/**
 * A terminal session, with no DOM: the line editor in front of a shell. It prints what a command
 * writes (stdout, then stderr, as a terminal interleaves them for a command that writes each once),
 * shows the next prompt, and turns Ctrl+C during a command into an interrupt of the shell.
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
  /** Printed once, before the first prompt. */
  banner?: string;
  /** After each command, with what it printed (the page saves the history, tests watch). */
  onCommand?(line: string, output: Output): void;
}

/** The prompt of root on the simulated host, coloured as Debian's bash colours it. */
export const PROMPT = '\x1b[1;32mroot@packetpath\x1b[0m:\x1b[1;34m~\x1b[0m# ';

/** Text from the shell, with the line ends a terminal needs. */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export class TerminalSession {
  readonly editor: LineEditor;
  private interrupted = false;

  private readonly opts: SessionOptions;

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.editor = new LineEditor({
      prompt: PROMPT,
      cols: opts.cols,
      write: opts.write,
      history: opts.history,
      submit: (line) => void this.submit(line),
      interrupt: () => {
        this.interrupted = true;
        opts.write('^C');
        opts.backend.interrupt();
      },
      complete: (line, cursor) => opts.backend.complete(line, cursor),
    });
  }

  start(): void {
    if (this.opts.banner) this.opts.write(crlf(this.opts.banner));
    this.editor.prompt();
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

  private async submit(line: string): Promise<void> {
    if (line.trim() !== '') {
      const out = await this.opts.backend.exec(line);
      if (this.interrupted) {
        this.interrupted = false;
        this.opts.write('\r\n');
      } else {
        this.opts.write(crlf(out.stdout) + crlf(out.stderr));
      }
      this.opts.onCommand?.(line, out);
    }
    this.editor.prompt();
  }
}
