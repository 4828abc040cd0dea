import type { PersonRecord } from '../../entities/entity-records.ts';
import type { GraphQLContext } from '../context.ts';
import { ErrorCode, clientError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { connection, pageArgs } from '../pagination.ts';

const WITHHELD_REASON = 'withheld: the person is protected';

/** People by id through the viewer's masking reader, in the order asked; missing ones left out. */
async function people(ctx: GraphQLContext, ids: readonly string[]): Promise<PersonRecord[]> {
  const entities = await ctx.services.entities.byIds(ids);
  return ids.flatMap((id) => {
    const entity = entities.get(id);
    return entity?.kind === 'PERSON' ? [entity] : [];
  });
}

export const resolutionResolvers: Resolvers = {
  Query: {
    duplicateCandidates: async (_, { minScore, first, after }, ctx) => {
      if (!(minScore >= 0 && minScore <= 1))
        throw clientError(ErrorCode.BAD_USER_INPUT, 'minScore must be between 0 and 1');
      const page = pageArgs(first, after);
      // Before paging: a pair with one protected half is not this viewer's to see (src/protection/).
      const { pairs, total } = await ctx.services.resolution.candidates(minScore, page, (found) =>
        ctx.protection.pairsWithoutMixed(found),
      );
      const found = await people(
        ctx,
        pairs.flatMap((p) => [p.a, p.b]),
      );
      const byId = new Map(found.map((p) => [p.id, p]));
      // A pair whose entity was merged away since the list was computed is left out of the page.
      const nodes = pairs.flatMap((pair) => {
        const a = byId.get(pair.a);
        const b = byId.get(pair.b);
        if (!a || !b) return [];
        return [
          {
            id: `${pair.a}|${pair.b}`,
            a,
            b,
            score: pair.score,
            reasons: pair.factors.map((f) => f.description),
            factors: pair.factors,
            autoMergeable: pair.autoMergeable,
          },
        ];
      });
      return connection(nodes, page.skip, total);
    },
  },
  Mutation: {
    mergeEntities: async (_, { keep, merge, reason }, ctx) => {
      ctx.touched.add(keep);
      ctx.touched.add(merge);
      await ctx.services.resolution.merge(keep, merge, reason, ctx.principal.sub);
      const [person] = await people(ctx, [keep]);
      if (!person) throw clientError(ErrorCode.NOT_FOUND, `no person ${keep}`);
      return person;
    },
    unmergeEntity: async (_, { id, mergeId }, ctx) => {
      ctx.touched.add(id);
      const { ids } = await ctx.services.resolution.unmerge(id, mergeId ?? null, ctx.principal.sub);
      for (const touched of ids) ctx.touched.add(touched);
      return people(ctx, ids);
    },
  },
  Person: {
    // The reason is free text an investigator wrote, and may name the person: withheld when she is masked.
    merges: async (person, _, ctx) => {
      const merges = await ctx.services.resolution.merges(person.id);
      if (!(await ctx.protection.maskedIds([person.id])).has(person.id)) return merges;
      return merges.map((m) => ({ ...m, reason: WITHHELD_REASON }));
    },
  },
};
