import pino from 'pino';

export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ringwatch' } });
}
