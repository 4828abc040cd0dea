import { SignJWT } from 'jose';
import type { Clearance, Role } from './roles.ts';

export interface TokenRequest {
  sub: string;
  roles: readonly Role[];
  agency?: string | undefined;
  clearance?: readonly Clearance[] | undefined;
  /** Lifetime; default 8 hours, a working day. */
  hours?: number | undefined;
}

/** An HS256 token for local development and tests; production tokens come from the agency's identity provider. */
export async function signToken(secret: string, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { roles: [...request.roles] };
  if (request.agency) claims['agency'] = request.agency;
  if (request.clearance?.length) claims['clearance'] = [...request.clearance];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(`${Math.round((request.hours ?? 8) * 3600)}s`)
    .sign(new TextEncoder().encode(secret));
}
