// The terminal's worker, in process: a code lab's host with the learner's function in place of the
// kernel's, what a throwing function does to a command, and the lab's scenarios in `run`.
import { beforeAll, describe, expect, it } from 'vitest';
import { shellServer } from '../../../src/components/terminal/shell-server.ts';
import type { HostSpec, RequestBody, ShellRequest, ShellResponse } from '../../../src/components/terminal/shell-protocol.ts';
import type { CodeLab } from '../../../src/lab-runtime/define.ts';
import { terminalHost } from '../../../src/lab-runtime/lab-terminal.ts';
import { loadLab } from '../../../src/lab-runtime/node-labs.ts';
import type { Output } from '../../../src/shell/index.ts';
import { napiPollLab, noRefill, throwing } from '../../napi-poll-mistakes.ts';

let lab: CodeLab;
beforeAll(async () => {
  lab = await napiPollLab();
});

/** A server and helpers that send it requests as the page does. */
function server() {
  const serve = shellServer(loadLab);
  let id = 0;
  const ask = (body: RequestBody): Promise<ShellResponse> => serve({ ...body, id: ++id } as ShellRequest);
  const spec = (code: string | null): HostSpec => ({ config: terminalHost(lab), lab: { id: lab.id, code } });
  const boot = (code: string | null) => ask({ type: 'boot', spec: spec(code) });
  const exec = async (line: string): Promise<Output> => {
    const r = await ask({ type: 'exec', line });
    if (r.type !== 'output') throw new Error(`${line}: ${JSON.stringify(r)}`);
    return r.output;
  };
  return { ask, boot, exec };
}

/** The rx_queue_N_drops of `ethtool -S eth0`, summed: frames the NIC found no descriptor for. */
function nicDrops(text: string): number {
  return [...text.matchAll(/^\s+rx_queue_\d+_drops: (\d+)$/gm)].reduce((s, m) => s + Number(m[1]), 0);
}

describe("a code lab's terminal host", () => {
  it("runs the kernel's function until it is given the learner's, then theirs: a poll that never refills runs the ring dry", async () => {
    const kernel = server();
    expect(await kernel.boot(null)).toMatchObject({ type: 'booted' });
    await kernel.exec('run steady');
    expect(nicDrops((await kernel.exec('ethtool -S eth0')).stdout)).toBe(0);

    const learner = server();
    expect(await learner.boot(noRefill())).toMatchObject({ type: 'booted' });
    const run = await learner.exec('run steady');
    const drops = nicDrops((await learner.exec('ethtool -S eth0')).stdout);
    expect(drops).toBeGreaterThan(0);
    // What run reported as dropped in the NIC is what ethtool counts.
    expect(run.stdout).toMatch(new RegExp(`dropped\\s+${drops}\\n`));
  });

  it("reports the learner's exception at their line, naming their function", async () => {
    const source = throwing();
    const line = source.split('\n').findIndex((l) => l.includes('bad skb')) + 1;
    const s = server();
    await s.boot(source);
    const r = await s.ask({ type: 'exec', line: 'run steady' });
    expect(r).toMatchObject({ type: 'learner-error', hook: 'igb_poll', error: { kind: 'runtime', message: 'RangeError: bad skb', line } });
    // A fresh boot gives a host that works again.
    await s.boot(null);
    expect((await s.exec('run steady')).code).toBe(0);
  });

  it('refuses code that does not load, and keeps the host it had', async () => {
    const s = server();
    await s.boot(null);
    await s.exec('ethtool -G eth0 rx 1024');
    expect(await s.boot('export function igb_poll(napi, budget) {\n  let x = ;\n}\n')).toMatchObject({ type: 'learner-error', hook: 'igb_poll', error: { kind: 'syntax', line: 2 } });
    expect(await s.boot('export function poll() { return 0; }')).toMatchObject({ type: 'learner-error', error: { kind: 'export' } });
    expect((await s.exec('ethtool -g eth0')).stdout).toMatch(/Current hardware settings:\nRX:\s+1024/);
  });

  it("offers the lab's scenarios to run: listed first, completed, and sent with the lab's traffic", async () => {
    const s = server();
    await s.boot(null);
    const list = (await s.exec('run --list')).stdout;
    const own = list.slice(list.indexOf('scenarios of this lab:'), list.indexOf('other scenarios:'));
    for (const scenario of lab.scenarios) expect(own).toContain(`  ${scenario.name.padEnd(14)} ${scenario.description}`);
    expect(list).toContain('ring-overflow');
    expect((await s.exec('help')).stdout).toContain(`${lab.scenarios.map((x) => x.name).join(', ')} (this lab's)`);
    expect(await s.ask({ type: 'complete', line: 'run ov', cursor: 6 })).toMatchObject({ completion: { candidates: ['overload'] } });

    // The lab's overload, not a scenario of the same traffic elsewhere: as many frames as it sends.
    const overload = lab.scenarios.find((x) => x.name === 'overload')!;
    const sent = Math.round((overload.workload.pps * overload.durationNs) / 1e9);
    expect((await s.exec('run overload')).stdout).toMatch(new RegExp(`sent\\s+${sent} frames`));
    // Its host is the terminal's: no advice to reset for it.
    expect((await s.exec('run steady')).stderr).toBe('');
  });

  it('keeps the sandbox and tuning terminals as they were: no lab, no lab scenarios', async () => {
    const serve = shellServer(loadLab);
    await serve({ id: 1, type: 'boot', spec: { config: {} } });
    expect(await serve({ id: 2, type: 'exec', line: 'run overload' })).toMatchObject({ type: 'output', output: { code: 2, stderr: expect.stringContaining("no scenario named 'overload'") } });
  });
});
