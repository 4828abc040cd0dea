import { defineConfig } from 'vitest/config';

// npm run test:faults: the service as its own process on its own embedded Neo4j, then with a
// second instance on that Neo4j, with faults injected (test/faults/). Not part of npm test, which
// stays quick: it takes minutes and kills JVMs; CI (.ci/run) runs it after npm test
// (decision 0013).
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    // Backstops only: every wait inside a test has its own, named bound (test/faults/fault-harness.ts),
    // and a test's bounds add up to less than this, so a wait that runs out says which it was.
    testTimeout: 1_200_000,
    hookTimeout: 1_800_000,
  },
});
