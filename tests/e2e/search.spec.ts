import { test, expect } from '@playwright/test';
import { builtChapters, chapterHtml } from './site.ts';

test('search finds a chapter by a kernel function name (net_rx_action)', async ({ page }) => {
  const expected = builtChapters().filter((id) => chapterHtml(id).includes('net_rx_action'));
  test.skip(expected.length === 0, 'no chapter mentions net_rx_action yet');
  await page.goto('');
  await page.getByRole('button', { name: /search/i }).click();
  const dialog = page.locator('#pp-search-dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.locator('input.pagefind-ui__search-input');
  await expect(input).toBeVisible();
  await input.fill('net_rx_action');
  const results = dialog.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 10_000 });
  const hrefs = await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const found = hrefs.map((h) => h.replace(/\/$/, '').split('/').pop());
  expect(found.some((id) => expected.includes(id!))).toBe(true);
  // a result opens its chapter
  await results.first().click();
  await expect(page).toHaveURL(/\/chapters\/[^/]+\/(#.*)?$/);
});

test('the "/" key opens the search and Escape closes it', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('/');
  const dialog = page.locator('#pp-search-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('input.pagefind-ui__search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
