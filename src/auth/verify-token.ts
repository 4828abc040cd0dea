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
}

export type TokenVerifier = (authorization: string | null) => Promise<Principal>;

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies "Bearer <JWT>" headers. The algorithm is pinned per key (HS256 for the secret, the
 * asymmetric ones for the JWKS), so `alg: none` and algorithm-confusion tokens are refused;
 * exp is required. Every failure is one AuthenticationError with a message safe to show.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = new TextEncoder().encode(options.secret);
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const common: JWTVerifyOptions = {
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
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
    const principal = principalFromClaims(payload);
    if (!principal) {
      throw new AuthenticationError(
        'the token lacks valid claims: sub, roles (ingest | analyst | investigator | supervisor | admin), clearance (minors | victims)',
      );
    }
    return principal;
  };
}
