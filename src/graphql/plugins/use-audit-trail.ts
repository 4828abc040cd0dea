import { getOperationAST, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Logger } from '../../shared/logger.ts';
import type { Principal } from '../../auth/roles.ts';
import type { AuditEntry, AuditOutcome } from '../../audit/audit-event.ts';
import type { AuditTrail } from '../../audit/audit-trail.ts';
import type { GraphQLContext } from '../context.ts';
import { ErrorCode, clientError, errorCode } from '../errors.ts';
import { readPurpose } from '../request-context.ts';
import { getRequestPrincipal } from './request-principal.ts';
import { rootFieldsOf } from './root-fields.ts';
import { requestErrorCode } from './use-http-semantics.ts';

/** Refusals by the service's rules and limits; any other failure (a syntax error, a bad argument) is FAILED. */
const DENIAL_CODES: ReadonlySet<string> = new Set([
  ErrorCode.FORBIDDEN,
  ErrorCode.PURPOSE_REQUIRED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.WORK_BUDGET_EXCEEDED,
  ErrorCode.QUERY_TOO_LONG,
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.QUERY_TOO_COSTLY,
]);

/** A refused query is parsed again for its record only when it is no larger than the limits let through. */
const REPARSE_MAX_LENGTH = 100_000;
const REPARSE_MAX_TOKENS = 5_000;

/**
 * One audit record per operation of an authenticated caller, allowed, denied or failed,
 * whatever stage it stopped at, written before the response leaves.
 *
 * - Operations that reach execution are recorded around it (registered after useAuthorization,
 *   so that this wrapper runs outside and sees denials too). When the append fails the result
 *   is replaced by AUDIT_UNAVAILABLE: fail closed, no data goes out unrecorded.
 * - Requests refused before execution (the rate limit, the query-text limits, a syntax error,
 *   validation, depth, aliases, directives, cost) never reach it; they are recorded when their
 *   answer is made, with the operation as far as the text can be read and the refusal's code.
 *   They carry no data, so a failed append only is logged.
 *
 * Requests without a verified token are not recorded (useAuthentication logs them): there is
 * no one to attribute them to, and an open door to the append-only trail would let anyone
 * flood it.
 */
