import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { ServiceProcess } from '../support/service-process.ts';

async function failingStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const service = new ServiceProcess({ SEED_DEMO: 'false', PORT: '0', ...env });
  const code = await service.exited;
  return { code, output: service.output.trim() };
}

describe('bad configuration', () => {
  it('names the variable for PORT=abc', async () => {
    const { code, output } = await failingStart({ PORT: 'abc' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/^ringwatch: invalid configuration: PORT="abc": must be a port number$/);
  });

  it('names the variable and the pair for a malformed SOURCE_AGENCIES', async () => {
    const { code, output } = await failingStart({ SOURCE_AGENCIES: 'police-hcm:police,telecom-vn' });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /^ringwatch: invalid configuration: SOURCE_AGENCIES="police-hcm:police,telecom-vn": "telecom-vn" is not source:agency .*$/,
    );
  });

  it('says the database cannot be reached for an unreachable NEO4J_URI', async () => {
    const { code, output } = await failingStart({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'whatever1' });
    expect(code).not.toBe(0);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/cannot reach Neo4j at NEO4J_URI/);
  });

  it('says the credentials were refused for a wrong password', async () => {
    const { code, output } = await failingStart({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: 'not-the-password' });
    expect(code).not.toBe(0);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/refused the credentials: check NEO4J_USER and NEO4J_PASSWORD/);
  });
});
