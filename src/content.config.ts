import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { chapterSchema } from './content/chapter-schema.ts';
import { assertChapterDir, checkChapterDir, formatProblems } from './lib/chapter-check.ts';

/**
 * Chapters live in content/chapters/NN-slug.mdx. `PP_CHAPTERS_DIR` points the site at another
 * folder (the site's own tests build fixtures with it); the default is the course's chapters.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const chaptersBase = process.env.PP_CHAPTERS_DIR ?? './content/chapters';

const globLoader = glob({ pattern: '**/*.mdx', base: chaptersBase });

/**
 * The glob loader, preceded by our own check of every chapter file: a wrong field fails the build
 * with one line per problem naming the file and the field, and two chapters with the same stage
 * fail it naming both files. Astro's own schema validation then runs as usual.
 */
const chaptersLoader: Loader = {
  name: 'packet-path-chapters',
  load: async (context) => {
    const dir = resolve(root, chaptersBase);
    assertChapterDir(dir, root);
    // In dev (npm start), re-check on every change so the same clear message shows in the terminal.
    context.watcher?.on('all', (_event, path) => {
      if (!path.startsWith(dir) || !path.endsWith('.mdx')) return;
      const { problems } = checkChapterDir(dir, root);
      if (problems.length) context.logger.error(formatProblems(problems));
    });
    return globLoader.load(context);
  },
};

export const collections = {
  chapters: defineCollection({ loader: chaptersLoader, schema: chapterSchema }),
};
