// The terminal's shell worker as a Node worker thread (the tests' stand-in for the browser's Web
// Worker): the same server, with the labs loaded from disk.
import { parentPort } from 'node:worker_threads';
import { shellServer } from '../../../src/components/terminal/shell-server.ts';
import type { ShellRequest } from '../../../src/components/terminal/shell-protocol.ts';
import { loadLab } from '../../../src/lab-runtime/node-labs.ts';

const serve = shellServer(loadLab);
parentPort!.on('message', (request: ShellRequest) => void serve(request).then((response) => parentPort!.postMessage(response)));
