import { createServer } from 'node:net';
import type { Database } from '../database.ts';
import { LocalNeo4jStartError, type LocalNeo4j } from './local-neo4j.ts';

export interface SupervisorOptions {
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The first restart waits this long; each further failed attempt waits twice as long, up to 30 s. */
  initialDelayMs?: number;
  /** The first attempt's start limit (the local Neo4j's own by default); doubled after each timeout, up to 10 min. */
  startTimeoutMs?: number;
  /** How long an attempt waits for the old port to be free before it takes another one. */
  portWaitMs?: number;
}

/**
 * Restarts the local Neo4j when it dies under a running service, on the same port when it
 * is free, so the driver reconnects by itself (and so do other instances given its address in
 * NEO4J_URI); on another port otherwise, and then the driver is pointed at it. While it is down,
 * `healthy` is false and /health answers 503.
 *
 * Each attempt starts only once the previous JVM has exited: a start that ran out of time is
 * killed and waited for (LocalNeo4j.start), and the JVM is stopped once more before the next
 * attempt, so no attempt meets an old JVM still holding the store or the port.
 */
export class LocalNeo4jSupervisor {
  private restarting = false;
  private closed = false;

  constructor(
    private readonly neo4j: LocalNeo4j,
    private readonly db: Database,
    private readonly port: number,
    private readonly options: SupervisorOptions,
  ) {
    neo4j.on('exit', (code, signal) => {
      options.log('warn', `local Neo4j exited (code ${code}, signal ${signal}); restarting it`);
      void this.restart();
    });
  }

  get healthy(): boolean {
    return !this.restarting && this.neo4j.running;
  }

  close(): void {
    this.closed = true;
  }

  private async restart(): Promise<void> {
    if (this.restarting || this.closed) return;
    this.restarting = true;
    let delay = this.options.initialDelayMs ?? 500;
    let timeoutMs = this.options.startTimeoutMs;
    try {
      while (!this.closed) {
        await new Promise((done) => setTimeout(done, delay));
        if (this.closed) return;
        try {
          // Whatever is left of an earlier JVM goes first; then its port, when it frees in time.
          await this.neo4j.stop();
          const port = this.port && (await portFree(this.port, this.options.portWaitMs ?? 10_000)) ? this.port : 0;
          if (port !== this.port) this.options.log('warn', `Bolt port ${this.port} is taken; restarting on another`);
          const ready = await this.neo4j.start(port, timeoutMs === undefined ? {} : { timeoutMs });
          await this.db.reconnect(ready.boltUri);
          this.options.log('info', `local Neo4j restarted at ${ready.boltUri} (pid ${ready.pid})`);
          return;
        } catch (error) {
          this.options.log('error', `local Neo4j did not restart: ${(error as Error).message}`);
          delay = Math.min(delay * 2, 30_000);
          // A start that ran out of time on a loaded machine would run out again under the same limit.
          const ranOut = error instanceof LocalNeo4jStartError ? error.timedOutAfterMs : undefined;
          if (ranOut !== undefined) timeoutMs = Math.min(2 * ranOut, 600_000);
        }
      }
    } finally {
      this.restarting = false;
    }
  }
}

/** Polls until nothing listens on the loopback port, at most `timeoutMs`. */
async function portFree(port: number, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (await canListen(port)) return true;
    if (Date.now() - started >= timeoutMs) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
