import { describe, expect, it } from 'vitest';
import { evaluationStartTimeoutMs } from '../../../src/app/with-scenario-database.ts';

describe('how long an evaluation waits for its Neo4j', () => {
  it('waits ten minutes unless told, and as many seconds as NEO4J_START_TIMEOUT_SECONDS says', () => {
    expect(evaluationStartTimeoutMs({})).toBe(600_000);
    expect(evaluationStartTimeoutMs({ NEO4J_START_TIMEOUT_SECONDS: '' })).toBe(600_000);
    expect(evaluationStartTimeoutMs({ NEO4J_START_TIMEOUT_SECONDS: '900' })).toBe(900_000);
  });

  it('refuses a setting that is no whole number of seconds from 10 to 3600', () => {
    for (const bad of ['abc', '1.5', '5', '7200', '-1']) {
      expect(() => evaluationStartTimeoutMs({ NEO4J_START_TIMEOUT_SECONDS: bad }), bad).toThrow(
        /NEO4J_START_TIMEOUT_SECONDS must be a whole number of seconds from 10 to 3600/,
      );
    }
  });
});
