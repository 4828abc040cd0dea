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

describe('token lifetime and clock leeway', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (iat: number | null, exp: number) => {
    const jwt = new SignJWT({ roles: ['analyst'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice');
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.setExpirationTime(exp).sign(key);
  };

  it.each([
    ['30 s past exp', () => sign(now() - 3600, now() - 30), /expired/],
    ['valid for a century', () => sign(now(), now() + 100 * 365 * 86_400), /longer than the 86400 s/],
    ['valid for 25 hours', () => sign(now(), now() + 25 * 3600), /longer than/],
    ['without iat and valid for two days', () => sign(null, now() + 2 * 86_400), /longer than/],
    ['issued a minute in the future', () => sign(now() + 60, now() + 3600), /issued in the future/],
  ])('refuses a token %s', async (_, token, message) => {
    await expect(verify(`Bearer ${await token()}`)).rejects.toThrow(message);
  });

  it.each([
    ['valid for 24 hours', () => sign(now(), now() + 86_400)],
    ['without iat and valid for an hour', () => sign(null, now() + 3600)],
    ['2 s past exp (within the 5 s leeway)', () => sign(now() - 3600, now() - 2)],
  ])('accepts a token %s', async (_, token) => {
    await expect(verify(`Bearer ${await token()}`)).resolves.toMatchObject({ sub: 'alice' });
  });

  it('takes both from its options', async () => {
    const strict = createTokenVerifier({ secret: SECRET, maxTokenLifetimeSeconds: 600, clockLeewaySeconds: 0 });
    await expect(strict(`Bearer ${await sign(now(), now() + 3600)}`)).rejects.toThrow(/longer than the 600 s/);
    await expect(strict(`Bearer ${await sign(now() - 60, now() - 2)}`)).rejects.toThrow(/expired/);
    await expect(strict(`Bearer ${await sign(now(), now() + 300)}`)).resolves.toMatchObject({ sub: 'alice' });
  });
});
