/**
 * The shell in a Web Worker, seen from the page. Its host is what the spec boots (a configuration
 * and, in a code lab, the learner's code) with the log replayed on it: the commands that completed,
 * oldest first. A command that does not complete (Ctrl+C ends its worker; the learner's code threw
 * and left the host mid-command) leaves no trace: the host is rebuilt from the log, as it was
 * before the command. A replay leaves out, and says so, a command that no longer completes (the
 * code changed under it, or Ctrl+C stopped it), so the log never holds a command that hangs.
 */
import type { Completion, Output } from '../../shell/index.ts';
import { whereInFile } from '../../lab-runtime/learner-module.ts';
import { appendToLog } from './command-log.ts';
import { threw } from './notes.ts';
import type { HostSpec, RequestBody, ShellRequest, ShellResponse } from './shell-protocol.ts';
import type { ShellBackend } from './session.ts';

/** A worker as the shell sees it: requests go in; answers, or its failure to start, come out. */
export interface ShellPort {
  post(request: ShellRequest): void;
  terminate(): void;
}
export type Spawn = (answer: (response: ShellResponse) => void, fail: (message: string) => void) => ShellPort;

const spawnShellWorker: Spawn = (answer, fail) => {
  const worker = new Worker(new URL('./shell-worker.ts', import.meta.url), { type: 'module', name: 'terminal' });
  worker.onmessage = (e: MessageEvent<ShellResponse>) => answer(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    fail(`packet-path: the terminal could not start: ${e.message || 'the worker failed to load'}`);
  };
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

/** How long the learner's code may take to load into a host: as long as grading gives a whole run. */
const LOAD_TIME_LIMIT_MS = 5000;

/** An answer, or what stopped the request before one came. */
type Reply = ShellResponse | { type: 'interrupted' } | { type: 'timeout' };

/** One worker and the requests it has yet to answer. */
class Connection {
  private readonly port: ShellPort;
  private readonly waiting = new Map<number, { type: ShellRequest['type']; resolve: (r: Reply) => void }>();
  private seq = 0;
  /** Why it will answer nothing any more, once it failed or was ended. */
  private gone: string | null = null;

  constructor(spawn: Spawn) {
    this.port = spawn(
      (response) => {
        this.waiting.get(response.id)?.resolve(response);
        this.waiting.delete(response.id);
      },
      (message) => this.stop(message, (id) => ({ id, type: 'failed', message })),
    );
  }

  request(body: RequestBody, timeLimitMs?: number): Promise<Reply> {
    if (this.gone !== null) return Promise.resolve({ id: 0, type: 'failed', message: this.gone });
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = timeLimitMs === undefined ? undefined : setTimeout(() => this.end({ type: 'timeout' }), timeLimitMs);
      this.waiting.set(id, {
        type: body.type,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      this.port.post({ ...body, id } as ShellRequest);
    });
  }

  /** A command runs on it: what Ctrl+C stops (a boot is never stopped: only new code can hang it, and that has a time limit). */
  get running(): boolean {
    return [...this.waiting.values()].some((w) => w.type === 'exec');
  }

  /** End the worker: what was waiting gets `reply`. */
  end(reply: Reply = { type: 'interrupted' }): void {
    this.stop('packet-path: this host was stopped', () => reply);
  }

  private stop(why: string, reply: (id: number) => Reply): void {
    if (this.gone !== null) return;
    this.gone = why;
    this.port.terminate();
    for (const [id, w] of this.waiting) w.resolve(reply(id));
    this.waiting.clear();
  }
}

/** What rebuilding the host did, in lines for the terminal. */
export interface Rebuilt {
  /** One line per command the replay left out, with why; or why there is no host at all. */
  notes: string;
  /** Why the learner's code was not put in place (it does not load), when it was not. */
  refused: string | null;
}

/** A fresh worker whose host is booted and replayed, with the log it ended with. */
interface Built {
  worker: Connection;
  log: string[];
  notes: string;
}

/** Why a command did not complete, in a few words. */
function whyNot(reply: Reply): string {
  switch (reply.type) {
    case 'interrupted':
      return 'interrupted with Ctrl+C';
    case 'learner-error':
      return `your ${threw(reply.hook, reply.error)}`;
    case 'failed':
      return reply.message;
    default:
      return `no answer (${reply.type})`;
  }
}

/** What a command that did not complete prints; the host is rebuilt as it was before it. */
function stopped(reply: Reply): string {
  if (reply.type === 'interrupted') return ''; // as bash prints nothing after ^C
  const what = reply.type === 'learner-error' ? `Your ${threw(reply.hook, reply.error)}.` : whyNot(reply);
  return `${what}\nThe command stopped there; the host is as it was before it.\n`;
}

/** Why the learner's code could not be put in place. */
function refusal(reply: Reply): string {
  if (reply.type === 'learner-error') return `${reply.error.message}${whereInFile(reply.error)}`;
  if (reply.type === 'timeout') return `it did not finish loading within ${LOAD_TIME_LIMIT_MS} ms: does a loop never end?`;
  return whyNot(reply);
}

const withCode = (spec: HostSpec, code: string | null): HostSpec => ({ ...spec, lab: { id: spec.lab!.id, code } });

export class WorkerShell implements ShellBackend {
  private spec: HostSpec;
  private commandLog: string[];
  private readonly spawn: Spawn;
  /** The worker whose host is the terminal's (none before the first boot, or when none would boot). */
  private host: Connection | null = null;
  /** The worker a rebuild is replaying the log on. */
  private building: Connection | null = null;

  constructor(spec: HostSpec, log: readonly string[] = [], spawn: Spawn = spawnShellWorker) {
    this.spec = spec;
    this.commandLog = [...log];
    this.spawn = spawn;
  }

  /** The commands that made this host, oldest first. */
  get log(): readonly string[] {
    return this.commandLog;
  }

  /** The learner's code the host runs in place of the lab's hook (a code lab, after a Run); null: the kernel's. */
  get code(): string | null {
    return this.spec.lab?.code ?? null;
  }

  /** Boot the host and replay the log (the terminal opens). Code from a last Run that no longer loads gives way to the kernel's function. */
  async restore(): Promise<Rebuilt> {
    const built = await this.build(this.spec, this.commandLog);
    if ('refused' in built && this.code !== null && (built.refused.type === 'learner-error' || built.refused.type === 'timeout')) {
      this.spec = withCode(this.spec, null);
      return { notes: await this.rebuild(), refused: refusal(built.refused) };
    }
    return { notes: this.settle(built), refused: null };
  }

  /** Put the learner's code (a code lab's file, as Run graded it) in place of the hook and replay the log on it; code that does not load changes nothing. */
  async useCode(code: string): Promise<Rebuilt> {
    const spec = withCode(this.spec, code);
    const built = await this.build(spec, this.commandLog);
    if ('refused' in built) return { notes: '', refused: refusal(built.refused) };
    this.spec = spec;
    return { notes: this.settle(built), refused: null };
  }

  async exec(line: string): Promise<Output> {
    // No host (none would boot last time): try again first.
    if (!this.host) {
      const why = await this.rebuild();
      if (!this.host) return { stdout: '', stderr: why, code: 1 };
    }
    const reply = await this.host.request({ type: 'exec', line });
    if (reply.type === 'output') {
      this.commandLog = appendToLog(this.commandLog, line, reply.output);
      return reply.output;
    }
    // The command did not complete: the host becomes what it was before it, rebuilt from the log.
    this.host.end();
    this.host = null;
    return { stdout: '', stderr: stopped(reply) + (await this.rebuild()), code: reply.type === 'interrupted' ? 130 : 1 };
  }

  complete(line: string, cursor: number): Promise<Completion> {
    const none: Completion = { start: cursor, end: cursor, candidates: [] };
    if (!this.host) return Promise.resolve(none);
    return this.host.request({ type: 'complete', line, cursor }).then((r) => (r.type === 'completion' ? r.completion : none));
  }

  /** Ctrl+C: end the worker a command runs on (its exec, or the replay, takes it from there). */
  interrupt(): void {
    [this.building, this.host].find((c) => c?.running)?.end();
  }

  /** Make what was built the terminal's host: its notes, or why there is no host. */
  private settle(built: Built | { refused: Reply }): string {
    if ('refused' in built) return `${whyNot(built.refused)}\n`;
    this.host?.end();
    this.host = built.worker;
    this.commandLog = built.log;
    return built.notes;
  }

  /** The host booted again from the spec and the log. */
  private async rebuild(): Promise<string> {
    return this.settle(await this.build(this.spec, this.commandLog));
  }

  /**
   * A fresh worker with `spec` booted and `lines` replayed. A line that does not complete is left
   * out (with a note) and the host booted again from the lines kept. Resolves to the boot's reply
   * when the spec does not boot.
   */
  private async build(spec: HostSpec, lines: readonly string[]): Promise<Built | { refused: Reply }> {
    let notes = '';
    let kept: string[] = [];
    let queue = [...lines];
    for (;;) {
      const worker = new Connection(this.spawn);
      this.building = worker;
      const booted = await worker.request({ type: 'boot', spec }, spec.lab?.code != null ? LOAD_TIME_LIMIT_MS : undefined);
      if (booted.type !== 'booted') {
        worker.end();
        this.building = null;
        return { refused: booted };
      }
      let broken = false;
      while (queue.length > 0 && !broken) {
        const line = queue.shift()!;
        const r = await worker.request({ type: 'exec', line });
        if (r.type === 'output') {
          kept = appendToLog(kept, line, r.output);
          continue;
        }
        notes += `Left out '${line}': ${whyNot(r)}.\n`;
        queue = [...kept, ...queue];
        kept = [];
        broken = true;
        worker.end();
      }
      if (!broken) {
        this.building = null;
        return { worker, log: kept, notes };
      }
    }
  }
}
