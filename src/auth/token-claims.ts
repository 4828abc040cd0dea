import { z } from 'zod';
import { CLEARANCES, ROLES, type Principal } from './roles.ts';

/** The claims the service reads; exp is checked by jose and required there. */
const claimsSchema = z.object({
  sub: z.string().trim().min(1).max(200),
  agency: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  clearance: z.array(z.enum(CLEARANCES)).optional(),
});

/** The principal of verified claims, or undefined when they are not what the contract says. */
export function principalFromClaims(claims: unknown): Principal | undefined {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    sub: c.sub,
    agency: c.agency ?? null,
    roles: [...new Set(c.roles)],
    clearance: new Set(c.clearance ?? []),
  };
}
