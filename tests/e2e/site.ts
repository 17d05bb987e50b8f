/** Helpers for the browser tests: what the built site (dist/) contains. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const DIST = join(import.meta.dirname, '../../dist');

/** Chapter ids in stage order (directory names under dist/chapters; NN- prefix sorts them). */
export function builtChapters(): string[] {
  const dir = join(DIST, 'chapters');
  if (!existsSync(dir)) throw new Error('dist/chapters is missing: run `npm run build` before the browser tests');
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'index.html')))
    .sort();
}

export function chapterHtml(id: string): string {
  return readFileSync(join(DIST, 'chapters', id, 'index.html'), 'utf8');
}

/** Collects console errors, page errors and failed requests while a test runs. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return errors;
}

export const chapterPath = (id: string) => `chapters/${id}/`;
