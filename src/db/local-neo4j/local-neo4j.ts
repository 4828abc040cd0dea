import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureLauncherBuilt } from './launcher-build.ts';

export interface LocalNeo4jOptions {
  /** Where the store lives; one folder per instance, so two instances never share a store. */
  dataDir: string;
  password: string;
  /** 0 picks a free port. */
  boltPort?: number;
  heap?: string;
  pageCache?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4jReady {
  boltUri: string;
  port: number;
  pid: number;
}

export class LocalNeo4jStartError extends Error {
  override name = 'LocalNeo4jStartError';

  /** The start limit, when that is what ran out. */
  constructor(
    message: string,
    readonly timedOutAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * One embedded Neo4j in a child JVM. The JVM exits on its own when this process dies (it
 * watches the stdin pipe held here), so a killed service leaves no database running.
 *
 * Emits 'exit' (code, signal) when the JVM ends without stop() having been called.
 */
export class LocalNeo4j extends EventEmitter<{ exit: [code: number | null, signal: NodeJS.Signals | null] }> {
  private child: ChildProcess | undefined;
  private stopping = false;
  readonly dataDir: string;

  constructor(private readonly options: LocalNeo4jOptions) {
    super();
    this.dataDir = resolve(options.dataDir);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Starts the JVM and answers once it is ready. A start that fails (it timed out, or the JVM
   * reported a failure) answers only once that JVM has exited: the next start on this store must
   * not meet the old JVM still holding its store lock or its port.
   */
  async start(
    boltPort = this.options.boltPort ?? 0,
    { timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<LocalNeo4jReady> {
    if (this.running) throw new LocalNeo4jStartError('the local Neo4j is already running');
    const { jar } = ensureLauncherBuilt(this.options.log ? { log: this.options.log } : {});
    const logDir = join(this.dataDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const javaHome = process.env['JAVA_HOME'];
    const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
    const heap = this.options.heap ?? '2g';
    const limitMs = timeoutMs ?? this.options.startTimeoutMs ?? 120_000;
    this.stopping = false;
    const child = spawn(
      java,
      [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-jar', jar],
      {
        env: {
          ...process.env,
          NEO4J_LAUNCHER_DATA_DIR: this.dataDir,
          NEO4J_LAUNCHER_PASSWORD: this.options.password,
          NEO4J_LAUNCHER_BOLT_PORT: String(boltPort),
          NEO4J_LAUNCHER_PAGECACHE: this.options.pageCache ?? '2g',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stderr?.pipe(createWriteStream(join(logDir, 'launcher.log'), { flags: 'a' }));
    let ready = false;
    const gone = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      // Only a JVM that was serving dies under the service; one that never got ready is a failed start.
      if (ready && !this.stopping) this.emit('exit', code, signal);
    });

    const started = new Promise<LocalNeo4jReady>((resolvePromise, reject) => {
      // The rejection waits for the JVM's exit, with a kill for one that does not go by itself.
      const fail = (message: string, timedOutAfterMs?: number) => {
        clearTimeout(timeout);
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        void gone.then(() => {
          clearTimeout(kill);
          reject(new LocalNeo4jStartError(message, timedOutAfterMs));
        });
      };
      const timeout = setTimeout(() => {
        child.kill('SIGKILL');
        fail(`the local Neo4j did not start within ${limitMs} ms`, limitMs);
      }, limitMs);
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (!line.startsWith('{"event"')) return;
        const event = JSON.parse(line) as { event: string; message?: string } & LocalNeo4jReady;
        if (event.event === 'ready') {
          clearTimeout(timeout);
          ready = true;
          resolvePromise({ boltUri: event.boltUri, port: event.port, pid: event.pid });
        } else fail(`the local Neo4j failed to start: ${event.message ?? 'unknown cause'}`);
      });
      child.once('error', (error) => {
        clearTimeout(timeout);
        if (this.child === child) this.child = undefined;
        reject(new LocalNeo4jStartError(`cannot run Java (${error.message}); install Java 17 or set JAVA_HOME`));
      });
      void gone.then((code) => {
        if (!ready) fail(`the local Neo4j exited with code ${code} before it was ready (see ${logDir})`);
      });
    });
    return started;
  }

  /** SIGTERM lets Neo4j flush and close the store; SIGKILL only if that takes too long. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.child;
    this.stopping = true;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
