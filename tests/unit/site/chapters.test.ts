import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkChapterDir, checkChapterSource, listChapterFiles, stageProblems, ChapterError, assertChapterDir } from '../../../src/lib/chapter-check.ts';

const root = resolve(import.meta.dirname, '../../..');
const chaptersDir = join(root, 'content/chapters');
const fixturesDir = join(import.meta.dirname, 'fixtures/chapters');

const good = readFileSync(join(fixturesDir, '05-napi.mdx'), 'utf8');

describe('the chapter schema', () => {
  const files = listChapterFiles(chaptersDir);
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('accepts %s', (name, file) => {
    const r = checkChapterSource(name, readFileSync(file, 'utf8'));
    expect(r.problems).toEqual([]);
  });

  it('finds every course chapter with a unique stage', () => {
    const { chapters, problems } = checkChapterDir(chaptersDir, root);
    expect(stageProblems(chapters)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('accepts the site fixtures', () => {
    expect(checkChapterDir(fixturesDir, root).problems).toEqual([]);
  });

  const broken: [string, (s: string) => string, string, RegExp][] = [
    ['a missing field', (s) => s.replace(/^summary:.*\n/m, ''), 'summary', /expected string/i],
    ['a wrong type', (s) => s.replace(/^stage: 5$/m, 'stage: "five"'), 'stage', /expected number/i],
    ['a bad URL', (s) => s.replace('https://docs.kernel.org/networking/', 'docs.kernel.org'), 'references[0].url', /url/i],
    ['a bad kernel function name', (s) => s.replace('{ name: net_rx_action,', '{ name: "net rx action",'), 'kernelFunctions[0].name', /C identifier/],
    ['an unknown field', (s) => s.replace(/^stage: 5$/m, 'stage: 5\nauthor: me'), 'author', /unknown field/],
    ['a short title too long', (s) => s.replace(/^shortTitle: .*$/m, 'shortTitle: "A short title that is far too long for the map"'), 'shortTitle', /28/],
    ['a stage that disagrees with the file name', (s) => s.replace(/^stage: 5$/m, 'stage: 7'), 'stage', /file name starts with 05/],
    ['a YAML syntax error', (s) => s.replace(/^title: .*$/m, 'title: "unclosed'), '(frontmatter)', /YAML/],
  ];
  it.each(broken)('rejects %s, naming the file and the field', (_what, breakIt, field, why) => {
    const r = checkChapterSource('content/chapters/05-napi.mdx', breakIt(good));
    const err = new ChapterError(r.problems);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(err.message).toContain('content/chapters/05-napi.mdx');
    expect(err.message).toContain(`field "${field}"`);
    expect(err.message).toMatch(why);
  });

  it('rejects a file without frontmatter and a malformed file name', () => {
    const r = checkChapterSource('content/chapters/napi.mdx', '# NAPI\n');
    const msg = new ChapterError(r.problems).message;
    expect(msg).toContain('content/chapters/napi.mdx: field "(file name)"');
    expect(msg).toContain('no frontmatter');
  });

  it('rejects two chapters with the same stage, naming both files', () => {
    const p = stageProblems([
      { file: 'content/chapters/05-napi.mdx', data: { stage: 5 } },
      { file: 'content/chapters/05-other.mdx', data: { stage: 5 } },
    ]);
    expect(p).toHaveLength(1);
    const msg = new ChapterError(p).message;
    expect(msg).toContain('content/chapters/05-other.mdx');
    expect(msg).toContain('content/chapters/05-napi.mdx');
    expect(msg).toContain('field "stage"');
  });

  it('assertChapterDir throws one message listing every problem, and accepts an empty folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-chapters-'));
    try {
      expect(assertChapterDir(dir, dir)).toEqual([]);
      writeFileSync(join(dir, '05-napi.mdx'), good.replace(/^stage: 5$/m, 'stage: -1'));
      writeFileSync(join(dir, '06-softirq.mdx'), good.replace(/^stage: 5$/m, 'stage: 6').replace(/^title: .*$/m, 'title: 42'));
      expect(() => assertChapterDir(dir, dir)).toThrow(ChapterError);
      try {
        assertChapterDir(dir, dir);
      } catch (e) {
        const msg = (e as Error).message;
        expect(msg).toContain('05-napi.mdx: field "stage"');
        expect(msg).toContain('06-softirq.mdx: field "title"');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
