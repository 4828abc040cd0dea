import type { Principal } from './roles.ts';

export type SourceWriteDecision =
  /** `asAdmin`: allowed only because the caller is an admin, the source being another agency's. */
  { allowed: true; asAdmin: boolean } | { allowed: false; reason: string };

/**
 * Which agency each source belongs to, and so who may write its records. Records are keyed by
 * (source, externalId): whoever may send a source may overwrite every record of it, a child's
 * birth date included, so one agency's system must not be able to send another agency's
 * source. A source belongs to the agency of the same name (a token with `agency:
 * "border-guard"` writes source `border-guard`) unless SOURCE_AGENCIES maps it to another.
 */
export class SourceOwnership {
  constructor(private readonly agencies: ReadonlyMap<string, string> = new Map()) {}

  /** The one agency whose systems may write this source. */
  agencyOf(source: string): string {
    return this.agencies.get(source) ?? source;
  }

  /**
   * Whether this caller may write records of this source: an ingest token only its agency's
   * sources, an admin any source. The source is the batch's, as records are keyed by it (trimmed).
   */
  decide(principal: Pick<Principal, 'agency' | 'roles'>, source: string): SourceWriteDecision {
    const owner = this.agencyOf(source);
    if (principal.agency !== null && principal.agency === owner) return { allowed: true, asAdmin: false };
    if (principal.roles.includes('admin')) return { allowed: true, asAdmin: true };
    if (principal.agency === null) {
      return { allowed: false, reason: `the token names no agency, and source "${source}" belongs to ${owner}` };
    }
    return {
      allowed: false,
      reason: `source "${source}" belongs to agency ${owner}; this token writes for agency ${principal.agency}`,
    };
  }
}
