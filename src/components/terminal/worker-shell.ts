/**
 * The shell in a Web Worker, seen from the page. Keeps the log of the commands that completed;
 * Ctrl+C ends the worker and boots a new one that replays the log, so the host is what it was
 * before the interrupted command, as the learner left it.
 */
import type { Completion, Output } from '../../shell/index.ts';
import { appendToLog } from './command-log.ts';
import type { PlainHostConfig } from '../../lab-runtime/define.ts';
import type { ShellRequest, ShellResponse } from './shell-protocol.ts';
import type { ShellBackend } from './session.ts';

type Waiting = (r: ShellResponse | null) => void;

export class WorkerShell implements ShellBackend {
  private worker!: Worker;
  private seq = 0;
  private readonly waiting = new Map<number, Waiting>();
  private commandLog: string[];
  private readonly config: PlainHostConfig;

  constructor(config: PlainHostConfig, log: string[] = []) {
    this.config = config;
    this.commandLog = [...log];
    this.boot();
  }

  /** The commands that made this host, oldest first. */
  get log(): readonly string[] {
    return this.commandLog;
  }

  /** Resolves once the host is booted and every logged command replayed: to null, or to what went wrong. */
  ready!: Promise<string | null>;

  exec(line: string): Promise<Output> {
    return this.request({ type: 'exec', line }).then((r) => {
      if (r === null) return { stdout: '', stderr: '', code: 130 };
      const output = r.type === 'output' ? r.output : { stdout: '', stderr: `${r.type === 'failed' ? r.message : 'no answer'}\n`, code: 1 };
      this.commandLog = appendToLog(this.commandLog, line, output);
      return output;
    });
  }

  complete(line: string, cursor: number): Promise<Completion> {
    return this.request({ type: 'complete', line, cursor }).then((r) => (r?.type === 'completion' ? r.completion : { start: cursor, end: cursor, candidates: [] }));
  }

  interrupt(): void {
    this.worker.terminate();
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.boot();
  }

  private boot(): void {
    this.worker = new Worker(new URL('./shell-worker.ts', import.meta.url), { type: 'module', name: 'terminal' });
    this.worker.onmessage = (e: MessageEvent<ShellResponse>) => {
      const resolve = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      resolve?.(e.data);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      const failed = (id: number): ShellResponse => ({ id, type: 'failed', message: `packet-path: the terminal could not start: ${e.message || 'the worker failed to load'}` });
      for (const [id, resolve] of this.waiting) resolve(failed(id));
      this.waiting.clear();
    };
    this.ready = this.request({ type: 'boot', config: this.config, replay: this.commandLog }).then((r) => (r?.type === 'failed' ? r.message : null));
  }

  private request(body: DistributiveOmit<ShellRequest, 'id'>): Promise<ShellResponse | null> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...body, id } as ShellRequest);
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
