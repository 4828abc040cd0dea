import { z } from 'zod';
import type { SourceRef } from '../truth-types.ts';
import type { CandidateMember, RingCandidate } from './evaluate-rings.ts';

// Candidates come from the service (ringCandidates, mapped back to source records) or from other tools, so a
// member may be written in several ways; all are reduced to the list of source records of one entity.

const sourceRef = z.object({ source: z.string().min(1), externalId: z.string().min(1) });
const entityLike = z.object({
  kind: z.string().optional(),
  refs: z.array(sourceRef).optional(),
  sources: z.array(sourceRef).optional(),
});

const member = z.union([
  sourceRef, // { source, externalId }
  z.array(sourceRef), // [{ source, externalId }, ...]
  z.object({ role: z.string().nullish(), entity: entityLike }), // a GraphQL RingMember
  entityLike, // { kind?, refs | sources }: last, every field of it is optional
]);

const candidate = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  score: z.number(),
  members: z.array(member),
});

const candidatesFile = z.union([
  z.array(candidate),
  z.object({ candidates: z.array(candidate) }).transform((file) => file.candidates),
]);

type MemberInput = z.infer<typeof member>;

function toMember(input: MemberInput): CandidateMember | undefined {
  if (Array.isArray(input)) return { refs: input };
  if ('externalId' in input && 'source' in input) return { refs: [input as SourceRef] };
  const entity = 'entity' in input ? input.entity : input;
  if (entity.kind !== undefined && entity.kind !== 'PERSON') return undefined;
  return { refs: [...(entity.refs ?? []), ...(entity.sources ?? [])] };
}

/**
 * Reads a candidates file: a JSON array (or { candidates: [...] }) of { id, score, members }, where each member is
 * { source, externalId }, an array of them (one entity with several records), or an entity { kind?, sources }
 * / { entity: { kind, sources } }. Members of another kind than PERSON are dropped.
 */
export function parseCandidates(json: unknown): RingCandidate[] {
  return candidatesFile.parse(json).map((entry) => ({
    id: entry.id,
    score: entry.score,
    members: entry.members.map(toMember).filter((m): m is CandidateMember => m !== undefined && m.refs.length > 0),
  }));
}
