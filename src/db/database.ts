import neo4j, {
  Neo4jError,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type SessionConfig,
  type SessionMode,
} from 'neo4j-driver';
import { CypherRegistry, type CypherStatementName } from './cypher-registry.ts';
import { mapDriverError } from './errors.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  registry?: CypherRegistry;
}

export interface TransactionOptions {
  /** Ends the transaction on the server after this long; a stuck query never holds a request forever. */
  timeoutMs?: number;
  /** Shown by SHOW TRANSACTIONS and in the query log, so a slow query can be traced to its caller. */
  metadata?: Record<string, string | number | boolean>;
}

/** The statements of one transaction, called by name. */
export interface Transaction {
  run<T extends object = Row>(name: CypherStatementName, params?: Params): Promise<T[]>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * How long a transaction that keeps losing to other writers (a deadlock, a lock it could not
 * take) is tried again after the driver's own retries gave up. The driver retries such errors
 * only within maxTransactionRetryTime of the first failure (2 s here, kept short so that a
 * database that is down fails fast); a batch that takes longer than that and then deadlocks
 * with another instance's batch would fail after one retry.
 */
const CONTENTION_RETRY_MS = 60_000;

/**
 * A transient error of the transaction itself (a deadlock, a lock wait that timed out, a
 * transaction outdated by a schema or leader change), by the server's classification, as
 * opposed to a database that cannot be reached: those fail fast as DATABASE_UNAVAILABLE.
 */
function isContention(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    Neo4jError.isRetryable(error) &&
    error.code.startsWith('Neo.TransientError.Transaction.')
  );
}

/**
 * The one gateway to Neo4j: one driver per process, sessions closed in finally, named
 * Cypher from cypher/, transaction timeouts and metadata, and driver errors mapped to the
 * project's own error types (src/db/errors.ts).
 *
 * Every session of the process shares one bookmark manager, so each transaction starts
 * after every transaction the process committed before it: on a cluster a read routed to a
 * follower waits until that follower has applied them, and a client reads what it just
 * wrote through this instance. (On a single server every committed write is visible to
 * every later transaction anyway; README, "Several instances".)
 */
export class Database {
  readonly registry: CypherRegistry;
  readonly name: string;
  private driver: Driver;
  /** Outlives the driver: a local Neo4j restarted under it keeps its store and its bookmarks stay valid. */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private rerun = 0;
  private begun = 0;

  private constructor(
    private readonly options: DatabaseOptions,
    registry: CypherRegistry,
  ) {
    this.registry = registry;
    this.name = options.database;
    this.driver = Database.createDriver(options);
  }

