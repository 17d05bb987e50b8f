import { test, expect } from '@playwright/test';
import { builtChapters, chapterPath } from './site.ts';

const bg = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme follows the system when nothing is stored', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('without JavaScript the colours follow the system', async ({ browser }) => {
  for (const [colorScheme, background] of [
    ['light', 'rgb(251, 250, 247)'],
    ['dark', 'rgb(19, 22, 27)'],
  ] as const) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false, colorScheme });
    const page = await context.newPage();
    await page.goto('');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await bg(page)).toBe(background);
    await context.close();
  }
});

test('the theme switch works and the choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await bg(page);
  await page.getByRole('button', { name: /switch to dark theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg(page)).not.toBe(light);
  // persists across a reload and on another page, before any script of ours but the inline one runs
  await page.goto(chapterPath(builtChapters()[0]!));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /switch to light theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('keyboard: the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto(chapterPath(builtChapters()[0]!));
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
