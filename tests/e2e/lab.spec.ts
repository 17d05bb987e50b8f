import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { openLab, runAndWait, setCode } from './napi-lab.ts';
import { chapterPath, watchErrors } from './site.ts';
import { labFile, loadLab } from '../../src/lab-runtime/node-labs.ts';
import { runLab } from '../../src/lab-runtime/run-lab.ts';

const solution = readFileSync(join(import.meta.dirname, '../../labs/napi-poll/solution.ts'), 'utf8');

test('the napi-poll lab: a correct poll turns every check green, a bug turns its check red, the code survives a reload', async ({ page }) => {
  const errors = watchErrors(page);
  const lab = await openLab(page);
  await expect(lab.locator('.lab-checks li')).toHaveCount(5);

  await setCode(page, lab, solution);
  const ms = await runAndWait(page, lab);
  console.log(`napi-poll lab: Run to results in the browser: ${ms} ms (transpile + simulate + check in a fresh worker)`);
  await expect(lab.locator('.lab-checks li[data-state="pass"]')).toHaveCount(5);
  await expect(lab.locator('[data-lab-score]')).toHaveText('10 / 10');
  await expect(page.locator('.sidebar [data-progress-lab="napi-poll"], [data-progress-lab="napi-poll"]').first()).toHaveClass(/is-done/);

  // A bug: complete NAPI even when the budget was used up.
  const buggy = solution.replace('  if (work_done === budget) return budget;\n', '');
  await setCode(page, lab, buggy);
  await runAndWait(page, lab);
  const check = lab.locator('li[data-check="stays-scheduled"]');
  await expect(check).toHaveAttribute('data-state', 'fail');
  await expect(check.locator('[data-check-message]')).toContainText('napi_complete_done');

  // The command line grades the same file the same way, to the numbers in the messages.
  const cli = runLab(await loadLab('napi-poll'), buggy);
  for (const c of cli.checks) {
    const li = lab.locator(`li[data-check="${c.id}"]`);
    await expect(li).toHaveAttribute('data-state', c.pass ? 'pass' : 'fail');
    await expect(li.locator('[data-check-message]')).toHaveText(c.message ?? '');
  }
  await expect(lab.locator('[data-lab-score]')).toHaveText(`${cli.score} / ${cli.maxScore}`);
  expect(labFile('napi-poll', 'solution.ts')).toBe(solution);

  // (Checked before the reload, which aborts requests in flight such as the favicon's.)
  expect(errors).toEqual([]);
  await page.reload();
  const again = await openLab(page);
  await expect(again.locator('.view-lines')).toContainText('while (work_done < budget)');
  await expect(again.locator('li[data-check="stays-scheduled"]')).toHaveAttribute('data-state', 'fail');
});

test('an infinite loop ends with a time-out message and the page stays responsive', async ({ page }) => {
  const lab = await openLab(page);
  await setCode(page, lab, 'export function igb_poll(napi: unknown, budget: number): number {\n  for (;;) {}\n}\n');
  await page.keyboard.press('Control+Enter');
  // The page answers while the worker spins.
  await expect(lab.locator('[data-lab-status]')).toHaveText('Running…');
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.locator('#pp-theme-toggle').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme ?? '');
  await expect(lab.locator('[data-lab-error]')).toContainText('Stopped after the time limit of 5000 ms', { timeout: 15_000 });
});

test('an error in the learner\'s code is reported at its line', async ({ page }) => {
  const lab = await openLab(page);
  await setCode(page, lab, 'export function igb_poll(napi: unknown, budget: number): number {\n  const x = napi.nothing.deeper;\n  return x;\n}\n');
  await runAndWait(page, lab);
  await expect(lab.locator('[data-lab-error]')).toContainText('TypeError');
  await expect(lab.locator('[data-lab-error]')).toContainText('line 2');
});

test('corrupt saved work is set aside with a notice, not a broken page', async ({ page }) => {
  await page.goto(chapterPath('05-napi'));
  await page.evaluate(() => localStorage.setItem('pp-lab-napi-poll', '{not json'));
  const lab = await openLab(page);
  await expect(lab.locator('[data-lab-status]')).toContainText('could not be read');
  await expect(lab.locator('.view-lines')).toContainText('TODO');
  expect(await page.evaluate(() => localStorage.getItem('pp-lab-napi-poll-corrupt'))).toBe('{not json');
});

test('the editor knows the simulator\'s types: a type error is underlined, the solution is clean', async ({ page }) => {
  const lab = await openLab(page);
  // napi.weight is a number only if 'packet-path/sim' resolves; unresolved, napi would be any and no error would show here.
  await setCode(page, lab, solution.replace('let work_done = 0;', 'let work_done = 0;\n  const wrong: string = napi.weight;'));
  const squiggle = lab.locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible({ timeout: 20_000 });
  await squiggle.hover({ force: true });
  await expect(page.locator('.monaco-hover').first()).toContainText("Type 'number' is not assignable to type 'string'", { timeout: 10_000 });
  await setCode(page, lab, solution);
  await page.waitForTimeout(2500); // the TypeScript worker revalidates after a pause
  await expect(lab.locator('.squiggly-error')).toHaveCount(0);
});
