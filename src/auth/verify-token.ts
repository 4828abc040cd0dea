import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyOptions } from 'jose';
import { AuthenticationError } from './errors.ts';
import type { Principal } from './roles.ts';
import { principalFromClaims } from './token-claims.ts';

export interface TokenVerifierOptions {
  /** HS256 secret (AUTH_JWT_SECRET or the generated local one). */
  secret: string;
  /** An identity provider's JWKS (AUTH_JWKS_URL); its tokens use the asymmetric algorithms below. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** The longest validity accepted (exp - iat, or exp - now without iat); default 24 hours. */
  maxTokenLifetimeSeconds?: number | undefined;
  /** Clock skew allowed on exp, nbf and iat; default 5 seconds. */
  clockLeewaySeconds?: number | undefined;
}

export type TokenVerifier = (authorization: string | null) => Promise<Principal>;

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
export const DEFAULT_CLOCK_LEEWAY_SECONDS = 5;

/**
 * Verifies "Bearer <JWT>" headers. The algorithm is pinned per key (HS256 for the secret, the
 * asymmetric ones for the JWKS), so `alg: none` and algorithm-confusion tokens are refused;
 * exp is required. A token valid for longer than the maximum lifetime is refused as well: a
 * leaked century-long token could not otherwise be taken back, since tokens are not revoked
 * one by one. Clock leeway is a few seconds, enough for clocks kept by NTP and no more.
 * Every failure is one AuthenticationError with a message safe to show.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = new TextEncoder().encode(options.secret);
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const leeway = options.clockLeewaySeconds ?? DEFAULT_CLOCK_LEEWAY_SECONDS;
  const maxLifetime = options.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const common: JWTVerifyOptions = {
    requiredClaims: ['exp', 'sub'],
    clockTolerance: leeway,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  };

  return async (authorization) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization ?? '');
    if (!authorization) throw new AuthenticationError('a bearer token is required (Authorization: Bearer <JWT>)');
    if (!match) throw new AuthenticationError('the Authorization header is not "Bearer <JWT>"');
    const token = match[1]!;
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('the token is malformed');
    }
    let payload: unknown;
    try {
      if (alg === 'HS256') {
        payload = (await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] })).payload;
      } else if (jwks && alg && ASYMMETRIC.includes(alg)) {
        payload = (await jwtVerify(token, jwks, { ...common, algorithms: ASYMMETRIC })).payload;
      } else {
        throw new AuthenticationError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
      }
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new AuthenticationError('the token has expired');
      throw new AuthenticationError('the token could not be verified');
    }
    const { exp, iat } = payload as { exp: number; iat?: unknown };
    if (typeof iat === 'number' && iat > Date.now() / 1000 + leeway) {
      throw new AuthenticationError('the token was issued in the future');
    }
    const lifetime = exp - (typeof iat === 'number' ? iat : Date.now() / 1000);
    if (lifetime > maxLifetime + leeway) {
      throw new AuthenticationError(`the token is valid for longer than the ${maxLifetime} s this service accepts`);
    }
    const principal = principalFromClaims(payload);
    if (!principal) {
      throw new AuthenticationError(
        'the token lacks valid claims: sub, roles (ingest | analyst | investigator | supervisor | admin), clearance (minors | victims)',
      );
    }
    return principal;
  };
}
