// The lab runtime: a passing file, failing files with the matching check and message, errors at
// the learner's line, a time-out, and the same grade from the worker as from a direct run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabDefinition } from '../../../src/lab-runtime/define.ts';
import { gradeInWorker } from '../../../src/lab-runtime/node-sandbox.ts';
import { labFile, loadLab } from '../../../src/lab-runtime/node-labs.ts';
import { runLab, type LabResult } from '../../../src/lab-runtime/run-lab.ts';
import { warmUpLab } from '../../../src/lab-runtime/warm-up.ts';
import { mutate, solution } from '../../napi-poll-mistakes.ts';

let lab: LabDefinition;
beforeAll(async () => {
  lab = await loadLab('napi-poll');
});

const failing = (r: LabResult) => r.checks.filter((c) => !c.pass).map((c) => c.id);


describe('the napi-poll lab', () => {
  it('passes the reference solution with full marks', () => {
    const r = runLab(lab, solution);
    expect(r.status).toBe('passed');
    expect(r.score).toBe(r.maxScore);
    expect(r.runs.map((x) => x.scenario)).toEqual(['steady', 'overload']);
  });

  it('fails the starter', () => {
    const r = runLab(lab, labFile('napi-poll', 'starter.ts'));
    expect(r.status).toBe('failed');
    expect(failing(r)).toContain('completes');
  });

  it.each([
    ['exceeding the budget', 'while (work_done < budget) {', 'while (true) {', ['budget']],
    ['completing when the budget was used up', '  if (work_done === budget) return budget;\n', '', ['stays-scheduled']],
    ['never completing', '  if (napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector);\n', '', ['completes']],
    ['not re-enabling the interrupt', 'if (napi_complete_done(napi, work_done)) igb_ring_irq_enable(q_vector);', 'napi_complete_done(napi, work_done);', ['completes']],
    ['not refilling the ring', 'igb_alloc_rx_buffers(rx_ring, cleaned_count);', '', ['refills']],
    ['losing packets', '    napi_gro_receive(napi, skb);\n', '    if (skb.id % 2) napi_gro_receive(napi, skb);\n', ['delivers']],
    ['duplicating packets', '    napi_gro_receive(napi, skb);\n', '    napi_gro_receive(napi, skb);\n    napi_gro_receive(napi, skb);\n', ['delivers']],
  ])('catches %s with its own check', (_what, from, to, expected) => {
    const r = runLab(lab, mutate(from, to));
    for (const id of expected) expect(failing(r)).toContain(id);
    const check = r.checks.find((c) => c.id === expected[0])!;
    expect(check.message).toMatch(/\d/); // the message carries the numbers
  });

  it('reports a syntax error at the learner\'s line and column', () => {
    const r = runLab(lab, 'export function igb_poll(napi, budget) {\n  let x = ;\n}\n');
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({ kind: 'syntax', line: 2, column: 11 });
    expect(r.checks.every((c) => !c.pass && c.message!.includes('line 2'))).toBe(true);
  });

  it('reports an exception at the line that threw', () => {
    const source = mutate('    const skb = igb_build_skb(rx_ring, rx_desc);\n', '    const skb = igb_build_skb(rx_ring, rx_desc);\n    if (skb && skb.id === 1000) throw new RangeError("bad skb");\n');
    const line = source.split('\n').findIndex((l) => l.includes('bad skb')) + 1;
    const r = runLab(lab, source);
    expect(r.error).toMatchObject({ kind: 'runtime', message: 'RangeError: bad skb', line });
    expect(r.error!.column).toBeGreaterThan(0);
  });

  it('says which export is missing', () => {
    const r = runLab(lab, 'export function poll() { return 0; }');
    expect(r.error).toMatchObject({ kind: 'export' });
    expect(r.error!.message).toContain('igb_poll');
  });

  it('keeps the network and other modules out of reach', () => {
    const r = runLab(lab, `import { readFileSync } from 'node:fs';\nexport function igb_poll() { return readFileSync.length; }`);
    expect(r.error?.message).toMatch(/can import only 'packet-path\/sim'/);
    const net = runLab(lab, solution.replace('let work_done = 0;', 'let work_done = 0; if (typeof fetch !== "undefined" || typeof process !== "undefined") throw new Error("reachable");'));
    expect(net.status).toBe('passed');
  });
});

describe('the sandbox', () => {
  it('gives the same grade in a worker as in a direct run', async () => {
    const direct = runLab(lab, solution);
    const inWorker = await gradeInWorker('napi-poll', solution);
    expect(inWorker.checks).toEqual(direct.checks);
    expect(inWorker.runs.map((r) => r.stats)).toEqual(direct.runs.map((r) => r.stats));
  });

  it('grades the same after the warm-up a waiting worker does, for a code lab and a tuning lab', async () => {
    const tuning = await loadLab('find-the-drops');
    for (const [l, file] of [[lab, solution], [tuning, labFile('find-the-drops', 'solution.sh')]] as const) {
      const { timing: _a, ...cold } = runLab(l, file);
      warmUpLab(l);
      const { timing: _b, ...warm } = runLab(l, file);
      expect(warm).toEqual(cold);
    }
  });

  it('stops an infinite loop at the time limit', async () => {
    const source = mutate('    if (!rx_desc.length) break; // the NIC has not written this one yet\n', '    if (!rx_desc.length) for (;;) {}\n');
    const started = Date.now();
    const r = await gradeInWorker('napi-poll', source, 1500);
    expect(r.status).toBe('timeout');
    expect(r.error!.message).toContain('1500 ms');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
