import { test, expect } from '@playwright/test';
import { builtChapters, chapterPath, watchErrors } from './site.ts';
import { labIds } from '../../src/lab-runtime/node-labs.ts';

const chapters = builtChapters();

test('the site has chapters', () => {
  expect(chapters.length).toBeGreaterThan(0);
});

for (const id of chapters) {
  test(`chapter ${id} opens with no console error`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(chapterPath(id));
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('.chapter-head h1')).toBeVisible();
    await expect(page.locator('.references li').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

test('home page opens with no console error and shows the map', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('');
  await expect(page.locator('h1')).toBeVisible();
  const map = page.locator('svg.map-wide');
  await expect(map).toBeVisible();
  await expect(map.locator('a.map-node')).toHaveCount(chapters.length);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('the 404 page is served for an unknown address', async ({ page }) => {
  const res = await page.goto('no/such/page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('dropped');
});

test('the sidebar reaches every chapter', async ({ page }) => {
  await page.goto(chapterPath(chapters[0]!));
  const hrefs = await page.locator('.sidebar-nav a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const ids = hrefs.map((h) => h.replace(/\/$/, '').split('/').pop());
  expect(ids).toEqual(chapters);
  // and each link really opens its chapter
  for (const id of chapters) {
    await page.locator(`.sidebar-nav a[data-progress-chapter="${id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`chapters/${id}/$`));
    await expect(page.locator(`.sidebar-nav a[aria-current="page"]`)).toHaveAttribute('data-progress-chapter', id);
  }
});

test('previous/next walk through every chapter in order', async ({ page }) => {
  // Two page loads per chapter: on a busy two-core CI machine that can pass the default 30 s.
  test.setTimeout(90_000);
  await page.goto(chapterPath(chapters[0]!));
  const seen: (string | undefined)[] = [chapters[0]];
  while ((await page.locator('.prev-next a.next').count()) && seen.length <= chapters.length) {
    await page.locator('.prev-next a.next').click();
    await page.waitForLoadState('domcontentloaded');
    seen.push(new URL(page.url()).pathname.replace(/\/$/, '').split('/').pop());
  }
  expect(seen).toEqual(chapters);
  const back: (string | undefined)[] = [seen.at(-1)];
  while ((await page.locator('.prev-next a.prev').count()) && back.length <= chapters.length) {
    await page.locator('.prev-next a.prev').click();
    await page.waitForLoadState('domcontentloaded');
    back.push(new URL(page.url()).pathname.replace(/\/$/, '').split('/').pop());
  }
  expect(back.reverse()).toEqual(chapters);
});

test('headings have deep links', async ({ page }) => {
  const id = chapters[0]!;
  await page.goto(chapterPath(id));
  const anchor = page.locator('.prose .heading-anchor').first();
  if ((await anchor.count()) === 0) test.skip(true, 'no headings in this chapter');
  const href = await anchor.getAttribute('href');
  expect(href).toMatch(/^#.+/);
  await expect(page.locator(href!)).toHaveCount(1);
  // the table of contents links to the same ids
  await expect(page.locator(`.chapter-toc a[href="${href}"], .toc-inline a[href="${href}"]`).first()).toHaveCount(1);
});

test('reaching the end of a chapter marks it read, on the sidebar and on the home page', async ({ page }) => {
  const id = chapters[0]!;
  await page.goto(chapterPath(id));
  await page.locator('[data-read-sentinel]').scrollIntoViewIfNeeded();
  await expect(page.locator(`.sidebar-nav a[data-progress-chapter="${id}"]`)).toHaveClass(/is-done/);
  await page.goto('');
  await expect(page.locator('#pp-read-count')).toHaveText('1');
  await expect(page.locator(`svg.map-wide a[data-progress-chapter="${id}"]`)).toHaveClass(/is-done/);
});

test("every lab counts on the home page and is marked on its own chapter, from the lab's lab.ts", async ({ page }) => {
  const chapter = '12-where-did-my-packets-go';
  await page.goto('');
  await expect(page.locator('.where-line')).toContainText(`0 of ${labIds().length} labs passed`);
  const card = page.locator(`.chapter-card[data-progress-chapter="${chapter}"] .lab-mark[data-progress-lab="find-the-drops"]`);
  await expect(card).toBeVisible();
  // Passing the lab turns its marks, here and on its chapter's page (the sidebar, "In this chapter").
  await page.evaluate(() => localStorage.setItem('pp-progress-v1', JSON.stringify({ read: {}, labs: { 'find-the-drops': Date.now() } })));
  await page.reload();
  await expect(page.locator('#pp-lab-count')).toHaveText('1');
  await expect(card).toHaveClass(/is-done/);
  await page.goto(chapterPath(chapter));
  await expect(page.locator(`.sidebar-nav a[data-progress-chapter="${chapter}"] .lab-mark[data-progress-lab="find-the-drops"]`)).toHaveClass(/is-done/);
  await expect(page.locator('.in-this-chapter [data-progress-lab="find-the-drops"]')).toHaveClass(/is-done/);
});
