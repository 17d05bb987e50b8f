// Export progress saves one file; Import progress restores it in another browser; the grader (npm run grade) reads the same file.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { loadLab } from '../../src/lab-runtime/node-labs.ts';
import { submissionFrom } from '../../src/lab-runtime/submission.ts';

test("a progress export restores in another browser, and the grader takes the lab's code from it", async ({ page, browser }) => {
  const code = 'export function igb_poll(napi: unknown, budget: number): number {\n  return 0;\n}\n';
  await page.goto('');
  await page.evaluate((code) => {
    localStorage.setItem('pp-progress-v1', JSON.stringify({ read: { '05-napi': 1 }, labs: {} }));
    localStorage.setItem('pp-lab-napi-poll', JSON.stringify({ code, hintsShown: 0, ran: true, last: null }));
  }, code);
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^packet-path-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  expect(submissionFrom(await loadLab('napi-poll'), readFileSync(file, 'utf8'))).toEqual({ submission: code });

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const fresh = await other.newPage();
  await fresh.goto('');
  await expect(fresh.locator('#pp-read-count')).toHaveText('0');
  await fresh.locator('[data-progress-import]').setInputFiles(file);
  await expect(fresh.locator('[data-progress-status]')).toHaveText(/Progress restored \(\d+ entries\)\./);
  await expect(fresh.locator('#pp-read-count')).toHaveText('1');
  expect(await fresh.evaluate(() => JSON.parse(localStorage.getItem('pp-lab-napi-poll')!).code)).toBe(code);
  await other.close();
});

test('importing a file that is not an export says so', async ({ page }) => {
  await page.goto('');
  await page.locator('[data-progress-import]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"notes": []}') });
  await expect(page.locator('[data-progress-status]')).toHaveText('This file is not a Packet Path progress export.');
});
