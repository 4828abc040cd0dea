import type { RingRecord } from '../../rings/ring-records.ts';
import type { RingNoteRecord, RingTriageEventRecord } from '../../rings/triage/ring-triage-service.ts';
import { requestLoader } from '../batch-loader.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { connection, pageArgs } from '../pagination.ts';

async function entitiesOfKind<K extends 'PHONE' | 'BROKER'>(ctx: GraphQLContext, ids: readonly string[], kind: K) {
  const entities = await ctx.services.entities.byIds(ids);
  return ids.flatMap((id) => {
    const entity = entities.get(id);
    return entity?.kind === kind ? [entity as Extract<typeof entity, { kind: K }>] : [];
  });
}

type RingWithMembers = Awaited<ReturnType<GraphQLContext['services']['rings']['ring']>>;

/** A ring with its members, read once per request for every ring of a page that asks (members, linkChart). */
function ringWithMembers(ctx: GraphQLContext, id: string): Promise<RingWithMembers> {
  return requestLoader(ctx, 'ring-with-members', (ids: readonly string[]) => ctx.services.rings.rings(ids))(id);
}

/** A ring's notes, read once per request for every ring of a page. */
function ringNotes(ctx: GraphQLContext, id: string): Promise<RingNoteRecord[] | undefined> {
  return requestLoader(ctx, 'ring-notes', (ids: readonly string[]) => ctx.services.ringTriage.notes(ids))(id);
}

function ringHistory(ctx: GraphQLContext, id: string): Promise<RingTriageEventRecord[] | undefined> {
  return requestLoader(ctx, 'ring-history', (ids: readonly string[]) => ctx.services.ringTriage.history(ids))(id);
}

/** Free text written about a ring (notes, verdict notes) names its members at times: masked like its summary. */
async function ringText(ctx: GraphQLContext, ringId: string, text: string): Promise<string>;
async function ringText(ctx: GraphQLContext, ringId: string, text: string | null): Promise<string | null>;
async function ringText(ctx: GraphQLContext, ringId: string, text: string | null): Promise<string | null> {
  return text === null ? null : ctx.protection.text(text, await memberIds(ctx, ringId));
}

async function memberIds(ctx: GraphQLContext, ringId: string): Promise<string[]> {
  return ((await ringWithMembers(ctx, ringId))?.members ?? []).map((m) => m.entityId);
}

/** The link chart accepts at most this many seeds; a larger ring is charted from its first members. */
const MAX_CHART_SEEDS = 100;

export const ringResolvers: Resolvers = {
  Query: {
    ringCandidates: async (
      _,
      { minScore, minSize, first, after, includeDismissed, statuses, assignee, unassigned },
      ctx,
    ) => {
      const page = pageArgs(first, after);
      const { rings, total } = await ctx.services.rings.candidates(
        {
          minScore: minScore ?? 0,
          minSize: minSize ?? 0,
          includeDismissed,
          statuses: statuses ?? null,
          assignee: assignee ?? null,
          unassigned,
        },
        page,
      );
      return connection(rings, page.skip, total);
    },
    ring: async (_, { id }, ctx) => (await ctx.services.rings.ring(id))?.ring ?? null,
    latestDetectionRun: async (_, __, ctx) => (await ctx.services.rings.latestRun()) ?? null,
  },
  Mutation: {
    // A capability's errors carry their code and are mapped once, by src/graphql/errors.ts.
    detectRings: (_, { options }, ctx) =>
      ctx.services.rings.detect({
        resolution: options?.resolution ?? null,
        seed: options?.seed ?? null,
        minSize: options?.minSize ?? null,
        referenceDate: options?.referenceDate ?? null,
      }),
    setRingStatus: (_, { id, status, note }, ctx) =>
      ctx.services.rings.setStatus(id, status, note ?? null, ctx.principal.sub),
    // Triage: the ring's id goes into the operation's audit record, whatever the outcome.
    triageRing: (_, { id, status, reason, note }, ctx) => {
      ctx.touched.add(id);
      return ctx.services.ringTriage.triage(
        id,
        { status, reason: reason ?? null, note: note ?? null },
        ctx.principal.sub,
      );
    },
    assignRing: (_, { id, assignee }, ctx) => {
      ctx.touched.add(id);
      return ctx.services.ringTriage.assign(id, assignee ?? null, ctx.principal.sub);
    },
    addRingNote: async (_, { id, text }, ctx) => {
      ctx.touched.add(id);
      const note = await ctx.services.ringTriage.addNote(id, text, ctx.principal.sub);
      return { ...note, text: await ringText(ctx, id, note.text) };
    },
  },
  Ring: {
    members: async (ring: RingRecord, _, ctx) => {
      const found = await ringWithMembers(ctx, ring.id);
      const members = found?.members ?? [];
      const entities = await ctx.services.entities.byIds(members.map((m) => m.entityId));
      return members.flatMap((m) => {
        const entity = entities.get(m.entityId);
        return entity ? [{ entity, role: m.role }] : [];
      });
    },
    keyPhones: (ring, _, ctx) => entitiesOfKind(ctx, ring.keyPhones, 'PHONE'),
    keyBrokers: (ring, _, ctx) => entitiesOfKind(ctx, ring.keyBrokers, 'BROKER'),
    evidence: (ring, _, ctx) => ctx.services.rings.evidence(ring.id),
    linkChart: async (ring, { depth, maxNodes }, ctx) => {
      const members = (await ringWithMembers(ctx, ring.id))?.members ?? [];
      const chart = await ctx.services.linkCharts.chart(
        {
          seeds: members.slice(0, MAX_CHART_SEEDS).map((m) => m.entityId),
          depth,
          maxNodes,
          linkTypes: null,
          from: null,
          to: null,
        },
        ctx.work,
      );
      return { ...chart, nodes: await ctx.protection.chartNodes(chart.nodes) };
    },
    // Descriptions name figures, phone numbers and recruiters: a protected phone's number or
    // member's name becomes its pseudonym (src/protection/).
    factors: async (ring, _, ctx) => {
      const members = await memberIds(ctx, ring.id);
      return Promise.all(
        ring.factors.map(async (f) => ({ ...f, description: await ctx.protection.text(f.description, members) })),
      );
    },
    summary: async (ring, _, ctx) => ctx.protection.text(ring.summary, await memberIds(ctx, ring.id)),
    statusNote: (ring, _, ctx) => ringText(ctx, ring.id, ring.statusNote),
    notes: async (ring, _, ctx) =>
      Promise.all(
        ((await ringNotes(ctx, ring.id)) ?? []).map(async (n) => ({
          ...n,
          text: await ringText(ctx, ring.id, n.text),
        })),
      ),
    triage: async (ring, _, ctx) =>
      Promise.all(
        ((await ringHistory(ctx, ring.id)) ?? []).map(async (e) => ({
          ...e,
          note: await ringText(ctx, ring.id, e.note),
        })),
      ),
  },
};
