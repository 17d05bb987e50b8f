/// <reference lib="webworker" />
/**
 * The Web Worker the terminal's shell lives in, so that a long `run` never freezes the page and
 * Ctrl+C can stop it (by ending the worker). It boots a host, replays the commands the learner had
 * already run (the host is deterministic: the same commands give the same host), then answers.
 */
import { createHost } from '../../sim/index.ts';
import { createShell, type Shell } from '../../shell/index.ts';
import type { ShellRequest, ShellResponse } from './shell-protocol.ts';

let shell: Shell | null = null;

function answer(request: ShellRequest): ShellResponse {
  switch (request.type) {
    case 'boot': {
      shell = createShell(createHost(request.config));
      for (const line of request.replay) shell.exec(line);
      return { id: request.id, type: 'booted' };
    }
    case 'exec':
      return { id: request.id, type: 'output', output: shell!.exec(request.line) };
    case 'complete':
      return { id: request.id, type: 'completion', completion: shell!.complete(request.line, request.cursor) };
  }
}

self.onmessage = (e: MessageEvent<ShellRequest>) => {
  let response: ShellResponse;
  try {
    response = answer(e.data);
  } catch (err) {
    // The shell answers every command; reaching here is a bug in Packet Path, so say so plainly.
    response = { id: e.data.id, type: 'failed', message: `packet-path: the simulated host failed: ${(err as Error).message}` };
  }
  self.postMessage(response);
};
