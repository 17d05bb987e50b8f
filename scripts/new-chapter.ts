/**
 * npm run new:chapter -- <NN-slug> "<Title>" [--dir <chapters folder>]
 *
 * Writes content/chapters/<NN-slug>.mdx with valid frontmatter (stage from NN, placeholder summary,
 * objectives and references that pass the schema) and a skeleton body with a Quiz. Refuses a
 * malformed slug, a slug that already exists and a stage number already used by another chapter.
 * The chapter appears in the sidebar and on the map at once (both come from the collection).
 * `--dir` (or PP_CHAPTERS_DIR) writes elsewhere; the tests use it with a temporary folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SLUG_RE, checkChapterDir, checkChapterSource, formatProblems } from '../src/lib/chapter-check.ts';

const root = resolve(import.meta.dirname, '..');

function usage(msg: string): never {
  console.error(`new:chapter: ${msg}\n\nUsage: npm run new:chapter -- <NN-slug> "<Title>"\n  e.g. npm run new:chapter -- 14-xdp "XDP: before the stack"`);
  process.exit(2);
}

/** Quotes a string for YAML (double quotes, JSON escapes are valid YAML). */
const q = (s: string) => JSON.stringify(s);

export function chapterTemplate(stage: number, title: string): string {
  const short = title.length <= 28 ? title : `${title.slice(0, 27).trimEnd()}…`;
  return `---
title: ${q(title)}
shortTitle: ${q(short)}
stage: ${stage}
summary: "TODO: one or two sentences on what happens at this stage (shown on the map, the home page and in search)."
objectives:
  - "Explain TODO: what a learner can explain after this chapter"
  - "Read TODO: which counter or file a learner can read after this chapter"
kernelFunctions: []
#  - { name: net_rx_action, file: net/core/dev.c }
tunables: []
#  - { name: net.core.netdev_budget, default: "300" }
counters: []
#  - { name: "softnet_stat time_squeeze", where: /proc/net/softnet_stat }
references:
  - { title: "Linux kernel networking documentation", url: "https://docs.kernel.org/networking/" }
---

{/* A new chapter: replace every TODO. See docs/AUTHORING.md for the fields and the components. */}

TODO: open with the question this stage answers, in one short paragraph.

## What happens here

TODO: the mechanism, step by step, with the kernel's own names (\`like_this()\`).

<figure class="diagram">
  <svg viewBox="0 0 640 120" role="img" aria-label="TODO: what the diagram shows">
    <rect class="box" x="20" y="30" width="170" height="56" rx="8" />
    <text class="label" x="105" y="63" text-anchor="middle">before</text>
    <path class="arrow" d="M190 58 H 240" />
    <rect class="box box-accent" x="240" y="30" width="170" height="56" rx="8" />
    <text class="label" x="325" y="63" text-anchor="middle">this stage</text>
    <path class="arrow" d="M410 58 H 460" />
    <rect class="box" x="460" y="30" width="160" height="56" rx="8" />
    <text class="label" x="540" y="63" text-anchor="middle">after</text>
  </svg>
  <figcaption>TODO: a caption that says what to notice.</figcaption>
</figure>

## Watching it at work

TODO: the counters and tools that show this stage.

<Quiz
  question="TODO: a question whose answer needs the chapter?"
  options={[
    { text: "TODO: the right answer", correct: true, explain: "TODO: why it is right." },
    { text: "TODO: a plausible wrong answer", explain: "TODO: why it is wrong." },
  ]}
/>
`;
}

function main(argv: string[]): void {
  const args = [...argv];
  let dir = process.env.PP_CHAPTERS_DIR ? resolve(root, process.env.PP_CHAPTERS_DIR) : join(root, 'content/chapters');
  const di = args.indexOf('--dir');
  if (di >= 0) {
    const d = args[di + 1];
    if (!d) usage('--dir needs a folder');
    dir = resolve(d);
    args.splice(di, 2);
  }
  const [slug, ...titleParts] = args;
  const title = titleParts.join(' ').trim();
  if (!slug) usage('missing <NN-slug>');
  const m = SLUG_RE.exec(slug.replace(/\.mdx$/, ''));
  if (!m) usage(`malformed slug "${slug}": expected two digits, a dash and lower-case words joined by dashes, such as 14-xdp`);
  const id = slug.replace(/\.mdx$/, '');
  if (title.length < 3) usage('missing "<Title>" (at least 3 characters)');
  const stage = Number(m[1]);
  const file = join(dir, `${id}.mdx`);
  const shown = (f: string) => {
    const r = relative(process.cwd(), f);
    return r && !r.startsWith('..') ? r : f;
  };
  if (existsSync(file)) {
    console.error(`new:chapter: ${shown(file)} already exists; choose another slug or edit that file.`);
    process.exit(1);
  }
  const { chapters } = checkChapterDir(dir, process.cwd());
  const clash = chapters.find((c) => (c.data ? c.data.stage === stage : Number(SLUG_RE.exec(c.id)?.[1]) === stage));
  if (clash) {
    console.error(`new:chapter: stage ${stage} is already used by ${clash.file}; stages must be unique.`);
    process.exit(1);
  }
  const source = chapterTemplate(stage, title);
  const checked = checkChapterSource(shown(file), source);
  if (checked.problems.length) {
    // The template must always pass the schema: this is a bug in this script.
    console.error(formatProblems(checked.problems));
    process.exit(3);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, source, { flag: 'wx' });
  console.log(`Created ${shown(file)} (stage ${stage}). Replace the TODOs; preview with npm start.`);
}

if (import.meta.main) main(process.argv.slice(2));
