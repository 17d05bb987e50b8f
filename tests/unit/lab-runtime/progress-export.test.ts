// The progress export: what the home page saves, what it restores, and what the grader reads from it.
import { describe, expect, it } from 'vitest';
import { saveLabState } from '../../../src/components/lab/lab-store.ts';
import { loadLab } from '../../../src/lab-runtime/node-labs.ts';
import { exportProgress, importProgress, progressFileName } from '../../../src/lab-runtime/progress-export.ts';
import { submissionFrom, terminalKey } from '../../../src/lab-runtime/submission.ts';
import { MemoryStorage } from '../memory-storage.ts';

describe('progress export and import', () => {
  it('round-trips every pp- key and nothing else', () => {
    const a = new MemoryStorage();
    a.setItem('pp-progress-v1', '{"read":{"05-napi":1},"labs":{}}');
    a.setItem('pp-lab-napi-poll', '{"code":"x"}');
    a.setItem('other-site', 'keep out');
    const file = exportProgress(a);
    expect(JSON.parse(file)).toMatchObject({ format: 'packet-path-progress', version: 1 });
    const b = new MemoryStorage();
    expect(importProgress(b, file)).toBe(2);
    expect(b.getItem('pp-lab-napi-poll')).toBe('{"code":"x"}');
    expect(b.getItem('other-site')).toBeNull();
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another JSON file', '{"data":{}}', /not a Packet Path progress export/],
    ['an export of another version', '{"format":"packet-path-progress","version":2,"data":{}}', /version 2; this course reads version 1/],
  ])('refuses %s and changes nothing', (_what, text, message) => {
    const s = new MemoryStorage();
    expect(() => importProgress(s, text)).toThrow(message);
    expect(s.length).toBe(0);
  });

  it('names the file with the date', () => {
    expect(progressFileName(new Date('2025-01-31T12:00:00Z'))).toBe('packet-path-progress-2025-01-31.json');
  });
});

describe('the grader reading an export', () => {
  it("takes a code lab's saved code and a tuning lab's terminal commands from what the page saved", async () => {
    const s = new MemoryStorage();
    saveLabState(s, 'napi-poll', { code: 'export function igb_poll() {}', hintsShown: 1, ran: true, last: null });
    s.setItem(terminalKey('lab-find-the-drops'), JSON.stringify({ history: [], log: ['ethtool -G eth0 rx 4096', 'run bursts'] }));
    const file = exportProgress(s);
    expect(submissionFrom(await loadLab('napi-poll'), file)).toEqual({ submission: 'export function igb_poll() {}' });
    expect(submissionFrom(await loadLab('find-the-drops'), file)).toEqual({ submission: 'ethtool -G eth0 rx 4096\nrun bursts' });
  });

  it('grades any other file as it is, and says why an export it cannot read gives nothing', async () => {
    const lab = await loadLab('napi-poll');
    expect(submissionFrom(lab, 'export function igb_poll() {}\n')).toEqual({ submission: 'export function igb_poll() {}\n' });
    expect(submissionFrom(lab, '{"format":"packet-path-progress","version":2,"data":{}}')).toEqual({ error: expect.stringMatching(/version 2/) });
    expect(submissionFrom(lab, exportProgress(new MemoryStorage()))).toEqual({ error: expect.stringMatching(/holds no code for the lab napi-poll/) });
  });
});
