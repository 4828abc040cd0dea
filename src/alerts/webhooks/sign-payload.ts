import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a receiver checks: HMAC-SHA256 over "<timestamp>.<body>" with the agency's secret. */
export const SIGNATURE_HEADER = 'x-ringwatch-signature';
export const TIMESTAMP_HEADER = 'x-ringwatch-timestamp';
export const DELIVERY_HEADER = 'x-ringwatch-delivery';

export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (and the tests): recompute and compare in constant time. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
