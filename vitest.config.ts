import { defineConfig } from 'vitest/config';

/** The studio's browser test prints how long the page's inputs wait while the model runs (not asserted), so it runs after the rest, alone, where that number means something. */
const ALONE = ['tests/studio/studioBrowser.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
