// The page's side of the terminal's worker, with the worker as a Node thread: the learner's code put
// in place by a Run, a command their code breaks or never finishes, and a replay that leaves out
// what no longer completes, so that nothing hangs twice and a reload gives the same host.
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HostSpec, ShellRequest } from '../../../src/components/terminal/shell-protocol.ts';
import { WorkerShell, type Spawn } from '../../../src/components/terminal/worker-shell.ts';
import type { CodeLab } from '../../../src/lab-runtime/define.ts';
import { terminalHost } from '../../../src/lab-runtime/lab-terminal.ts';
import { LOOPS, napiPollLab, noRefill, solution, throwing } from '../../napi-poll-mistakes.ts';

let lab: CodeLab;
beforeAll(async () => {
  lab = await napiPollLab();
});

/**
 * Node may crash (SIGSEGV) when a worker thread starts while another is still terminating
 * (nodejs/node#56312), which Ctrl+C and a rebuild do here: each thread starts only once the last
 * one terminated has exited, and requests posted meanwhile wait for it. Browsers' workers need none of this.
 */
let lastExit: Promise<unknown> = Promise.resolve();

const threads = new Set<Worker>();
afterEach(async () => {
  sent = () => {};
  lastExit = Promise.all([...threads].map((t) => t.terminate()));
  await lastExit;
  threads.clear();
});

/** Told of every request the page sends (a test waits for one to press Ctrl+C). */
let sent: (request: ShellRequest) => void = () => {};

const spawnThread: Spawn = (answer, fail) => {
  let thread: Worker | null = null;
  let terminated = false;
  const waiting: ShellRequest[] = [];
  void lastExit.then(() => {
    if (terminated) return;
    thread = new Worker(new URL('./shell-thread.ts', import.meta.url));
    threads.add(thread);
    thread.on('message', answer);
    thread.on('error', (e) => fail(e.message));
    for (const request of waiting.splice(0)) thread.postMessage(request);
  });
  return {
    post: (request) => {
      if (thread) thread.postMessage(request);
      else waiting.push(request);
      sent(request);
    },
    terminate: () => {
      terminated = true;
      if (thread) lastExit = thread.terminate();
    },
  };
};

const spec = (code: string | null = null): HostSpec => ({ config: terminalHost(lab), lab: { id: lab.id, code } });
const shellOn = (code: string | null = null, log: string[] = []) => new WorkerShell(spec(code), log, spawnThread);


const RING = 'ethtool -G eth0 rx 1024';
const BUDGET = 'sysctl -w net.core.netdev_budget=600';
const DROPS = 'ethtool -S eth0 | grep _drops';
const queueDrops = (text: string) => [...text.matchAll(/rx_queue_\d+_drops: (\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);

/** Ctrl+C a moment after `line` starts to run (once), as a learner who sees it hang. */
function interruptWhenRunning(shell: WorkerShell, line: string): void {
  sent = (request) => {
    if (request.type !== 'exec' || request.line !== line) return;
    sent = () => {};
    setTimeout(() => shell.interrupt(), 200);
  };
}

describe('the terminal shell in its worker', () => {
  it("puts the learner's code in place on Run, replaying the commands on it; the log and code give the same host again", async () => {
    const shell = shellOn();
    expect(await shell.restore()).toEqual({ notes: '', refused: null });
    await shell.exec(BUDGET);
    await shell.exec('run steady');
    expect(queueDrops((await shell.exec(DROPS)).stdout)).toBe(0);

    expect(await shell.useCode(noRefill())).toEqual({ notes: '', refused: null });
    expect(shell.code).toBe(noRefill());
    expect(shell.log).toEqual([BUDGET, 'run steady', DROPS]);
    const after = (await shell.exec(DROPS)).stdout;
    expect(queueDrops(after)).toBeGreaterThan(0);

    // What a reload boots from: the same counters, the same settings.
    const reloaded = shellOn(shell.code, [...shell.log]);
    await reloaded.restore();
    expect((await reloaded.exec(DROPS)).stdout).toBe(after);
    expect((await reloaded.exec('sysctl net.core.netdev_budget')).stdout).toBe('net.core.netdev_budget = 600\n');
  });

  it('leaves the host as it was when code does not load', async () => {
    const shell = shellOn(null, [RING]);
    await shell.restore();
    const r = await shell.useCode('export function igb_poll(napi, budget) {\n  let x = ;\n}\n');
    expect(r.refused).toMatch(/^SyntaxError: .* \(line 2, column \d+\)$/);
    expect(shell.code).toBeNull();
    expect(shell.log).toEqual([RING]);
    expect((await shell.exec('ethtool -g eth0')).stdout).toMatch(/RX:\s+1024\n[\s\S]*$/);
  });

  it("answers a command the learner's code breaks with their exception, and the host stays as before it", async () => {
    const shell = shellOn(throwing(), [RING]);
    await shell.restore();
    const out = await shell.exec('run steady');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/^Your igb_poll threw RangeError: bad skb \(line \d+, column \d+\)\.\nThe command stopped there; the host is as it was before it\.\n$/);
    expect(shell.log).toEqual([RING]);
    // Usable, and with nothing of the broken run in it.
    expect((await shell.exec('cat /sys/class/net/eth0/statistics/rx_packets')).stdout).toBe('0\n');
    expect((await shell.exec('ethtool -g eth0')).stdout).toMatch(/Current hardware settings:\nRX:\s+1024/);
  });

  it('stops a command that never returns on Ctrl+C, and the replay does not run it again', async () => {
    const shell = shellOn(LOOPS, [RING]);
    await shell.restore();
    interruptWhenRunning(shell, 'run steady');
    expect(await shell.exec('run steady')).toEqual({ stdout: '', stderr: '', code: 130 });
    expect(shell.log).toEqual([RING]);
    expect((await shell.exec('nproc')).stdout).toBe('4\n');
    // The host a reload would boot does not hang either.
    const reloaded = shellOn(shell.code, [...shell.log]);
    expect(await reloaded.restore()).toEqual({ notes: '', refused: null });
  }, 20_000);

  it("leaves out of the replay a command the new code breaks, or never finishes, and says so", async () => {
    const shell = shellOn(null, [RING, 'run steady', BUDGET]);
    await shell.restore();

    const broken = await shell.useCode(throwing());
    expect(broken.refused).toBeNull();
    expect(broken.notes).toMatch(/^Left out 'run steady': your igb_poll threw RangeError: bad skb \(line \d+, column \d+\)\.\n$/);
    expect(shell.log).toEqual([RING, BUDGET]);

    await shell.useCode(solution);
    await shell.exec('run steady');
    interruptWhenRunning(shell, 'run steady');
    const hung = await shell.useCode(LOOPS);
    expect(hung.notes).toBe("Left out 'run steady': interrupted with Ctrl+C.\n");
    expect(shell.code).toBe(LOOPS);
    expect(shell.log).toEqual([RING, BUDGET]);
    expect((await shell.exec('sysctl net.core.netdev_budget')).stdout).toBe('net.core.netdev_budget = 600\n');
  }, 20_000);

  it("falls back to the kernel's function when the code of the last Run no longer loads", async () => {
    const shell = shellOn('export function igb_poll( {', [RING]);
    const r = await shell.restore();
    expect(r.refused).toMatch(/^SyntaxError/);
    expect(shell.code).toBeNull();
    expect(shell.log).toEqual([RING]);
  });
});
