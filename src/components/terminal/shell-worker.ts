/// <reference lib="webworker" />
/**
 * The Web Worker the terminal's shell lives in, so that a long `run` never freezes the page and
 * Ctrl+C can stop it (by ending the worker). In a code lab its host runs the learner's code, so,
 * like the grading worker, it has no network.
 */
import { loadLab } from '../../lab-runtime/bundled-labs.ts';
import { withdrawNetwork } from '../../lab-runtime/no-network.ts';
import { warmUpTerminal } from '../../lab-runtime/warm-up.ts';
import type { ShellRequest } from './shell-protocol.ts';
import { shellServer } from './shell-server.ts';

withdrawNetwork(self);
const serve = shellServer(loadLab);
let warm = false;
self.onmessage = (e: MessageEvent<ShellRequest>) =>
  void serve(e.data).then((response) => {
    self.postMessage(response);
    // Once the terminal is up, compile the simulator on a throwaway host: the first `run` then starts warm.
    if (!warm && response.type === 'booted') {
      warm = true;
      warmUpTerminal();
    }
  });
