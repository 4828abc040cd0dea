import type { EntityRecord, PersonRecord, PhoneRecord } from '../../entities/entity-records.ts';
import { entityLabel } from '../../entities/entity-records.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { connection, pageArgs } from '../pagination.ts';

const TYPE_NAME = {
  PERSON: 'Person',
  PHONE: 'Phone',
  BROKER: 'Broker',
  CASE: 'Case',
  BORDER_CROSSING: 'BorderCrossing',
  CHECKPOINT: 'Checkpoint',
} as const;

const common = {
  label: (e: EntityRecord) => entityLabel(e),
  sources: (e: EntityRecord) => e.sources,
};

/** Neighbours of one kind, all of them (for lists that stay short: a person's phones). */
async function neighboursOf<K extends EntityRecord['kind']>(
  ctx: GraphQLContext,
  id: string,
  types: string[],
  direction: 'IN' | 'OUT' | 'BOTH',
  kind?: K,
): Promise<{ entity: Extract<EntityRecord, { kind: K }>; link: Record<string, unknown>; outgoing: boolean }[]> {
  const page = await ctx.services.entities.neighbours(id, types, direction, { skip: 0, limit: 1000 });
  const entities = await ctx.services.entities.byIds(page.items.map((item) => item.id));
  return page.items.flatMap((item) => {
    const entity = entities.get(item.id);
    if (!entity || (kind && entity.kind !== kind)) return [];
    return [{ entity: entity as Extract<EntityRecord, { kind: K }>, link: item.link, outgoing: item.outgoing }];
  });
}

/** One page of neighbours, as a connection. */
async function neighbourPage(
  ctx: GraphQLContext,
  id: string,
  types: string[],
  direction: 'IN' | 'OUT' | 'BOTH',
  first: number,
  after: string | null | undefined,
) {
  const args = pageArgs(first, after);
  const page = await ctx.services.entities.neighbours(id, types, direction, args);
  const entities = await ctx.services.entities.byIds(page.items.map((item) => item.id));
  return { page, entities, args };
}

export const entityResolvers: Resolvers = {
  Entity: {
    __resolveType: (entity) => TYPE_NAME[entity.kind],
  },
  Person: {
    ...common,
    documentNumbers: (p) => p.documentNumbers,
    phones: async (p, _, ctx) => (await neighboursOf(ctx, p.id, ['USES_PHONE'], 'OUT', 'PHONE')).map((n) => n.entity),
    cases: async (p, _, ctx) =>
      (await neighboursOf(ctx, p.id, ['INVOLVED_IN'], 'OUT', 'CASE')).map((n) => ({
        case: n.entity,
        role: (n.link['role'] as never) ?? null,
      })),
    crossings: async (p, { first, after }, ctx) => {
      const { page, entities, args } = await neighbourPage(ctx, p.id, ['MADE'], 'OUT', first, after);
      const nodes = page.items.flatMap((i) => {
        const e = entities.get(i.id);
        return e?.kind === 'BORDER_CROSSING' ? [e] : [];
      });
      return connection(nodes, args.skip, page.total);
    },
    recruiters: async (p, _, ctx) => (await neighboursOf(ctx, p.id, ['RECRUITED_BY'], 'OUT')).map((n) => n.entity),
    relatives: async (p, _, ctx) =>
      (await neighboursOf(ctx, p.id, ['RELATIVE_OF'], 'BOTH', 'PERSON')).map((n) => n.entity),
    acquaintances: async (p, { first, after }, ctx) => {
      const { page, entities, args } = await neighbourPage(ctx, p.id, ['KNOWS'], 'BOTH', first, after);
      const nodes = page.items.flatMap((i) => {
        const e = entities.get(i.id);
        return e?.kind === 'PERSON' ? [e] : [];
      });
      return connection(nodes, args.skip, page.total);
    },
  },
  Phone: {
    ...common,
    users: async (p, _, ctx) => (await neighboursOf(ctx, p.id, ['USES_PHONE'], 'IN')).map((n) => n.entity),
    calls: async (p, { first, after }, ctx) => {
      const { page, entities, args } = await neighbourPage(ctx, p.id, ['CALLED'], 'BOTH', first, after);
      const calls = page.items.flatMap((i) => {
        const other = entities.get(i.id);
        if (other?.kind !== 'PHONE') return [];
        return [
          {
            other: other as PhoneRecord,
            direction: i.outgoing ? ('OUTGOING' as const) : ('INCOMING' as const),
            count: Number(i.link['count'] ?? 1),
            lastAt: (i.link['lastAt'] as string | undefined) ?? null,
          },
        ];
      });
      return connection(calls, args.skip, page.total);
    },
  },
  Broker: {
    ...common,
    phones: async (b, _, ctx) => (await neighboursOf(ctx, b.id, ['USES_PHONE'], 'OUT', 'PHONE')).map((n) => n.entity),
    operators: async (b, _, ctx) => (await neighboursOf(ctx, b.id, ['OPERATES'], 'IN', 'PERSON')).map((n) => n.entity),
    recruits: async (b, { first, after }, ctx) => {
      const { page, entities, args } = await neighbourPage(ctx, b.id, ['RECRUITED_BY'], 'IN', first, after);
      const nodes = page.items.flatMap((i) => {
        const e = entities.get(i.id);
        return e?.kind === 'PERSON' ? [e as PersonRecord] : [];
      });
      return connection(nodes, args.skip, page.total);
    },
  },
  Case: {
    ...common,
    participants: async (c, { role, first, after }, ctx) => {
      const { page, entities, args } = await neighbourPage(ctx, c.id, ['INVOLVED_IN'], 'IN', first, after);
      const nodes = page.items.flatMap((i) => {
        const entity = entities.get(i.id);
        const linkRole = (i.link['role'] as string | undefined) ?? null;
        if (!entity || (role && linkRole !== role)) return [];
        return [{ entity, role: linkRole as never }];
      });
      return connection(nodes, args.skip, page.total);
    },
  },
  BorderCrossing: {
    ...common,
    person: async (c, _, ctx) => (await neighboursOf(ctx, c.id, ['MADE'], 'IN', 'PERSON'))[0]?.entity ?? null,
    checkpoint: async (c, _, ctx) => {
      const [checkpoint] = await neighboursOf(ctx, c.id, ['AT'], 'OUT', 'CHECKPOINT');
      if (!checkpoint) throw new Error(`crossing ${c.id} has no checkpoint`);
      return checkpoint.entity;
    },
  },
  Checkpoint: { ...common },
};
