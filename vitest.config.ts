import { defineConfig } from 'vitest/config';

// Three tiers by folder. The integration and e2e tiers share one Neo4j for the whole run,
// started by test/global-setup.ts only when one of them has tests queued.
const database = { globalSetup: ['test/global-setup.ts'] };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          ...database,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Ring detection reads the whole database: files run one at a time, so no other
          // test writes between the runs that a test compares.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          ...database,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
