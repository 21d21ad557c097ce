import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Build tests run real `astro build`s against fixtures: one file at a time; the failing-fixture tables run
      // three builds at once (a failing build spends most of its time starting up, not on the CPU).
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          maxConcurrency: 3,
        },
      },
    ],
  },
});
