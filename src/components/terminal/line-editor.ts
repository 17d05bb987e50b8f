/**
 * A readline for the terminal, with no DOM: it takes the bytes a terminal sends (xterm's onData)
 * and answers with the bytes to draw, so unit tests can drive it as a learner's keyboard would.
 * Editing: insert anywhere, Backspace/Delete, arrows, Home/End, Ctrl+A/E/U/K/W; history on
 * Up/Down; Tab completes (the longest common prefix, or lists the candidates when that adds
 * nothing); Ctrl+C abandons the line; Ctrl+L clears the screen; a paste of several lines runs them
 * one after another. Input that arrives while a command runs waits for the next prompt, as a
 * terminal's type-ahead does; so does input while the page prints in the prompt's place (suspend).
 */
import type { Completion } from '../../shell/index.ts';

export interface LineEditorOptions {
  /** What the prompt looks like (may hold colour escapes). */
  prompt: string;
  /** Terminal width in columns: needed to redraw a line that wraps. */
  cols: number;
  /** Draw this text. */
  write(text: string): void;
  /** The learner pressed Enter on a line; the editor waits until `prompt()` is called again. */
  submit(line: string): void;
  /** Ctrl+C while a command runs. */
  interrupt(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  /** Earlier lines, oldest first. */
  history?: string[];
}

export const HISTORY_LIMIT = 500;

/** ESC sequences the editor understands, as xterm sends them. */
const KEYS: Record<string, string> = {
  '\x1b[A': 'up', '\x1bOA': 'up',
  '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right',
  '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right', '\x1b[1;5D': 'word-left', '\x1bf': 'word-right', '\x1bb': 'word-left',
};

const visibleLength = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').length;

/** The longest string every candidate starts with. */
export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates laid out in columns, as bash lists them. */
export function columns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(words.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const w = words[c * rows + r];
      if (w !== undefined) line += w.padEnd(width);
    }
    out += line.trimEnd() + '\r\n';
  }
  return out;
}

export class LineEditor {
  private line = '';
  private cursor = 0;
  /** Row of the cursor, counted from the prompt's row, as last drawn. */
  private drawnRow = 0;
  private readonly history: string[];
  /** Position in history while browsing with Up/Down; history.length means the line being typed. */
  private browse: number;
  private draft = '';
  private active = false;
  private completing = false;
  private pending = '';
  /** The line a suspend() took off the screen, for the next prompt. */
  private suspended: { line: string; cursor: number } | null = null;

  private readonly opts: LineEditorOptions;

  constructor(opts: LineEditorOptions) {
    this.opts = opts;
    this.history = [...(opts.history ?? [])].slice(-HISTORY_LIMIT);
    this.browse = this.history.length;
  }

  get text(): string {
    return this.line;
  }

  /** Lines entered, oldest first (what a terminal keeps for the next visit). */
  get lines(): readonly string[] {
    return this.history;
  }

  set cols(n: number) {
    this.opts.cols = Math.max(1, n);
  }

  /** Show a fresh prompt (with the line a suspend() took away, if any) and take input again (type-ahead first). */
  prompt(): void {
    const back = this.suspended;
    this.suspended = null;
    this.line = back?.line ?? '';
    this.cursor = back?.cursor ?? 0;
    this.drawnRow = 0;
    this.browse = this.history.length;
    this.draft = '';
    this.active = true;
    if (back) this.redraw(false);
    else this.opts.write(this.opts.prompt);
    this.drain();
  }

  /**
   * Take the prompt and the line being typed off the screen, so that something else can be printed
   * in their place; the next prompt() brings the line back. Keys wait meanwhile, as during a command.
   */
  suspend(): void {
    if (!this.active) return;
    this.active = false;
    this.suspended = { line: this.line, cursor: this.cursor };
    this.opts.write(`${this.drawnRow > 0 ? `\x1b[${this.drawnRow}A` : ''}\r\x1b[J`);
  }

  /** Bytes from the terminal: keys, or a paste. */
  feed(data: string): void {
    if (!this.active && data.includes('\x03')) {
      // Ctrl+C while a command runs: stop it, and forget what was typed ahead.
      this.pending = '';
      this.opts.interrupt();
      return;
    }
    this.pending += data;
    this.drain();
  }

  /** Type a whole command and press Enter, as if the learner had (runnable blocks in the prose). */
  type(command: string): void {
    this.feed(command.replace(/[\r\n]+/g, ' ').trim() + '\r');
  }

  private drain(): void {
    while (this.active && !this.completing && this.pending !== '') {
      const key = this.nextKey();
      this.handle(key);
    }
  }

  /** Take one key (a character or one escape sequence) off the pending input. */
  private nextKey(): string {
    const p = this.pending;
    if (p[0] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[A-Za-z])/.exec(p);
      const k = m ? m[0] : '\x1b';
      this.pending = p.slice(k.length);
      return k;
    }
    // Pastes from Windows bring \r\n: one Enter.
    if (p.startsWith('\r\n')) {
      this.pending = p.slice(2);
      return '\r';
    }
    const cp = p.codePointAt(0)!;
    const k = String.fromCodePoint(cp);
    this.pending = p.slice(k.length);
    return k;
  }

