import { test, expect } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { builtChapters, chapterPath } from './site.ts';

/** At most 50 KB of gzipped JavaScript on a page before any lab is opened. */
const LIMIT = 50 * 1024;

for (const path of ['', ...builtChapters().map(chapterPath)]) {
  test(`JS weight of /${path} is under 50 KB gzipped`, async ({ page }) => {
    let bytes = 0;
    const files: string[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() !== 'script') return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      const gz = gzipSync(body).length;
      bytes += gz;
      files.push(`${new URL(r.url()).pathname} ${gz} B`);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').filter((t) => !/^\s*\{/.test(t)),
    );
    bytes += inline.reduce((n, t) => n + gzipSync(Buffer.from(t)).length, 0);
    console.log(`/${path}: ${(bytes / 1024).toFixed(1)} KB gz (${files.join(', ') || 'no script files'}; ${inline.length} inline)`);
    expect(bytes).toBeLessThanOrEqual(LIMIT);
  });
}
