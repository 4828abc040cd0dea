import type { SavedChartRecord } from '../../saved-charts/saved-chart-records.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

function viewer(ctx: GraphQLContext) {
  return { sub: ctx.principal.sub, agency: ctx.principal.agency };
}

/** The chart's id joins the audit record of the operation that read it, so auditTrail(entityId:) lists who opened it. */
function read<T extends SavedChartRecord | undefined>(ctx: GraphQLContext, record: T): T {
  if (record) ctx.touched.add(record.id);
  return record;
}

/** The saver's words as this viewer may read them: names of protected people among the chart's entities replaced. */
function words(ctx: GraphQLContext, record: SavedChartRecord, text: string): Promise<string> {
  return ctx.protection.text(
    text,
    record.entities.map((e) => e.id),
  );
}

/**
 * Saved charts. Every chart shown is read for the viewer at the time: its entities' labels and
 * its note through the protection decision (ctx.protection), whoever saved it.
 */
export const savedChartResolvers: Resolvers = {
  Query: {
    savedCharts: async (_, { first }, ctx) =>
      (await ctx.services.savedCharts.list(viewer(ctx), first)).map((record) => read(ctx, record)),
    savedChart: async (_, { id }, ctx) => read(ctx, await ctx.services.savedCharts.get(viewer(ctx), id)) ?? null,
    exportSavedChart: async (_, { id }, ctx) => {
      const record = read(ctx, await ctx.services.savedCharts.get(viewer(ctx), id));
      if (!record) return ctx.services.savedCharts.notFound(id);
      return ctx.services.savedCharts.exportFile(record, {
        name: await words(ctx, record, record.name),
        note: record.note && (await words(ctx, record, record.note)),
      });
    },
  },
  Mutation: {
    saveChart: async (_, { input }, ctx) =>
      read(
        ctx,
        await ctx.services.savedCharts.save(viewer(ctx), {
          name: input.name,
          note: input.note ?? null,
          seeds: input.seeds,
          entities: input.entities,
          filters: {
            depth: input.filters?.depth ?? 1,
            linkTypes: input.filters?.linkTypes ?? null,
            from: input.filters?.from ?? null,
            to: input.filters?.to ?? null,
          },
        }),
      ),
    shareChart: async (_, { id, sharing }, ctx) =>
      read(ctx, await ctx.services.savedCharts.share(viewer(ctx), id, sharing)),
    deleteSavedChart: async (_, { id }, ctx) => {
      ctx.touched.add(id);
      return ctx.services.savedCharts.delete(viewer(ctx), id);
    },
    importSavedChart: async (_, { content }, ctx) =>
      read(ctx, await ctx.services.savedCharts.importFile(viewer(ctx), content)),
  },
  SavedChart: {
    name: (record, _, ctx) => words(ctx, record, record.name),
    note: (record, _, ctx) => (record.note ? words(ctx, record, record.note) : null),
    chart: async (record, _, ctx) => {
      const chart = await ctx.services.savedCharts.chart(record, ctx.work);
      return { ...chart, nodes: await ctx.protection.chartNodes(chart.nodes) };
    },
  },
};
