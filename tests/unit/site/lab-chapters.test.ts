// A lab's own lab.ts names its chapter: the chapters' lists of labs come from there.
import { describe, expect, it } from 'vitest';
import { embedProblem, labsByChapter } from '../../../src/lib/lab-chapters.ts';

describe("the chapters' labs", () => {
  const chapters = ['00-overview', '05-napi', '12-where-did-my-packets-go'];

  it('are the labs that name each chapter, in id order', () => {
    const labs = [
      { id: 'napi-poll', chapter: '05-napi' },
      { id: 'find-the-drops', chapter: '12-where-did-my-packets-go' },
      { id: 'busy-poll', chapter: '05-napi' },
    ];
    expect(Object.fromEntries(labsByChapter(chapters, labs))).toEqual({ '00-overview': [], '05-napi': ['busy-poll', 'napi-poll'], '12-where-did-my-packets-go': ['find-the-drops'] });
  });

  it('refuse a lab whose chapter does not exist, naming the lab file and the chapter', () => {
    const labs = [
      { id: 'napi-poll', chapter: '05-napi' },
      { id: 'gro-lab', chapter: '08-gro' },
    ];
    expect(() => labsByChapter(chapters, labs)).toThrow('labs/gro-lab/lab.ts: chapter "08-gro" does not exist (the chapters are: 00-overview, 05-napi, 12-where-did-my-packets-go)');
  });

  it("let a chapter embed its own labs only", () => {
    const lab = { id: 'napi-poll', chapter: '05-napi' };
    expect(embedProblem('05-napi', lab)).toBeNull();
    expect(embedProblem('12-where-did-my-packets-go', lab)).toBe(`the lab belongs to the chapter "05-napi" (labs/napi-poll/lab.ts says chapter: '05-napi'); embed it there, or change its chapter`);
    expect(embedProblem(null, lab)).toMatch(/belongs to the chapter "05-napi"/);
  });
});
