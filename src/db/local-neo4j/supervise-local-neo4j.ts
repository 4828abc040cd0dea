import type { Database } from '../database.ts';
import type { LocalNeo4j } from './local-neo4j.ts';

export interface SupervisorOptions {
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The first restart waits this long; each further failed attempt waits twice as long, up to 30 s. */
  initialDelayMs?: number;
}

/**
 * Restarts the local Neo4j when it dies under a running service, on the same port when it
 * is free, so the driver reconnects by itself; on another port otherwise, and then the
 * driver is pointed at it. While it is down, `healthy` is false and /health answers 503.
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
    try {
      while (!this.closed) {
        await new Promise((done) => setTimeout(done, delay));
        if (this.closed) return;
        try {
          const ready = await this.neo4j.start(this.port).catch(() => this.neo4j.start(0));
          await this.db.reconnect(ready.boltUri);
          this.options.log('info', `local Neo4j restarted at ${ready.boltUri} (pid ${ready.pid})`);
          return;
        } catch (error) {
          this.options.log('error', `local Neo4j did not restart: ${(error as Error).message}`);
          delay = Math.min(delay * 2, 30_000);
        }
      }
    } finally {
      this.restarting = false;
    }
  }
}
