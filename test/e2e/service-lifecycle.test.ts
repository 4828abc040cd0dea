import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, graphql } from '../support/service.ts';
import { ServiceProcess, freePort, healthStatus, isAlive, waitFor } from '../support/service-process.ts';

// Two services on their own embedded Neo4j, side by side, as two users would start them.
const dirs = [mkdtempSync(join(tmpdir(), 'ringwatch-a-')), mkdtempSync(join(tmpdir(), 'ringwatch-b-'))];
const started: ServiceProcess[] = [];

afterAll(async () => {
  for (const service of started) service.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function startInstance(dataDir: string, port: number): ServiceProcess {
  const service = new ServiceProcess({
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  });
  started.push(service);
  return service;
}

describe('the service on its embedded Neo4j', () => {
  // Two embedded Neo4j start, one of them twice: on a loaded two-core runner that alone can take minutes.
  it(
    'runs two instances side by side, survives its database dying, and leaves no JVM behind',
    { timeout: 360_000 },
    async () => {
      const [portA, portB] = [await freePort(), await freePort()];
      const a = startInstance(dirs[0]!, portA);
      const b = startInstance(dirs[1]!, portB);
      await waitFor(async () => (await healthStatus(portA)) === 200, 120_000, 'instance A to be healthy');
      await waitFor(async () => (await healthStatus(portB)) === 200, 120_000, 'instance B to be healthy');
      const [jvmA] = a.neo4jPids();
      const [jvmB] = b.neo4jPids();
      expect(jvmA).toBeGreaterThan(0);
      expect(jvmB).not.toBe(jvmA);

      const ok = await graphql(`http://127.0.0.1:${portA}`, '{ node(id: "per_none") { id } }');
      expect(ok).toEqual({ data: { node: null } });

      // The database dies under the running service: 503 and a stable error code, then recovery.
      process.kill(jvmA!, 'SIGKILL');
      // Requests during the outage: the driver retries briefly, then answers with a stable code.
      let failed: Awaited<ReturnType<typeof graphql>> | undefined;
      await waitFor(
        async () => {
          const answer = await graphql(`http://127.0.0.1:${portA}`, '{ node(id: "per_none") { id } }');
          if (answer.errors) failed = answer;
          return failed !== undefined;
        },
        15_000,
        'a request to fail while the database is down',
      );
      expect(failed!.errors?.[0]?.extensions?.code, JSON.stringify(failed)).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(failed)).not.toMatch(/\bat \S+\.(ts|js):\d+/);
      await waitFor(async () => (await healthStatus(portA)) === 503, 15_000, 'A to report 503');
      const recoveredIn = await waitFor(async () => (await healthStatus(portA)) === 200, 60_000, 'A to recover');
      expect(recoveredIn).toBeLessThan(60_000);
      expect(await graphql(`http://127.0.0.1:${portA}`, '{ node(id: "per_none") { id } }')).toEqual({
        data: { node: null },
      });
      expect(await healthStatus(portB)).toBe(200);

      // SIGTERM: a clean stop that takes its (restarted) JVM with it.
      const restartedJvm = a.neo4jPids().at(-1)!;
      expect(restartedJvm).not.toBe(jvmA);
      a.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
      expect(isAlive(restartedJvm)).toBe(false);

      // SIGKILL: the service cannot clean up; its JVM notices and exits on its own.
      b.child.kill('SIGKILL');
      await b.exited;
      await waitFor(() => !isAlive(jvmB!), 15_000, 'the orphaned JVM to exit');
    },
  );
});
