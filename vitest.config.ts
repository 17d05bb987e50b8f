import { configDefaults, defineConfig } from 'vitest/config';

// tests/e2e holds Playwright specs (npm run test:e2e); keep them out of Vitest.
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'tests/e2e/**', 'dist/**', '.astro/**'],
  },
});
