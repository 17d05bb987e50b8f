/**
 * Checks chapter files (content/chapters/NN-slug.mdx) against the chapter schema, outside of Astro,
 * with messages that name the file and the field. Used by the content collection (so a broken
 * chapter fails `astro build` with a clear message), by `npm run new:chapter` and by the unit tests.
 * Pure Node: no Astro virtual modules.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { chapterSchema, type ChapterFrontmatter } from '../content/chapter-schema.ts';

/** A chapter file name: two digits, a dash, a lower-case slug. */
export const SLUG_RE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface ChapterProblem {
  file: string;
  field: string;
  message: string;
}

export class ChapterError extends Error {
  problems: ChapterProblem[];
  constructor(problems: ChapterProblem[]) {
    super(formatProblems(problems));
    this.name = 'ChapterError';
    this.problems = problems;
  }
}

export function formatProblems(problems: ChapterProblem[]): string {
  const lines = problems.map((p) => `  ${p.file}: field "${p.field}": ${p.message}`);
  return `Invalid chapter${problems.length > 1 ? 's' : ''}:\n${lines.join('\n')}`;
}

/** Splits `---\nyaml\n---\nbody`; returns null when the file has no frontmatter block. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const m = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) return null;
  return { yaml: m[1] ?? '', body: m[2] ?? '' };
}

export interface CheckedChapter {
  file: string;
  id: string;
  data?: ChapterFrontmatter;
  problems: ChapterProblem[];
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += (out ? '.' : '') + String(k);
  }
  return out || '(frontmatter)';
}

/** Checks one chapter's source text; `file` is only used in messages. */
export function checkChapterSource(file: string, source: string): CheckedChapter {
  const base = file.split(/[\\/]/).pop() ?? file;
  const id = base.replace(/\.mdx$/, '');
  const problems: ChapterProblem[] = [];
  const slug = SLUG_RE.exec(id);
  if (!slug) {
    problems.push({ file, field: '(file name)', message: 'the file name must be NN-slug.mdx (two digits, a dash, lower-case words joined by dashes)' });
  }
  const parts = splitFrontmatter(source);
  if (!parts) {
    problems.push({ file, field: '(frontmatter)', message: 'no frontmatter: the file must start with a --- block' });
    return { file, id, problems };
  }
  let raw: unknown;
  try {
    raw = load(parts.yaml, { filename: file });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    problems.push({ file, field: '(frontmatter)', message: `YAML syntax error: ${msg}` });
    return { file, id, problems };
  }
  const result = chapterSchema.safeParse(raw ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys?: string[] }).keys ?? [];
        for (const k of keys) problems.push({ file, field: pathOf([...issue.path, k]), message: 'unknown field (see docs/AUTHORING.md for the fields a chapter can have)' });
        continue;
      }
      problems.push({ file, field: pathOf(issue.path), message });
    }
    return { file, id, problems };
  }
  const data = result.data;
  if (slug && Number(slug[1]) !== data.stage) {
    problems.push({ file, field: 'stage', message: `stage is ${data.stage} but the file name starts with ${slug[1]}; make them agree` });
  }
  return { file, id, data, problems };
}

/** Lists the .mdx files of a chapters folder, sorted. */
export function listChapterFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => join(dir, f));
}

/** Duplicate stages across chapters, each problem naming both files. */
export function stageProblems(chapters: ReadonlyArray<{ file: string; data?: { stage: number } }>): ChapterProblem[] {
  const seen = new Map<number, string>();
  const problems: ChapterProblem[] = [];
  for (const c of chapters) {
    if (!c.data) continue;
    const other = seen.get(c.data.stage);
    if (other !== undefined) {
      problems.push({ file: c.file, field: 'stage', message: `stage ${c.data.stage} is already used by ${other}; stages must be unique` });
    } else seen.set(c.data.stage, c.file);
  }
  return problems;
}

/**
 * Checks every chapter in `dir` (frontmatter against the schema, unique stages).
 * `root` makes the file names in messages relative (e.g. content/chapters/05-napi.mdx).
 */
export function checkChapterDir(dir: string, root = process.cwd()): { chapters: CheckedChapter[]; problems: ChapterProblem[] } {
  const shown = (f: string) => {
    const r = relative(root, f);
    return r && !r.startsWith('..') ? r : f;
  };
  const chapters = listChapterFiles(dir).map((f) => checkChapterSource(shown(f), readFileSync(f, 'utf8')));
  const problems = [...chapters.flatMap((c) => c.problems), ...stageProblems(chapters)];
  return { chapters, problems };
}

/** Throws a ChapterError listing every problem in `dir`. */
export function assertChapterDir(dir: string, root = process.cwd()): CheckedChapter[] {
  const { chapters, problems } = checkChapterDir(dir, root);
  if (problems.length) throw new ChapterError(problems);
  return chapters;
}
