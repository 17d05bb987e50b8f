import { test } from '@playwright/test';
import { join } from 'node:path';
import { builtChapters, chapterHtml, chapterPath } from './site.ts';

/** Screenshots for a human to look at (not compared): test-results/screenshots/ (gitignored). */
const OUT = join(import.meta.dirname, '../../test-results/screenshots');
const chapters = builtChapters();
/** The chapter that shows the most of the page's parts: a quiz, a diagram, a table and code. */
const rich = (id: string) => ['data-quiz', 'class="diagram', '<table', 'astro-code'].filter((k) => chapterHtml(id).includes(k)).length;
const chapter = [...chapters].sort((a, b) => rich(b) - rich(a))[0]!;

test.describe.configure({ mode: 'parallel' });

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const) {
    for (const [name, path] of [
      ['home', ''],
      ['chapter', chapterPath(chapter)],
    ] as const) {
      test(`screenshot ${name} ${device} ${scheme}`, async ({ browser }) => {
        const context = await browser.newContext({
          baseURL: test.info().project.use.baseURL,
          viewport: { width, height },
          colorScheme: scheme,
          deviceScaleFactor: 1,
          isMobile: device === 'phone',
          hasTouch: device === 'phone',
        });
        const page = await context.newPage();
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(OUT, `${name}-${device}-${scheme}.png`), fullPage: true });
        await context.close();
      });
    }
  }
}
