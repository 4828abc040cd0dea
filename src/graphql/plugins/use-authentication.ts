import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../shared/logger.ts';
import { AuthenticationError } from '../../auth/errors.ts';
import type { TokenVerifier } from '../../auth/verify-token.ts';
import { ErrorCode, clientError } from '../errors.ts';
import { setRequestPrincipal } from './request-principal.ts';

/**
 * Every GraphQL request needs a valid bearer token; without one the answer is UNAUTHENTICATED
 * (HTTP 401) before the query is parsed, and nothing is read or written. Refused tokens are
 * not written to the audit trail: with no verified caller there is no one to attribute them
 * to, and an open door to the append-only trail would let anyone flood it. They are logged.
 */
export function useAuthentication(verify: TokenVerifier, logger: Logger): Plugin {
  return {
    async onParams({ request, setResult }) {
      try {
        setRequestPrincipal(request, await verify(request.headers.get('authorization')));
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        logger.warn({ reason: error.message }, 'refused a GraphQL request without a valid token');
        setResult({
          errors: [
            clientError(ErrorCode.UNAUTHENTICATED, error.message, {
              http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
            }),
          ],
        });
      }
    },
  };
}
