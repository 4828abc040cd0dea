import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/load-config.ts';

export const LOCAL_SECRET_FILE = 'auth-secret';

/**
 * The HS256 secret: AUTH_JWT_SECRET when set; otherwise (development only, loadConfig refuses
 * production without it) a random one generated once into DATA_DIR/auth-secret, mode 0600,
 * so `npm run token` and the service agree without anyone choosing a weak secret by hand.
 */
export function resolveJwtSecret(config: Pick<Config, 'auth' | 'dataDir' | 'production'>): string {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  if (config.production) throw new Error('AUTH_JWT_SECRET must be set in production');
  const dir = resolve(config.dataDir);
  const file = join(dir, LOCAL_SECRET_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
    throw new Error(`${file} holds a secret shorter than 32 characters: remove it to have a new one generated`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': when two processes start at once, the first one's secret wins and the other reads it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
