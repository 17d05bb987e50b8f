import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkChapterSource } from '../../../src/lib/chapter-check.ts';

const root = resolve(import.meta.dirname, '../../..');
const script = join(root, 'scripts/new-chapter.ts');
const dir = mkdtempSync(join(tmpdir(), 'pp-new-chapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script the way `npm run new:chapter` does: Node 24 strips the types itself. */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args, '--dir', dir], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run new:chapter', () => {
  it('writes a chapter that the schema accepts, with a quiz', () => {
    const r = run('14-xdp', 'XDP: before the stack');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const file = join(dir, '14-xdp.mdx');
    const src = readFileSync(file, 'utf8');
    const checked = checkChapterSource('14-xdp.mdx', src);
    expect(checked.problems).toEqual([]);
    expect(checked.data?.stage).toBe(14);
    expect(checked.data?.title).toBe('XDP: before the stack');
    expect(src).toContain('<Quiz');
  });

  it('refuses a slug that already exists', () => {
    const before = readFileSync(join(dir, '14-xdp.mdx'), 'utf8');
    const r = run('14-xdp', 'Another title');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/already exists/);
    expect(readFileSync(join(dir, '14-xdp.mdx'), 'utf8')).toBe(before);
  });

  it('refuses a stage number already used', () => {
    const r = run('14-other', 'Other');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/stage 14 is already used by .*14-xdp\.mdx/);
    expect(existsSync(join(dir, '14-other.mdx'))).toBe(false);
  });

  it.each([['5-napi'], ['05_napi'], ['05-NAPI'], ['napi'], ['05-']])('refuses the malformed slug %s', (slug) => {
    const r = run(slug, 'Some title');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/malformed slug/);
  });

  it('refuses a missing title', () => {
    const r = run('15-gro');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/Title/);
  });

  it('counts a broken chapter\'s stage from its file name', () => {
    writeFileSync(join(dir, '16-broken.mdx'), '---\ntitle: x\n---\n');
    const r = run('16-again', 'Again');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/stage 16 is already used/);
  });
});
