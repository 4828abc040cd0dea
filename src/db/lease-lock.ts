import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from './database.ts';
import { ConstraintViolationError } from './errors.ts';

/**
 * This process among the service instances on one database: host, pid and a random part
 * (a pid repeats across machines and restarts). Written on the locks it holds, so an
 * operator reading `MATCH (l:Lock) RETURN l` sees which instance runs what.
 */
export const INSTANCE_ID = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;

export interface LeaseLockOptions {
  /**
   * How long a lease lasts without renewal: a holder that dies (SIGKILL, a lost machine)
   * blocks the others at most this long. The holder renews it every third of it.
   */
  leaseMs: number;
  holder?: string;
  /** Told when a renewal finds another holder: this process was cut off for longer than the lease. */
  onLost?: () => void;
  /** Told when a renewal fails (the database unreachable); the lease may run out meanwhile. */
  onRenewalError?: (error: unknown) => void;
}

/** A lock held: renewed in the background until released. */
export interface Lease {
  readonly token: string;
  /** True once a renewal found that another holder took the lock over. */
  readonly lost: boolean;
  /** Stops renewing and frees the lock; never throws (an unreachable database lets the lease run out). */
  release(): Promise<void>;
}

/**
 * A lock in the database, shared by every service instance on it: a `(:Lock {name})` node
 * holding the holder's token and a lease that ends at a time of the database's clock. One
 * holder at a time; another may take it only once the lease has run out, so a holder that
 * dies frees it within the lease, and one that lives renews it for as long as it works.
 * Plain Cypher under a uniqueness constraint: Community, Aura and clusters alike (a cluster
 * routes the writes to the database's leader, so every instance asks the same member).
 */
export class LeaseLock {
  private readonly holder: string;

  constructor(
    private readonly db: Database,
    readonly name: string,
    private readonly options: LeaseLockOptions,
  ) {
    if (!(options.leaseMs >= 1_000)) throw new RangeError('a lease lasts at least one second');
    this.holder = options.holder ?? INSTANCE_ID;
  }

  /** The lease when the lock was free (or its lease had run out); undefined while another holds it. */
  async tryAcquire(): Promise<Lease | undefined> {
    const token = `${this.holder}/${randomUUID()}`;
    const params = { name: this.name, token, holder: this.holder, leaseMs: this.options.leaseMs };
    const acquire = () => this.db.write<{ acquired: boolean }>('locks/acquire-lock', params);
    // The first takers of a lock never taken may both try to create its node; the constraint
    // refuses one, and asked again it finds the node the other created.
    const [row] = await acquire().catch((error: unknown) => {
      if (error instanceof ConstraintViolationError) return acquire();
      throw error;
    });
    return row?.acquired ? this.hold(token) : undefined;
  }

  /** Who holds the lock now, and for how much longer at most; undefined when it is free. */
  async current(): Promise<{ holder: string; remainingMs: number } | undefined> {
    const [row] = await this.db.read<{ holder: string | null; remainingMs: number | null }>('locks/read-lock', {
      name: this.name,
    });
    return row?.holder && row.remainingMs !== null ? { holder: row.holder, remainingMs: row.remainingMs } : undefined;
  }

  private hold(token: string): Lease {
    const { leaseMs, onLost, onRenewalError } = this.options;
    let lost = false;
    let released = false;
    let renewing: Promise<void> = Promise.resolve();
    const renew = async (): Promise<void> => {
      // Renewals queue behind a slow one; those after a loss or the release have nothing to do.
      if (lost || released) return;
      try {
        const rows = await this.db.write('locks/renew-lock', { name: this.name, token, leaseMs });
        if (rows.length === 0 && !released) {
          lost = true;
          clearInterval(timer);
          onLost?.();
        }
      } catch (error) {
        if (!released) onRenewalError?.(error);
      }
    };
    const timer = setInterval(
      () => {
        renewing = renewing.then(renew);
      },
      Math.floor(leaseMs / 3),
    );
    // A lease never keeps a process alive that has nothing else to do.
    timer.unref();
    return {
      token,
      get lost() {
        return lost;
      },
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        await renewing;
        await this.db.write('locks/release-lock', { name: this.name, token }).catch(() => undefined);
      },
    };
  }
}
