/** Helpers for the browser tests of the napi-poll lab: open it, put code in its editor, run it. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chapterPath } from './site.ts';

export async function openLab(page: Page): Promise<Locator> {
  await page.goto(chapterPath('05-napi'));
  const lab = page.locator('section.lab[data-lab="napi-poll"]');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('[data-lab-open]').click();
  await expect(lab.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  return lab;
}

/** Replace the editor's content with `code` by pasting it, as a learner would paste a program. */
export async function setCode(page: Page, lab: Locator, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await lab.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(lab.locator('.view-lines')).toContainText(code.split('\n')[0]!.slice(0, 40));
}

/** Press Ctrl+Enter and wait for the result; returns the lab's own Run-to-results time. */
export async function runAndWait(page: Page, lab: Locator): Promise<number> {
  const runs = Number((await lab.getAttribute('data-runs')) ?? 0);
  await page.keyboard.press('Control+Enter');
  await expect(lab).toHaveAttribute('data-runs', String(runs + 1), { timeout: 15_000 });
  return Number(await lab.getAttribute('data-last-run-ms'));
}