  private handle(key: string): void {
    const named = KEYS[key];
    if (named) return this.move(named);
    switch (key) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.edit(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
        return;
      case '\t':
        return this.tab();
      case '\x03': // Ctrl+C: abandon the line, as bash does
        this.opts.write('^C\r\n');
        this.active = false;
        this.pending = '';
        this.prompt();
        return;
      case '\x0c': // Ctrl+L
        this.opts.write('\x1b[H\x1b[2J');
        this.drawnRow = 0;
        this.redraw(false);
        return;
      case '\x01':
        return this.move('home');
      case '\x05':
        return this.move('end');
      case '\x15': // Ctrl+U: delete to the start
        return this.edit(this.line.slice(this.cursor), 0);
      case '\x0b': // Ctrl+K: delete to the end
        return this.edit(this.line.slice(0, this.cursor), this.cursor);
      case '\x17': {
        // Ctrl+W: delete the word before the cursor
        const start = this.line.slice(0, this.cursor).replace(/\S*\s*$/, '').length;
        return this.edit(this.line.slice(0, start) + this.line.slice(this.cursor), start);
      }
      case '\x04': // Ctrl+D on an empty line would log out; there is nowhere to go
        return;
    }
    if (key.length === 0 || key < ' ' || key === '\x1b' || key.startsWith('\x1b')) return; // other control keys
    this.edit(this.line.slice(0, this.cursor) + key + this.line.slice(this.cursor), this.cursor + key.length);
  }

  private move(what: string): void {
    let c = this.cursor;
    const l = this.line;
    switch (what) {
      case 'left': c = Math.max(0, c - 1); break;
      case 'right': c = Math.min(l.length, c + 1); break;
      case 'home': c = 0; break;
      case 'end': c = l.length; break;
      case 'word-left': c = l.slice(0, c).replace(/\S*\s*$/, '').length; break;
      case 'word-right': c = l.length - l.slice(c).replace(/^\s*\S*/, '').length; break;
      case 'delete':
        if (c < l.length) this.edit(l.slice(0, c) + l.slice(c + 1), c);
        return;
      case 'up':
      case 'down':
        return this.recall(what === 'up' ? -1 : 1);
    }
    this.edit(l, c);
  }

  private recall(step: number): void {
    const to = this.browse + step;
    if (to < 0 || to > this.history.length) return;
    if (this.browse === this.history.length) this.draft = this.line;
    this.browse = to;
    const text = to === this.history.length ? this.draft : this.history[to]!;
    this.edit(text, text.length);
  }

  private enter(): void {
    const line = this.line;
    this.move('end');
    this.opts.write('\r\n');
    this.active = false;
    if (line.trim() !== '' && this.history.at(-1) !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_LIMIT) this.history.shift();
    }
    this.opts.submit(line);
  }

  private tab(): void {
    const line = this.line;
    const cursor = this.cursor;
    this.completing = true;
    this.opts
      .complete(line, cursor)
      .then((c) => {
        // The line changed while the completion was on its way (it cannot, input waits; but be safe).
        if (this.line !== line || this.cursor !== cursor || !this.active) return;
        const word = line.slice(c.start, c.end);
        if (c.candidates.length === 0) return this.opts.write('\x07');
        let insert = commonPrefix(c.candidates);
        if (c.candidates.length === 1 && !insert.endsWith('/')) insert += ' ';
        if (insert.length > word.length) {
          this.edit(line.slice(0, c.start) + insert + line.slice(c.end), c.start + insert.length);
        } else {
          // Nothing to add: show the choices under the line, then the line again.
          this.move('end');
          this.opts.write('\r\n' + columns(c.candidates, this.opts.cols));
          this.drawnRow = 0;
          this.cursor = cursor;
          this.redraw(false);
        }
      })
      .catch(() => this.opts.write('\x07'))
      .finally(() => {
        this.completing = false;
        this.drain();
      });
  }

  private edit(line: string, cursor: number): void {
    this.line = line;
    this.cursor = cursor;
    this.redraw(true);
  }

  /**
   * Draw the prompt and the line again and put the cursor in place. Works in rows and columns so
   * that a line longer than the terminal is wide redraws cleanly.
   */
  private redraw(fromPrompt: boolean): void {
    const cols = this.opts.cols;
    const promptLen = visibleLength(this.opts.prompt);
    let out = '';
    if (fromPrompt && this.drawnRow > 0) out += `\x1b[${this.drawnRow}A`;
    out += '\r\x1b[J' + this.opts.prompt + this.line;
    const total = promptLen + this.line.length;
    // A line that ends exactly at the right edge leaves the cursor waiting to wrap: wrap it.
    if (total > 0 && total % cols === 0) out += '\r\n';
    const endRow = Math.floor(total / cols);
    const target = promptLen + this.cursor;
    const row = Math.floor(target / cols);
    const col = target % cols;
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += '\r' + (col > 0 ? `\x1b[${col}C` : '');
    this.drawnRow = row;
    this.opts.write(out);
  }
}
