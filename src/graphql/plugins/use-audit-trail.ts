import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../shared/logger.ts';
import type { AuditOutcome } from '../../audit/audit-event.ts';
import type { AuditTrail } from '../../audit/audit-trail.ts';
import type { GraphQLContext } from '../context.ts';
import { ErrorCode, clientError, errorCode } from '../errors.ts';

/**
 * One audit record per operation, allowed, denied or failed, written before the response
 * leaves: the plugin awaits the append, and when it fails the result is replaced by
 * AUDIT_UNAVAILABLE (fail closed: no data goes out unrecorded). Registered after
 * useAuthorization so that its wrapper runs outside and sees denials too.
 */
export function useAuditTrail(trail: AuditTrail, logger: Logger): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: ExecutionArgs) => {
        const ctx = args.contextValue as GraphQLContext;
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
        const outcome: AuditOutcome = decision?.deniedWith
          ? 'DENIED'
          : thrown || errors.length || !decision
            ? 'FAILED'
            : 'ALLOWED';
        const firstCode = errors[0] && errorCode(errors[0]);
        try {
          await trail.append({
            at: new Date().toISOString(),
            actor: ctx.principal.sub,
            agency: ctx.principal.agency,
            roles: [...ctx.principal.roles],
            operation: decision?.operation ?? 'unknown',
            rootFields: decision?.rootFields ?? [],
            entityIds: [...ctx.touched].sort(),
            purpose: ctx.purpose,
            outcome,
            reason: decision?.deniedWith ?? (outcome === 'FAILED' ? String(firstCode ?? 'UNEXPECTED') : null),
          });
        } catch (error) {
          // With nothing to withhold (the operation failed too, typically because the database
          // is down for both), the client is better served by the operation's own error.
          const data = result && 'data' in result ? (result as ExecutionResult).data : undefined;
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
  };
}
