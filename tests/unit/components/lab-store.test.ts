// Saved lab work: restored on reload, corrupt data set aside with a notice.
import { describe, expect, it } from 'vitest';
import { loadLabState, saveLabState } from '../../../src/components/lab/lab-store.ts';
import { labKey } from '../../../src/lab-runtime/submission.ts';
import { MemoryStorage } from '../memory-storage.ts';

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
