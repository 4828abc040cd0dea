import { getOperationAST, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { decideOperation } from '../../auth/operation-policy.ts';
import type { GraphQLContext } from '../context.ts';
import { ErrorCode, clientError } from '../errors.ts';
import { rootFieldsOf } from './root-fields.ts';

/**
 * The one place where authorisation is enforced: before an operation executes, each of its
 * root fields is looked up in OPERATION_POLICY (src/auth/operation-policy.ts). Denied (a role
 * missing, an unlisted field, introspection in production) means FORBIDDEN and nothing runs;
 * a read of personal data without X-Purpose means PURPOSE_REQUIRED. The decision is left in
 * the context for useAuditTrail, which records allowed and denied operations alike.
 */
export function useAuthorization(options: { production: boolean }): Plugin {
  /** The decision for one operation: undefined when it may run, else the result that refuses it. */
  const refusal = (args: ExecutionArgs) => {
    const ctx = args.contextValue as GraphQLContext;
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return { errors: [clientError(ErrorCode.BAD_USER_INPUT, 'no operation to run')] };
    const rootFields = rootFieldsOf(args.document, operation);
    const decision = decideOperation(ctx.principal.roles, operation.operation, rootFields, options);
    const audited = rootFields.some((field) => !field.startsWith('__'));
    ctx.decision = {
      operation: `${operation.operation} ${operation.name?.value ?? '(anonymous)'}`,
      rootFields,
      deniedWith: null,
      audited,
    };
    if (!decision.allowed) {
      ctx.decision.deniedWith = ErrorCode.FORBIDDEN;
      return { errors: [clientError(ErrorCode.FORBIDDEN, `not allowed: ${decision.reason}`)] };
    }
    if (decision.personalData && !ctx.purpose) {
      ctx.decision.deniedWith = ErrorCode.PURPOSE_REQUIRED;
      return {
        errors: [
          clientError(
            ErrorCode.PURPOSE_REQUIRED,
            'reads of personal data need an X-Purpose header: the case number or the justification',
          ),
        ],
      };
    }
    return undefined;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args: ExecutionArgs) => refusal(args) ?? executeFn(args));
    },
    // Subscriptions (alertRaised over Server-Sent Events) are decided the same way before they start.
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args: ExecutionArgs) => refusal(args) ?? subscribeFn(args));
    },
  };
}
