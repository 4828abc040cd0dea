import type { ChartNode, LinkChartRequest } from '../../linkchart/chart-types.ts';
import type { GraphQLContext } from '../context.ts';
import type { ChartLayout, QueryLinkChartArgs, Resolvers } from '../generated/resolvers-types.ts';

/** The arguments of linkChart and exportLinkChart; depth and maxNodes are always set, from the schema's defaults. */
type ChartArgs = Pick<QueryLinkChartArgs, 'seeds' | 'linkTypes' | 'from' | 'to'> & {
  depth: number;
  maxNodes: number;
  layout?: ChartLayout;
};

function chartRequest(args: ChartArgs): LinkChartRequest {
  return {
    seeds: args.seeds,
    depth: args.depth,
    maxNodes: args.maxNodes,
    linkTypes: args.linkTypes ?? null,
    from: args.from ?? null,
    to: args.to ?? null,
    layout: args.layout ?? null,
  };
}

/** A chart or path as this viewer may see it: protected people's and phones' labels become pseudonyms. */
async function shown<T extends { nodes: ChartNode[] }>(ctx: GraphQLContext, chart: T): Promise<T> {
  return { ...chart, nodes: await ctx.protection.chartNodes(chart.nodes) };
}

export const linkChartResolvers: Resolvers = {
  Query: {
    linkChart: async (_, args, ctx) => shown(ctx, await ctx.services.linkCharts.chart(chartRequest(args), ctx.work)),
    paths: async (_, { from, to, maxLength, first }, ctx) => {
      const paths = await ctx.services.linkCharts.paths({ from, to, maxLength, first }, ctx.work);
      return Promise.all(paths.map((path) => shown(ctx, path)));
    },
    // Hits on protected people or phones are left out for viewers without clearance: a hit would confirm the name.
    search: async (_, { text, kinds, first }, ctx) =>
      ctx.protection.searchHits(await ctx.services.linkCharts.search({ text, kinds: kinds ?? null, first })),
    exportLinkChart: (_, { format, ...args }, ctx) =>
      ctx.services.linkCharts.export(chartRequest(args), format, (chart) => shown(ctx, chart), ctx.work),
  },
};
