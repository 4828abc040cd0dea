import pino from 'pino';
import type { Logger } from '../shared/logger.ts';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ringwatch' } });
}
