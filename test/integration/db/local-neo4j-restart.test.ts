import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_NEO4J_DEFAULT_PASSWORD } from '../../../src/config/load-config.ts';
import { Database } from '../../../src/db/database.ts';
import { LocalNeo4j, LocalNeo4jStartError, type LocalNeo4jReady } from '../../../src/db/local-neo4j/local-neo4j.ts';
import { LocalNeo4jSupervisor } from '../../../src/db/local-neo4j/supervise-local-neo4j.ts';
import { isAlive, waitFor } from '../../support/service-process.ts';

/**
 * The service's local Neo4j supervisor when a start fails: a start that outlasts its limit and a
 * restart whose port was taken meanwhile. A failed start used to answer before its JVM had exited,
 * so the next start at once (the supervisor's fallback to another port) found that JVM still
 * there ("already running") and, had it not, its store still locked; a restart whose port was
 * taken never came back.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-neo4j-restart-'));
const logs: string[] = [];
const neo4j = new LocalNeo4j({
  dataDir: join(dataDir, 'neo4j'),
  password: LOCAL_NEO4J_DEFAULT_PASSWORD,
  heap: '512m',
  pageCache: '128m',
});
let db: Database | undefined;
let supervisor: LocalNeo4jSupervisor | undefined;
let squatter: Server | undefined;
let firstReady: LocalNeo4jReady | undefined;

afterAll(async () => {
  supervisor?.close();
  await db?.close().catch(() => undefined);
  await neo4j.stop();
  await new Promise((done) => (squatter ? squatter.close(done) : done(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local Neo4j after a failed start', () => {
  it('answers a start that ran out of time only once its JVM is gone, so the next start finds the store free', async () => {
    const pids: number[] = [];
    const spawned = (): void => {
      if (neo4j.pid) pids.push(neo4j.pid);
    };
    const attempt = neo4j.start(0, { timeoutMs: 1_000 });
    spawned();
    const failed = await attempt.catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(LocalNeo4jStartError);
    // At the moment the failure is known, nothing of that JVM is left.
    expect(neo4j.running).toBe(false);
    expect(pids.map(isAlive)).toEqual([false]);
    expect((failed as LocalNeo4jStartError).timedOutAfterMs).toBe(1_000);
    // The next start, at once, is a start and not "already running" or a locked store.
    const ready = await neo4j.start(0, { timeoutMs: 240_000 });
    firstReady = ready;
    expect(isAlive(ready.pid)).toBe(true);
    db = await connect(ready);
    expect(await db.runText<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('restarts a killed JVM on another port when its own was taken meanwhile, once the old one is gone', async () => {
    // On its own too: a JVM of its own when the first test left none.
    firstReady ??= await neo4j.start(0, { timeoutMs: 240_000 });
    db ??= await connect(firstReady);
    const first = firstReady;
    supervisor = new LocalNeo4jSupervisor(neo4j, db!, first.port, {
      log: (level, message) => logs.push(`${level}: ${message}`),
      // Room to take the port between the JVM's death and the restart's first attempt.
      initialDelayMs: 2_000,
      portWaitMs: 1_000,
      startTimeoutMs: 240_000,
    });
    process.kill(first.pid, 'SIGKILL');
    await waitFor(() => !isAlive(first.pid), 30_000, 'the killed JVM to be gone');
    squatter = await listen(first.port);
    await waitFor(() => logs.some((line) => line.includes('restarted at')), 280_000, 'the supervisor to restart Neo4j');
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(supervisor.healthy).toBe(true);
    expect(neo4j.pid).not.toBe(first.pid);
    // On another port, and the driver follows the database there.
    const restartedAt = /restarted at (\S+)/.exec(logs.find((line) => line.includes('restarted at'))!)![1];
    expect(restartedAt).not.toBe(first.boltUri);
    expect(await db!.runText<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});

function connect(ready: LocalNeo4jReady): Promise<Database> {
  return Database.connect({
    uri: ready.boltUri,
    user: 'neo4j',
    password: LOCAL_NEO4J_DEFAULT_PASSWORD,
    database: 'neo4j',
  });
}

function listen(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}