export function useAuditTrail(trail: AuditTrail, logger: Logger): Plugin {
  const paramsOf = new WeakMap<Request, GraphQLParams>();
  const recorded = new WeakSet<Request>();
  return {
    // A subscription is recorded when it starts (allowed or refused); each alert it then carries
    // is recorded as a disclosure by its resolver (src/graphql/resolvers/alert-resolvers.ts).
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const ctx = args.contextValue as GraphQLContext;
        const result = await subscribeFn(args);
        const decision = ctx.decision;
        if (decision && !decision.audited) return result;
        const errors = result && 'errors' in result ? ((result as ExecutionResult).errors ?? []) : [];
        const outcome: AuditOutcome = decision?.deniedWith
          ? 'DENIED'
          : errors.length || !decision
            ? 'FAILED'
            : 'ALLOWED';
        try {
          await trail.append({
            at: new Date().toISOString(),
            actor: ctx.principal.sub,
            agency: ctx.principal.agency,
            roles: [...ctx.principal.roles],
            operation: decision?.operation ?? 'unknown',
            rootFields: decision?.rootFields ?? [],
            entityIds: [],
            purpose: ctx.purpose,
            outcome,
            reason:
              decision?.deniedWith ??
              (outcome === 'FAILED' ? String((errors[0] && errorCode(errors[0])) ?? 'UNEXPECTED') : null),
          });
        } catch (error) {
          logger.error({ err: error }, 'the audit record could not be written; the subscription is refused');
          if (result && Symbol.asyncIterator in result) await (result as AsyncGenerator).return?.(undefined);
          return {
            errors: [clientError(ErrorCode.AUDIT_UNAVAILABLE, 'the audit trail is unavailable; nothing was returned')],
          };
        }
        return result;
      });
    },
    onParams({ request, params }) {
      paramsOf.set(request, params);
    },
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: ExecutionArgs) => {
        const ctx = args.contextValue as GraphQLContext;
        recorded.add(ctx.request);
        let result: Awaited<ReturnType<typeof executeFn>> | undefined;
        let thrown: unknown;
        try {
          result = await executeFn(args);
        } catch (error) {
          thrown = error;
        }
        const decision = ctx.decision;
        if (decision && !decision.audited) {
          if (thrown) throw thrown;
          return result!;
        }
        const errors = result && 'errors' in result ? ((result as ExecutionResult).errors ?? []) : [];
        const data = result && 'data' in result ? (result as ExecutionResult).data : undefined;
        // A request error (no data) without a code is graphql-js's own, a bad variable: the client's.
        // Resolvers' errors are not mapped yet (the mask runs later): errorCode reads the code they will answer with.
        const firstCode = errors[0] && (data == null ? requestErrorCode(errors[0]) : errorCode(errors[0]));
        const outcome: AuditOutcome =
          decision?.deniedWith || DENIAL_CODES.has(String(firstCode))
            ? 'DENIED'
            : thrown || errors.length || !decision
              ? 'FAILED'
              : 'ALLOWED';
        try {
          await trail.append({
            ...who(ctx.principal),
            operation: decision?.operation ?? 'unknown',
            rootFields: decision?.rootFields ?? [],
            entityIds: [...ctx.touched].sort(),
            purpose: ctx.purpose,
            outcome,
            reason: decision?.deniedWith ?? (outcome === 'ALLOWED' ? null : String(firstCode ?? 'UNEXPECTED')),
          });
        } catch (error) {
          // With nothing to withhold (the operation failed too, typically because the database
          // is down for both), the client is better served by the operation's own error.
          const carriesData = data != null && Object.values(data).some((value) => value !== null);
          logger.error({ err: error }, 'the audit record could not be written; the result is withheld');
          if (!carriesData && (thrown || errors.length)) {
            if (thrown) throw thrown;
            return result!;
          }
          return {
            errors: [clientError(ErrorCode.AUDIT_UNAVAILABLE, 'the audit trail is unavailable; nothing was returned')],
          };
        }
        if (thrown) throw thrown;
        return result!;
      });
    },
    async onExecutionResult({ request, result }) {
      if (recorded.has(request)) return;
      recorded.add(request);
      const principal = getRequestPrincipal(request);
      if (!principal || !result || Array.isArray(result) || Symbol.asyncIterator in result) return;
      const errors = (result as ExecutionResult).errors ?? [];
      const code = errors[0] ? requestErrorCode(errors[0]) : 'UNEXPECTED';
      if (code === ErrorCode.UNAUTHENTICATED) return;
      const params = paramsOf.get(request);
      const operation = describeOperation(params);
      // Introspection alone is not recorded, refused or not, as when it runs.
      if (operation.rootFields.length && operation.rootFields.every((field) => field.startsWith('__'))) return;
      try {
        await trail.append({
          ...who(principal),
          operation: operation.name,
          rootFields: operation.rootFields,
          entityIds: [],
          // Read as the context would have: the context is not built for a request refused this early.
          purpose: readPurpose(request),
          outcome: DENIAL_CODES.has(code) ? 'DENIED' : 'FAILED',
          reason: code,
        });
      } catch (error) {
        logger.error({ err: error, reason: code }, 'the audit record of a refused request could not be written');
      }
    },
  };
}

function who(principal: Principal): Pick<AuditEntry, 'at' | 'actor' | 'agency' | 'roles'> {
  return {
    at: new Date().toISOString(),
    actor: principal.sub,
    agency: principal.agency,
    roles: [...principal.roles],
  };
}

/** "query Explore" and its root fields when the text parses; "unparsed Explore" (the operationName sent) when not. */
function describeOperation(params: GraphQLParams | undefined): { name: string; rootFields: string[] } {
  const query = params?.query;
  const sentName = params?.operationName ?? '(anonymous)';
  if (!query || query.length > REPARSE_MAX_LENGTH) return { name: `unparsed ${sentName}`, rootFields: [] };
  try {
    const document = parse(query, { maxTokens: REPARSE_MAX_TOKENS });
    const operation = getOperationAST(document, params.operationName);
    if (!operation) return { name: `unknown ${sentName}`, rootFields: [] };
    return {
      name: `${operation.operation} ${operation.name?.value ?? '(anonymous)'}`,
      rootFields: rootFieldsOf(document, operation),
    };
  } catch {
    return { name: `unparsed ${sentName}`, rootFields: [] };
  }
}
