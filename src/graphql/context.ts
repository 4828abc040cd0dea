import type { YogaInitialContext } from 'graphql-yoga';
import type { Services } from './services.ts';
import type { Principal } from '../auth/roles.ts';
import type { WorkBudget } from '../linkchart/work-budget.ts';
import type { ProtectionView } from '../protection/protection-view.ts';

/** What the authorisation plugin decided about this request's operation, for its audit record. */
export interface OperationDecisionRecord {
  operation: string;
  rootFields: string[];
  /** Set when the operation was refused before it ran: FORBIDDEN or PURPOSE_REQUIRED. */
  deniedWith: string | null;
  /** Introspection and __typename alone are not audited. */
  audited: boolean;
}

/** What every resolver receives: the caller, the capabilities it may call and this request's view of protected people. */
export interface GraphQLContext extends YogaInitialContext {
  /** Per request: `entities` masks protected people for this caller (src/protection/). */
  services: Services;
  principal: Principal;
  /** The X-Purpose header: the case number or justification of a read of personal data. */
  purpose: string | null;
  /** Masks what the caller's clearance does not cover; every entity shown passes through it. */
  protection: ProtectionView;
  /** Ids of the entities this request returned, for the audit record. */
  touched: Set<string>;
  decision?: OperationDecisionRecord;
  /** What this request may still spend on charts, paths and exports (added by useWorkBudget). */
  work: WorkBudget;
}
