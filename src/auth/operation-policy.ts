import type { Role } from './roles.ts';

export interface FieldPolicy {
  /** The roles that may call this root field; every other role is FORBIDDEN. */
  roles: readonly Role[];
  /** Returns people's data: the caller must give X-Purpose, and the read is audited with the entity ids it returned. */
  personalData: boolean;
}

const EVERY_ROLE: readonly Role[] = ['ingest', 'analyst', 'investigator', 'supervisor', 'admin'];
/** The contract: analysts and investigators read entities, link charts, paths and rings; supervisors read everything. */
const READERS: readonly Role[] = ['analyst', 'investigator', 'supervisor', 'admin'];

/**
 * Who may call what: the one table behind every authorisation decision (src/graphql/plugins/
 * use-authorization.ts applies it to every operation before anything executes). A root field
 * that is not listed here is denied to everyone, so a field added to schema.graphql stays
 * closed until it is given a line here (test/unit/auth/operation-policy.test.ts names it).
 * Fields listed before they exist in the schema (setRingStatus, duplicateCandidates) cost nothing.
 */
export const OPERATION_POLICY: Readonly<Record<string, FieldPolicy>> = {
  'Query.node': { roles: READERS, personalData: true },
  'Query.entity': { roles: READERS, personalData: true },
  'Query.search': { roles: READERS, personalData: true },
  'Query.linkChart': { roles: READERS, personalData: true },
  'Query.exportLinkChart': { roles: READERS, personalData: true },
  'Query.paths': { roles: READERS, personalData: true },
  'Query.ringCandidates': { roles: READERS, personalData: true },
  'Query.ring': { roles: READERS, personalData: true },
  // Entity resolution: analysts read candidates too (duplicates split rings); only investigators,
  // supervisors and admins merge or undo a merge.
  'Query.duplicateCandidates': { roles: READERS, personalData: true },
  'Query.latestDetectionRun': { roles: READERS, personalData: false },
  'Query.auditTrail': { roles: ['supervisor', 'admin'], personalData: false },
  'Mutation.ingest': { roles: ['ingest', 'admin'], personalData: false },
  'Mutation.detectRings': { roles: ['analyst', 'admin'], personalData: false },
  'Mutation.setRingStatus': { roles: ['analyst', 'admin'], personalData: false },
  // Triage (decision record 0014): analysts decide, as with setRingStatus; supervisors hand rings
  // out too; any reader may add a note. Each answers with a ring (its members, its notes), so
  // each is a read of personal data.
  'Mutation.triageRing': { roles: ['analyst', 'admin'], personalData: true },
  'Mutation.assignRing': { roles: ['analyst', 'supervisor', 'admin'], personalData: true },
  'Mutation.addRingNote': { roles: READERS, personalData: true },
  'Mutation.exportLinkChart': { roles: READERS, personalData: true },
  'Mutation.mergeEntities': { roles: ['investigator', 'supervisor', 'admin'], personalData: true },
  'Mutation.unmergeEntity': { roles: ['investigator', 'supervisor', 'admin'], personalData: true },
  // Early warning: every reader reads and triages alerts and keeps watches of their own; alerts name
  // people, so reading them needs X-Purpose. The subscription is such a read too, for as long as it lasts.
  'Query.alerts': { roles: READERS, personalData: true },
  'Query.alert': { roles: READERS, personalData: true },
  'Query.watches': { roles: READERS, personalData: false },
  'Mutation.watch': { roles: READERS, personalData: false },
  'Mutation.unwatch': { roles: READERS, personalData: false },
  'Mutation.updateAlert': { roles: READERS, personalData: true },
  'Subscription.alertRaised': { roles: READERS, personalData: true },
  // Webhooks carry alerts to other agencies' systems: only admins register them and read what failed.
  'Query.webhooks': { roles: ['admin'], personalData: false },
  'Query.webhookDeadLetters': { roles: ['admin'], personalData: false },
  'Mutation.registerWebhook': { roles: ['admin'], personalData: false },
  'Mutation.removeWebhook': { roles: ['admin'], personalData: false },
  // The workspace: the checkpoints' places are public, but read by readers only like everything
  // else; a timeline and a saved chart name people. Every reader keeps charts of their own and
  // opens those shared with them; only the owner shares or deletes one (src/saved-charts/).
  'Query.checkpoints': { roles: READERS, personalData: false },
  'Query.timeline': { roles: READERS, personalData: true },
  'Query.savedCharts': { roles: READERS, personalData: true },
  'Query.savedChart': { roles: READERS, personalData: true },
  'Query.exportSavedChart': { roles: READERS, personalData: true },
  'Mutation.saveChart': { roles: READERS, personalData: true },
  'Mutation.shareChart': { roles: READERS, personalData: true },
  'Mutation.deleteSavedChart': { roles: READERS, personalData: false },
  'Mutation.importSavedChart': { roles: READERS, personalData: true },
};

/** Introspection is for developers: any authenticated caller outside production, nobody in production. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export type OperationDecision =
  { allowed: true; personalData: boolean; write: boolean } | { allowed: false; reason: string };

/** Whether a caller with these roles may run an operation with these root fields: all of them, or none. */
export function decideOperation(
  roles: readonly Role[],
  operationType: 'query' | 'mutation' | 'subscription',
  rootFields: readonly string[],
  options: { production: boolean },
): OperationDecision {
  const typeName = operationType === 'query' ? 'Query' : operationType === 'mutation' ? 'Mutation' : 'Subscription';
  let personalData = false;
  for (const field of rootFields) {
    if (field === '__typename') continue;
    if (INTROSPECTION_FIELDS.has(field)) {
      if (options.production) return { allowed: false, reason: 'introspection is disabled in production' };
      if (!roles.some((role) => EVERY_ROLE.includes(role))) return { allowed: false, reason: 'no role' };
      continue;
    }
    const policy = OPERATION_POLICY[`${typeName}.${field}`];
    if (!policy) return { allowed: false, reason: `${typeName}.${field} is not open to any role` };
    if (!roles.some((role) => policy.roles.includes(role))) {
      return { allowed: false, reason: `${typeName}.${field} needs one of the roles ${policy.roles.join(', ')}` };
    }
    personalData ||= policy.personalData;
  }
  return { allowed: true, personalData, write: operationType === 'mutation' };
}
