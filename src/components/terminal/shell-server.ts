/**
 * What the terminal's worker does with each request, without the worker (so tests drive it in
 * Node): boot a host to a spec, run a command line on it, complete one. Answers come in the order
 * of the requests, each after the one before, since a boot may wait for its lab to load.
 */
import { isTuningLab, type LabDefinition } from '../../lab-runtime/define.ts';
import { codeLabShell } from '../../lab-runtime/lab-terminal.ts';
import { LearnerCodeError, learnerError } from '../../lab-runtime/learner-module.ts';
import { createHost } from '../../sim/index.ts';
import { createShell, type Shell } from '../../shell/index.ts';
import type { HostSpec, ShellRequest, ShellResponse } from './shell-protocol.ts';

export type LoadLab = (id: string) => Promise<LabDefinition>;

export function shellServer(loadLab: LoadLab): (request: ShellRequest) => Promise<ShellResponse> {
  let shell: Shell | null = null;
  /** The hook the learner's code replaces on this host, if it does: what breaks a command is then theirs. */
  let learnerHook: string | null = null;

  async function boot(id: number, spec: HostSpec): Promise<ShellResponse> {
    if (!spec.lab) {
      shell = createShell(createHost(spec.config));
      learnerHook = null;
      return { id, type: 'booted' };
    }
    const lab = await loadLab(spec.lab.id);
    if (isTuningLab(lab)) throw new Error(`the lab ${lab.id} is a tuning lab: its terminal runs no learner code`);
    try {
      shell = codeLabShell(lab, spec.config, spec.lab.code);
    } catch (e) {
      // Code that does not load leaves the host before it as it was.
      if (e instanceof LearnerCodeError) return { id, type: 'learner-error', hook: lab.hook, error: e.detail };
      throw e;
    }
    learnerHook = spec.lab.code === null ? null : lab.hook;
    return { id, type: 'booted' };
  }

  function exec(id: number, host: Shell, line: string): ShellResponse {
    try {
      return { id, type: 'output', output: host.exec(line) };
    } catch (e) {
      if (learnerHook !== null) return { id, type: 'learner-error', hook: learnerHook, error: learnerError(e) };
      throw e;
    }
  }

  async function answer(request: ShellRequest): Promise<ShellResponse> {
    if (request.type === 'boot') return boot(request.id, request.spec);
    if (!shell) throw new Error('no host: it did not boot');
    if (request.type === 'exec') return exec(request.id, shell, request.line);
    return { id: request.id, type: 'completion', completion: shell.complete(request.line, request.cursor) };
  }

  let last: Promise<unknown> = Promise.resolve();
  return (request) => {
    const answered = last
      .then(() => answer(request))
      // The shell answers every command; reaching here is a bug in Packet Path, so say so plainly.
      .catch((e: unknown): ShellResponse => ({ id: request.id, type: 'failed', message: `packet-path: the simulated host failed: ${(e as Error).message}` }));
    last = answered;
    return answered;
  };
}
