// A lab's own scenarios in the shell (createShell's `scenarios`): run and reset take them by name,
// list them apart, complete them; one hides a named scenario of the same name.
import { describe, expect, it } from 'vitest';
import { constantRate, createHost, findScenario, type Scenario } from '../../../src/sim/index.ts';
import { createShell } from '../../../src/shell/index.ts';
import { terminalScenarios } from '../../../src/lab-runtime/lab-terminal.ts';
import type { CodeLab } from '../../../src/lab-runtime/define.ts';

const steady: Scenario = { name: 'steady', description: "the lab's gentle load", workload: constantRate({ pps: 50_000, flows: 2 }), durationNs: 2e6 };
const spike: Scenario = { name: 'spike', description: "the lab's spike", workload: constantRate({ pps: 1_000_000, flows: 1 }), durationNs: 1e6 };
const frames = (s: Scenario) => Math.round((s.workload.pps * s.durationNs) / 1e9);
const sent = (stdout: string) => Number(/sent\s+(\d+) frames/.exec(stdout)?.[1]);

describe("a lab's scenarios in the shell", () => {
  const shell = () => createShell(createHost(), { scenarios: [steady, spike] });

  it('runs them by name, a lab scenario hiding the named one it shares a name with', () => {
    const sh = shell();
    expect(sent(sh.exec('run spike').stdout)).toBe(frames(spike));
    expect(sent(sh.exec('run steady').stdout)).toBe(frames(steady));
    expect(sent(createShell(createHost()).exec('run steady').stdout)).toBe(frames(findScenario('steady')!));
    // The other named scenarios are still there.
    expect(sh.exec('run ring-overflow --duration 1ms').code).toBe(0);
  });

  it('runs the first without a name, and names the others', () => {
    const out = shell().exec('run').stdout;
    expect(sent(out)).toBe(frames(steady));
    expect(out).toMatch(/\nother scenarios: spike \(this lab's\); ring-overflow, elephant, .*\n$/);
    // The sandbox's run is the named steady, and says what else there is.
    expect(createShell(createHost()).exec('run').stdout).toMatch(/\nother scenarios: ring-overflow, elephant, bursts, slow-reader, tcp-bulk\n$/);
  });

  it('lists them apart in run --list, help and errors', () => {
    const sh = shell();
    const list = sh.exec('run --list').stdout;
    expect(list).toMatch(/^usage: run .*\nscenarios of this lab:\n {2}steady {9}the lab's gentle load\n {2}spike {10}the lab's spike\nother scenarios:\n {2}ring-overflow /);
    expect(list.match(/^ {2}steady /gm)).toHaveLength(1);
    expect(sh.exec('help').stdout).toContain("Scenarios for run (run --list says what each sends): steady, spike (this lab's); ring-overflow, elephant, bursts, slow-reader, tcp-bulk.\n");
    expect(sh.exec('run nosuch').stderr).toContain('scenarios of this lab:\n  steady');
    expect(sh.exec('reset nosuch').stderr).toContain('scenarios of this lab:\n  steady');
    expect(sh.exec('reset spike').code).toBe(0);
  });

  it('completes them', () => {
    expect(shell().complete('run sp').candidates).toEqual(['spike']);
    expect(shell().complete('reset s').candidates).toEqual(['slow-reader', 'spike', 'steady']);
    expect(createShell(createHost()).complete('run sp').candidates).toEqual([]);
  });
});

describe("a code lab's scenarios for its terminal", () => {
  const host = { sockets: [{ proto: 'udp' as const, port: 9000 }] };
  const lab = {
    id: 'x',
    hook: 'igb_poll',
    scenarios: [
      { name: 'calm', description: 'a calm load', host, workload: constantRate({ pps: 10_000, flows: 1 }), durationNs: 1e6 },
      { name: 'small-ring', host: { ...host, nic: { ringSize: 64 } }, workload: constantRate({ pps: 200_000, flows: 4 }), durationNs: 5e6 },
    ],
  } as unknown as CodeLab;

  it("keep their descriptions or describe their traffic, and carry host settings only where they differ from the terminal's", () => {
    const [calm, small] = terminalScenarios(lab);
    expect(calm).toEqual({ name: 'calm', description: 'a calm load', workload: lab.scenarios[0]!.workload, durationNs: 1e6 });
    expect(small!.description).toBe('constant-rate: 200 kpps in 4 flows for 5 ms');
    expect(small!.host).toEqual({ ...host, nic: { ringSize: 64 } });
  });
});
