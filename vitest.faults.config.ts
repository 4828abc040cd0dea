import { defineConfig } from 'vitest/config';

// npm run test:faults: the service as its own process on its own embedded Neo4j, with faults
// injected (test/faults/). Not part of npm test, which stays quick: it takes a few minutes and
// kills JVMs; CI (.ci/run) runs it after npm test.
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
