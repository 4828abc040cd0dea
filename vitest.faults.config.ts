import { defineConfig } from 'vitest/config';

// npm run test:faults: the service as its own process on its own embedded Neo4j, with faults
// injected (test/faults/). Not part of npm test: it takes a few minutes and kills JVMs.
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
