import type pino from 'pino';

/** What the code logs through; pino's logger, built by src/app/logger.ts. */
export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;
