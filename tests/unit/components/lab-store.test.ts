// Saved lab work: restored on reload, corrupt data set aside with a notice, progress export/import.
import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, loadLabState, saveLabState } from '../../../src/components/lab/lab-store.ts';
import { labKey } from '../../../src/lab-runtime/submission.ts';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
}

describe('lab state', () => {
  it('starts from the starter, then restores what was saved', () => {
    const s = new MemoryStorage();
    const first = loadLabState(s, 'napi-poll', 'starter');
    expect(first).toEqual({ state: { code: 'starter', hintsShown: 0, ran: false, last: null } });
    saveLabState(s, 'napi-poll', { ...first.state, code: 'mine', hintsShown: 2, ran: true });
    expect(loadLabState(s, 'napi-poll', 'starter').state).toMatchObject({ code: 'mine', hintsShown: 2, ran: true });
  });

  it.each(['{not json', '{"code": 5}', 'null', '[]'])('sets corrupt data %j aside and says so', (raw) => {
    const s = new MemoryStorage();
    s.setItem(labKey('napi-poll'), raw);
    const { state, notice } = loadLabState(s, 'napi-poll', 'starter');
    expect(state.code).toBe('starter');
    expect(notice).toMatch(/could not be read/);
    expect(s.getItem('pp-lab-napi-poll-corrupt')).toBe(raw);
  });
});

describe('progress export and import', () => {
  it('round-trips every pp- key and nothing else', () => {
    const a = new MemoryStorage();
    a.setItem('pp-progress-v1', '{"read":{"05-napi":1},"labs":{}}');
    a.setItem('pp-lab-napi-poll', '{"code":"x"}');
    a.setItem('other-site', 'keep out');
    const file = exportProgress(a);
    const b = new MemoryStorage();
    expect(importProgress(b, file)).toBe(2);
    expect(b.getItem('pp-lab-napi-poll')).toBe('{"code":"x"}');
    expect(b.getItem('other-site')).toBeNull();
  });

  it('refuses a file that is not an export and changes nothing', () => {
    const s = new MemoryStorage();
    expect(() => importProgress(s, 'hello')).toThrow(/not JSON/);
    expect(() => importProgress(s, '{"data":{}}')).toThrow(/not a Packet Path progress export/);
    expect(s.length).toBe(0);
  });
});
