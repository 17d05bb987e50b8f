/**
 * A wrong chapter must fail `astro build` with a message naming the file and the field; two
 * chapters with one stage must fail it naming both files; a wrong <Quiz> must name the chapter; a
 * lab must belong to a chapter of the course, and only its own chapter may embed it. These run the
 * real build against small temporary chapter folders (PP_CHAPTERS_DIR), in a temporary copy of the
 * site (src/, public/, config, the labs asked for; node_modules linked), so dist/, .astro/ and
 * content/ of the working tree are untouched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, 'fixtures/chapters');
const tmp = mkdtempSync(join(tmpdir(), 'pp-build-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A throwaway project root: a copy of the site's sources with node_modules linked, and of the
 * labs given (each names its chapter, which the fixture folder must then have).
 */
function siteCopy(name: string, labs: string[]): string {
  const site = join(tmp, `${name}-site`);
  mkdirSync(site, { recursive: true });
  // Everything the site's build reads besides the chapters and the labs (add here if the site starts reading more).
  for (const f of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(root, f))) cpSync(join(root, f), join(site, f), { recursive: true });
  }
  for (const lab of labs) cpSync(join(root, 'labs', lab), join(site, 'labs', lab), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(site, 'node_modules'), 'dir');
  return site;
}

function chaptersDir(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(fixtures, '00-overview.mdx'), join(dir, '00-overview.mdx'));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

/** The fixture chapter 05-napi embeds the napi-poll lab. */
function build(dir: string, labs = ['napi-poll']) {
  return buildIn(dir, labs).result;
}

function buildIn(dir: string, labs: string[]) {
  const site = siteCopy(dir.split('/').pop()!, labs);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, PP_CHAPTERS_DIR: dir, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { site, result: { code: r.status, text: `${r.stdout}\n${r.stderr}` } };
}

const napi = readFileSync(join(fixtures, '05-napi.mdx'), 'utf8');
const troubleshooting = readFileSync(join(fixtures, '12-where-did-my-packets-go.mdx'), 'utf8');

describe('astro build', () => {
  it('builds a chapter made by new:chapter and shows it in the sidebar and on the map', () => {
    const dir = chaptersDir('new-chapter', {});
    const made = spawnSync(process.execPath, [join(root, 'scripts/new-chapter.ts'), '14-xdp', 'XDP: before the stack', '--dir', dir], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const { site, result } = buildIn(dir, []);
    expect(result.code, result.text).toBe(0);
    const page = readFileSync(join(site, 'dist/chapters/14-xdp/index.html'), 'utf8');
    expect(page).toContain('XDP: before the stack');
    expect(page).toContain('data-quiz');
    const home = readFileSync(join(site, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/class="map-node" href="\/chapters\/14-xdp\/"/);
    expect(page).toMatch(/class="sidebar-list"[\s\S]*href="\/chapters\/14-xdp\/"/);
  }, 120_000);

  it('fails on a wrong field, naming the file and the field', () => {
    const dir = chaptersDir('bad-field', { '05-napi.mdx': napi.replace('https://docs.kernel.org/networking/', 'not a url') });
    const r = build(dir);
    expect(r.code).not.toBe(0);
    expect(r.text).toMatch(/05-napi\.mdx: field "references\[0\]\.url"/);
  }, 120_000);

  it('fails on two chapters with the same stage, naming both files', () => {
    const dir = chaptersDir('same-stage', { '05-napi.mdx': napi, '05-napi-again.mdx': napi });
    const r = build(dir);
    expect(r.code).not.toBe(0);
    expect(r.text).toMatch(/05-napi(-again)?\.mdx: field "stage": stage 5 is already used by .*05-napi(-again)?\.mdx/);
  }, 120_000);

  it('fails on a quiz without a correct option, naming the chapter', () => {
    const dir = chaptersDir('bad-quiz', { '05-napi.mdx': napi.replace('correct: true, explain: "enqueue', 'explain: "enqueue') });
    const r = build(dir);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain('Invalid <Quiz> in content/chapters/05-napi.mdx');
    expect(r.text).toMatch(/no option has `correct: true`/);
  }, 120_000);

  it("counts and marks each lab on its own chapter, from the lab's lab.ts", () => {
    const dir = chaptersDir('labs', { '05-napi.mdx': napi, '12-where-did-my-packets-go.mdx': `${troubleshooting}\n<Lab id="find-the-drops" />\n` });
    const { site, result } = buildIn(dir, ['napi-poll', 'find-the-drops']);
    expect(result.code, result.text).toBe(0);
    const home = readFileSync(join(site, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/<span class="where-num" id="pp-lab-count">0<\/span> of 2 labs passed/);
    expect(home).toMatch(/data-progress-chapter="12-where-did-my-packets-go"[^]*?data-progress-lab="find-the-drops"[^]*?<\/li>/);
    const page = readFileSync(join(site, 'dist/chapters/12-where-did-my-packets-go/index.html'), 'utf8');
    expect(page).toMatch(/<dt>Labs<\/dt>[^]*?<li data-progress-lab="find-the-drops"><code>find-the-drops<\/code>/);
    expect(page).toMatch(/href="\/chapters\/12-where-did-my-packets-go\/"[^]*?data-progress-lab="find-the-drops"/);
  }, 120_000);

  it("fails on a chapter that embeds another chapter's lab, naming the chapter, the lab and its chapter", () => {
    const dir = chaptersDir('foreign-lab', { '05-napi.mdx': napi, '12-where-did-my-packets-go.mdx': `${troubleshooting}\n<Lab id="napi-poll" />\n` });
    const r = build(dir);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain(`<Lab id="napi-poll" /> in content/chapters/12-where-did-my-packets-go.mdx: the lab belongs to the chapter "05-napi" (labs/napi-poll/lab.ts says chapter: '05-napi')`);
  }, 120_000);

  it('fails on a lab whose chapter does not exist, naming the lab and the chapter', () => {
    const dir = chaptersDir('lab-without-chapter', {});
    const r = build(dir);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain('labs/napi-poll/lab.ts: chapter "05-napi" does not exist (the chapters are: 00-overview)');
  }, 120_000);
});