  private static createDriver(options: DatabaseOptions): Driver {
    return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      // Fail fast while the database is down, so requests get DATABASE_UNAVAILABLE in seconds
      // rather than hanging; the supervisor restarts a local Neo4j meanwhile.
      maxTransactionRetryTime: 2_000,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      maxConnectionPoolSize: 100,
      userAgent: 'ringwatch',
    });
  }

  /** Opens the driver and checks that the server answers and accepts the credentials. */
  static async connect(options: DatabaseOptions): Promise<Database> {
    const db = new Database(options, options.registry ?? CypherRegistry.load());
    try {
      await db.driver.verifyConnectivity({ database: options.database });
    } catch (error) {
      await db.driver.close();
      throw mapDriverError(error);
    }
    return db;
  }

  read<T extends object = Row>(
    name: CypherStatementName,
    params: Params = {},
    options: TransactionOptions = {},
  ): Promise<T[]> {
    return this.transaction('READ', (tx) => tx.run<T>(name, params), { metadata: { query: name }, ...options });
  }

  write<T extends object = Row>(
    name: CypherStatementName,
    params: Params = {},
    options: TransactionOptions = {},
  ): Promise<T[]> {
    return this.transaction('WRITE', (tx) => tx.run<T>(name, params), { metadata: { query: name }, ...options });
  }

  readTransaction<R>(work: (tx: Transaction) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
    return this.transaction('READ', work, options);
  }

  /** The work may run more than once (the driver retries transient failures): keep it idempotent. */
  writeTransaction<R>(work: (tx: Transaction) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
    return this.transaction('WRITE', work, options);
  }

  /**
   * Streams the rows of a named read statement to `onRow` one at a time, so a projection of
   * millions of rows never sits whole in memory. An auto-commit query: it is not retried,
   * since rows already handed on cannot be taken back.
   */
  async stream<T extends object = Row>(
    name: CypherStatementName,
    params: Params,
    onRow: (row: T) => void,
    options: TransactionOptions = {},
  ): Promise<number> {
    const session = this.session('READ', { fetchSize: 10_000 });
    let count = 0;
    try {
      const result = session.run(this.registry.get(name), params, {
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        metadata: { app: 'ringwatch', query: name, ...options.metadata },
      });
      for await (const record of result) {
        onRow(record.toObject() as T);
        count += 1;
      }
      return count;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs raw text; only for statements that are not the project's own (EXPLAIN checks, admin). */
  async runText<T extends object = Row>(text: string, params: Params = {}, mode: SessionMode = 'READ'): Promise<T[]> {
    const session = this.session(mode);
    try {
      const result = await session.run(text, params);
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * How many times this process ran a transaction's work again after a transient failure (a
   * deadlock, a lost lock wait, a lost connection), by the driver's retries or the ones here.
   */
  get retriedAttempts(): number {
    return this.rerun;
  }

  /**
   * How many transactions (each attempt counts) this process began through `read`, `write` and
   * the transaction functions: what a request costs the database, for tests that a page of N
   * items is read in a fixed number of round trips rather than N.
   */
  get transactionsBegun(): number {
    return this.begun;
  }

  /** True when the database answers a trivial query within the time given. */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    // Without the bookmarks: whether the database answers, not whether a follower has caught up.
    const session = this.driver.session({ database: this.name, defaultAccessMode: 'READ' });
    try {
      // Auto-commit: one round trip, where a managed transaction takes two (the commit), each a
      // wait for a thread of a database that may be busy with a projection.
      const answer = session.run('RETURN 1', {}, { timeout: timeoutMs });
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('ping timed out')), timeoutMs),
      );
      await Promise.race([answer, timeout]);
      return true;
    } catch {
      return false;
    } finally {
      session.close().catch(() => undefined);
    }
  }

  /** Where and as whom this connects, for a thread that needs a connection of its own. */
  get connection(): Omit<DatabaseOptions, 'registry'> {
    const { uri, user, password, database } = this.options;
    return { uri, user, password, database };
  }

  /** Points the driver at a new address (a restarted local Neo4j on another port). */
  async reconnect(uri: string): Promise<void> {
    if (uri === this.options.uri) return;
    const old = this.driver;
    this.options.uri = uri;
    this.driver = Database.createDriver(this.options);
    await old.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /** A session that waits for, and then adds to, the process's bookmarks. */
  private session(mode: SessionMode, config: Omit<SessionConfig, 'database' | 'defaultAccessMode'> = {}) {
    return this.driver.session({
      database: this.name,
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
      ...config,
    });
  }

  private async transaction<R>(
    mode: SessionMode,
    work: (tx: Transaction) => Promise<R>,
    options: TransactionOptions,
  ): Promise<R> {
    const config = {
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      metadata: { app: 'ringwatch', ...options.metadata },
    };
    let attempts = 0;
    const run = (managed: ManagedTransaction) => {
      this.begun += 1;
      if (attempts++ > 0) this.rerun += 1;
      return work(this.wrap(managed));
    };
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const session = this.session(mode);
      try {
        return mode === 'READ' ? await session.executeRead(run, config) : await session.executeWrite(run, config);
      } catch (error) {
        if (!isContention(error) || Date.now() - started > CONTENTION_RETRY_MS) throw mapDriverError(error);
      } finally {
        await session.close();
      }
      // Backed off with jitter, so two instances' batches that deadlocked do not meet again in step.
      const delay = Math.min(5_000, 100 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private wrap(managed: ManagedTransaction): Transaction {
    return {
      run: async <T extends object>(name: CypherStatementName, params: Params = {}) => {
        const result = await managed.run(this.registry.get(name), params);
        return result.records.map((record) => record.toObject() as T);
      },
    };
  }
}
