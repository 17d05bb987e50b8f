import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtChapters, chapterHtml, chapterPath } from './site.ts';

const chapters = builtChapters();
const withQuiz = chapters.find((id) => chapterHtml(id).includes('data-quiz')) ?? chapters[0]!;

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of [
    ['home page', ''],
    [`chapter ${withQuiz}`, chapterPath(withQuiz)],
    // A terminal running, and a chapter with runnable commands and a tuning lab.
    ['sandbox', 'sandbox/'],
    ['chapter 12-where-did-my-packets-go', chapterPath('12-where-did-my-packets-go')],
  ] as const) {
    test(`axe: no serious or critical violation on the ${name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
      expect(bad, bad.join('\n')).toEqual([]);
    });
  }
}
