import { test, expect } from '@playwright/test';
import { builtChapters, chapterHtml, chapterPath } from './site.ts';

const withQuiz = builtChapters().find((id) => chapterHtml(id).includes('data-quiz'));

test('a quiz answer shows its feedback (mouse and keyboard)', async ({ page }) => {
  test.skip(!withQuiz, 'no chapter has a quiz yet');
  await page.goto(chapterPath(withQuiz!));
  const quiz = page.locator('[data-quiz]').first();
  await quiz.scrollIntoViewIfNeeded();
  const wrong = quiz.locator('.quiz-option[data-correct="false"]').first();
  const right = quiz.locator('.quiz-option[data-correct="true"]').first();
  await expect(quiz.locator('.quiz-explain:visible')).toHaveCount(0);

  await wrong.locator('label').click();
  await expect(wrong).toHaveClass(/is-wrong/);
  await expect(wrong.locator('.quiz-explain')).toBeVisible();
  await expect(wrong.locator('.quiz-explain')).toContainText('Not quite');

  await right.locator('label').click();
  await expect(right).toHaveClass(/is-right/);
  await expect(right.locator('.quiz-explain')).toBeVisible();
  await expect(right.locator('.quiz-explain')).toContainText('Right');

  // keyboard: focus an option and choose with Space
  await page.reload();
  const first = page.locator('[data-quiz]').first().locator('.quiz-option input').first();
  await first.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-quiz]').first().locator('.quiz-option').first()).toHaveClass(/is-(right|wrong)/);
});

test('without JavaScript the answer is still available', async ({ browser }) => {
  test.skip(!withQuiz, 'no chapter has a quiz yet');
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto(chapterPath(withQuiz!));
  const quiz = page.locator('[data-quiz]').first();
  await expect(quiz.locator('.quiz-question')).toBeVisible();
  await quiz.locator('details.quiz-answer summary').click();
  await expect(quiz.locator('details.quiz-answer li.is-correct').first()).toBeVisible();
  await context.close();
});
