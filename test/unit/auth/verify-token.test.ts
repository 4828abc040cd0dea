import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../../src/auth/errors.ts';
import { signToken } from '../../../src/auth/sign-token.ts';
import { createTokenVerifier } from '../../../src/auth/verify-token.ts';

const SECRET = 'unit-test-secret-0123456789-abcdefghijklmnop';
const verify = createTokenVerifier({ secret: SECRET });
const key = new TextEncoder().encode(SECRET);

function raw(claims: Record<string, unknown>, secret = key, exp: string | number = '1h') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setExpirationTime(exp)
    .sign(secret);
}

describe('bearer tokens', () => {
  it('accepts a good token and reads its claims', async () => {
    const token = await signToken(SECRET, {
      sub: 'alice',
      roles: ['analyst'],
      agency: 'police',
      clearance: ['minors'],
    });
    const principal = await verify(`Bearer ${token}`);
    expect(principal).toMatchObject({ sub: 'alice', agency: 'police', roles: ['analyst'] });
    expect([...principal.clearance]).toEqual(['minors']);
  });

  it.each([
    ['no header', async () => null],
    ['not Bearer', async () => 'Basic YWxpY2U6cGFzcw=='],
    ['malformed', async () => 'Bearer not.a-token'],
    ['garbage segments', async () => 'Bearer aaaa.bbbb.cccc'],
    ['expired', async () => `Bearer ${await raw({ roles: ['admin'] }, key, Math.floor(Date.now() / 1000) - 3600)}`],
    [
      'forged signature',
      async () => `Bearer ${await raw({ roles: ['admin'] }, new TextEncoder().encode('x'.repeat(40)))}`,
    ],
    [
      'alg none',
      async () =>
        `Bearer ${new UnsecuredJWT({ roles: ['admin'] }).setSubject('alice').setExpirationTime('1h').encode()}`,
    ],
    ['missing roles', async () => `Bearer ${await raw({ agency: 'police' })}`],
    ['empty roles', async () => `Bearer ${await raw({ roles: [] })}`],
    ['unknown role', async () => `Bearer ${await raw({ roles: ['superuser'] })}`],
    ['unknown clearance', async () => `Bearer ${await raw({ roles: ['analyst'], clearance: ['everything'] })}`],
    [
      'no exp',
      async () =>
        `Bearer ${await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(key)}`,
    ],
    [
      'HS512 with the right secret',
      async () =>
        `Bearer ${await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS512' }).setSubject('a').setExpirationTime('1h').sign(key)}`,
    ],
  ])('refuses %s', async (_, header) => {
    await expect(verify(await header())).rejects.toBeInstanceOf(AuthenticationError);
  });
});
